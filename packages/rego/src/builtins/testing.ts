// Helpers for builtin unit tests: call a builtin of the default registry directly, with a
// fixed clock and a fresh per-evaluation cache.

import assert from 'node:assert/strict';
import { canonicalText, fromJS, type Value } from '../value/value.ts';
import { defaultRegistry } from './index.ts';
import type { BuiltinContext } from './registry.ts';

const registry = defaultRegistry();

export function testContext(nowNs = 1_700_000_000_000_000_000n): BuiltinContext {
  return {
    nowNs: () => nowNs,
    strict: true,
    print: () => {},
    cache: new Map(),
    random: Math.random,
  };
}

/** Calls builtin `name`; plain JS arguments are converted with `fromJS`. */
export function callBuiltin(name: string, args: unknown[], ctx: BuiltinContext = testContext()): Value | undefined {
  const def = registry.get(name);
  if (def?.fn === undefined) throw new Error(`no function builtin ${name}`);
  if (def.arity !== args.length) throw new Error(`${name} takes ${def.arity} operands`);
  return def.fn(args.map(fromJS), ctx);
}

/** Calls a builtin with the operands given inline. */
export const call = (name: string, ...args: unknown[]): Value | undefined => callBuiltin(name, args);

/** The result in Rego's text form (`undefined` when the call is undefined), for compact asserts. */
export function show(name: string, ...args: unknown[]): string | undefined {
  const r = callBuiltin(name, args);
  return r === undefined ? undefined : canonicalText(r);
}

/** Asserts the call fails with exactly `message`. */
export function throws(name: string, args: unknown[], message: string): void {
  assert.throws(() => callBuiltin(name, args), (e: Error) => e.message === message, `${name} should fail with ${message}`);
}
