import { currentTenantId, currentTx } from '../../context.ts';
import { shownActors } from '../../identity/actor-pseudonyms.ts';

// The RevOps governance dashboard, computed from the tenant's live records over a window.

export type Period = 'day' | 'week' | 'month';

export interface Dashboard {
  window: { from: string; to: string; period: Period };
  /** Per period (its UTC start): opportunities opened and contracts activated. */
  deals: Array<{ period: string; opportunities: number; contracts: number }>;
  /** Submissions in the window, and how many needed approvals beyond their executive's. */
  approvals_needed: { submitted: number; needing_approval: number; share: number | null };
  /** From a submit to the approval that completed it, for quotes that needed approvals. */
  approval_time_s: { count: number; average: number | null; p95: number | null };
  approvals_by_approver: Array<{ approver: string; approvals: number; rejections: number }>;
  leads_by_team: Array<{ team: string; leads: number }>;
}

const n = (v: unknown): number => Number(v);
const seconds = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v) * 1000) / 1000);

export async function dashboard(from: Date, to: Date, period: Period): Promise<Dashboard> {
  const tx = currentTx();
  const args = [currentTenantId(), from.toISOString(), to.toISOString()];
  const deals = await tx.query<{ period: string; opportunities: unknown; contracts: unknown }>(
    `SELECT to_char(period, 'YYYY-MM-DD"T"HH24:MI:SS".000Z"') AS period, sum(o)::int AS opportunities, sum(c)::int AS contracts FROM (
       SELECT date_trunc($4, created_at AT TIME ZONE 'UTC') AS period, 1 AS o, 0 AS c FROM revops_opportunities WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3
       UNION ALL
       SELECT date_trunc($4, created_at AT TIME ZONE 'UTC'), 0, 1 FROM revops_contracts WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3
     ) x GROUP BY period ORDER BY period`,
    [...args, period],
  );
  const submits = await tx.query<{ submitted: unknown; needing: unknown }>(
    `SELECT count(*)::int AS submitted, count(*) FILTER (WHERE jsonb_array_length(coalesce(details->'required_approvals', '[]')) > 0)::int AS needing
     FROM revops_quote_history WHERE tenant_id = $1 AND transition = 'submit' AND at >= $2 AND at < $3`,
    args,
  );
  // A quote leaves `approved` only forward (activate, cancel, expire), so the first approval that
  // made it approved after a submit is the one that completed that submit.
  const times = await tx.query<{ count: unknown; average: unknown; p95: unknown }>(
    `SELECT count(*)::int AS count, avg(s)::float8 AS average, percentile_cont(0.95) WITHIN GROUP (ORDER BY s)::float8 AS p95 FROM (
       SELECT extract(epoch FROM (SELECT min(a.at) FROM revops_quote_history a
         WHERE a.tenant_id = h.tenant_id AND a.quote_id = h.quote_id AND a.seq > h.seq AND a.transition = 'approve' AND a.to_state = 'approved') - h.at) AS s
       FROM revops_quote_history h
       WHERE h.tenant_id = $1 AND h.transition = 'submit' AND h.at >= $2 AND h.at < $3 AND jsonb_array_length(coalesce(h.details->'required_approvals', '[]')) > 0
     ) x WHERE s IS NOT NULL`,
    args,
  );
  const approvers = await tx.query<{ approver: string; approvals: unknown; rejections: unknown }>(
    `SELECT actor AS approver,
       count(*) FILTER (WHERE transition = 'approve')::int AS approvals, count(*) FILTER (WHERE transition = 'reject')::int AS rejections
     FROM revops_quote_history
     WHERE tenant_id = $1 AND at >= $2 AND at < $3 AND transition IN ('approve', 'reject') AND coalesce(details->>'self_approved', 'false') <> 'true'
     GROUP BY actor ORDER BY actor`,
    args,
  );
  const teams = await tx.query<{ team: string; leads: unknown }>(
    `SELECT team, count(*)::int AS leads FROM revops_leads WHERE tenant_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY team ORDER BY team`,
    args,
  );
  const submitted = n(submits[0]!.submitted);
  const needing = n(submits[0]!.needing);
  return {
    window: { from: from.toISOString(), to: to.toISOString(), period },
    deals: deals.map((d) => ({ period: d.period, opportunities: n(d.opportunities), contracts: n(d.contracts) })),
    approvals_needed: { submitted, needing_approval: needing, share: submitted === 0 ? null : Math.round((needing / submitted) * 10_000) / 10_000 },
    approval_time_s: { count: n(times[0]!.count), average: seconds(times[0]!.average), p95: seconds(times[0]!.p95) },
    approvals_by_approver: await byApprover(approvers),
    leads_by_team: teams.map((t) => ({ team: t.team, leads: n(t.leads) })),
  };
}

/** Approvers as readers know them (history rows name people by pseudonym), one entry per person, in id order. */
async function byApprover(rows: Array<{ approver: string; approvals: unknown; rejections: unknown }>): Promise<Array<{ approver: string; approvals: number; rejections: number }>> {
  const shown = await shownActors(rows.map((r) => r.approver));
  const merged = new Map<string, { approver: string; approvals: number; rejections: number }>();
  for (const r of rows) {
    const approver = shown.get(r.approver) ?? r.approver;
    const m = merged.get(approver) ?? { approver, approvals: 0, rejections: 0 };
    merged.set(approver, { approver, approvals: m.approvals + n(r.approvals), rejections: m.rejections + n(r.rejections) });
  }
  return [...merged.values()].sort((x, y) => (x.approver < y.approver ? -1 : x.approver > y.approver ? 1 : 0));
}
