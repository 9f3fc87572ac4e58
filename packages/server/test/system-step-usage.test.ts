import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentTx } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { recordSystemStep } from '../src/workflows/shared/system-step.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// A step the server takes by itself is receipted and audited like any step, but only a step of a
// metered workflow (high-risk, RevOps) is the tenant's usage: a purge's or a key-use summary's
// step is housekeeping, and an invoice must not charge it as a workflow run.

let h: TestApp;
before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
});
after(async () => {
  await h.close();
});

async function step(action: string): Promise<{ receipts: number; audits: number; usage: { meter: string; source: string }[] }> {
  return withTenantTransaction(h.t.db, 'pilot-a', async () => {
    const receiptId = await recordSystemStep({ actor: 'system:test', action, target: 'thing:1', auditType: 'test.step', at: new Date(), jobId: `job-${action}`, details: {} });
    const q = currentTx();
    const receipts = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM receipts WHERE receipt_id = $1`, [receiptId]);
    const audits = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE request_id = $1`, [`job:job-${action}`]);
    const usage = await q.query<{ meter: string; source: string }>(`SELECT meter, source FROM usage_events WHERE action = $1`, [action]);
    return { receipts: receipts[0]!.n, audits: audits[0]!.n, usage };
  });
}

test('a workflow step the server takes is counted as a workflow run', async () => {
  for (const action of ['high_risk.request.revert', 'revops.quote.expire']) {
    const s = await step(action);
    assert.deepEqual([s.receipts, s.audits], [1, 1], action);
    assert.deepEqual(s.usage, [{ meter: 'workflow_run', source: 'job' }], action);
  }
});

test('housekeeping steps are receipted and audited but are no usage', async () => {
  for (const action of ['purge.request.complete', 'keys.kek.used', 'policy.bundle.upgrade']) {
    const s = await step(action);
    assert.deepEqual([s.receipts, s.audits], [1, 1], action);
    assert.deepEqual(s.usage, [], action);
  }
});
