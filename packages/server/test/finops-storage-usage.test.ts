import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runBatch } from '../src/db/statement.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { packKey } from '../src/audit/export-job.ts';
import { storedEvidenceUsage } from '../src/finops/storage-usage.ts';
import { getReceipt } from '../src/ledger/receipts.ts';
import { currentTx } from '../src/context.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { canonicalJson } from '../src/util/canonical-json.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const admin: [string, string] = ['pilot-a', 'user-admin'];
let h: TestApp;

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
});
after(() => h.close());

type Usage = { meter: string; quantity: number; idempotency_key: string; properties: Record<string, string> };

test('a completed export meters the bytes of its stored pack and its receipt, once', async () => {
  const from = h.clock.now().toISOString();
  await h.call('GET', '/api/v1/subjects', { as: admin });
  h.clock.advance(1_000);
  const created = await h.call('POST', '/api/v1/audit/exports', { as: admin, stepUp: true, body: { from, to: h.clock.now().toISOString() } });
  assert.equal(created.statusCode, 202, created.body);
  const id = created.json().export_id as string;
  // The pack waits until the window's decisions are written and its receipts are in the ledger.
  await policyRuntime().engine.flushDecisions();
  await h.app.ledger.flush('pilot-a');
  await h.app.jobs.runDue();
  const status = (await h.call('GET', `/api/v1/audit/exports/${id}`, { as: admin })).json();
  assert.equal(status.status, 'done');

  const usage = async () => (await h.call('GET', '/api/v1/finops/usage?meter=evidence_storage_bytes', { as: admin })).json().events as Usage[];
  const events = await usage();
  const pack = events.find((e) => e.properties.stored === 'pack')!;
  assert.equal(pack.quantity, status.pack_size);
  assert.equal(pack.idempotency_key, `stored:${packKey(id)}`);
  const receiptEvent = events.find((e) => e.properties.stored === 'receipt')!;
  const receipt = await withTenantTransaction(h.t.db, 'pilot-a', () => getReceipt(receiptEvent.properties.receipt_id!));
  assert.equal(receipt!.body.action, 'audit.export.complete');
  assert.equal(receiptEvent.quantity, Buffer.byteLength(canonicalJson(receipt!.body)));

  // A completion recorded again (a retried job) adds nothing.
  await withTenantTransaction(h.t.db, 'pilot-a', async () => {
    await runBatch([storedEvidenceUsage({ packKey: packKey(id), packBytes: status.pack_size, receipt: receipt!, at: h.clock.now() })]);
    const [row] = await currentTx().query<{ n: number }>(`SELECT count(*)::int AS n FROM usage_events WHERE tenant_id = 'pilot-a' AND meter = 'evidence_storage_bytes'`);
    assert.equal(Number(row!.n), 2);
  });
  assert.equal((await usage()).length, 2);
});
