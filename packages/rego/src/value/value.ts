// The runtime value model shared by the evaluator and every builtin.
//
// A Rego value is one of:
//   null | boolean | number | BigNum | string | Value[] | RObject | RSet
// Numbers are plain JS numbers whenever that is exact (safe integers and decimals whose shortest
// text round-trips); anything else (integers beyond 2^53, decimals with more digits than a double
// holds) is a BigNum carrying its exact decimal text. Objects and sets are classes because Rego
// keys can be any value, and both iterate in Rego's sort order as OPA does.
//
// Values are immutable once built: builders (`RObject.from`, `new RSet(...)` + `add` during
// construction) must not be mutated after they are handed to the evaluator.

import { MAX_NESTING_DEPTH } from '../limits.ts';
import { intern } from './intern.ts';

export type Value = null | boolean | number | BigNum | string | Value[] | RObject | RSet;

/** An exact number that a JS double cannot hold. `text` is canonical decimal (no exponent). */
export class BigNum {
  /** Set when the number is an integer. */
  readonly int: bigint | undefined;
  constructor(readonly text: string) {
    this.int = /^-?\d+$/.test(text) ? BigInt(text) : undefined;
  }
  toString(): string {
    return this.text;
  }
}

// Key encoding: string keys are stored as themselves; other keys as "\u0000" + canonical text.
// A string key that itself starts with "\u0000" is escaped with a second "\u0000" so the two
// spaces never collide.
export function keyOf(v: Value): string {
  if (typeof v === 'string') return v.length > 0 && v.charCodeAt(0) === 0 ? '\u0000' + v : v;
  return '\u0000\u0001' + canonicalText(v);
}

/** Objects with up to this many entries keep them in one flat array, which takes less memory
 * than a Map and is as fast to search at that size. */
const SMALL_OBJECT = 8;

/** A Rego object: any value as key, iteration in sorted key order. */
export class RObject {
  /** While small: the entries as [key0, value0, key1, value1, ...] (undefined when empty). */
  private flat: Value[] | undefined;
  /** Once large: the entries with string keys. */
  private strs: Map<string, Value> | undefined;
  /** Once large: the entries with other keys, by `keyOf`. */
  private others: Map<string, [Value, Value]> | undefined;
  private sorted: [Value, Value][] | undefined;

  static from(entries: Iterable<[Value, Value]>): RObject {
    const o = new RObject();
    for (const [k, v] of entries) o.set(k, v);
    return o;
  }

  static fromRecord(rec: Record<string, Value>): RObject {
    const keys = Object.keys(rec);
    return RObject.fromStringKeys(keys, keys.map((k) => rec[k] as Value));
  }

  /** Whether an object of n entries keeps them in one entry list (see fromEntryList). */
  static isSmall(n: number): boolean {
    return n > 0 && n <= SMALL_OBJECT;
  }

  /** An object over [key0, value0, key1, value1, ...] with distinct keys (kept, not copied). */
  static fromEntryList(flat: Value[]): RObject {
    const o = new RObject();
    o.flat = flat;
    return o;
  }

  /** An object from distinct string keys and their values (both arrays are kept or dropped). */
  static fromStringKeys(keys: readonly string[], values: readonly Value[]): RObject {
    const o = new RObject();
    const n = keys.length;
    if (n === 0) return o;
    if (n <= SMALL_OBJECT) {
      const flat: Value[] = new Array(2 * n);
      for (let i = 0; i < n; i++) {
        flat[2 * i] = keys[i] as string;
        flat[2 * i + 1] = values[i] as Value;
      }
      o.flat = flat;
    } else {
      const strs = new Map<string, Value>();
      for (let i = 0; i < n; i++) strs.set(keys[i] as string, values[i] as Value);
      o.strs = strs;
    }
    return o;
  }

  get size(): number {
    if (this.strs !== undefined) return this.strs.size + (this.others?.size ?? 0);
    return this.flat === undefined ? 0 : this.flat.length >> 1;
  }

