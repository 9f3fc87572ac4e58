import assert from 'node:assert/strict';
import { test } from 'node:test';
import { intrinsicArity } from '../compile/intrinsics.ts';
import { compile } from '../policy.ts';
import { parseSignature } from '../types/notation.ts';
import { defaultRegistry } from './index.ts';
import { builtinSignature, signatureNames } from './signatures.ts';

test('every builtin of the default registry declares its types, one per operand', () => {
  const registry = defaultRegistry();
  const missing = registry.names().filter((n) => registry.get(n)?.type === undefined);
  assert.deepEqual(missing, []);
  for (const name of registry.names()) {
    assert.equal(registry.get(name)?.type?.args.length, registry.get(name)?.arity, name);
  }
});

test('every declared signature belongs to a builtin or an evaluator function', () => {
  const registry = defaultRegistry();
  const stray = signatureNames().filter((n) => !registry.has(n) && intrinsicArity(n) === undefined);
  assert.deepEqual(stray, []);
  for (const name of signatureNames()) assert.ok(builtinSignature(name), name);
});

test('a custom builtin takes any values unless it declares its types', () => {
  const builtins = defaultRegistry().clone();
  builtins.fn('tenant.tier', 1, ([id]) => (id === 'pilot-a' ? 'gold' : 'standard'));
  builtins.fn('tenant.limit', 1, () => 3, { type: parseSignature('(tier: string) => limit: number') });
  const ok = compile({ 'p.rego': 'package t\n\ntier := tenant.tier(1)\n\nlimit := tenant.limit("gold") + 1\n' }, { builtins });
  assert.equal(ok.evaluate('t.tier'), 'standard');
  assert.equal(ok.evaluate('t.limit'), 4);
  assert.throws(
    () => compile({ 'p.rego': 'package t\n\nlimit := tenant.limit(1)\n' }, { builtins }),
    /tenant\.limit: invalid argument\(s\)\n\thave: \(number, \?\?\?\)\n\twant: \(tier: string, limit: number\)/,
  );
});
