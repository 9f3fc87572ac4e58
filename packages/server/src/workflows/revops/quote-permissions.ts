import type { ActionContext } from '../../pipeline/define-action.ts';
import { decisionInput } from '../../pipeline/decision-input.ts';
import { policyRuntime } from '../../policy/policy-runtime.ts';
import type { PolicyPerson } from '../shared/workflow-policy.ts';
import type { Quote, QuoteHistoryEntry } from './deal-store.ts';
import { quoteMachine, type QuoteTransition } from './quote-machine.ts';
import { currentApprovals, decide } from './quote-service.ts';

// Who may take which step on a quote: the deal desk's own rules, shared by the actions (which
// refuse) and the quote view (which says what the caller may do, so a screen offers only that).

/** A step a caller can take on a quote, named as in its route. */
export type QuoteVerb = 'update' | 'submit' | 'approve' | 'reject' | 'activate' | 'cancel';

export const QUOTE_VERBS: readonly QuoteVerb[] = ['update', 'submit', 'approve', 'reject', 'activate', 'cancel'];

const TRANSITION: Record<QuoteVerb, QuoteTransition> = { update: 'edit', submit: 'submit', approve: 'approve', reject: 'reject', activate: 'activate', cancel: 'cancel' };
const OWNER_ONLY: Partial<Record<QuoteVerb, string>> = { update: 'edit', submit: 'submit', activate: 'activate', cancel: 'cancel' };
/** Steps that move a quote forward, refused once its validity date has passed. */
const NEEDS_VALIDITY: ReadonlySet<QuoteVerb> = new Set(['submit', 'approve', 'activate']);

export const quoteAction = (verb: QuoteVerb): string => `revops.quote.${verb}`;

/** Why `me` may not take `verb` on the quote by the desk's rules (its state aside), or null when they may. */
export function ruleRefusal(tenantId: string, verb: QuoteVerb, me: PolicyPerson, q: Quote, history: QuoteHistoryEntry[]): string | null {
  const owning = OWNER_ONLY[verb];
  if (owning !== undefined) return me.id === q.owner ? null : `only the quote's owner ${q.owner} may ${owning} ${q.quote_id}`;
  if (me.id === q.owner) return `${me.id} owns ${q.quote_id} and cannot ${verb} it`;
  if (verb === 'reject') return me.roles.some((r) => q.required_roles.includes(r)) ? null : `rejecting ${q.quote_id} needs a role among ${q.required_roles.join(', ') || 'its approvers'}`;
  if (currentApprovals(history).some((a) => a.approver.id === me.id)) return `${me.id} has already approved ${q.quote_id}`;
  const missing = decide(tenantId, q, history).missing_approvals;
  return me.roles.some((r) => missing.includes(r)) ? null : `${q.quote_id} awaits the approval of ${missing.join(' and ') || 'nobody'}; ${me.id} holds none of these roles`;
}

export const isExpired = (q: Quote, now: Date): boolean => Date.parse(q.valid_until) <= now.getTime();

/**
 * The steps the caller may take on the quote now: the state machine allows the step, the quote is
 * still valid where that matters, the tenant's authorization policy would allow the action, and
 * the desk's rules do. The actions decide again when taken.
 */
export function allowedActions(ctx: ActionContext<unknown, unknown>, q: Quote, history: QuoteHistoryEntry[]): QuoteVerb[] {
  const me = { id: ctx.principal.subjectId, roles: ctx.principal.roles };
  const { engine } = policyRuntime();
  return QUOTE_VERBS.filter((verb) => {
    if (!quoteMachine.allowed(q.status, TRANSITION[verb])) return false;
    if (NEEDS_VALIDITY.has(verb) && isExpired(q, ctx.now)) return false;
    // The desk's rules first: mostly a comparison, where the authorization policy is an evaluation.
    if (ruleRefusal(ctx.tenantId, verb, me, q, history) !== null) return false;
    return engine.wouldAllow(decisionInput(ctx, { name: quoteAction(verb), scope: 'tenant' }, q));
  });
}
