import { currentTenantId, currentTx } from '../context.ts';
import { runStatement, type Statement } from './statement.ts';

// Transaction-scoped advisory locks per tenant, in key spaces of their own (the first key), so
// several server processes never create two first keys, or let concurrent requests each count a
// quota before any of them has used it. (The ledger serialises on its lease row instead.)
//
// `usage` orders usage writes against a month's finalisation: every tenant transaction holds it
// shared from its first statement (withTenantTransaction), finalisation takes it exclusively, so
// a finalisation sees every usage write that began before it, and one that begins after it waits
// for its commit (and is recorded after it; see usage-events.ts).
export const LOCK_SPACE = { keys: 0x636f736b, quota: 0x636f7371, usage: 0x636f7375, kek: 0x636f6b65 } as const;

/** The current tenant's lock in `space`; a shared hold waits only for an exclusive one. */
export async function lockTenant(space: keyof typeof LOCK_SPACE, mode: 'exclusive' | 'shared' = 'exclusive'): Promise<void> {
  await runStatement(lockTenantStatement(space, mode));
}

/** `lockTenant` as a statement, to send with others (Tx.queryEach). */
export function lockTenantStatement(space: keyof typeof LOCK_SPACE, mode: 'exclusive' | 'shared' = 'exclusive'): Statement {
  const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  return { sql: `SELECT ${fn}($1::int, hashtext($2))`, params: [LOCK_SPACE[space], currentTenantId()] };
}

/**
 * Takes the lock of several tenants exclusively in one statement, in key order, so two
 * transactions locking overlapping sets never wait on each other in a circle. A wait longer than
 * `waitMs` for any one of them fails the transaction (its `lock_timeout` from here on): a wait
 * the database cannot see as a deadlock (a holder waiting on a second connection of its own
 * tenant, queued behind this request) ends instead of hanging both.
 */
export async function lockTenantsExclusively(space: keyof typeof LOCK_SPACE, tenantIds: string[], waitMs: number): Promise<void> {
  await currentTx().query(`SELECT set_config('lock_timeout', $1, true)`, [`${Math.max(1, Math.trunc(waitMs))}ms`]);
  await currentTx().query(
    `SELECT pg_advisory_xact_lock($1::int, k) FROM (SELECT DISTINCT hashtext(t) AS k FROM unnest($2::text[]) AS t ORDER BY k) AS keys`,
    [LOCK_SPACE[space], tenantIds],
  );
}
