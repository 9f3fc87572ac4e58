import { currentTenantId, currentTx } from '../context.ts';
import type { Row } from '../db/database.ts';
import { runStatement, type Statement } from '../db/statement.ts';

// The current tenant's integration lease (table ledger_leases). Expiry is measured on the
// database's clock, the one clock every server shares. A lease released by an idle holder
// expires at -infinity; a finite past expiry is a holder that died or drained with work left.

/** Who holds the tenant's lease, as a step looks before trying (without locking anything; ledger-store.ts reads it). */
export interface LeaseView {
  holder: string;
  live: boolean;
  /** How long the lease stays live unless renewed or released (0 when it is not live). */
  msLeft: number;
}

/**
 * Takes or renews the lease for `holder` until `ttlMs` from now, when it is free, expired or
 * already `holder`'s; its row has the fencing token, and none when another holder's lease is
 * live (`leaseToken`). Either way the lease row stays locked to the end of the transaction, so
 * integration steps never overlap and a takeover waits for the step in progress to commit.
 */
export function acquireLeaseStatement(holder: string, ttlMs: number): Statement {
  return {
    sql: `INSERT INTO ledger_leases (tenant_id, holder, fencing_token, expires_at)
     VALUES ($1, $2, 1, clock_timestamp() + $3 * interval '1 millisecond')
     ON CONFLICT (tenant_id) DO UPDATE SET
       holder = EXCLUDED.holder,
       fencing_token = CASE WHEN ledger_leases.holder = EXCLUDED.holder THEN ledger_leases.fencing_token ELSE ledger_leases.fencing_token + 1 END,
       expires_at = EXCLUDED.expires_at
     WHERE ledger_leases.holder = EXCLUDED.holder OR ledger_leases.expires_at <= clock_timestamp()
     RETURNING fencing_token::text AS token`,
    params: [currentTenantId(), holder, ttlMs],
  };
}

/** The fencing token from the rows of `acquireLeaseStatement`; undefined when the lease is another's. */
export const leaseToken = (rows: Row[]): string | undefined => (rows[0] as { token: string } | undefined)?.token;

/** Lock the lease row without taking the lease: an on-demand step waits for the holder's step. */
export function lockLeaseRowStatements(): Statement[] {
  return [
    { sql: `INSERT INTO ledger_leases (tenant_id, holder, fencing_token, expires_at) VALUES ($1, '', 1, '-infinity') ON CONFLICT (tenant_id) DO NOTHING`, params: [currentTenantId()] },
    { sql: 'SELECT 1 FROM ledger_leases WHERE tenant_id = $1 FOR UPDATE', params: [currentTenantId()] },
  ];
}

/**
 * Gives the lease up if `holder` still has it: `idle` (nothing left to do) marks it -infinity;
 * otherwise it expires now, so another server's next look takes the remaining work over.
 */
export function releaseLeaseStatement(holder: string, idle: boolean): Statement {
  return {
    sql: `UPDATE ledger_leases SET expires_at = CASE WHEN $3 THEN '-infinity'::timestamptz ELSE clock_timestamp() END WHERE tenant_id = $1 AND holder = $2`,
    params: [currentTenantId(), holder, idle],
  };
}

export async function releaseLease(holder: string, idle: boolean): Promise<void> {
  await runStatement(releaseLeaseStatement(holder, idle));
}

/** Platform scope: tenants whose lease lapsed with work possibly left (its holder died or drained). */
export async function lapsedLeases(): Promise<string[]> {
  const rows = await currentTx().query<{ tenant_id: string }>(
    `SELECT tenant_id FROM ledger_leases WHERE expires_at <= clock_timestamp() AND expires_at > '-infinity'`,
  );
  return rows.map((r) => r.tenant_id);
}