  /** Builder only: set a key (replaces an equal key). */
  set(k: Value, v: Value): this {
    this.sorted = undefined;
    if (this.strs === undefined) {
      const flat = this.flat;
      if (flat === undefined) {
        this.flat = [k, v];
        return this;
      }
      const i = indexOfKey(flat, k);
      if (i >= 0) {
        flat[i] = k;
        flat[i + 1] = v;
        return this;
      }
      if (flat.length < 2 * SMALL_OBJECT) {
        flat.push(k, v);
        return this;
      }
      this.strs = new Map();
      this.flat = undefined;
      for (let j = 0; j < flat.length; j += 2) this.setLarge(flat[j] as Value, flat[j + 1] as Value);
    }
    this.setLarge(k, v);
    return this;
  }

  private setLarge(k: Value, v: Value): void {
    if (typeof k === 'string') (this.strs as Map<string, Value>).set(k, v);
    else (this.others ??= new Map()).set(keyOf(k), [k, v]);
  }

  get(k: Value): Value | undefined {
    if (typeof k === 'string') return this.getStr(k);
    if (this.strs !== undefined) return this.others?.get(keyOf(k))?.[1];
    const flat = this.flat;
    if (flat === undefined) return undefined;
    const i = indexOfKey(flat, k);
    return i < 0 ? undefined : flat[i + 1];
  }

  /** Fast path for string keys. */
  getStr(k: string): Value | undefined {
    const flat = this.flat;
    if (flat !== undefined) {
      for (let i = 0; i < flat.length; i += 2) if (flat[i] === k) return flat[i + 1];
      return undefined;
    }
    return this.strs?.get(k);
  }

  has(k: Value): boolean {
    return this.get(k) !== undefined;
  }

  /** Entries in Rego sort order of keys. */
  entries(): readonly [Value, Value][] {
    if (this.sorted === undefined) this.sorted = this.sortedEntries();
    return this.sorted;
  }

  private sortedEntries(): [Value, Value][] {
    const out: [Value, Value][] = [];
    let strings = true;
    const flat = this.flat;
    if (flat !== undefined) {
      for (let i = 0; i < flat.length; i += 2) {
        const k = flat[i] as Value;
        if (typeof k !== 'string') strings = false;
        out.push([k, flat[i + 1] as Value]);
      }
    } else if (this.strs !== undefined) {
      for (const [k, v] of this.strs) out.push([k, v]);
      if (this.others !== undefined) {
        strings = false;
        for (const e of this.others.values()) out.push(e);
      }
    }
    return sortInPlace(out, strings ? compareStringEntries : compareEntries);
  }

  /**
   * The object as a JS record of converted values, keys in sort order, written without building
   * the sorted entry list; undefined unless it is small with string keys only (as most are).
   */
  toRecord(convert: (v: Value) => unknown): Record<string, unknown> | undefined {
    const flat = this.flat;
    if (flat === undefined || this.sorted !== undefined) return undefined;
    for (let i = 0; i < flat.length; i += 2) if (typeof flat[i] !== 'string') return undefined;
    const out: Record<string, unknown> = {};
    let prev: string | undefined;
    for (let n = 0; n < flat.length; n += 2) {
      // The least key after the previous one (keys are distinct; there are at most eight).
      let next = -1;
      for (let i = 0; i < flat.length; i += 2) {
        const key = flat[i] as string;
        if ((prev === undefined || compareStrings(key, prev) > 0) && (next < 0 || compareStrings(key, flat[next] as string) < 0)) next = i;
      }
      prev = flat[next] as string;
      out[prev] = convert(flat[next + 1] as Value);
    }
    return out;
  }

  keys(): Value[] {
    return this.entries().map((e) => e[0]);
  }

  values(): Value[] {
    return this.entries().map((e) => e[1]);
  }
}

/** Position of key `k` in a flat entry array, or -1. */
function indexOfKey(flat: Value[], k: Value): number {
  if (typeof k === 'string') {
    for (let i = 0; i < flat.length; i += 2) if (flat[i] === k) return i;
    return -1;
  }
  for (let i = 0; i < flat.length; i += 2) {
    const key = flat[i] as Value;
    if (typeof key !== 'string' && equal(key, k)) return i;
  }
  return -1;
}

/** Sorts an array; short ones by insertion, which needs no scratch space. */
function sortInPlace<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  if (xs.length > 12) return xs.sort(cmp);
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i] as T;
    let j = i - 1;
    for (; j >= 0 && cmp(xs[j] as T, x) > 0; j--) xs[j + 1] = xs[j] as T;
    xs[j + 1] = x;
  }
  return xs;
}

