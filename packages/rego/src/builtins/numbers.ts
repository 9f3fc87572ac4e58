// Arithmetic, rounding, ranges, conversions and bit operations. Integers are exact at any size
// (bigint); other numbers use OPA's 64-bit-mantissa floating point (see big-float.ts).

import { checkValueSize } from './budget.ts';
import {
  BigNum,
  RSet,
  fromBigInt,
  numberText,
  parseNumber,
  toBigInt,
  typeName,
  type Value,
} from '../value/value.ts';
import * as bf from './big-float.ts';
import { BuiltinError, OperandTypeError } from './errors.ts';
import { int, num, operandError, str } from './operands.ts';
import type { BuiltinRegistry } from './registry.ts';

type Num = number | BigNum;

/** Both integers: exact; otherwise 64-bit floating point. */
function arith(
  a: Num,
  b: Num,
  small: (x: number, y: number) => number,
  ints: (x: bigint, y: bigint) => bigint,
  floats: (x: bf.BigFloat, y: bf.BigFloat) => bf.BigFloat,
): Num {
  if (typeof a === 'number' && typeof b === 'number' && Number.isInteger(a) && Number.isInteger(b)) {
    // A double result that is a safe integer is exact (IEEE rounding is correct).
    const r = small(a, b);
    if (Number.isSafeInteger(r)) return r;
  }
  const x = toBigInt(a);
  const y = toBigInt(b);
  if (x !== undefined && y !== undefined) return fromBigInt(ints(x, y));
  return bf.toNumber(floats(bf.fromNumber(a), bf.fromNumber(b)));
}

export function plus(a: Num, b: Num): Num {
  return arith(a, b, (x, y) => x + y, (x, y) => x + y, bf.add);
}

export function minus(a: Num, b: Num): Num {
  return arith(a, b, (x, y) => x - y, (x, y) => x - y, (x, y) => bf.add(x, bf.neg(y)));
}

export function times(a: Num, b: Num): Num {
  return arith(a, b, (x, y) => x * y, (x, y) => x * y, bf.mul);
}

function divide(a: Num, b: Num): Num {
  const x = toBigInt(a);
  const y = toBigInt(b);
  if (y === 0n) throw new BuiltinError('divide by zero');
  if (x !== undefined && y !== undefined && x % y === 0n) return fromBigInt(x / y);
  // A zero divisor is always the integer 0 here: number values are kept in canonical form.
  return bf.toNumber(bf.quo(bf.fromNumber(a), bf.fromNumber(b)));
}

/** The integer part and whether a fractional part was dropped, from exact decimal text. */
function splitDecimal(n: Num): { whole: bigint; frac: boolean; negative: boolean } {
  const text = numberText(n);
  const negative = text.startsWith('-');
  const [w = '0', f = ''] = (negative ? text.slice(1) : text).split('.');
  return { whole: (negative ? -1n : 1n) * BigInt(w), frac: /[1-9]/.test(f), negative };
}

function floorOf(n: Num): Num {
  const { whole, frac, negative } = splitDecimal(n);
  return fromBigInt(frac && negative ? whole - 1n : whole);
}

function ceilOf(n: Num): Num {
  const { whole, frac, negative } = splitDecimal(n);
  return fromBigInt(frac && !negative ? whole + 1n : whole);
}

/** Rounds half away from zero. */
function roundOf(n: Num): Num {
  const text = numberText(n);
  const negative = text.startsWith('-');
  const [w = '0', f = ''] = (negative ? text.slice(1) : text).split('.');
  let whole = BigInt(w);
  if (f.length > 0 && f.charCodeAt(0) >= 0x35) whole += 1n;
  return fromBigInt(negative ? -whole : whole);
}

function absOf(n: Num): Num {
  const text = numberText(n);
  return text.startsWith('-') ? parseNumber(text.slice(1)) : n;
}

function range(from: bigint, to: bigint, step: bigint): Value[] {
  const out: Value[] = [];
  if (from <= to) for (let i = from; i <= to; i += step) out.push(fromBigInt(i));
  else for (let i = from; i >= to; i -= step) out.push(fromBigInt(i));
  return out;
}

