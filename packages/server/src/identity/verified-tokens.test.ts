import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VerifiedTokens } from './verified-tokens.ts';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const claims = (expInS: number) => ({ sub: 'alice', exp: T0 / 1000 + expInS });

test('a checked token is known until its expiry or the time limit, whichever comes first', () => {
  const tokens = new VerifiedTokens(60_000);
  tokens.remember('short', claims(30), T0);
  tokens.remember('long', claims(3600), T0);
  assert.equal(tokens.get('short', T0 + 29_999)?.sub, 'alice');
  assert.equal(tokens.get('short', T0 + 30_000), undefined, 'never past exp');
  assert.equal(tokens.get('long', T0 + 59_999)?.sub, 'alice');
  assert.equal(tokens.get('long', T0 + 60_000), undefined, 'checked again after the time limit');
});

test('only the exact token string hits, and a token without exp or already expired is not kept', () => {
  const tokens = new VerifiedTokens();
  tokens.remember('aaa.bbb.ccc', claims(300), T0);
  assert.equal(tokens.get('aaa.bbb.ccd', T0), undefined);
  tokens.remember('no-exp', { sub: 'bob' }, T0);
  tokens.remember('expired', claims(-1), T0);
  assert.equal(tokens.get('no-exp', T0), undefined);
  assert.equal(tokens.get('expired', T0), undefined);
});

test('the oldest token goes when the cache is full', () => {
  const tokens = new VerifiedTokens(60_000, 2);
  for (const t of ['a', 'b', 'c']) tokens.remember(t, claims(300), T0);
  assert.deepEqual(['a', 'b', 'c'].map((t) => tokens.get(t, T0) !== undefined), [false, true, true]);
});