const compareStringEntries = (a: [Value, Value], b: [Value, Value]): number => compareStrings(a[0] as string, b[0] as string);
const compareEntries = (a: [Value, Value], b: [Value, Value]): number => compare(a[0], b[0]);

/** Members whose JS identity is their Rego identity (a JS Set can hold them directly). */
const isPlain = (v: Value): boolean =>
  typeof v === 'string' || (typeof v === 'number' ? Number.isSafeInteger(v) : v === null || typeof v === 'boolean');

/** Up to this many plain members a set keeps them in an array (no hash table). */
const SMALL_SET = 8;

/** A Rego set: iteration in sorted order. */
export class RSet {
  /**
   * Strings, safe integers, booleans and null: the first SMALL_SET in `few` (its first
   * `fewCount` slots, searched in order), all of them in `plain` once there are more.
   */
  private few: Value[] | undefined;
  private fewCount = 0;
  private plain: Set<Value> | undefined;
  /** Other members (composites, fractions, big numbers), by `keyOf`. */
  private others: Map<string, Value> | undefined;
  private sorted: Value[] | undefined;
  private unordered: Value[] | undefined;

  constructor(items?: Iterable<Value>) {
    if (items) for (const v of items) this.add(v);
  }

  get size(): number {
    return (this.plain?.size ?? this.fewCount) + (this.others?.size ?? 0);
  }

  /** Builder only. Returns true when the value was new. */
  add(v: Value): boolean {
    if (isPlain(v)) {
      if (!this.addPlain(v)) return false;
    } else {
      const k = keyOf(v);
      const others = (this.others ??= new Map());
      if (others.has(k)) return false;
      others.set(k, v);
    }
    this.sorted = undefined;
    this.unordered = undefined;
    return true;
  }

  private addPlain(v: Value): boolean {
    const plain = this.plain;
    if (plain !== undefined) {
      const n = plain.size;
      plain.add(v);
      return plain.size !== n;
    }
    if (this.hasFew(v)) return false;
    const few = (this.few ??= new Array(SMALL_SET));
    if (this.fewCount < SMALL_SET) {
      few[this.fewCount++] = v;
      return true;
    }
    this.plain = new Set(few);
    this.plain.add(v);
    this.few = undefined;
    this.fewCount = 0;
    return true;
  }

  private hasFew(v: Value): boolean {
    const few = this.few;
    if (few !== undefined) for (let i = 0; i < this.fewCount; i++) if (few[i] === v) return true;
    return false;
  }

  /** The plain members in a new array, in insertion order. */
  private plainMembers(): Value[] {
    if (this.plain !== undefined) return [...this.plain];
    return this.few === undefined ? [] : this.few.slice(0, this.fewCount);
  }

  has(v: Value): boolean {
    if (isPlain(v)) return this.plain !== undefined ? this.plain.has(v) : this.hasFew(v);
    return this.others !== undefined && this.others.has(keyOf(v));
  }

  /** Members in Rego sort order. */
  values(): readonly Value[] {
    if (this.sorted === undefined) {
      const out = this.plainMembers();
      if (this.others !== undefined) for (const v of this.others.values()) out.push(v);
      this.sorted = sortInPlace(out, compare);
    }
    return this.sorted;
  }

  /** The members in sort order, converted, in a new array (without keeping a sorted list). */
  sortedCopy(convert: (v: Value) => unknown): unknown[] {
    if (this.sorted !== undefined) return this.sorted.map(convert);
    const out: Value[] = this.plainMembers();
    if (this.others !== undefined) for (const v of this.others.values()) out.push(v);
    sortInPlace(out, compare);
    const converted = out as unknown[];
    for (let i = 0; i < out.length; i++) converted[i] = convert(out[i] as Value);
    return converted;
  }

  /** Members in insertion order: no sorting, for when the order cannot be observed. */
  unorderedValues(): readonly Value[] {
    return this.sorted ?? (this.others === undefined ? (this.unordered ??= this.plainMembers()) : this.values());
  }
}

// ---------------------------------------------------------------------------------------------
// Type names, as OPA prints them in errors and `type_name`.

export type TypeName = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' | 'set';

