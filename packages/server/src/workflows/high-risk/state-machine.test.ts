import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Problem } from '../../http/problem.ts';
import { allowed, nextState, REQUEST_STATES } from './state-machine.ts';

test('the happy path runs requested → approved → active → reverted', () => {
  assert.equal(nextState('requested', 'approve'), 'approved');
  assert.equal(nextState('approved', 'execute'), 'active');
  assert.equal(nextState('active', 'revert'), 'reverted');
});

test('side exits: deny, cancel, expire and fail', () => {
  assert.equal(nextState('requested', 'deny'), 'denied');
  assert.equal(nextState('approved', 'cancel'), 'cancelled');
  assert.equal(nextState('requested', 'expire'), 'expired');
  assert.equal(nextState('active', 'fail'), 'failed');
});

test('an illegal transition is a 409 problem naming the state', () => {
  assert.throws(
    () => nextState('active', 'cancel'),
    (err: unknown) => err instanceof Problem && err.status === 409 && /active/.test(err.detail) && (err.extensions as { state?: string }).state === 'active',
  );
  assert.throws(() => nextState('requested', 'execute'), /cannot execute a request that is requested/);
});

test('terminal states allow nothing', () => {
  for (const state of ['reverted', 'denied', 'cancelled', 'expired', 'failed'] as const) {
    for (const t of ['approve', 'deny', 'execute', 'cancel', 'expire', 'revert', 'fail'] as const) assert.equal(allowed(state, t), false, `${state} ${t}`);
  }
  assert.equal(REQUEST_STATES.length, 8);
});
