// Input read in place from plain JS data: a Rego object over a JS object converts a member only
// when evaluation reaches it, so a decision that reads five fields of a large input converts
// five fields. Conversion follows `fromJS` (undefined becomes null, sets become RSet, non-finite
// numbers are refused), but happens on access, so an unrepresentable member that evaluation
// never reads is never refused.

import { fromBigInt, fromJS, RObject, RSet, BigNum, compareStrings, type Value } from './value.ts';

/** A plain JS value as a Rego value, converting objects lazily and arrays of scalars not at all. */
export function viewOf(x: unknown): Value {
  switch (typeof x) {
    case 'string':
    case 'boolean':
      return x;
    case 'number':
      return Number.isFinite(x) ? x : fromJS(x);
    case 'undefined':
      return null;
    case 'bigint':
      return fromBigInt(x);
    case 'object':
      break;
    default:
      return fromJS(x);
  }
  if (x === null || x instanceof RObject || x instanceof RSet || x instanceof BigNum) return x;
  if (Array.isArray(x)) return arrayView(x);
  if (x instanceof Set) return new RSet([...x].map(viewOf));
  return new JSObjectView(x as Record<string, unknown>);
}

/** A Rego value that is its own JS representation (no conversion needed). */
function isScalarValue(x: unknown): boolean {
  return typeof x === 'string' || typeof x === 'boolean' || x === null || (typeof x === 'number' && Number.isFinite(x));
}

/**
 * An array of scalars is already a Rego array and is used as it is (the evaluator never mutates
 * arrays); others are converted element by element, objects among them into views.
 */
function arrayView(xs: unknown[]): Value[] {
  for (let i = 0; i < xs.length; i++) if (!isScalarValue(xs[i])) return xs.map(viewOf);
  return xs as Value[];
}

/**
 * Up to this length the list of converted members grows by copying into an array of the exact
 * size: a push would reserve room for many more (most inputs have few composite members).
 */
const SEEN_COPIED = 16;

function withPair(xs: (string | Value)[], k: string, v: Value): (string | Value)[] {
  const out: (string | Value)[] = new Array(xs.length + 2);
  for (let i = 0; i < xs.length; i++) out[i] = xs[i] as string | Value;
  out[xs.length] = k;
  out[xs.length + 1] = v;
  return out;
}

/**
 * A Rego object over a plain JS object. Members are converted on first access and kept, so a
 * member read twice is the same value; the whole entry list is built only when something
 * iterates the object.
 */
export class JSObjectView extends RObject {
  /** Converted composite members, as [key0, value0, key1, value1, ...]. */
  private seen: (string | Value)[] | undefined;
  private all: [Value, Value][] | undefined;

  constructor(private readonly src: Record<string, unknown>) {
    super();
  }

  override get size(): number {
    return this.all !== undefined ? this.all.length : Object.keys(this.src).length;
  }

  override get(k: Value): Value | undefined {
    return typeof k === 'string' ? this.getStr(k) : undefined;
  }

  override getStr(k: string): Value | undefined {
    if (!Object.hasOwn(this.src, k)) return undefined;
    const x = this.src[k];
    if (isScalarValue(x)) return x as Value;
    const seen = this.seen;
    if (seen !== undefined) for (let i = 0; i < seen.length; i += 2) if (seen[i] === k) return seen[i + 1] as Value;
    const v = viewOf(x);
    this.seen = seen === undefined ? [k, v] : seen.length < SEEN_COPIED ? withPair(seen, k, v) : (seen.push(k, v), seen);
    return v;
  }

  override has(k: Value): boolean {
    return typeof k === 'string' && Object.hasOwn(this.src, k);
  }

  override entries(): readonly [Value, Value][] {
    if (this.all === undefined) {
      const keys = Object.keys(this.src).sort(compareStrings);
      this.all = keys.map((k) => [k, this.getStr(k) as Value]);
    }
    return this.all;
  }
}
