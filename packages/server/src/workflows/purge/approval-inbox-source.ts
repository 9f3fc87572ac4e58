import { currentContext, runWithContext } from '../../context.ts';
import type { Tx } from '../../db/database.ts';
import type { Principal } from '../../identity/principal.ts';
import { API_PREFIX } from '../../pipeline/registrar.ts';
import { uuidv7 } from '../../util/ids.ts';
import { missingPurgeApprovals } from './purge-policy.ts';
import { getPurgeHistory, listPurgeRequests } from './purge-store.ts';
import { approvalsOf } from '../shared/history.ts';

// Purge requests as the approvals inbox lists them: each pending request with its rationales,
// whether the principal may decide it, and the two governed calls that do.

export interface PendingPurgeApproval {
  flow: 'purge';
  id: string;
  title: string;
  requestedBy: string;
  requestedAt: string;
  rationaleHistory: Array<{ at: string; actor: string; step: string; rationale: string }>;
  /** Whether this principal's approval would count: an approver role, not the requester, not approved already. */
  allows: boolean;
  requiredApprovers: string[];
  link: string;
  decide: { approve: { method: 'POST'; path: string }; deny: { method: 'POST'; path: string } };
}

const PENDING_LIMIT = 200;

export function pendingPurgeApprovals({ tx, tenantId, principal }: { tx: Tx; tenantId: string; principal: Principal }): Promise<PendingPurgeApproval[]> {
  return runWithContext({ tenantId, tx, requestId: currentContext()?.requestId ?? uuidv7(), subject: principal }, async () => {
    const out: PendingPurgeApproval[] = [];
    for (const r of await listPurgeRequests({ status: 'requested', limit: PENDING_LIMIT })) {
      const history = await getPurgeHistory(r.purge_id);
      const requesterRoles = (history.find((h) => h.transition === 'request')?.details.roles as string[] | undefined) ?? [];
      const missing = missingPurgeApprovals(tenantId, { requester: { id: r.requester, roles: requesterRoles }, scope: r.scope, approvals: approvalsOf(history) });
      const approvedAlready = history.some((h) => h.transition === 'approve' && h.actor === principal.subjectId);
      const path = `${API_PREFIX}/purge-requests/${r.purge_id}`;
      out.push({
        flow: 'purge',
        id: r.purge_id,
        title: `Purge ${r.scope} ${r.subject}`,
        requestedBy: r.requester,
        requestedAt: r.created_at,
        rationaleHistory: history.flatMap((h) => (h.rationale === null ? [] : [{ at: h.at, actor: h.actor, step: h.transition, rationale: h.rationale }])),
        allows: principal.subjectId !== r.requester && !approvedAlready && principal.roles.some((role) => missing.includes(role)),
        requiredApprovers: missing,
        link: `/purge-requests/${r.purge_id}`,
        decide: { approve: { method: 'POST', path: `${path}/approve` }, deny: { method: 'POST', path: `${path}/deny` } },
      });
    }
    return out;
  });
}
