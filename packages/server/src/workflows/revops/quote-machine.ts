import { stateMachine } from '../shared/state-machine.ts';

/** The life of a quote. Active, cancelled and expired are terminal. */
export type QuoteState = 'draft' | 'submitted' | 'approved' | 'active' | 'rejected' | 'cancelled' | 'expired';

export const QUOTE_STATES: readonly QuoteState[] = ['draft', 'submitted', 'approved', 'active', 'rejected', 'cancelled', 'expired'];

/** `edit` sends a submitted or rejected quote back to draft (and its approvals with it). */
export type QuoteTransition = 'edit' | 'submit' | 'approve' | 'reject' | 'activate' | 'cancel' | 'expire';

// `approve` keeps a quote submitted until the policy says the approvals suffice.
export const quoteMachine = stateMachine<QuoteState, QuoteTransition>('quote', {
  edit: { draft: 'draft', submitted: 'draft', rejected: 'draft' },
  submit: { draft: 'submitted' },
  approve: { submitted: 'approved' },
  reject: { submitted: 'rejected' },
  activate: { approved: 'active' },
  cancel: { draft: 'cancelled', submitted: 'cancelled', approved: 'cancelled', rejected: 'cancelled' },
  expire: { draft: 'expired', submitted: 'expired', approved: 'expired', rejected: 'expired' },
});

/** A step of a quote's history: its creation or a transition. */
export type QuoteStep = QuoteTransition | 'create';

/** The action whose receipt records a step; expiry is the system's, under the expiry job. */
export function quoteStepAction(step: QuoteStep): string {
  if (step === 'edit') return 'revops.quote.update';
  if (step === 'submit') return 'revops.quote.submit';
  return `revops.quote.${step}`;
}

/** States in which a quote is still open: a change of the approval policy can still re-route it. */
export const OPEN_STATES: readonly QuoteState[] = ['draft', 'submitted', 'approved'];
