import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Problem } from '../../http/problem.ts';
import { QUOTE_STATES, quoteMachine, type QuoteTransition } from './quote-machine.ts';

const TRANSITIONS: QuoteTransition[] = ['edit', 'submit', 'approve', 'reject', 'activate', 'cancel', 'expire'];

test('the happy path runs draft → submitted → approved → active', () => {
  assert.equal(quoteMachine.next('draft', 'submit'), 'submitted');
  assert.equal(quoteMachine.next('submitted', 'approve'), 'approved');
  assert.equal(quoteMachine.next('approved', 'activate'), 'active');
});

test('editing a submitted or rejected quote sends it back to draft; an approved one cannot be edited', () => {
  assert.equal(quoteMachine.next('submitted', 'edit'), 'draft');
  assert.equal(quoteMachine.next('rejected', 'edit'), 'draft');
  assert.equal(quoteMachine.allowed('approved', 'edit'), false);
});

test('an illegal transition is a 409 problem naming the state', () => {
  assert.throws(
    () => quoteMachine.next('draft', 'activate'),
    (err: unknown) => err instanceof Problem && err.status === 409 && err.detail === 'cannot activate a quote that is draft (only one that is approved)' && (err.extensions as { state?: string }).state === 'draft',
  );
});

test('active, cancelled and expired quotes allow nothing', () => {
  for (const state of ['active', 'cancelled', 'expired'] as const) {
    for (const t of TRANSITIONS) assert.equal(quoteMachine.allowed(state, t), false, `${state} ${t}`);
  }
  assert.equal(QUOTE_STATES.length, 7);
});