export function typeName(v: Value): TypeName {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
  }
  if (Array.isArray(v)) return 'array';
  if (v instanceof RObject) return 'object';
  if (v instanceof RSet) return 'set';
  return 'number'; // BigNum
}

export const isNumber = (v: Value): v is number | BigNum => typeof v === 'number' || v instanceof BigNum;
export const isObject = (v: Value): v is RObject => v instanceof RObject;
export const isSet = (v: Value): v is RSet => v instanceof RSet;
export const isArray = (v: Value): v is Value[] => Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// Ordering and equality. OPA orders by type first: null < boolean < number < string < array <
// object < set; then by value (arrays element-wise, objects by sorted keys then values, sets by
// sorted members).

const TYPE_RANK: Record<TypeName, number> = {
  null: 0,
  boolean: 1,
  number: 2,
  string: 3,
  array: 4,
  object: 5,
  set: 6,
};

export function compare(a: Value, b: Value): number {
  if (a === b) return 0;
  // Fast path for the most common case (sorting sets and keys of strings).
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  const ta = typeName(a);
  const tb = typeName(b);
  if (ta !== tb) return TYPE_RANK[ta] - TYPE_RANK[tb];
  switch (ta) {
    case 'null':
      return 0;
    case 'boolean':
      return a === b ? 0 : a ? 1 : -1;
    case 'number':
      return compareNumbers(a as number | BigNum, b as number | BigNum);
    case 'string':
      return compareStrings(a as string, b as string);
    case 'array': {
      const x = a as Value[];
      const y = b as Value[];
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compare(x[i] as Value, y[i] as Value);
        if (c !== 0) return c;
      }
      return x.length - y.length;
    }
    case 'object': {
      const x = (a as RObject).entries();
      const y = (b as RObject).entries();
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const [xk, xv] = x[i] as [Value, Value];
        const [yk, yv] = y[i] as [Value, Value];
        const ck = compare(xk, yk);
        if (ck !== 0) return ck;
        const cv = compare(xv, yv);
        if (cv !== 0) return cv;
      }
      return x.length - y.length;
    }
    case 'set': {
      const x = (a as RSet).values();
      const y = (b as RSet).values();
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compare(x[i] as Value, y[i] as Value);
        if (c !== 0) return c;
      }
      return x.length - y.length;
    }
  }
}

/** Byte-wise (UTF-8 order equals code point order) comparison, as Go compares strings. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    // UTF-16 units order like code points except surrogates against U+E000..U+FFFF.
    if (ca >= 0xd800 && cb >= 0xd800) return (a.codePointAt(i) as number) < (b.codePointAt(i) as number) ? -1 : 1;
    return ca < cb ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

export function equal(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object') {
    // number vs BigNum may still be equal
    if (typeof a === 'number' && b instanceof BigNum) return compareNumbers(a, b) === 0;
    return false;
  }
  return compare(a, b) === 0;
}

// ---------------------------------------------------------------------------------------------
// Numbers.

/** Exact decimal text of a number (no exponent), as Rego prints it. */
export function numberText(n: number | BigNum): string {
  if (n instanceof BigNum) return n.text;
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0) === '-0' ? '0' : n.toFixed(0);
  const s = String(n);
  return s.includes('e') ? expandExponent(s) : s;
}

/** Expands "1.5e-7" into "0.00000015". */
export function expandExponent(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, intPart, frac = '', expText] = m;
  const exp = Number(expText);
  let digits = (intPart as string) + frac;
  let point = (intPart as string).length + exp;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    digits = digits + '0'.repeat(point - digits.length);
  }
  let whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  let fraction = digits.slice(point).replace(/0+$/, '');
  if (whole === '') whole = '0';
  const text = fraction.length > 0 ? `${whole}.${fraction}` : whole;
  fraction = '';
  return text === '0' ? '0' : sign + text;
}

/**
 * Parses number text (JSON or Rego literal) into the exact representation: a JS number when that
 * round-trips, otherwise a BigNum.
 */
