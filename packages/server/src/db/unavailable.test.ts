import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDatabaseUnavailable } from './unavailable.ts';

const failure = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

test('transient database states are unavailable: a refused connection, a restart, a conflict, a lock wait past its timeout', () => {
  for (const code of ['ECONNREFUSED', '08006', '57P01', '3D000', '40001', '40P01', '55P03']) assert.equal(isDatabaseUnavailable(failure(code)), true, code);
  assert.equal(isDatabaseUnavailable(new AggregateError([failure('ECONNREFUSED')])), true);
  assert.equal(isDatabaseUnavailable(new Error('wrapped', { cause: failure('40P01') })), true);
});

test('a wrong query is not: syntax, constraint and privilege errors stay what they are', () => {
  for (const code of ['42601', '23505', '42501', '22P02']) assert.equal(isDatabaseUnavailable(failure(code)), false, code);
  assert.equal(isDatabaseUnavailable(new Error('plain')), false);
});
