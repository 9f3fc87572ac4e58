// The builtin function registry. Each builtin family lives in its own file
// (`builtins/<family>.ts`) and exports `register(registry)`; `builtins/index.ts` builds the
// default registry from all families. Implementations are pure functions over Values.

import type { FunctionType } from '../types/types.ts';
import type { Value } from '../value/value.ts';

/** What a builtin may ask of the evaluation it runs in. */
export interface BuiltinContext {
  /** The evaluation's clock in nanoseconds since the Unix epoch (fixed for one evaluation). */
  nowNs(): bigint;
  /** Strict mode: builtin errors abort evaluation instead of making the call undefined. */
  readonly strict: boolean;
  /** Output of `print` (already formatted). */
  print(line: string): void;
  /** Per-evaluation cache, e.g. for `rand.intn`, parsed regexes, the `now` value. */
  readonly cache: Map<string, unknown>;
  /** Deterministic randomness source (overridable for tests). */
  random(): number;
  /** The largest value (elements or characters) a builtin may build; unset = no limit. */
  readonly maxValueSize?: number | undefined;
}

/**
 * A function builtin: returns its result, or `undefined` when the call is undefined
 * (e.g. `object.get` never is, but `to_number("x")` raises; a failed match is `false`).
 * Throw `OperandTypeError` for a wrong operand type and `BuiltinError` for other failures.
 */
export type BuiltinFn = (args: Value[], ctx: BuiltinContext) => Value | undefined;

/** A relation builtin (like `walk`) yields zero or more results. */
export type RelationFn = (args: Value[], ctx: BuiltinContext) => Iterable<Value>;

export interface BuiltinDef {
  /** Rego name: `count`, `strings.replace_n`, `io.jwt.decode`. */
  name: string;
  /** Number of operands (the output is not counted). */
  arity: number;
  /** Infix spelling, if any (`+`, `==`, `in`...). */
  infix?: string;
  fn?: BuiltinFn;
  /**
   * For a builtin of two string operands: its result computed from them directly, as `fn` would
   * (called without an argument array, where operands are known to be strings).
   */
  onStrings?: (a: string, b: string) => Value;
  relation?: RelationFn;
  /** Results vary between calls (time.now_ns, rand.*, uuid.rfc4122): cached per evaluation. */
  nondeterministic?: boolean;
  /** Refused by this engine (network access); calling it is an error naming the reason. */
  refused?: string;
  /**
   * Argument and result types for the type checker (see `parseSignature`); without one the
   * arguments and the result are `any`.
   */
  type?: FunctionType;
}

export class BuiltinRegistry {
  private readonly defs = new Map<string, BuiltinDef>();

  add(def: BuiltinDef): void {
    if (this.defs.has(def.name)) throw new Error(`builtin ${def.name} registered twice`);
    this.defs.set(def.name, def);
  }

  /** Convenience for the common case of a function builtin. */
  fn(name: string, arity: number, fn: BuiltinFn, extra: Partial<BuiltinDef> = {}): void {
    this.add({ name, arity, fn, ...extra });
  }

  get(name: string): BuiltinDef | undefined {
    return this.defs.get(name);
  }

  has(name: string): boolean {
    return this.defs.has(name);
  }

  names(): string[] {
    return [...this.defs.keys()].sort();
  }

  /** A copy that can be extended or overridden without touching this one. */
  clone(): BuiltinRegistry {
    const r = new BuiltinRegistry();
    for (const d of this.defs.values()) r.add(d);
    return r;
  }
}
