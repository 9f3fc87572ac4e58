import { currentTenantId, currentTx } from '../../context.ts';
import { RECEIPT_DEADLINE_S } from '../../observability/stored-signals.ts';
import { requestsMissingReceipts } from './missing-receipts.ts';
import { allowedWithoutReceipt } from '../../observability/receipt-absent.ts';

// The High-Risk Ops dashboard, computed from the tenant's stored requests, their history, its
// decision log and its receipts.

export interface HighRiskDashboard {
  window: { from: string; to: string };
  /** Requests made in the window, and how many of them were approved, executed and reverted. */
  requests: number;
  approved: number;
  executed: number;
  reverted: number;
  /** From a request to the approval that let it through. */
  approval_time_s: { count: number; average: number | null };
  /** Executed requests missing a receipt for a step of their history (any time). */
  missing_receipts: number;
  /** Per UTC day of the window that saw requests: the same counts, by the day of the request. */
  by_day: Array<{ day: string; requests: number; approved: number; executed: number; reverted: number }>;
  /** The promise of the last 7 days: policy decisions p95 under 500 ms, no receipt missing. */
  last_7_days: { decisions: number; decision_p95_ms: number | null; missing_receipts: number; kept: boolean };
}

const DAY_MS = 86_400_000;
const P95_LIMIT_MS = 500;

export async function highRiskDashboard(now: Date, days: number): Promise<HighRiskDashboard> {
  const tx = currentTx();
  const tenant = currentTenantId();
  const from = new Date(now.getTime() - days * DAY_MS);
  const perRequest = `
    SELECT r.request_id, r.created_at,
           min(h.at) FILTER (WHERE h.to_state = 'approved') AS approved_at,
           bool_or(h.to_state = 'active') AS executed,
           bool_or(h.to_state = 'reverted') AS reverted
    FROM high_risk_requests r LEFT JOIN high_risk_history h ON h.tenant_id = r.tenant_id AND h.request_id = r.request_id
    WHERE r.tenant_id = $1 AND r.created_at > $2 AND r.created_at <= $3
    GROUP BY r.request_id, r.created_at`;
  const args = [tenant, from.toISOString(), now.toISOString()];
  const [totals] = await tx.query<{ requests: number; approved: number; executed: number; reverted: number; average: number | null }>(
    `SELECT count(*)::int AS requests, count(approved_at)::int AS approved,
            count(*) FILTER (WHERE executed)::int AS executed, count(*) FILTER (WHERE reverted)::int AS reverted,
            avg(extract(epoch FROM approved_at - created_at))::float8 AS average
     FROM (${perRequest}) x`,
    args,
  );
  const byDay = await tx.query<{ day: string; requests: number; approved: number; executed: number; reverted: number }>(
    `SELECT to_char(date_trunc('day', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*)::int AS requests, count(approved_at)::int AS approved,
            count(*) FILTER (WHERE executed)::int AS executed, count(*) FILTER (WHERE reverted)::int AS reverted
     FROM (${perRequest}) x GROUP BY 1 ORDER BY 1`,
    args,
  );
  const week = new Date(now.getTime() - 7 * DAY_MS).toISOString();
  const [decisions] = await tx.query<{ n: number; p95: number | null }>(
    `SELECT count(*)::int AS n, percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ns)::float8 / 1e6 AS p95
     FROM policy_decisions WHERE tenant_id = $1 AND "timestamp" > $2 AND "timestamp" <= $3`,
    [tenant, week, now.toISOString()],
  );
  const [missing] = await tx.query<{ n: number }>(
    `SELECT (SELECT count(*)::int FROM ledger_queue WHERE tenant_id = $1 AND queued_at > $2 AND queued_at < $3)
          + (SELECT count(*)::int FROM ${allowedWithoutReceipt('a.tenant_id = $1 AND a.occurred_at > $2')} m) AS n`,
    [tenant, week, new Date(now.getTime() - RECEIPT_DEADLINE_S * 1000).toISOString()],
  );
  const p95 = decisions!.p95 === null ? null : Math.round(decisions!.p95 * 1000) / 1000;
  return {
    window: { from: from.toISOString(), to: now.toISOString() },
    requests: totals!.requests,
    approved: totals!.approved,
    executed: totals!.executed,
    reverted: totals!.reverted,
    approval_time_s: { count: totals!.approved, average: totals!.average === null ? null : Math.round(totals!.average * 1000) / 1000 },
    missing_receipts: (await requestsMissingReceipts()).length,
    by_day: byDay,
    last_7_days: { decisions: decisions!.n, decision_p95_ms: p95, missing_receipts: missing!.n, kept: (p95 === null || p95 < P95_LIMIT_MS) && missing!.n === 0 },
  };
}
