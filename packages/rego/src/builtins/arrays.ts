// Array builtins.

import type { Value } from '../value/value.ts';
import { arr, smallInt } from './operands.ts';
import type { BuiltinRegistry } from './registry.ts';

export function register(registry: BuiltinRegistry): void {
  registry.fn('array.concat', 2, (a) => [...arr(a, 0), ...arr(a, 1)]);
  registry.fn('array.slice', 3, (a) => {
    const xs = arr(a, 0);
    // Out-of-range indices are clamped; a reversed range is empty.
    const start = Math.max(0, smallInt(a, 1));
    const stop = Math.min(xs.length, smallInt(a, 2));
    return start >= stop ? [] : xs.slice(start, stop);
  });
  registry.fn('array.reverse', 1, (a) => [...arr(a, 0)].reverse());
  registry.fn('array.flatten', 1, (a) => arr(a, 0).flatMap((v): Value[] => (Array.isArray(v) ? v : [v])));
}
