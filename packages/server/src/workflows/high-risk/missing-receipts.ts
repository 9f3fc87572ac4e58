import { currentTenantId, currentTx } from '../../context.ts';
import { requestTarget } from './request-store.ts';
import { stepAction, type RequestState, type Step } from './state-machine.ts';

// Every step of a request's history commits with its receipt, so an executed request whose
// history holds more steps of a kind than there are receipts of that step's action has lost
// evidence. The count is per step kind, since approvals repeat.

/** Executed requests: the ones whose evidence matters most. */
const EXECUTED: RequestState[] = ['active', 'reverted', 'failed'];

export interface MissingStep {
  step: Step;
  action: string;
  /** Entries of this step in the history. */
  expected: number;
  /** Receipts of the step's action naming the request. */
  found: number;
}

export interface RequestMissingReceipts {
  request_id: string;
  status: RequestState;
  requester: string;
  operation: string;
  missing_steps: MissingStep[];
}

/** The current tenant's executed requests that miss a receipt for a step of their history, oldest first. */
export async function requestsMissingReceipts(): Promise<RequestMissingReceipts[]> {
  const rows = await currentTx().query<{ request_id: string; status: RequestState; requester: string; operation: string; step: Step; entries: number }>(
    `SELECT r.request_id, r.status, r.requester, r.operation, h.transition AS step, count(*)::int AS entries
     FROM high_risk_requests r JOIN high_risk_history h ON h.tenant_id = r.tenant_id AND h.request_id = r.request_id
     WHERE r.tenant_id = $1 AND r.status = ANY($2)
     GROUP BY r.request_id, r.status, r.requester, r.operation, r.created_at, h.transition
     ORDER BY r.created_at, r.request_id, h.transition`,
    [currentTenantId(), EXECUTED],
  );
  const receipts = await currentTx().query<{ target: string; action: string; n: number }>(
    `SELECT target, action, count(*)::int AS n FROM receipts
     WHERE tenant_id = $1 AND target IN (SELECT 'high-risk-request:' || request_id FROM high_risk_requests WHERE tenant_id = $1 AND status = ANY($2))
     GROUP BY target, action`,
    [currentTenantId(), EXECUTED],
  );
  const found = new Map(receipts.map((x) => [`${x.target}\u0000${x.action}`, x.n]));
  const byRequest = new Map<string, RequestMissingReceipts>();
  for (const row of rows) {
    const id = String(row.request_id);
    const action = stepAction(row.step);
    const n = found.get(`${requestTarget(id)}\u0000${action}`) ?? 0;
    if (n >= row.entries) continue;
    const entry = byRequest.get(id) ?? { request_id: id, status: row.status, requester: row.requester, operation: row.operation, missing_steps: [] };
    entry.missing_steps.push({ step: row.step, action, expected: row.entries, found: n });
    byRequest.set(id, entry);
  }
  return [...byRequest.values()];
}
