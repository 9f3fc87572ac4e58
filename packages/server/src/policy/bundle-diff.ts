import type { Policy } from '@companyos/rego';
import { canonicalJson } from '../util/canonical-json.ts';
import type { Bundle } from './bundle.ts';
import { isPlainObject } from './bundle-compose.ts';
import { DECISION_PATH, normalize } from './policy-engine.ts';

export interface DataChange {
  /** JSON pointer into the data document. */
  path: string;
  from?: unknown;
  to?: unknown;
}

export interface DecisionFlip {
  source: 'recorded' | 'fixture';
  /** The decision id (recorded) or the fixture's index. */
  ref: string;
  action: unknown;
  actor: unknown;
  from: { allow: boolean; reasons: string[] };
  to: { allow: boolean; reasons: string[] };
}

const escape = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** The modules added, removed and changed between two bundles (test modules included). */
export function moduleChanges(from: Bundle, to: Bundle): { added: string[]; removed: string[]; changed: string[] } {
  const a = new Map(from.files.filter((f) => f.path.endsWith('.rego')).map((f) => [f.path, f.content]));
  const b = new Map(to.files.filter((f) => f.path.endsWith('.rego')).map((f) => [f.path, f.content]));
  return {
    added: [...b.keys()].filter((p) => !a.has(p)),
    removed: [...a.keys()].filter((p) => !b.has(p)),
    changed: [...b.keys()].filter((p) => a.has(p) && a.get(p) !== b.get(p)),
  };
}

/** Leaf changes between two data documents; arrays and scalars compare as wholes. */
export function dataChanges(from: unknown, to: unknown, path = ''): DataChange[] {
  if (isPlainObject(from) && isPlainObject(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
    return keys.flatMap((k) => dataChanges(from[k], to[k], `${path}/${escape(k)}`));
  }
  if (from === undefined && to === undefined) return [];
  if (from !== undefined && to !== undefined && canonicalJson(from) === canonicalJson(to)) return [];
  return [{ path: path === '' ? '/' : path, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) }];
}

/** Replays decision inputs under both policies and returns those whose `allow` differs. */
export function decisionFlips(
  from: { policy: Policy; hash: string },
  to: { policy: Policy; hash: string },
  cases: { source: 'recorded' | 'fixture'; ref: string; input: unknown }[],
): DecisionFlip[] {
  const flips: DecisionFlip[] = [];
  for (const c of cases) {
    const before = normalize(from.policy.evaluate(DECISION_PATH, c.input), from.hash);
    const after = normalize(to.policy.evaluate(DECISION_PATH, c.input), to.hash);
    if (before.allow === after.allow) continue;
    const input = (isPlainObject(c.input) ? c.input : {}) as { action?: unknown; subject?: { id?: unknown } };
    flips.push({
      source: c.source,
      ref: c.ref,
      action: input.action ?? null,
      actor: input.subject?.id ?? null,
      from: { allow: before.allow, reasons: before.reasons },
      to: { allow: after.allow, reasons: after.reasons },
    });
  }
  return flips;
}
