import type { ApprovalSource } from '../shared/approval-inbox.ts';
import { rationaleHistory, roleApprovers } from '../shared/approval-inbox.ts';
import { approveRequest, policyInput } from './actions.ts';
import { missingApprovals } from './high-risk-policy.ts';
import { getHistory, listRequests } from './request-store.ts';

const API = '/api/v1/high-risk-ops/requests';
/** More pending requests than this at once is not an inbox any more; the oldest come first. */
const SCAN_LIMIT = 500;

/** Requested high-risk operations whose approval policy still needs a role this person holds. */
export const highRiskApprovals: ApprovalSource = {
  flow: 'high_risk',
  async pending(ctx) {
    const me = ctx.principal;
    const out = [];
    for (const r of await listRequests({ status: 'requested', limit: SCAN_LIMIT })) {
      if (r.requester === me.subjectId || Date.parse(r.pending_until) <= ctx.now.getTime()) continue;
      const history = await getHistory(r.request_id);
      if (history.some((h) => h.transition === 'approve' && h.actor === me.subjectId)) continue;
      const input = policyInput(r, history);
      const missing = missingApprovals(ctx.tenantId, input);
      if (!me.roles.some((role) => missing.includes(role) && r.approver_roles.includes(role))) continue;
      if (!(await ctx.can(approveRequest.name, { id: r.request_id }))) continue;
      const after = missingApprovals(ctx.tenantId, { ...input, approvals: [...input.approvals, { approver: { id: me.subjectId, roles: me.roles } }] });
      const tables = r.target.tables.join(', ');
      out.push({
        flow: 'high_risk',
        id: r.request_id,
        title: `${r.operation} on ${r.target.schema} (${tables})`,
        requestedBy: r.requester,
        requestedAt: r.created_at,
        rationaleHistory: rationaleHistory(history),
        allows: `${r.requester} gets read access to ${r.target.database}.${r.target.schema} tables ${tables} for ${r.duration_minutes} minutes once executed`,
        requiredApprovers: roleApprovers(after),
        link: `/security?request=${r.request_id}`,
        decide: { approve: `${API}/${r.request_id}/approve`, deny: `${API}/${r.request_id}/deny` },
      });
    }
    return out;
  },
};
