// Static types of Rego values, as the type checker infers them: the scalars, arrays and objects
// with known (static) and open (dynamic) parts, sets, unions (`any<...>`, plain `any` being every
// type) and function signatures. `undefined` stands for a type not known yet (printed `???`).
// The algebra follows OPA's type system so that the same programs type-check.

import { compare, isArray, isObject, isSet, type Value } from '../value/value.ts';

export type Type = NullType | BooleanType | NumberType | StringType | ArrayType | ObjectType | SetType | AnyType | FunctionType;

/** A type, or undefined when nothing is known about it. */
export type MaybeType = Type | undefined;

export interface NullType {
  kind: 'null';
}
export interface BooleanType {
  kind: 'boolean';
}
export interface NumberType {
  kind: 'number';
}
export interface StringType {
  kind: 'string';
}

/** `array<A, B>` (fixed positions), `array[T]` (any length), or both (`array<A>[T]`). */
export interface ArrayType {
  kind: 'array';
  static: readonly MaybeType[];
  dynamic?: MaybeType;
}

export interface StaticProperty {
  /** A JSON key: string, number, boolean or null. */
  key: Value;
  value: MaybeType;
}

export interface DynamicProperty {
  key: MaybeType;
  value: MaybeType;
}

/** `object<a: A>` (known keys, sorted), `object[K: V]` (any other keys), or both. */
export interface ObjectType {
  kind: 'object';
  static: readonly StaticProperty[];
  dynamic?: DynamicProperty;
}

export interface SetType {
  kind: 'set';
  of: MaybeType;
}

/** A union of types, sorted; with no members it is `any`, every type. */
export interface AnyType {
  kind: 'any';
  of: readonly Type[];
}

/** A function signature; argument and result names only serve error messages. */
export interface FunctionType {
  kind: 'function';
  args: readonly MaybeType[];
  /** Absent for functions that produce no value (`print`). */
  result?: Type;
  /** Type of any further arguments (`print(x...)`). */
  variadic?: Type;
  argNames?: readonly (string | undefined)[];
  resultName?: string;
}

export const NULL: NullType = { kind: 'null' };
export const BOOLEAN: BooleanType = { kind: 'boolean' };
export const NUMBER: NumberType = { kind: 'number' };
export const STRING: StringType = { kind: 'string' };
export const ANY: AnyType = { kind: 'any', of: [] };

export const arrayOf = (dynamic: MaybeType, fixed: readonly MaybeType[] = []): ArrayType =>
  dynamic === undefined && fixed.length > 0 ? { kind: 'array', static: fixed } : { kind: 'array', static: fixed, dynamic };
export const tuple = (fixed: readonly MaybeType[]): ArrayType => ({ kind: 'array', static: fixed });
export const setOf = (of: MaybeType): SetType => ({ kind: 'set', of });

export function objectType(props: readonly StaticProperty[], dynamic?: DynamicProperty): ObjectType {
  const sorted = [...props].sort((a, b) => compare(a.key, b.key));
  return dynamic === undefined ? { kind: 'object', static: sorted } : { kind: 'object', static: sorted, dynamic };
}

export const dictOf = (key: MaybeType, value: MaybeType): ObjectType => ({ kind: 'object', static: [], dynamic: { key, value } });

/** A union of the given types (sorted, without duplicates). */
export function anyOf(...types: Type[]): AnyType {
  const out: Type[] = [];
  for (const t of [...types].sort(compareTypes)) {
    if (out.length === 0 || compareTypes(out[out.length - 1] as Type, t) !== 0) out.push(t);
  }
  return { kind: 'any', of: out };
}

export function fnType(args: readonly MaybeType[], result: Type | undefined): FunctionType {
  return result === undefined ? { kind: 'function', args } : { kind: 'function', args, result };
}

const ORDER: Record<Type['kind'], number> = { null: 0, boolean: 1, number: 2, string: 3, array: 4, object: 5, set: 6, any: 7, function: 8 };

const order = (t: MaybeType): number => (t === undefined ? -1 : ORDER[t.kind]);

