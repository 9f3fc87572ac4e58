// Values read from the input along constant keys, kept for the rest of one evaluation: a
// decision reads the same few fields (`input.action`, `input.resource.tenant_id`) from many
// rules and loops, and each read would otherwise walk the input's members again.

import type { Term } from '../ast/types.ts';
import type { Value } from '../value/value.ts';
import { NONE } from './caches.ts';

/** How many reads are kept; a decision reads few distinct fields. */
const FEW = 16;

/** Whether two paths of constant keys are the same keys. */
function samePath(a: readonly Term[], b: readonly Term[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Term;
    const y = b[i] as Term;
    if (x.type !== 'scalar' || y.type !== 'scalar' || x.value !== y.value) return false;
  }
  return true;
}

export class InputReads {
  /** The input the kept values were read from (a `with` on input starts afresh). */
  private of: Value | undefined;
  private readonly paths: (readonly Term[])[] = [];
  private readonly values: (Value | typeof NONE | undefined)[] = [];
  private count = 0;

  /** The kept value at `path` of `input` (NONE: kept as undefined), or undefined when not kept. */
  get(input: Value, path: readonly Term[]): Value | typeof NONE | undefined {
    if (input !== this.of) return undefined;
    for (let i = 0; i < this.count; i++) if (samePath(this.paths[i] as Term[], path)) return this.values[i];
    return undefined;
  }

  /** Keeps the value at `path` (constant keys only) of `input`. */
  keep(input: Value, path: readonly Term[], v: Value | undefined): void {
    if (input !== this.of) {
      this.clear();
      this.of = input;
    }
    if (this.count === FEW) return;
    this.paths[this.count] = path;
    this.values[this.count++] = v === undefined ? NONE : v;
  }

  /** Lets go of the values (so the input can be collected), keeping the storage. */
  clear(): void {
    for (let i = 0; i < this.count; i++) this.values[i] = undefined;
    this.count = 0;
    this.of = undefined;
  }
}
