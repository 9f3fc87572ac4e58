// Per-query caches of virtual documents; a `with` gets fresh ones while it is in effect.

import type { RuleNode } from '../compile/types.ts';
import type { Value } from '../value/value.ts';

/** A cached "undefined" (distinct from "not cached"). */
export const NONE = Symbol('undefined');
/** A document still being computed: meeting it again means the rule depends on itself. */
export const BUSY = Symbol('being evaluated');

export interface Caches {
  /** Values of complete rules by node. */
  complete: Map<RuleNode, Value | typeof NONE | typeof BUSY>;
  /** Values at one key of partial documents, by node and key. */
  keyed: Map<RuleNode, Map<string, Value | typeof NONE>>;
  /** Whole documents of rule nodes. */
  full: Map<RuleNode, Value | typeof NONE | typeof BUSY>;
}

export const newCaches = (): Caches => ({ complete: new Map(), keyed: new Map(), full: new Map() });
