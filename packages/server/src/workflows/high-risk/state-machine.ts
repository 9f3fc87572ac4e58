import { stateMachine } from '../shared/state-machine.ts';

/** The life of a high-risk request. Terminal states have no way out. */
export type RequestState = 'requested' | 'approved' | 'active' | 'reverted' | 'denied' | 'cancelled' | 'expired' | 'failed';

/** A revoke asks for the revert early: the revert job makes the move once the access is gone. */
export type Transition = 'approve' | 'deny' | 'execute' | 'cancel' | 'expire' | 'revert' | 'fail';

// `approve` keeps a request in `requested` until the policy says the approvals suffice.
const machine = stateMachine<RequestState, Transition>('request', {
  approve: { requested: 'approved' },
  deny: { requested: 'denied' },
  cancel: { requested: 'cancelled', approved: 'cancelled' },
  expire: { requested: 'expired', approved: 'expired' },
  execute: { approved: 'active' },
  revert: { active: 'reverted' },
  fail: { approved: 'failed', active: 'failed' },
});

/** A step of a request's history: its creation, a transition, or a revoke (which asks for the revert). */
export type Step = Transition | 'request' | 'revoke';

/** The action whose receipt records a step (`high_risk.request.create` for the request itself). */
export function stepAction(step: Step): string {
  return `high_risk.request.${step === 'request' ? 'create' : step}`;
}

export const REQUEST_STATES: readonly RequestState[] = ['requested', 'approved', 'active', 'reverted', 'denied', 'cancelled', 'expired', 'failed'];

/** Whether `transition` may start from `state`. */
export const allowed = machine.allowed;

/** The state after `transition`; a 409 problem naming the current state when it is illegal there. */
export const nextState = machine.next;
