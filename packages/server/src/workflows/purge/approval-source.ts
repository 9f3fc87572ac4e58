import type { ApprovalSource } from '../shared/approval-inbox.ts';
import { rationaleHistory, roleApprovers } from '../shared/approval-inbox.ts';
import { approvePurgeRequest } from './actions.ts';
import { missingPurgeApprovals, purgePolicyInput } from './purge-policy.ts';
import { getPurgeHistory, listPurgeRequests } from './purge-store.ts';

const API = '/api/v1/purge-requests';
/** More pending purges than this at once is not an inbox any more; the oldest come first. */
const SCAN_LIMIT = 200;

/** Requested purges whose approval policy still needs a role this person holds. */
export const purgeApprovals: ApprovalSource = {
  flow: 'purge',
  async pending(ctx) {
    const me = ctx.principal;
    const out = [];
    for (const r of await listPurgeRequests({ status: 'requested', limit: SCAN_LIMIT })) {
      if (r.requester === me.subjectId) continue;
      const history = await getPurgeHistory(r.purge_id);
      if (history.some((h) => h.transition === 'approve' && h.actor === me.subjectId)) continue;
      const input = purgePolicyInput(r, history);
      const missing = missingPurgeApprovals(ctx.tenantId, input);
      if (!me.roles.some((role) => missing.includes(role))) continue;
      if (!(await ctx.can(approvePurgeRequest.name, { id: r.purge_id }))) continue;
      const after = missingPurgeApprovals(ctx.tenantId, { ...input, approvals: [...input.approvals, { approver: { id: me.subjectId, roles: me.roles } }] });
      out.push({
        flow: 'purge',
        id: r.purge_id,
        title: `Purge ${r.scope} ${r.subject}`,
        requestedBy: r.requester,
        requestedAt: r.created_at,
        rationaleHistory: rationaleHistory(history),
        allows: `the ${r.scope} ${r.subject} is deleted for good once every approval is in`,
        requiredApprovers: roleApprovers(after),
        link: `/purge-requests/${r.purge_id}`,
        decide: { approve: `${API}/${r.purge_id}/approve`, deny: `${API}/${r.purge_id}/deny` },
      });
    }
    return out;
  },
};
