// Binary floating point with a 64-bit mantissa, rounding to nearest even: the arithmetic OPA
// applies to non-integer numbers (Go's big.Float at its default precision). Results print as the
// shortest decimal that reads back to the same value, so `1 / 3` gives 0.3333333333333333333
// exactly as OPA does, not the 16 digits of a JS double.

import { BigNum, numberText, parseNumber } from '../value/value.ts';

const PREC = 64;

/** ±m·2^e with m zero or exactly PREC bits long. */
export interface BigFloat {
  neg: boolean;
  m: bigint;
  e: number;
}

const ZERO: BigFloat = { neg: false, m: 0n, e: 0 };

const NIBBLE_BITS = [0, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4];

function bitLength(n: bigint): number {
  if (n === 0n) return 0;
  const hex = n.toString(16);
  return (hex.length - 1) * 4 + (NIBBLE_BITS[parseInt(hex[0] as string, 16)] as number);
}

/** Rounds |n|·2^e (plus a sticky remainder below it) to PREC bits. */
function round(neg: boolean, n: bigint, e: number, sticky = false): BigFloat {
  if (n === 0n) return ZERO;
  const bl = bitLength(n);
  if (bl <= PREC) return { neg, m: n << BigInt(PREC - bl), e: e - (PREC - bl) };
  const shift = BigInt(bl - PREC);
  let m = n >> shift;
  const rest = n & ((1n << shift) - 1n);
  const half = 1n << (shift - 1n);
  if (rest > half || (rest === half && (sticky || (m & 1n) === 1n))) m += 1n;
  let exp = e + Number(shift);
  if (bitLength(m) > PREC) {
    m >>= 1n;
    exp += 1;
  }
  return { neg, m, e: exp };
}

/** Reads exact decimal text (as `numberText` prints it) into the nearest BigFloat. */
export function fromText(text: string): BigFloat {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) throw new Error(`not a number: ${text}`);
  const [, sign, whole, frac = '', exp = '0'] = match;
  const neg = sign === '-';
  const digits = BigInt((whole as string) + frac);
  const p10 = Number(exp) - frac.length;
  if (p10 >= 0) return round(neg, digits * 10n ** BigInt(p10), 0);
  const den = 10n ** BigInt(-p10);
  const s = Math.max(0, PREC + 2 + bitLength(den) - bitLength(digits));
  const num = digits << BigInt(s);
  return round(neg, num / den, -s, num % den !== 0n);
}

export function fromNumber(n: number | BigNum): BigFloat {
  return fromText(numberText(n));
}

export function add(a: BigFloat, b: BigFloat): BigFloat {
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  const x = (a.neg ? -a.m : a.m) << BigInt(a.e - e);
  const y = (b.neg ? -b.m : b.m) << BigInt(b.e - e);
  const sum = x + y;
  return round(sum < 0n, sum < 0n ? -sum : sum, e);
}

export function neg(a: BigFloat): BigFloat {
  return a.m === 0n ? a : { ...a, neg: !a.neg };
}

export function mul(a: BigFloat, b: BigFloat): BigFloat {
  return round(a.neg !== b.neg, a.m * b.m, a.e + b.e);
}

/** a / b; b must not be zero. */
export function quo(a: BigFloat, b: BigFloat): BigFloat {
  if (a.m === 0n) return ZERO;
  const num = a.m << BigInt(PREC + 4);
  return round(a.neg !== b.neg, num / b.m, a.e - b.e - (PREC + 4), num % b.m !== 0n);
}

const pow5Cache = new Map<number, bigint>();
const pow10Cache = new Map<number, bigint>();

function pow(cache: Map<number, bigint>, base: bigint, n: number): bigint {
  let v = cache.get(n);
  if (v === undefined) {
    v = base ** BigInt(n);
    if (cache.size < 4096) cache.set(n, v);
  }
  return v;
}

/**
 * The shortest decimal that rounds back to `x`, as a Rego number. Every number within half a
 * unit in the last place reads back as x (both ends included when the mantissa is even).
 */
export function toNumber(x: BigFloat): number | BigNum {
  if (x.m === 0n) return 0;
  // Scale by 10^S so that x and both bounds are integers.
  const S = x.e < 1 ? 1 - x.e : 0;
  const five = pow(pow5Cache, 5n, S);
  const scaled = (n: bigint, e: number): bigint => {
    // n·2^e·10^S
    const p = e + S;
    const base = n * five;
    return p >= 0 ? base << BigInt(p) : base >> BigInt(-p);
  };
  const value = scaled(x.m, x.e);
  const lower = scaled(2n * x.m - 1n, x.e - 1);
  const upper = scaled(2n * x.m + 1n, x.e - 1);
  const inclusive = (x.m & 1n) === 0n;
  const nd = value.toString().length;
  // The candidates keeping n leading digits: truncated, or one unit up, if within bounds.
  const candidate = (n: number): bigint | undefined => {
    const unit = pow(pow10Cache, 10n, nd - n);
    const down = (value / unit) * unit;
    if (down === value) return value;
    const up = down + unit;
    const okDown = down > lower || (inclusive && down === lower);
    const okUp = up < upper || (inclusive && up === upper);
    if (okDown && okUp) {
      const dd = value - down;
      const du = up - value;
      return dd < du || (dd === du && ((down / unit) & 1n) === 0n) ? down : up;
    }
    return okDown ? down : okUp ? up : undefined;
  };
  // If n digits suffice, so do n + 1: binary search the fewest.
  let lo = 1;
  let hi = nd;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (candidate(mid) === undefined) lo = mid + 1;
    else hi = mid;
  }
  return parseNumber(decimalText(x.neg, candidate(lo) as bigint, S));
}

/** digits·10^-scale as plain decimal text. */
function decimalText(negative: boolean, digits: bigint, scale: number): string {
  let s = digits.toString();
  if (scale > 0) {
    if (s.length <= scale) s = '0'.repeat(scale - s.length + 1) + s;
    const whole = s.slice(0, s.length - scale);
    const frac = s.slice(s.length - scale).replace(/0+$/, '');
    s = frac ? `${whole}.${frac}` : whole;
  }
  return negative && s !== '0' ? '-' + s : s;
}
