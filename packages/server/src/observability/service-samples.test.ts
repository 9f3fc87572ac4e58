import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../db/database.ts';
import { FakeClock } from '../util/clock.ts';
import { latencyQuantile, SAMPLE_BOUNDS_MS, ServiceSampler } from './service-samples.ts';
import type { ActionObservation, ActionOutcome } from './signals.ts';

const counts = (byBucket: Record<number, number>) => Array.from({ length: SAMPLE_BOUNDS_MS.length + 1 }, (_, i) => byBucket[i] ?? 0);

test('the quantile is interpolated within its bucket, as histogram_quantile does', () => {
  assert.equal(latencyQuantile(counts({}), 0.95), null);
  // 100 requests in (10, 25] ms: the 95th falls 95% of the way through the bucket.
  assert.equal(latencyQuantile(counts({ 2: 100 }), 0.95), 10 + 15 * 0.95);
  // 90 fast, 10 in (100, 250]: the 95th is half-way through the slow bucket.
  assert.equal(latencyQuantile(counts({ 0: 90, 5: 10 }), 0.95), 100 + 150 * 0.5);
  // Past the last bound only the bound is known.
  assert.equal(latencyQuantile(counts({ [SAMPLE_BOUNDS_MS.length]: 5 }), 0.95), SAMPLE_BOUNDS_MS.at(-1));
});

/** A database that stores the samples' rows, or fails as told. */
function sampleStore() {
  const rows: Array<{ tenant: string; from: string; to: string; requests: number; errors: number }> = [];
  const store = {
    failure: undefined as ((tenant: string) => Error | undefined) | undefined,
    rows,
    db: {
      engine: 'pglite',
      transaction: async (fn: (tx: unknown) => Promise<unknown>) =>
        fn({
          query: async (sql: string, params: unknown[] = []) => {
            if (!sql.startsWith('INSERT INTO service_samples')) throw new Error(`unexpected query ${sql}`);
            const [tenant, , , from, to, requests, errors] = params as [string, string, string, string, string, number, number];
            const failure = store.failure?.(tenant);
            if (failure !== undefined) throw failure;
            rows.push({ tenant, from, to, requests, errors });
            return [{ sample_id: 'x' }];
          },
        }),
    } as unknown as Database,
  };
  return store;
}

const observe = (tenant: string, outcome: ActionOutcome = 'allowed'): ActionObservation => ({ action: 'subject.list', outcome, tenant, seconds: 0.003 });

test('samples that cannot be written while the database is down are kept, and written with what follows once it is back', async () => {
  const clock = new FakeClock('2026-04-01T10:00:00.000Z');
  const store = sampleStore();
  const sampler = new ServiceSampler({ db: store.db, clock });
  sampler.record(observe('pilot-a'));
  sampler.record(observe('pilot-a', 'error'));
  clock.advance(60_000);
  store.failure = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
  await assert.rejects(sampler.flush(), /ECONNREFUSED/);
  sampler.record(observe('pilot-a', 'error'));
  sampler.record(observe('pilot-b'));
  clock.advance(60_000);
  store.failure = undefined;
  assert.equal(await sampler.flush(), 2);
  assert.deepEqual(store.rows, [
    { tenant: 'pilot-a', from: '2026-04-01T10:00:00.000Z', to: '2026-04-01T10:02:00.000Z', requests: 3, errors: 2 },
    { tenant: 'pilot-b', from: '2026-04-01T10:01:00.000Z', to: '2026-04-01T10:02:00.000Z', requests: 1, errors: 0 },
  ]);
  // Written once: the next flush has nothing.
  clock.advance(60_000);
  assert.equal(await sampler.flush(), 0);
});

test("a window the clock has not moved past stays open; another failure drops only that tenant's window", async () => {
  const clock = new FakeClock('2026-04-01T10:00:00.000Z');
  const store = sampleStore();
  const sampler = new ServiceSampler({ db: store.db, clock });
  sampler.record(observe('pilot-a'));
  assert.equal(await sampler.flush(), 0);
  sampler.record(observe('pilot-b'));
  clock.advance(60_000);
  store.failure = (tenant) => (tenant === 'pilot-a' ? new Error('value too long') : undefined);
  await assert.rejects(sampler.flush(), /value too long/);
  assert.deepEqual(store.rows.map((r) => [r.tenant, r.requests]), [['pilot-b', 1]]);
  store.failure = undefined;
  clock.advance(60_000);
  assert.equal(await sampler.flush(), 0, 'the failed window is not written again');
});
