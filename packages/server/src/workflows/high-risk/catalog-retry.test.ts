import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isConcurrentCatalogUpdate, retryingCatalogRace } from './catalog-retry.ts';

const race = () => Object.assign(new Error('tuple concurrently updated'), { code: 'XX000' });
const options = { attempts: 3, backoffMs: 1 };

test('a lost catalog race is tried again until it goes through', async () => {
  let calls = 0;
  const result = await retryingCatalogRace(async () => {
    calls++;
    if (calls < 3) throw race();
    return 'granted';
  }, options);
  assert.equal(result, 'granted');
  assert.equal(calls, 3);
});

test('tries are bounded, and any other error is not retried', async () => {
  let calls = 0;
  await assert.rejects(
    retryingCatalogRace(async () => {
      calls++;
      throw race();
    }, options),
    /tuple concurrently updated/,
  );
  assert.equal(calls, 3);

  calls = 0;
  const other = Object.assign(new Error('permission denied for schema s'), { code: '42501' });
  await assert.rejects(
    retryingCatalogRace(async () => {
      calls++;
      throw other;
    }, options),
    /permission denied/,
  );
  assert.equal(calls, 1);
  // Another internal error is not a race.
  assert.equal(isConcurrentCatalogUpdate(Object.assign(new Error('cache lookup failed'), { code: 'XX000' })), false);
});