export function parseNumber(text: string): number | BigNum {
  const n = Number(text);
  if (!Number.isFinite(n)) return new BigNum(expandExponent(normalizeNumberText(text)));
  if (Number.isInteger(n)) {
    if (Number.isSafeInteger(n)) return n;
    const norm = expandExponent(normalizeNumberText(text));
    return /^-?\d+$/.test(norm) && BigInt(norm) === BigInt(n) && Number.isSafeInteger(n) ? n : new BigNum(norm);
  }
  const norm = expandExponent(normalizeNumberText(text));
  return numberText(n) === norm ? n : new BigNum(norm);
}

function normalizeNumberText(text: string): string {
  let t = text.trim();
  if (t.startsWith('+')) t = t.slice(1);
  // strip redundant zeros in the fraction ("1.50" → "1.5", "2.0" → "2")
  const m = /^(-?\d+)\.(\d*?)0*(?:([eE][+-]?\d+))?$/.exec(t);
  if (m) t = (m[2] ? `${m[1]}.${m[2]}` : (m[1] as string)) + (m[3] ?? '');
  return t.replace(/^(-?)0+(?=\d)/, '$1');
}

/** Builds the exact representation of a bigint. */
export function fromBigInt(b: bigint): number | BigNum {
  if (b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(b);
  return new BigNum(b.toString());
}

/** The integer value of a number, or undefined when it is not an integer. */
export function toBigInt(n: number | BigNum): bigint | undefined {
  if (n instanceof BigNum) return n.int;
  return Number.isInteger(n) ? BigInt(n) : undefined;
}

export function isInteger(n: number | BigNum): boolean {
  return n instanceof BigNum ? n.int !== undefined : Number.isInteger(n);
}

/** Approximate double value (for builtins that work in floating point). */
export function toDouble(n: number | BigNum): number {
  return n instanceof BigNum ? Number(n.text) : n;
}

export function compareNumbers(a: number | BigNum, b: number | BigNum): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const ai = toBigInt(a);
  const bi = toBigInt(b);
  if (ai !== undefined && bi !== undefined) return ai < bi ? -1 : ai > bi ? 1 : 0;
  return compareDecimalText(numberText(a), numberText(b));
}

function compareDecimalText(a: string, b: string): number {
  const an = a.startsWith('-');
  const bn = b.startsWith('-');
  if (an !== bn) return an ? -1 : 1;
  const sign = an ? -1 : 1;
  const [ai = '', af = ''] = (an ? a.slice(1) : a).split('.');
  const [bi = '', bf = ''] = (bn ? b.slice(1) : b).split('.');
  if (ai.length !== bi.length) return sign * (ai.length < bi.length ? -1 : 1);
  if (ai !== bi) return sign * (ai < bi ? -1 : 1);
  const w = Math.max(af.length, bf.length);
  const x = af.padEnd(w, '0');
  const y = bf.padEnd(w, '0');
  return x === y ? 0 : sign * (x < y ? -1 : 1);
}

// ---------------------------------------------------------------------------------------------
// Conversion to and from JSON-shaped JS data.

/**
 * Converts parsed JSON (or any plain JS data) into a Value. Objects become RObject, arrays are
 * converted element-wise. Non-finite numbers are refused.
 */
export function fromJS(x: unknown): Value {
  if (x === null || x === undefined) return null;
  switch (typeof x) {
    case 'boolean':
    case 'string':
      return x;
    case 'number':
      if (!Number.isFinite(x)) throw new TypeError(`cannot represent ${x} as a Rego number`);
      return x;
    case 'bigint':
      return fromBigInt(x);
    case 'object':
      break;
    default:
      throw new TypeError(`cannot convert ${typeof x} to a Rego value`);
  }
  if (Array.isArray(x)) return x.map(fromJS);
  if (x instanceof RObject || x instanceof RSet || x instanceof BigNum) return x;
  if (x instanceof Set) return new RSet([...x].map(fromJS));
  const keys = Object.keys(x as object);
  return RObject.fromStringKeys(keys, keys.map((k) => fromJS((x as Record<string, unknown>)[k])));
}

/**
 * Converts a Value to JSON-shaped JS data. Sets become sorted arrays; object keys that are not
 * strings are rendered as their JSON text (as OPA does when serialising). BigNums become JS
 * numbers unless `exactNumbers` is set, in which case they stay BigNum (callers serialise them).
 */
