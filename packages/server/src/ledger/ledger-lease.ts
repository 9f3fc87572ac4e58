import { currentTenantId, currentTx } from '../context.ts';

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
 * already `holder`'s, and returns the fencing token; undefined when another holder's lease is
 * live. Either way the lease row stays locked to the end of the transaction, so integration
 * steps never overlap and a takeover waits for the step in progress to commit.
 */
export async function acquireLease(holder: string, ttlMs: number): Promise<string | undefined> {
  const rows = await currentTx().query<{ token: string }>(
    `INSERT INTO ledger_leases (tenant_id, holder, fencing_token, expires_at)
     VALUES ($1, $2, 1, clock_timestamp() + $3 * interval '1 millisecond')
     ON CONFLICT (tenant_id) DO UPDATE SET
       holder = EXCLUDED.holder,
       fencing_token = CASE WHEN ledger_leases.holder = EXCLUDED.holder THEN ledger_leases.fencing_token ELSE ledger_leases.fencing_token + 1 END,
       expires_at = EXCLUDED.expires_at
     WHERE ledger_leases.holder = EXCLUDED.holder OR ledger_leases.expires_at <= clock_timestamp()
     RETURNING fencing_token::text AS token`,
    [currentTenantId(), holder, ttlMs],
  );
  return rows[0]?.token;
}

/** Locks the lease row without taking the lease: an on-demand step waits for the holder's step. */
export async function lockLeaseRow(): Promise<void> {
  const tx = currentTx();
  await tx.query(`INSERT INTO ledger_leases (tenant_id, holder, fencing_token, expires_at) VALUES ($1, '', 1, '-infinity') ON CONFLICT (tenant_id) DO NOTHING`, [
    currentTenantId(),
  ]);
  await tx.query('SELECT 1 FROM ledger_leases WHERE tenant_id = $1 FOR UPDATE', [currentTenantId()]);
}

/**
 * Gives the lease up if `holder` still has it: `idle` (nothing left to do) marks it -infinity;
 * otherwise it expires now, so another server's next look takes the remaining work over.
 */
export async function releaseLease(holder: string, idle: boolean): Promise<void> {
  await currentTx().query(
    `UPDATE ledger_leases SET expires_at = CASE WHEN $3 THEN '-infinity'::timestamptz ELSE clock_timestamp() END WHERE tenant_id = $1 AND holder = $2`,
    [currentTenantId(), holder, idle],
  );
}

/** Platform scope: tenants whose lease lapsed with work possibly left (its holder died or drained). */
export async function lapsedLeases(): Promise<string[]> {
  const rows = await currentTx().query<{ tenant_id: string }>(
    `SELECT tenant_id FROM ledger_leases WHERE expires_at <= clock_timestamp() AND expires_at > '-infinity'`,
  );
  return rows.map((r) => r.tenant_id);
}
