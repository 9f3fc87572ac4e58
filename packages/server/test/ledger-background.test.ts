import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { leafIndexOf } from '../src/ledger/ledger-store.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// With background integration on (the server's default), a committed receipt gets its leaf
// index and a checkpoint shortly after the response, without anyone asking.
let h: TestApp;

before(async () => {
  h = await createTestApp({ config: { checkpointEvery: 1000, checkpointIntervalMs: 50 } });
  await h.app.ready();
});
after(() => h.close());

test('a receipt is integrated and checkpointed in the background after its action commits', async () => {
  const res = await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-admin'] });
  const id = String(res.headers['x-receipt-id']);
  const started = Date.now();
  let index: number | undefined;
  while (index === undefined && Date.now() - started < 10_000) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await h.app.ledger.idle();
    index = await withTenantTransaction(h.t.db, 'pilot-a', () => leafIndexOf(id));
  }
  assert.notEqual(index, undefined, 'integrated within 10 s');
  assert.ok(h.app.ledger.stats.integrated >= 1);
  const proof = await h.call('GET', `/api/v1/provenance/receipts/${id}`, { as: ['pilot-a', 'user-admin'] });
  assert.equal(proof.statusCode, 200, proof.body);
});
