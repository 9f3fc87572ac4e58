// Builds the documents that rules with generated keys produce (`p.q[x].r := v`, `p[x] contains
// y`): nested objects created here may be extended; values that came from rules never are.

import { RegoError } from '../errors.ts';
import type { Location } from '../ast/types.ts';
import { equal, RObject, RSet, type Value } from '../value/value.ts';

const KEYS_CONFLICT = 'object keys must be unique';

/**
 * Documents assembled from several rules or nodes (not values a rule produced). Only these
 * merge with each other; a value a rule produced conflicts with anything different.
 */
export class ContainerObject extends RObject {}
export class ContainerSet extends RSet {}

const isContainer = (v: Value): boolean => v instanceof ContainerObject || v instanceof ContainerSet;

export class DocBuilder {
  readonly root = new ContainerObject();
  private readonly owned = new Set<RObject | RSet>([this.root]);

  /** Adds `leaf` at `keys`; as a set member when `member` is set. */
  insert(keys: readonly Value[], leaf: Value, member: boolean, loc: Location): void {
    let obj = this.root;
    const last = keys.length - 1;
    for (let i = 0; i < last; i++) {
      const k = keys[i] as Value;
      const child = obj.get(k);
      if (child === undefined) {
        const next = new ContainerObject();
        this.owned.add(next);
        obj.set(k, next);
        obj = next;
      } else if (child instanceof RObject && this.owned.has(child)) {
        obj = child;
      } else {
        throw new RegoError('eval_conflict_error', KEYS_CONFLICT, loc);
      }
    }
    const k = keys[last] as Value;
    const existing = obj.get(k);
    if (member) {
      if (existing === undefined) {
        const s = new ContainerSet([leaf]);
        this.owned.add(s);
        obj.set(k, s);
      } else if (existing instanceof RSet && this.owned.has(existing)) {
        existing.add(leaf);
        obj.set(k, existing);
      } else throw new RegoError('eval_conflict_error', KEYS_CONFLICT, loc);
      return;
    }
    if (existing === undefined) obj.set(k, leaf);
    else if (!equal(existing, leaf)) throw new RegoError('eval_conflict_error', KEYS_CONFLICT, loc);
  }

  /** Merges a whole document under `key` (a child node of a rule node). */
  merge(key: string, doc: Value, loc: Location): void {
    const existing = this.root.get(key);
    this.root.set(key, existing === undefined ? doc : mergeDocs(existing, doc, loc));
  }
}

/** Objects merge key by key and sets by union; any other pair must be equal. */
export function mergeDocs(a: Value, b: Value, loc: Location): Value {
  if (a instanceof RObject && b instanceof RObject && isContainer(a) && isContainer(b)) {
    const out = new ContainerObject();
    for (const [k, v] of a.entries()) out.set(k, v);
    for (const [k, v] of b.entries()) {
      const x = out.get(k);
      out.set(k, x === undefined ? v : mergeDocs(x, v, loc));
    }
    return out;
  }
  if (a instanceof RSet && b instanceof RSet && isContainer(a) && isContainer(b)) {
    return new ContainerSet([...a.values(), ...b.values()]);
  }
  if (equal(a, b)) return a;
  throw new RegoError('eval_conflict_error', KEYS_CONFLICT, loc);
}
