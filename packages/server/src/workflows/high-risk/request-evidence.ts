import { workflowPack, type WorkflowPack } from '../shared/workflow-evidence.ts';
import { getHistory, requestTarget, type HighRiskRequest } from './request-store.ts';
import { stepAction } from './state-machine.ts';

// The evidence pack of one request: its history with the request and every rationale, the
// system's execution and revert records, its receipts, decisions and bundles.

export type RequestPack = WorkflowPack;

/** Writes the request's pack, dated `now`, signed with the tenant's key. */
export async function requestPack(r: HighRiskRequest, now: Date): Promise<RequestPack> {
  const steps = new Set((await getHistory(r.request_id)).map((h) => stepAction(h.transition)));
  return workflowPack({ targets: [requestTarget(r.request_id)], stepActions: steps, since: r.created_at }, now);
}
