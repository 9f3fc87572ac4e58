// Aggregates over collections: count, sum, product, max, min, sort.

import { BigNum, RObject, RSet, compare, type Value } from '../value/value.ts';
import { OperandTypeError } from './errors.ts';
import { plus, times } from './numbers.ts';
import { collection, elementError, runeLength } from './operands.ts';
import type { BuiltinRegistry } from './registry.ts';

/** Numbers of an array or set operand; other members are a type error naming the container. */
function numbers(args: Value[]): (number | BigNum)[] {
  const container = args[0] as Value;
  const items = collection(args, 0, 'array', 'set');
  return items.map((v) => {
    if (typeof v === 'number' || v instanceof BigNum) return v;
    throw elementError(1, container, v, 'number');
  });
}

export function register(registry: BuiltinRegistry): void {
  registry.fn('count', 1, (args) => {
    const v = args[0] as Value;
    if (typeof v === 'string') return runeLength(v);
    if (Array.isArray(v)) return v.length;
    if (v instanceof RObject || v instanceof RSet) return v.size;
    throw new OperandTypeError(1, v, ['array', 'object', 'set', 'string']);
  });
  registry.fn('sum', 1, (args) => numbers(args).reduce<number | BigNum>((acc, n) => plus(acc, n), 0));
  registry.fn('product', 1, (args) => numbers(args).reduce<number | BigNum>((acc, n) => times(acc, n), 1));
  registry.fn('max', 1, (args) => {
    const items = collection(args, 0, 'array', 'set');
    return items.length === 0 ? undefined : items.reduce((m, v) => (compare(v, m) > 0 ? v : m));
  });
  registry.fn('min', 1, (args) => {
    const items = collection(args, 0, 'array', 'set');
    return items.length === 0 ? undefined : items.reduce((m, v) => (compare(v, m) < 0 ? v : m));
  });
  registry.fn('sort', 1, (args) => [...collection(args, 0, 'array', 'set')].sort(compare));
}
