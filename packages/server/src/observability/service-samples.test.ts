import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latencyQuantile, SAMPLE_BOUNDS_MS } from './service-samples.ts';

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
