import { apiRequest } from '../api/client.ts';
import type { Problem } from '../api/problem.ts';
import { useSessions } from './session-store.ts';
import { useAsync } from '../ui/use-async.ts';

// What the signed-in person may do, asked of the server's preflight (POST /policy/can), which
// decides each action as the real request would be decided. The console shows navigation,
// buttons and forms only for allowed actions; it keeps no role lists of its own.

export interface CanCheck {
  action: string;
  /** The path parameters naming the resource (e.g. `{ id }`); none asks "may I do this at all". */
  resource?: Record<string, string>;
}

interface Answer {
  action: string;
  resource?: Record<string, string>;
  allowed: boolean;
  /** Allowed after a fresh step-up, which the console asks for when the action runs. */
  step_up_required: boolean;
}

/** How long an answer is reused: a policy change reaches the console within this time. */
const FRESH_MS = 30_000;
/** The server's bound on one preflight. */
const MAX_CHECKS = 100;

const checkKey = (c: CanCheck): string => (c.resource === undefined ? c.action : `${c.action} ${JSON.stringify(c.resource, Object.keys(c.resource).sort())}`);

// Per credential (a tenant switch or a step-up is another credential), the answers by check.
const cache = new Map<string, Map<string, { allowed: boolean; at: number }>>();

async function preflight(token: string, checks: CanCheck[]): Promise<Map<string, boolean>> {
  const known = cache.get(token) ?? new Map<string, { allowed: boolean; at: number }>();
  cache.set(token, known);
  const now = Date.now();
  const wanted = [...new Map(checks.map((c) => [checkKey(c), c])).values()];
  const fresh = (c: CanCheck): boolean => (known.get(checkKey(c))?.at ?? -Infinity) > now - FRESH_MS;
  const ask = wanted.filter((c) => !fresh(c));
  for (let i = 0; i < ask.length; i += MAX_CHECKS) {
    const { results } = await apiRequest<{ results: Answer[] }>('POST', '/policy/can', { token, body: { checks: ask.slice(i, i + MAX_CHECKS) } });
    for (const r of results) known.set(checkKey(r), { allowed: r.allowed || r.step_up_required, at: now });
  }
  return new Map(wanted.map((c) => [checkKey(c), known.get(checkKey(c))?.allowed === true]));
}

/** Forgets every answer (after a change that may alter them, such as activating a policy). */
export function forgetPreflight(): void {
  cache.clear();
}

export interface Can {
  /** False until the server has answered. */
  ready: boolean;
  /** Why the server could not be asked (everything is then refused). */
  problem: Problem | null;
  /** Whether the server would allow it (after a step-up, if need be); false while unknown, so nothing is offered that might fail. */
  can(action: string, resource?: Record<string, string>): boolean;
}

/** Asks the preflight for `checks` in one batched call per screen and credential, reusing fresh answers. */
export function useCan(checks: CanCheck[]): Can {
  const { active } = useSessions();
  const token = active?.token;
  const key = `${token ?? ''}|${checks.map(checkKey).join('|')}`;
  const { state } = useAsync(() => (token === undefined || checks.length === 0 ? Promise.resolve(new Map<string, boolean>()) : preflight(token, checks)), key);
  const answers = state.status === 'ready' ? state.data : undefined;
  return {
    ready: answers !== undefined,
    problem: state.status === 'error' ? state.problem : null,
    can: (action, resource) => answers?.get(checkKey(resource === undefined ? { action } : { action, resource })) === true,
  };
}
