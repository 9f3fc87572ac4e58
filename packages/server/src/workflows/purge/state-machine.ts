import { stateMachine } from '../shared/state-machine.ts';

/** The life of a purge request. `approved` waits for the purge job, which ends in `done` or `failed`. */
export type PurgeState = 'requested' | 'approved' | 'done' | 'denied' | 'cancelled' | 'failed';
export type PurgeTransition = 'approve' | 'deny' | 'cancel' | 'complete' | 'fail';
export type PurgeStep = PurgeTransition | 'request';

export const PURGE_STATES: readonly PurgeState[] = ['requested', 'approved', 'done', 'denied', 'cancelled', 'failed'];
export const PURGE_SCOPES = ['subject', 'entity', 'tenant'] as const;
export type PurgeScope = (typeof PURGE_SCOPES)[number];

// `approve` keeps a request in `requested` until the policy says the approvals suffice.
const machine = stateMachine<PurgeState, PurgeTransition>('purge request', {
  approve: { requested: 'approved' },
  deny: { requested: 'denied' },
  cancel: { requested: 'cancelled' },
  complete: { approved: 'done' },
  fail: { approved: 'failed' },
});

export const allowed = machine.allowed;
export const nextState = machine.next;

/** The action whose receipt records a step. */
export const stepAction = (step: PurgeStep): string => `purge.request.${step === 'request' ? 'create' : step}`;
