// Operand checks shared by the data and text builtins. Each returns the operand narrowed to the
// wanted type or throws the type error OPA reports for it.

import { BigNum, RObject, RSet, isInteger, typeName, type Value } from '../value/value.ts';
import { OperandTypeError } from './errors.ts';

/** A type error whose text is not the usual `must be X but got Y` form. */
export function operandError(position: number, got: Value, message: string): OperandTypeError {
  const err = new OperandTypeError(position, got, []);
  err.message = message;
  return err;
}

/** A wrong member: `operand 1 must be array of numbers but got array containing string`. */
export function elementError(position: number, container: Value, member: Value, expected: string): OperandTypeError {
  const kind = typeName(container);
  return operandError(
    position,
    member,
    `operand ${position} must be ${kind} of ${expected}s but got ${kind} containing ${typeName(member)}`,
  );
}

export function str(args: Value[], i: number): string {
  const v = args[i] as Value;
  if (typeof v !== 'string') throw new OperandTypeError(i + 1, v, ['string']);
  return v;
}

export function num(args: Value[], i: number): number | BigNum {
  const v = args[i] as Value;
  if (typeof v === 'number' || v instanceof BigNum) return v;
  throw new OperandTypeError(i + 1, v, ['number']);
}

/** An integer operand: `operand 1 must be integer number but got floating-point number`. */
export function int(args: Value[], i: number): bigint {
  const n = num(args, i);
  if (!isInteger(n)) {
    throw operandError(i + 1, n, `operand ${i + 1} must be integer number but got floating-point number`);
  }
  return n instanceof BigNum ? (n.int as bigint) : BigInt(n);
}

/** An integer operand that must fit a JS number (string offsets, counts). */
export function smallInt(args: Value[], i: number): number {
  const n = int(args, i);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) return Number.MAX_SAFE_INTEGER;
  if (n < BigInt(Number.MIN_SAFE_INTEGER)) return Number.MIN_SAFE_INTEGER;
  return Number(n);
}

export function arr(args: Value[], i: number): Value[] {
  const v = args[i] as Value;
  if (!Array.isArray(v)) throw new OperandTypeError(i + 1, v, ['array']);
  return v;
}

export function obj(args: Value[], i: number): RObject {
  const v = args[i] as Value;
  if (!(v instanceof RObject)) throw new OperandTypeError(i + 1, v, ['object']);
  return v;
}

export function set(args: Value[], i: number): RSet {
  const v = args[i] as Value;
  if (!(v instanceof RSet)) throw new OperandTypeError(i + 1, v, ['set']);
  return v;
}

/** Members of an array or a set (sets in sorted order). */
export function collection(args: Value[], i: number, ...types: ('array' | 'set')[]): readonly Value[] {
  const v = args[i] as Value;
  if (Array.isArray(v) && types.includes('array')) return v;
  if (v instanceof RSet && types.includes('set')) return v.values();
  throw new OperandTypeError(i + 1, v, types);
}

/** Counts code points, as Go counts runes. */
export function runeLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
