// Comparison operators over any two values, in OPA's total order of values.

import { compare, equal, type Value } from '../value/value.ts';
import type { BuiltinRegistry } from './registry.ts';

export function register(registry: BuiltinRegistry): void {
  const cmp = (name: string, infix: string, test: (a: Value, b: Value) => boolean) =>
    registry.fn(name, 2, (args) => test(args[0] as Value, args[1] as Value), { infix });
  cmp('equal', '==', (a, b) => equal(a, b));
  cmp('neq', '!=', (a, b) => !equal(a, b));
  cmp('lt', '<', (a, b) => compare(a, b) < 0);
  cmp('lte', '<=', (a, b) => compare(a, b) <= 0);
  cmp('gt', '>', (a, b) => compare(a, b) > 0);
  cmp('gte', '>=', (a, b) => compare(a, b) >= 0);
}
