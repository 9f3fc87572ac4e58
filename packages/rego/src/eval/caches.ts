// Per-query caches of virtual documents; a `with` gets fresh ones while it is in effect. Values
// sit in slots numbered by rule node, and the storage is kept from one evaluation to the next.

import type { RuleNode } from '../compile/types.ts';
import type { Value } from '../value/value.ts';

/** A cached "undefined" (distinct from "not cached"). */
export const NONE = Symbol('undefined');
/** A document still being computed: meeting it again means the rule depends on itself. */
export const BUSY = Symbol('being evaluated');

/** Values by rule node; `clear` empties only the slots set since the last clear. */
export class NodeSlots<V> {
  private readonly values: (V | undefined)[] = [];
  /** The slots set since the last clear: the first `used` entries. */
  private readonly filled: number[] = [];
  private used = 0;

  get(node: RuleNode): V | undefined {
    return this.values[node.slot];
  }

  has(node: RuleNode): boolean {
    return this.values[node.slot] !== undefined;
  }

  set(node: RuleNode, v: V): void {
    if (this.values[node.slot] === undefined) this.filled[this.used++] = node.slot;
    this.values[node.slot] = v;
  }

  /** Empties the slots set; their values go to `spare` when given. */
  clear(spare?: V[]): void {
    for (let i = 0; i < this.used; i++) {
      const slot = this.filled[i] as number;
      if (spare !== undefined) spare.push(this.values[slot] as V);
      this.values[slot] = undefined;
    }
    this.used = 0;
  }
}

/** How many keys of one node's document are looked up in arrays before a Map is made. */
const FEW_KEYS = 8;

/** Cached values at keys of one document: few in arrays kept from one evaluation to the next. */
export class KeyedValues {
  private readonly keys: string[] = [];
  private readonly values: (Value | typeof NONE | undefined)[] = [];
  private count = 0;
  private many: Map<string, Value | typeof NONE> | undefined;

  get(k: string): Value | typeof NONE | undefined {
    if (this.many !== undefined) return this.many.get(k);
    for (let i = 0; i < this.count; i++) if (this.keys[i] === k) return this.values[i];
    return undefined;
  }

  set(k: string, v: Value | typeof NONE): void {
    if (this.many !== undefined) {
      this.many.set(k, v);
      return;
    }
    for (let i = 0; i < this.count; i++) {
      if (this.keys[i] === k) {
        this.values[i] = v;
        return;
      }
    }
    if (this.count < FEW_KEYS) {
      this.keys[this.count] = k;
      this.values[this.count++] = v;
      return;
    }
    this.many = new Map();
    for (let i = 0; i < this.count; i++) this.many.set(this.keys[i] as string, this.values[i] as Value | typeof NONE);
    this.many.set(k, v);
  }

  clear(): void {
    for (let i = 0; i < this.count; i++) this.values[i] = undefined;
    this.count = 0;
    this.many = undefined;
  }
}

export class Caches {
  /** Values of complete rules by node. */
  readonly complete = new NodeSlots<Value | typeof NONE | typeof BUSY>();
  /** Whole documents of rule nodes. */
  readonly full = new NodeSlots<Value | typeof NONE | typeof BUSY>();
  /** Values at one key of partial documents, by node and key (the maps are kept, emptied). */
  private readonly keyedMaps = new NodeSlots<KeyedValues>();
  private readonly spareMaps: KeyedValues[] = [];

  /** The values at keys of a node's document computed so far. */
  keyed(node: RuleNode): KeyedValues {
    let perNode = this.keyedMaps.get(node);
    if (perNode === undefined) this.keyedMaps.set(node, (perNode = this.spareMaps.pop() ?? new KeyedValues()));
    return perNode;
  }

  /** Forgets every cached value (letting the documents be collected), keeping the storage. */
  clear(): void {
    this.complete.clear();
    this.full.clear();
    const from = this.spareMaps.length;
    this.keyedMaps.clear(this.spareMaps);
    for (let i = from; i < this.spareMaps.length; i++) (this.spareMaps[i] as KeyedValues).clear();
  }
}
