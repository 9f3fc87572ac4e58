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

/** A Rego object: any value as key, iteration in sorted key order. */
export class RObject {
  private readonly map = new Map<string, [Value, Value]>();
  private sorted: [Value, Value][] | undefined;

  static from(entries: Iterable<[Value, Value]>): RObject {
    const o = new RObject();
    for (const [k, v] of entries) o.set(k, v);
    return o;
  }

  static fromRecord(rec: Record<string, Value>): RObject {
    const o = new RObject();
    for (const k of Object.keys(rec)) o.set(k, rec[k] as Value);
    return o;
  }

  get size(): number {
    return this.map.size;
  }

  /** Builder only: set a key (replaces an equal key). */
  set(k: Value, v: Value): this {
    this.map.set(keyOf(k), [k, v]);
    this.sorted = undefined;
    return this;
  }

  get(k: Value): Value | undefined {
    const e = this.map.get(keyOf(k));
    return e === undefined ? undefined : e[1];
  }

  /** Fast path for string keys. */
  getStr(k: string): Value | undefined {
    const e = this.map.get(k.length > 0 && k.charCodeAt(0) === 0 ? '\u0000' + k : k);
    return e === undefined ? undefined : e[1];
  }

  has(k: Value): boolean {
    return this.map.has(keyOf(k));
  }

  /** Entries in Rego sort order of keys. */
  entries(): readonly [Value, Value][] {
    if (this.sorted === undefined) {
      this.sorted = [...this.map.values()].sort((a, b) => compare(a[0], b[0]));
    }
    return this.sorted;
  }

  keys(): Value[] {
    return this.entries().map((e) => e[0]);
  }

  values(): Value[] {
    return this.entries().map((e) => e[1]);
  }
}

/** A Rego set: iteration in sorted order. */
export class RSet {
  private readonly map = new Map<string, Value>();
  private sorted: Value[] | undefined;

  constructor(items?: Iterable<Value>) {
    if (items) for (const v of items) this.add(v);
  }

  get size(): number {
    return this.map.size;
  }

  /** Builder only. Returns true when the value was new. */
  add(v: Value): boolean {
    const k = keyOf(v);
    if (this.map.has(k)) return false;
    this.map.set(k, v);
    this.sorted = undefined;
    return true;
  }

  has(v: Value): boolean {
    return this.map.has(keyOf(v));
  }

  /** Members in Rego sort order. */
  values(): readonly Value[] {
    if (this.sorted === undefined) this.sorted = [...this.map.values()].sort(compare);
    return this.sorted;
  }

  /** Members in insertion order: no sorting, for when the order cannot be observed. */
  unorderedValues(): Iterable<Value> {
    return this.sorted ?? this.map.values();
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
  const o = new RObject();
  for (const k of Object.keys(x as object)) o.set(k, fromJS((x as Record<string, unknown>)[k]));
  return o;
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
  if (v instanceof RSet) return v.values().map(toJS);
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
    const raw = text.slice(start, i);
    return simple ? raw.slice(1, -1) : (JSON.parse(raw) as string);
  };
  const value = (depth: number): Value => {
    if (depth > 10_000) fail('nesting too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const o = new RObject();
      ws();
      if (text[i] === '}') {
        i++;
        return o;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected object key');
        const k = str();
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        o.set(k, value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return o;
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
          return a;
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
