// Set operators and the membership builtins behind `x in xs` and `k, v in xs`.

import { RObject, RSet, equal, isNumber, isInteger, toBigInt, type Value } from '../value/value.ts';
import { OperandTypeError } from './errors.ts';
import { set } from './operands.ts';
import type { BuiltinRegistry } from './registry.ts';

function intersect(sets: readonly RSet[]): RSet {
  if (sets.length === 0) return new RSet();
  const [first, ...rest] = [...sets].sort((a, b) => a.size - b.size) as [RSet, ...RSet[]];
  return new RSet(first.values().filter((v) => rest.every((s) => s.has(v))));
}

function unite(sets: readonly RSet[]): RSet {
  const out = new RSet();
  for (const s of sets) for (const v of s.values()) out.add(v);
  return out;
}

/** The members of a set of sets. */
function setOfSets(args: Value[]): RSet[] {
  const outer = set(args, 0);
  return outer.values().map((v) => {
    if (!(v instanceof RSet)) throw new OperandTypeError(1, v, ['set']);
    return v;
  });
}

/** `k, v in coll`: arrays by index, objects by key; a set member is its own key. */
function member3(key: Value, value: Value, coll: Value): boolean {
  if (coll instanceof RSet) return coll.has(key) && equal(key, value);
  if (Array.isArray(coll)) {
    if (!isNumber(key) || !isInteger(key)) return false;
    const i = toBigInt(key) as bigint;
    return i >= 0n && i < BigInt(coll.length) && equal(coll[Number(i)] as Value, value);
  }
  if (coll instanceof RObject) {
    const v = coll.get(key);
    return v !== undefined && equal(v, value);
  }
  return false;
}

export function register(registry: BuiltinRegistry): void {
  registry.fn('and', 2, (a) => intersect([set(a, 0), set(a, 1)]), { infix: '&' });
  registry.fn('or', 2, (a) => unite([set(a, 0), set(a, 1)]), { infix: '|' });
  registry.fn('intersection', 1, (a) => intersect(setOfSets(a)));
  registry.fn('union', 1, (a) => unite(setOfSets(a)));
  registry.fn(
    'internal.member_2',
    2,
    (a) => {
      const [x, coll] = a as [Value, Value];
      if (coll instanceof RSet) return coll.has(x);
      // Loops rather than some(): a closure over x would be allocated on every call.
      if (Array.isArray(coll)) {
        for (let i = 0; i < coll.length; i++) if (equal(coll[i] as Value, x)) return true;
      } else if (coll instanceof RObject) {
        const entries = coll.entries();
        for (let i = 0; i < entries.length; i++) if (equal((entries[i] as [Value, Value])[1], x)) return true;
      }
      return false;
    },
    { infix: 'in' },
  );
  registry.fn('internal.member_3', 3, (a) => member3(a[0] as Value, a[1] as Value, a[2] as Value), { infix: 'in' });
}