function toNumberValue(v: Value): Value | undefined {
  if (v === null || v === false) return 0;
  if (v === true) return 1;
  if (typeof v === 'number' || v instanceof BigNum) return v;
  if (typeof v === 'string') {
    if (/^(inf|infinity|nan)$/.test(v.replace(/^[+-]+/, '').toLowerCase())) {
      throw operandError(1, v, 'operand 1 must be valid number string but got string');
    }
    // Go's ParseFloat decimal syntax; a bare leading or trailing point gets its zero back.
    const m = /^([+-]?)(\d*)(?:\.(\d*))?([eE][+-]?\d+)?$/.exec(v);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) {
      throw new BuiltinError(`strconv.ParseFloat: parsing ${JSON.stringify(v)}: invalid syntax`);
    }
    if (!Number.isFinite(Number(v))) {
      throw new BuiltinError(`strconv.ParseFloat: parsing ${JSON.stringify(v)}: value out of range`);
    }
    return parseNumber(`${m[1]}${m[2] || '0'}${m[3] ? '.' + m[3] : ''}${m[4] ?? ''}`);
  }
  throw new OperandTypeError(1, v, ['null', 'boolean', 'number', 'string']);
}

/** A shift amount: a non-negative integer. */
function shiftAmount(args: Value[], i: number): bigint {
  const n = int(args, i);
  if (n < 0n) {
    throw operandError(i + 1, args[i] as Value, `operand ${i + 1} must be an unsigned integer number but got a negative integer`);
  }
  return n;
}

function randIntn(args: Value[], ctx: { cache: Map<string, unknown>; random(): number }): Value {
  const key = str(args, 0);
  const n = int(args, 1);
  if (n === 0n) return 0;
  // The sign of the bound is ignored, also for caching.
  const bound = n < 0n ? -n : n;
  const cacheKey = `rand.intn\u0000${key}\u0000${bound}`;
  const hit = ctx.cache.get(cacheKey);
  if (hit !== undefined) return hit as Value;
  const result = fromBigInt(BigInt(Math.floor(ctx.random() * Number(bound))));
  ctx.cache.set(cacheKey, result);
  return result;
}

export function register(registry: BuiltinRegistry): void {
  registry.fn('plus', 2, (a) => plus(num(a, 0), num(a, 1)), { infix: '+' });
  registry.fn(
    'minus',
    2,
    (a) => {
      const [x, y] = a as [Value, Value];
      if (x instanceof RSet) {
        if (!(y instanceof RSet)) throw new OperandTypeError(2, y, ['set']);
        return new RSet(x.values().filter((v) => !y.has(v)));
      }
      if (typeName(x) === 'number') return minus(num(a, 0), num(a, 1));
      throw new OperandTypeError(1, x, ['number', 'set']);
    },
    { infix: '-' },
  );
  registry.fn('mul', 2, (a) => times(num(a, 0), num(a, 1)), { infix: '*' });
  registry.fn('div', 2, (a) => divide(num(a, 0), num(a, 1)), { infix: '/' });
  registry.fn(
    'rem',
    2,
    (a) => {
      const x = toBigInt(num(a, 0));
      const y = toBigInt(num(a, 1));
      if (x === undefined || y === undefined) throw new BuiltinError('modulo on floating-point number');
      if (y === 0n) throw new BuiltinError('modulo by zero');
      return fromBigInt(x % y);
    },
    { infix: '%' },
  );
  registry.fn('abs', 1, (a) => absOf(num(a, 0)));
  registry.fn('round', 1, (a) => roundOf(num(a, 0)));
  registry.fn('ceil', 1, (a) => ceilOf(num(a, 0)));
  registry.fn('floor', 1, (a) => floorOf(num(a, 0)));
  registry.fn('numbers.range', 2, (a, ctx) => {
    const from = int(a, 0);
    const to = int(a, 1);
    checkValueSize(ctx, 'numbers.range', (to > from ? to - from : from - to) + 1n);
    return range(from, to, 1n);
  });
  registry.fn('numbers.range_step', 3, (a, ctx) => {
    const from = int(a, 0);
    const to = int(a, 1);
    const step = int(a, 2);
    if (step <= 0n) throw new BuiltinError('step must be a positive integer');
    checkValueSize(ctx, 'numbers.range_step', (to > from ? to - from : from - to) / step + 1n);
    return range(from, to, step);
  });
  registry.fn('to_number', 1, (a) => toNumberValue(a[0] as Value));
  registry.fn('rand.intn', 2, (a, ctx) => randIntn(a, ctx), { nondeterministic: true });
  registry.fn('bits.and', 2, (a) => fromBigInt(int(a, 0) & int(a, 1)));
  registry.fn('bits.or', 2, (a) => fromBigInt(int(a, 0) | int(a, 1)));
  registry.fn('bits.xor', 2, (a) => fromBigInt(int(a, 0) ^ int(a, 1)));
  registry.fn('bits.negate', 1, (a) => fromBigInt(~int(a, 0)));
  registry.fn('bits.lsh', 2, (a) => {
    const x = int(a, 0);
    return fromBigInt(x << shiftAmount(a, 1));
  });
  registry.fn('bits.rsh', 2, (a) => {
    const x = int(a, 0);
    return fromBigInt(x >> shiftAmount(a, 1));
  });
}