/** A total order on types (unknown first), used to keep unions sorted. */
export function compareTypes(a: MaybeType, b: MaybeType): number {
  const x = order(a);
  const y = order(b);
  if (x !== y) return x < y ? -1 : 1;
  if (a === undefined || b === undefined) return 0;
  switch (a.kind) {
    case 'null':
    case 'boolean':
    case 'number':
    case 'string':
      return 0;
    case 'array': {
      const o = b as ArrayType;
      if ((a.dynamic !== undefined) !== (o.dynamic !== undefined)) return a.dynamic !== undefined ? 1 : -1;
      const c = a.dynamic !== undefined ? compareTypes(a.dynamic, o.dynamic) : 0;
      return c !== 0 ? c : compareLists(a.static, o.static);
    }
    case 'object': {
      const o = b as ObjectType;
      if ((a.dynamic !== undefined) !== (o.dynamic !== undefined)) return a.dynamic !== undefined ? 1 : -1;
      if (a.dynamic && o.dynamic) {
        const c = compareTypes(a.dynamic.key, o.dynamic.key) || compareTypes(a.dynamic.value, o.dynamic.value);
        if (c !== 0) return c;
      }
      const n = Math.min(a.static.length, o.static.length);
      for (let i = 0; i < n; i++) {
        const p = a.static[i] as StaticProperty;
        const q = o.static[i] as StaticProperty;
        const c = compare(p.key, q.key) || compareTypes(p.value, q.value);
        if (c !== 0) return c;
      }
      return Math.sign(a.static.length - o.static.length);
    }
    case 'set':
      return compareTypes(a.of, (b as SetType).of);
    case 'any':
      return compareLists(a.of, (b as AnyType).of);
    case 'function': {
      const o = b as FunctionType;
      if (a.args.length !== o.args.length) return a.args.length < o.args.length ? -1 : 1;
      return compareLists(a.args, o.args) || compareTypes(a.result, o.result) || compareTypes(a.variadic, o.variadic);
    }
  }
}

function compareLists(a: readonly MaybeType[], b: readonly MaybeType[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareTypes(a[i], b[i]);
    if (c !== 0) return c;
  }
  return Math.sign(a.length - b.length);
}

export const isAny = (t: MaybeType): boolean => t !== undefined && t.kind === 'any' && t.of.length === 0;

/** Whether `a` includes `b`: `any` includes every non-function type, a union its members. */
export function contains(a: MaybeType, b: MaybeType): boolean {
  if (a !== undefined && a.kind === 'any') {
    if (b !== undefined && b.kind === 'function') return false;
    return a.of.length === 0 || a.of.some((t) => compareTypes(t, b) === 0);
  }
  return compareTypes(a, b) === 0;
}

/** The union of two types; unknown is the identity, and a function only joins a function. */
export function or(a: MaybeType, b: MaybeType): MaybeType {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a.kind === 'function' || b.kind === 'function') {
    return a.kind === 'function' && b.kind === 'function' ? unionFunctions(a, b) : undefined;
  }
  if (a.kind === 'any') return mergeAny(a, b);
  if (b.kind === 'any') return mergeAny(b, a);
  return compareTypes(a, b) === 0 ? a : anyOf(a, b);
}

function mergeAny(a: AnyType, b: Type): AnyType {
  if (b.kind === 'any') {
    if (a.of.length === 0) return a;
    if (b.of.length === 0) return b;
    return anyOf(...a.of, ...b.of);
  }
  return contains(a, b) ? a : anyOf(...a.of, b);
}

function unionFunctions(a: FunctionType, b: FunctionType): FunctionType | undefined {
  if (a.args.length !== b.args.length || (a.variadic === undefined) !== (b.variadic === undefined)) return undefined;
  const out = fnType(a.args.map((t, i) => or(t, b.args[i])), or(a.result, b.result));
  const variadic = or(a.variadic, b.variadic);
  return variadic === undefined ? out : { ...out, variadic };
}

/** The type of a JSON-shaped value (object keys and array elements typed one by one). */
export function typeOfValue(v: Value): Type {
  if (v === null) return NULL;
  if (typeof v === 'boolean') return BOOLEAN;
  if (typeof v === 'string') return STRING;
  if (isArray(v)) return tuple(v.map(typeOfValue));
  if (isObject(v)) return objectType(v.entries().map(([key, value]) => ({ key, value: typeOfValue(value) })));
  if (isSet(v)) return tuple(v.values().map(typeOfValue));
  return NUMBER;
}

/** The type of `a[x]` for a constant key `x`, or undefined when `a` cannot have it. */
export function select(a: MaybeType, key: Value): MaybeType {
  if (a === undefined) return undefined;
  switch (a.kind) {
    case 'array': {
      if (typeof key !== 'number' || !Number.isInteger(key) || key < 0) return undefined;
      return key < a.static.length ? a.static[key] : a.dynamic;
    }
    case 'object': {
      const prop = a.static.find((p) => compare(p.key, key) === 0);
      if (prop !== undefined) return prop.value;
      if (a.dynamic !== undefined && contains(a.dynamic.key, typeOfValue(key))) return a.dynamic.value;
      return undefined;
    }
    case 'set': {
      const t = typeOfValue(key);
      if (compareTypes(a.of, t) === 0) return a.of;
      return a.of !== undefined && a.of.kind === 'any' && contains(a.of, t) ? t : undefined;
    }
    case 'any': {
      if (a.of.length === 0) return ANY;
      let out: MaybeType;
      for (const t of a.of) out = or(select(t, key), out);
      return out;
    }
    default:
      return undefined;
  }
}

