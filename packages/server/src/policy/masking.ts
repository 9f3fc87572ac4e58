import type { MaskRule } from './bundle-schema.ts';

export interface MaskedEntry {
  input: unknown;
  result: unknown;
  /** Pointers removed, and pointers whose value was replaced (OPA's `erased` and `masked`). */
  erased: string[];
  masked: string[];
}

const decode = (segment: string): string => segment.replaceAll('~1', '/').replaceAll('~0', '~');

/**
 * Applies a tenant's mask rules to a decision before it is logged. Rules address the entry as
 * `/input/...` or `/result/...`; a rule whose path does not exist changes nothing, except an
 * upsert, which creates the field when its parent exists. The decision itself is never changed:
 * each object on a rule's path is copied (once), and everything off the paths is shared, since
 * a deep copy of every decision's input cost more than the rest of logging it.
 */
export function applyMaskRules(rules: readonly MaskRule[], input: unknown, result: unknown): MaskedEntry {
  const entry: Record<string, unknown> = { input, result };
  const copies = new WeakSet<object>([entry]);
  const erased: string[] = [];
  const masked: string[] = [];
  for (const rule of rules) {
    const { op, path, value } = typeof rule === 'string' ? { op: 'remove' as const, path: rule, value: undefined } : { value: undefined, ...rule };
    const segments = path.split('/').slice(1).map(decode);
    const last = segments.pop()!;
    let parent: unknown = entry;
    for (const s of segments) parent = ownCopy(parent, s, copies);
    if (parent === null || typeof parent !== 'object' || Array.isArray(parent)) continue;
    const target = parent as Record<string, unknown>;
    if (op === 'remove') {
      if (!(last in target)) continue;
      delete target[last];
      erased.push(path);
    } else {
      target[last] = value;
      masked.push(path);
    }
  }
  return { input: entry.input, result: entry.result, erased, masked };
}

/** `parent[key]`, replaced in `parent` (itself a copy) by a shallow copy of its own when it is an object. */
function ownCopy(parent: unknown, key: string, copies: WeakSet<object>): unknown {
  if (parent === null || typeof parent !== 'object') return undefined;
  const child = (parent as Record<string, unknown>)[key];
  if (child === null || typeof child !== 'object' || copies.has(child)) return child;
  const copy = Array.isArray(child) ? [...(child as unknown[])] : { ...(child as Record<string, unknown>) };
  copies.add(copy);
  (parent as Record<string, unknown>)[key] = copy;
  return copy;
}
