// Variable bindings of one frame (a rule body or a query). A frame binds few vars, so names and
// values sit side by side in two arrays searched in order: cheaper than hashing the name into a
// Map on every lookup, and the storage is kept when the frame is reused for another rule.

import type { Value } from '../value/value.ts';

/** Past this many names a frame's lookups go through a Map (rules with very many vars). */
const FEW_NAMES = 16;

export class Bindings {
  private readonly names: string[] = [];
  private readonly values: (Value | undefined)[] = [];
  private count = 0;
  private many: Map<string, Value | undefined> | undefined;

  /** The value bound to `name`; undefined when it is unbound. */
  get(name: string): Value | undefined {
    if (this.many !== undefined) return this.many.get(name);
    const names = this.names;
    for (let i = 0; i < this.count; i++) if (names[i] === name) return this.values[i];
    return undefined;
  }

  /** Binds `name`, or unbinds it with undefined (the name keeps its place for the next bind). */
  set(name: string, v: Value | undefined): void {
    if (this.many !== undefined) {
      this.many.set(name, v);
      return;
    }
    const names = this.names;
    for (let i = 0; i < this.count; i++) {
      if (names[i] === name) {
        this.values[i] = v;
        return;
      }
    }
    if (this.count === FEW_NAMES) {
      this.many = new Map();
      for (let i = 0; i < this.count; i++) this.many.set(names[i] as string, this.values[i]);
      this.many.set(name, v);
      return;
    }
    names[this.count] = name;
    this.values[this.count++] = v;
  }

  /**
   * Forgets every name, for a frame whose vars are all unbound again (a frame that ended
   * normally): the next rule to use it does not search the last one's names.
   */
  reset(): void {
    this.count = 0;
    this.many = undefined;
  }
}