/** The type of the keys a value of type `a` can be indexed by (undefined for scalars). */
export function keysOf(a: MaybeType): MaybeType {
  if (a === undefined) return undefined;
  switch (a.kind) {
    case 'array':
      return NUMBER;
    case 'object': {
      let out: MaybeType;
      for (const p of a.static) out = or(out, typeOfValue(p.key));
      return a.dynamic ? or(out, a.dynamic.key) : out;
    }
    case 'set':
      return a.of;
    case 'any': {
      if (a.of.length === 0) return ANY;
      let out: MaybeType;
      for (const t of a.of) out = or(keysOf(t), out);
      return out;
    }
    default:
      return undefined;
  }
}

/** The type of the values a value of type `a` contains (undefined for scalars). */
export function valuesOf(a: MaybeType): MaybeType {
  if (a === undefined) return undefined;
  switch (a.kind) {
    case 'array': {
      let out: MaybeType;
      for (const t of a.static) out = or(out, t);
      return or(out, a.dynamic);
    }
    case 'object': {
      let out: MaybeType;
      for (const p of a.static) out = or(out, p.value);
      return a.dynamic ? or(out, a.dynamic.value) : out;
    }
    case 'set':
      return a.of;
    case 'any': {
      if (a.of.length === 0) return ANY;
      let out: MaybeType;
      for (const t of a.of) out = or(valuesOf(t), out);
      return out;
    }
    default:
      return undefined;
  }
}

/** Whether the type, or a part of it, is still unknown. */
export function hasUnknown(a: MaybeType): boolean {
  if (a === undefined) return true;
  switch (a.kind) {
    case 'function':
      return a.args.some(hasUnknown) || hasUnknown(a.result);
    case 'array':
      return a.static.some(hasUnknown) || (a.dynamic !== undefined && hasUnknown(a.dynamic));
    case 'object':
      return a.static.some((p) => hasUnknown(p.value)) || (a.dynamic !== undefined && (hasUnknown(a.dynamic.key) || hasUnknown(a.dynamic.value)));
    case 'set':
      return hasUnknown(a.of);
    default:
      return false;
  }
}

/**
 * Whether values of the two types can be the same value: unions unify when a member does,
 * arrays and objects position by position and key by key, sets by their elements.
 */
export function unifies(a: MaybeType, b: MaybeType): boolean {
  if (a === undefined || b === undefined) return false;
  if (a.kind === 'any' && unifiesAny(a, b)) return true;
  if (b.kind === 'any' && unifiesAny(b, a)) return true;
  if (a.kind === 'any' || b.kind === 'any') return false;
  switch (a.kind) {
    case 'null':
    case 'boolean':
    case 'number':
    case 'string':
      return b.kind === a.kind;
    case 'array':
      return b.kind === 'array' && unifiesArrays(a, b);
    case 'object':
      return b.kind === 'object' && unifiesObjects(a, b);
    case 'set':
      return b.kind === 'set' && unifies(valuesOf(a), valuesOf(b));
    case 'function':
      return b.kind === 'function' && a.args.length === b.args.length && a.args.every((t, i) => unifies(t, b.args[i]));
  }
}

function unifiesAny(a: AnyType, b: Type): boolean {
  if (b.kind === 'function') return false;
  return a.of.length === 0 || a.of.some((t) => unifies(t, b));
}

function unifiesArrays(a: ArrayType, b: ArrayType): boolean {
  const fixed = (x: ArrayType, y: ArrayType) => x.static.every((t, i) => unifies(t, y.static[i] ?? y.dynamic));
  if (!fixed(a, b) || !fixed(b, a)) return false;
  return a.dynamic === undefined || b.dynamic === undefined || unifies(a.dynamic, b.dynamic);
}

function unifiesObjects(a: ObjectType, b: ObjectType): boolean {
  const fixed = (x: ObjectType, y: ObjectType) => x.static.every((p) => unifies(p.value, select(y, p.key)));
  if (!fixed(a, b) || !fixed(b, a)) return false;
  return a.dynamic === undefined || b.dynamic === undefined || unifies(a.dynamic.value, b.dynamic.value);
}