export function toJS(v: Value): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof BigNum) return Number(v.text);
  if (Array.isArray(v)) return v.map(toJS);
  if (v instanceof RSet) return v.sortedCopy(toJS);
  const record = v.toRecord(toJS);
  if (record !== undefined) return record;
  const out: Record<string, unknown> = {};
  for (const [k, val] of v.entries()) out[typeof k === 'string' ? k : toJSONText(k)] = toJS(val);
  return out;
}

/** JSON text of a value with exact numbers and sorted keys (sets as arrays). */
export function toJSONText(v: Value): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return numberText(v);
    case 'string':
      return JSON.stringify(v);
  }
  if (v instanceof BigNum) return v.text;
  if (Array.isArray(v)) return '[' + v.map(toJSONText).join(',') + ']';
  if (v instanceof RSet) return '[' + v.values().map(toJSONText).join(',') + ']';
  return (
    '{' +
    v
      .entries()
      .map(([k, val]) => JSON.stringify(typeof k === 'string' ? k : toJSONText(k)) + ':' + toJSONText(val))
      .join(',') +
    '}'
  );
}

/**
 * Parses JSON text keeping exact numbers (big integers and long decimals become BigNum).
 * Written by hand because Node 20's JSON.parse gives revivers no access to the source text.
 * Throws SyntaxError with the offset of the problem.
 */
export function parseJSON(text: string): Value {
  let i = 0;
  const strings = new Map<string, string>();
  const fail = (what: string): never => {
    throw new SyntaxError(`invalid JSON at offset ${i}: ${what}`);
  };
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    let simple = true;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c === 0x5c) {
        simple = false;
        i += 2;
        continue;
      }
      if (c < 0x20) fail('control character in string');
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
    // Repeated strings (keys, enumerations) share one copy, and no string is a slice that would
    // keep the whole text alive.
    const raw = simple ? text.slice(start + 1, i - 1) : (JSON.parse(text.slice(start, i)) as string);
    let s = strings.get(raw);
    if (s === undefined) {
      s = intern(simple && raw.length >= SLICE_MIN ? (JSON.parse(text.slice(start, i)) as string) : raw);
      strings.set(s, s);
    }
    return s;
  };
  const value = (depth: number): Value => {
    if (depth > MAX_NESTING_DEPTH) fail(`nesting deeper than ${MAX_NESTING_DEPTH} levels`);
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return new RObject();
      }
      const keys: string[] = [];
      const values: Value[] = [];
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected object key');
        keys.push(str());
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        values.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return objectOf(keys, values);
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const a: Value[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return a;
      }
      for (;;) {
        a.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return a.slice(); // exact length: growing by push leaves spare capacity
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return str();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = i;
    const num = m.exec(text);
    if (num === null) fail('unexpected character');
    i += (num as RegExpExecArray)[0].length;
    return parseNumber((num as RegExpExecArray)[0]);
  };
  const v = value(0);
  ws();
  if (i !== text.length) fail('trailing characters');
  return v;
}

/** V8 makes strings this long that are cut out of another string slices of it. */
const SLICE_MIN = 13;

/** An object from parsed keys and values; a repeated key keeps its last value, as JSON.parse. */
function objectOf(keys: string[], values: Value[]): RObject {
  if (!hasRepeats(keys)) return RObject.fromStringKeys(keys, values);
  const o = new RObject();
  for (let j = 0; j < keys.length; j++) o.set(keys[j] as string, values[j] as Value);
  return o;
}

function hasRepeats(keys: string[]): boolean {
  if (keys.length > 8) return new Set(keys).size !== keys.length;
  for (let a = 1; a < keys.length; a++) for (let b = 0; b < a; b++) if (keys[a] === keys[b]) return true;
  return false;
}

/**
 * Rego's text form of a value (what `sprintf("%v")` and error messages print): like JSON, but
 * sets print as `{a, b}`, and the empty set as `set()`.
 */
export function canonicalText(v: Value): string {
  if (v === null || typeof v !== 'object') return toJSONText(v);
  if (v instanceof BigNum) return v.text;
  if (Array.isArray(v)) return '[' + v.map(canonicalText).join(', ') + ']';
  if (v instanceof RSet) return v.size === 0 ? 'set()' : '{' + v.values().map(canonicalText).join(', ') + '}';
  return '{' + v.entries().map(([k, val]) => canonicalText(k) + ': ' + canonicalText(val)).join(', ') + '}';
}
