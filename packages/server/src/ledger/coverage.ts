import { currentTenantId, currentTx } from '../context.ts';

/** How much of the current tenant's allowed work in a window is evidenced. */
export interface EvidenceCoverage {
  /** Allowed governed actions (audit events `action.allowed`) in the window. */
  allowed: number;
  /** Of those, the ones whose receipt has a leaf in the tenant's log. */
  inLedger: number;
  /** Receipts issued in the window (every allowed action, job and workflow step). */
  receipts: number;
}

/** Counts the current tenant's allowed actions, their receipts in the log, and its receipts, in [from, to). */
export async function evidenceCoverage(from: Date, to: Date): Promise<EvidenceCoverage> {
  const tx = currentTx();
  const tenant = currentTenantId();
  const window = [tenant, from.toISOString(), to.toISOString()];
  const [allowed] = await tx.query<{ allowed: number; in_ledger: number }>(
    `SELECT count(*)::int AS allowed, count(l.leaf_index)::int AS in_ledger FROM audit_events a
     LEFT JOIN ledger_leaves l ON l.tenant_id = a.tenant_id AND l.receipt_id::text = a.details->>'receipt_id'
     WHERE a.tenant_id = $1 AND a.type = 'action.allowed' AND a.occurred_at >= $2 AND a.occurred_at < $3`,
    window,
  );
  const [receipts] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM receipts WHERE tenant_id = $1 AND issued_at >= $2 AND issued_at < $3', window);
  return { allowed: allowed!.allowed, inLedger: allowed!.in_ledger, receipts: receipts!.n };
}
