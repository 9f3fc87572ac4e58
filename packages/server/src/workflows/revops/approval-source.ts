import type { ApprovalSource } from '../shared/approval-inbox.ts';
import { rationaleHistory, roleApprovers } from '../shared/approval-inbox.ts';
import { approveQuote } from './actions.ts';
import { getOpportunity, listQuotes, quoteHistory } from './deal-store.ts';
import { currentApprovals, decide } from './quote-service.ts';

const API = '/api/v1/revops/quotes';
const SCAN_LIMIT = 500;

/** An amount in minor units as a plain decimal string, without floats. */
function amount(minor: number, currency: string): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')} ${currency}`;
}

const percent = (bp: number): string => `${Math.trunc(bp / 100)}${bp % 100 === 0 ? '' : `.${String(bp % 100).padStart(2, '0')}`}%`;

/** Submitted quotes whose discount policy still needs a role this person holds. */
export const quoteApprovals: ApprovalSource = {
  flow: 'revops_quote',
  async pending(ctx) {
    const me = { id: ctx.principal.subjectId, roles: ctx.principal.roles };
    const out = [];
    for (const q of await listQuotes({ status: 'submitted', limit: SCAN_LIMIT })) {
      if (q.owner === me.id || Date.parse(q.valid_until) <= ctx.now.getTime()) continue;
      const history = await quoteHistory.list(q.quote_id);
      if (currentApprovals(history).some((a) => a.approver.id === me.id)) continue;
      const missing = decide(ctx.tenantId, q, history).missing_approvals;
      if (!me.roles.some((role) => missing.includes(role))) continue;
      if (!(await ctx.can(approveQuote.name, { id: q.quote_id }))) continue;
      const after = decide(ctx.tenantId, q, history, [{ approver: me }]);
      const deal = await getOpportunity(q.opportunity_id);
      const submitted = [...history].reverse().find((h) => h.transition === 'submit');
      out.push({
        flow: 'revops_quote',
        id: q.quote_id,
        title: `Quote v${q.version} for ${deal?.name ?? q.opportunity_id}: ${amount(q.total_minor, q.currency)}`,
        requestedBy: q.owner,
        requestedAt: submitted?.at ?? q.updated_at,
        rationaleHistory: rationaleHistory(history),
        allows: `${q.owner} may activate the quote at ${amount(q.total_minor, q.currency)} with a ${percent(q.discount_bp)} discount over ${q.terms.term_months} months, valid until ${q.valid_until}`,
        requiredApprovers: after.allow ? [] : roleApprovers(after.missing_approvals),
        link: `/revops?quote=${q.quote_id}`,
        decide: { approve: `${API}/${q.quote_id}/approve`, deny: `${API}/${q.quote_id}/reject` },
      });
    }
    return out;
  },
};
