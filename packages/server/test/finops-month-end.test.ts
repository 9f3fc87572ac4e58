import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentTx } from '../src/context.ts';
import { withPlatformTransaction, withTenantTransaction } from '../src/db/tenant-tx.ts';
import { invoiceEvents } from '../src/finops/invoice-evidence.ts';
import { invoiceForPeriod, listInvoices, type Invoice } from '../src/finops/invoices.ts';
import { FINALIZE_JOB, MONTH_END_JOB, scheduleAggregation } from '../src/finops/metering-jobs.ts';
import { closeMonth, type MonthEndOptions } from '../src/finops/month-end.ts';
import { assignPlan } from '../src/finops/plan-assignments.ts';
import { planCatalog } from '../src/finops/plan-catalog.ts';
import { insertUsageEvents } from '../src/finops/usage-events.ts';
import { enqueue, getJob } from '../src/jobs/index.ts';
import { listReceipts } from '../src/ledger/receipts.ts';
import { listAuditEvents } from '../src/audit/audit-events.ts';
import { defaultTenantConfig } from '../src/tenancy/tenant-config.ts';
import { insertTenant } from '../src/tenancy/tenants.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let h: TestApp;
const onPostgres = process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '';
// Tenants of their own, each with its own amount of usage every month, so a mix-up changes an invoice.
const CLOSE = Array.from({ length: 6 }, (_, i) => `close-${i}`);
const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02'];
const decisionsOf = (tenant: string) => 1_000 * (CLOSE.indexOf(tenant) + 1);

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
  const at = h.clock.now();
  await withPlatformTransaction(h.t.db, async () => {
    for (const id of [...CLOSE, 'close-bad', 'close-race']) {
      await insertTenant(defaultTenantConfig({ tenant_id: id, display_name: id, data_region: 'eu', owner_contact: `ops@${id}.example.com`, env: 'dev' }), at);
    }
  });
  for (const id of [...CLOSE, 'close-bad', 'close-race']) {
    await withTenantTransaction(h.t.db, id, async () => {
      // close-bad is on a plan version the catalog does not have: it cannot be rated.
      await assignPlan({ effective_from: '2025-11-01', plan_id: 'pro', plan_version: id === 'close-bad' ? 99 : 1, internal: false, assigned_by: 'test' }, at);
      if (!CLOSE.includes(id)) return;
      const events = MONTHS.map((m) => ({ meter: 'policy_decision', quantity: decisionsOf(id), idempotencyKey: `d-${m}`, occurredAt: new Date(`${m}-10T09:00:00Z`), subject: 'alice', source: 'api', action: 'test' }));
      await insertUsageEvents(events, new Date('2025-11-10T09:00:00Z'));
    });
  }
});
after(() => h.close());

const options = (period: string, o: Partial<MonthEndOptions> = {}): MonthEndOptions => ({
  catalog: planCatalog(),
  period,
  now: h.clock.now(),
  bundleHashOf: () => 'a'.repeat(64),
  requestId: 'job:test',
  ...o,
});

const invoiceOf = (tenant: string, period: string) => withTenantTransaction(h.t.db, tenant, () => invoiceForPeriod(period));
/** The tenant's finalisation receipts and audit events (what finalising wrote into its own trail). */
const trailOf = (tenant: string) =>
  withTenantTransaction(h.t.db, tenant, async () => ({
    receipts: (await listReceipts(1000)).filter((r) => r.body.action === 'finops.invoice.finalized'),
    audit: (await listAuditEvents({ limit: 1000 })).filter((e) => e.type === 'invoice.finalized'),
  }));

/** What an invoice's evidence pack holds of its usage, per meter: the events recorded by its finalisation. */
async function packUsage(tenant: string, invoice: Invoice): Promise<Record<string, number>> {
  return withTenantTransaction(h.t.db, tenant, async () => {
    const out: Record<string, number> = {};
    for await (const e of invoiceEvents({ ...invoice, finalized_at: invoice.finalized_at! })) out[e.meter] = (out[e.meter] ?? 0) + e.quantity;
    return out;
  });
}

test("the scheduler queues the month's close as one job per region's tenants; each closes its tenants' months in batches", async () => {
  // A day and more after February ended (the test app's clock).
  await scheduleAggregation(h.t.db, h.clock.now());
  await scheduleAggregation(h.t.db, h.clock.now());
  const tenants = await withPlatformTransaction(h.t.db, () => currentTx().query<{ tenant_id: string; data_region: string }>('SELECT tenant_id, data_region FROM tenants ORDER BY tenant_id'));
  // Read as the database's owner: every tenant's jobs at once.
  const jobs = await h.t.db.query<{ tenant_id: string; payload: { period: string; tenants: string[] } }>('SELECT tenant_id, payload FROM jobs WHERE kind = $1 ORDER BY tenant_id', [MONTH_END_JOB]);
  const regions = [...new Set(tenants.map((t) => t.data_region))];
  assert.equal(jobs.length, regions.length, 'one job per region, queued once');
  for (const job of jobs) {
    assert.equal(job.payload.period, '2026-02');
    assert.equal(job.tenant_id, job.payload.tenants[0], "a job is queued in its first tenant's database");
    assert.equal(new Set(job.payload.tenants.map((id) => tenants.find((t) => t.tenant_id === id)!.data_region)).size, 1, 'a job holds the tenants of one region');
  }
  assert.deepEqual(jobs.flatMap((j) => j.payload.tenants).sort(), tenants.map((t) => t.tenant_id).sort(), 'every tenant is in exactly one job');
  assert.equal((await h.t.db.query('SELECT 1 FROM jobs WHERE kind = $1', [FINALIZE_JOB])).length, 0, 'no job per tenant');

  await h.app.jobs.runDue();
  const done = await h.t.db.query<{ status: string }>('SELECT status FROM jobs WHERE kind = $1', [MONTH_END_JOB]);
  assert.deepEqual(done.map((j) => j.status), jobs.map(() => 'done'));
  for (const id of CLOSE) {
    const invoice = (await invoiceOf(id, '2026-02'))!;
    assert.equal(invoice.status, 'finalized', id);
    assert.equal(invoice.document.usage.policy_decision, decisionsOf(id), id);
    // Its receipt and audit event are in its own trail, and name only its own invoice.
    const { receipts, audit } = await trailOf(id);
    const mine = receipts.filter((r) => r.body.evidence_refs.includes(`sha256:${invoice.sha256}`));
    assert.equal(mine.length, 1, id);
    assert.equal(mine[0]!.body.receipt_id, invoice.receipt_id);
    const own = new Set((await withTenantTransaction(h.t.db, id, () => listInvoices())).map((i) => `invoice:${i.invoice_id}`));
    assert.ok(receipts.every((r) => own.has(r.body.target!)), `${id}: every finalisation receipt names an invoice of its own`);
    assert.ok(audit.every((e) => (e.details as { number: string }).number.startsWith(`${id}-`)), id);
  }
  // close-bad fails alone: the others of its job are closed, and it is retried by a job of its own.
  assert.notEqual((await invoiceOf('close-bad', '2026-02'))?.status, 'finalized');
  const retry = await h.t.db.query<{ tenant_id: string; status: string; errors: Array<{ error: string }> }>('SELECT tenant_id, status, errors FROM jobs WHERE kind = $1', [FINALIZE_JOB]);
  assert.deepEqual(retry.map((j) => [j.tenant_id, j.status]), [['close-bad', 'queued']]);
  assert.match(retry[0]!.errors[0]!.error, /version 99 is not in the catalog/);
});

test('a tenant that cannot be closed fails alone, is recorded and retried, and closes once its cause is fixed', async () => {
  const ids = ['close-0', 'close-1', 'close-bad', 'close-2', 'close-3'];
  const result = await closeMonth(h.t.db, ids, options('2026-01', { batchSize: 3 }));
  assert.deepEqual(result.finalized, ['close-0', 'close-1', 'close-2', 'close-3']);
  assert.deepEqual(result.failures.map((f) => f.tenantId), ['close-bad']);
  assert.match(String(result.failures[0]!.error), /not in the catalog/);
  for (const id of ['close-0', 'close-1', 'close-2', 'close-3']) {
    const invoice = (await invoiceOf(id, '2026-01'))!;
    assert.equal(invoice.status, 'finalized', id);
    assert.equal((await trailOf(id)).receipts.filter((r) => r.body.target === `invoice:${invoice.invoice_id}`).length, 1, id);
  }
  assert.equal(await invoiceOf('close-bad', '2026-01'), undefined, 'nothing of the failed tenant is kept');

  // Through the job: the failed tenant's retry job records each attempt's error until the plan is fixed.
  const job = await withTenantTransaction(h.t.db, 'close-4', () => enqueue(MONTH_END_JOB, { period: '2025-12', tenants: ['close-4', 'close-bad', 'close-5'] }, { now: h.clock.now() }));
  await h.app.jobs.runDue();
  assert.equal((await withTenantTransaction(h.t.db, 'close-4', () => getJob(job.job_id)))?.status, 'done');
  for (const id of ['close-4', 'close-5']) assert.equal((await invoiceOf(id, '2025-12'))?.status, 'finalized', id);
  const [retry] = await h.t.db.query<{ job_id: string; status: string; attempts: number; errors: Array<{ error: string }> }>(
    `SELECT job_id, status, attempts, errors FROM jobs WHERE tenant_id = 'close-bad' AND kind = $1 AND payload->>'period' = '2025-12'`,
    [FINALIZE_JOB],
  );
  assert.equal(retry?.status, 'queued');
  assert.match(retry!.errors[0]!.error, /not in the catalog/);
  await withTenantTransaction(h.t.db, 'close-bad', () => assignPlan({ effective_from: '2025-11-01', plan_id: 'pro', plan_version: 1, internal: false, assigned_by: 'test' }, h.clock.now()));
  h.clock.advance(10 * 60_000);
  await h.app.jobs.runDue();
  assert.equal((await withTenantTransaction(h.t.db, 'close-bad', () => getJob(retry!.job_id)))?.status, 'done');
  assert.equal((await invoiceOf('close-bad', '2025-12'))?.status, 'finalized');
});

test('closing again after a crash between two batches closes only the tenants left, and never one twice', async () => {
  let batches = 0;
  const crash = async () => {
    if (++batches === 3) throw new Error('the process stopped');
  };
  await assert.rejects(closeMonth(h.t.db, CLOSE, options('2025-11', { batchSize: 2, beforeBatch: crash })), /the process stopped/);
  const before = new Map<string, Invoice | undefined>();
  for (const id of CLOSE) before.set(id, await invoiceOf(id, '2025-11'));
  assert.deepEqual(CLOSE.map((id) => before.get(id)?.status ?? 'none'), ['finalized', 'finalized', 'finalized', 'finalized', 'none', 'none']);

  h.clock.advance(60_000);
  const again = await closeMonth(h.t.db, CLOSE, options('2025-11', { batchSize: 2 }));
  assert.deepEqual(again.finalized, ['close-4', 'close-5'], 'only what was left');
  for (const id of CLOSE) {
    const invoice = (await invoiceOf(id, '2025-11'))!;
    assert.equal(invoice.status, 'finalized', id);
    assert.equal(invoice.document.usage.policy_decision, decisionsOf(id), id);
    const earlier = before.get(id);
    if (earlier !== undefined) {
      // Closed by the first run: not rated or finalised again.
      assert.equal(invoice.rated_at, earlier.rated_at, id);
      assert.equal(invoice.receipt_id, earlier.receipt_id, id);
    }
    assert.equal((await trailOf(id)).receipts.filter((r) => r.body.target === `invoice:${invoice.invoice_id}`).length, 1, id);
  }
  assert.deepEqual((await closeMonth(h.t.db, CLOSE, options('2025-11'))).finalized, [], 'a third run has nothing left to do');
});

test('a usage write in flight when the month is closed commits first and is counted; the evidence holds what the invoice counted', async () => {
  const stale = new Date('2025-10-31T23:00:00Z');
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let inserted!: () => void;
  const written = new Promise<void>((resolve) => (inserted = resolve));
  const writer = withTenantTransaction(h.t.db, 'close-race', async () => {
    await insertUsageEvents([{ meter: 'policy_decision', quantity: 7, idempotencyKey: 'in-flight', occurredAt: new Date('2025-11-20T00:00:00Z'), subject: null, source: 'api', action: 'test' }], stale);
    inserted();
    await gate;
  });
  await written;
  const closing = closeMonth(h.t.db, ['close-race'], options('2025-11'));
  // On PostgreSQL the close waits for the writer's usage lock; PGlite runs one transaction at a time.
  if (onPostgres) await until(async () => (await h.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`))[0]!.n > 0);
  release();
  await writer;
  assert.deepEqual((await closing).finalized, ['close-race']);
  const invoice = (await invoiceOf('close-race', '2025-11'))!;
  assert.equal(invoice.document.usage.policy_decision, 7);
  assert.deepEqual(await packUsage('close-race', invoice), invoice.document.usage);
});

test('a usage write that reaches storage after the close, with an earlier clock reading, is recorded after it and stays out of its evidence', async () => {
  const invoice = (await invoiceOf('close-race', '2025-11'))!;
  const stale = new Date(Date.parse(invoice.finalized_at!) - 3_600_000);
  await withTenantTransaction(h.t.db, 'close-race', () =>
    insertUsageEvents([{ meter: 'policy_decision', quantity: 5, idempotencyKey: 'after-close', occurredAt: new Date('2025-11-21T00:00:00Z'), subject: null, source: 'api', action: 'test' }], stale),
  );
  const [late] = await withTenantTransaction(h.t.db, 'close-race', () =>
    currentTx().query<{ recorded_at: Date | string }>(`SELECT recorded_at FROM usage_events WHERE tenant_id = 'close-race' AND idempotency_key = 'after-close'`),
  );
  assert.ok(new Date(late!.recorded_at) > new Date(invoice.finalized_at!), 'recorded after the finalisation it waited for');
  assert.deepEqual(await packUsage('close-race', invoice), invoice.document.usage);
  assert.equal((await invoiceOf('close-race', '2025-11'))!.sha256, invoice.sha256);
});

/** Waits for a condition another connection brings about (a lock wait), failing after a bound instead of hanging. */
async function until(condition: () => Promise<boolean>, boundMs = 10_000): Promise<void> {
  const give = Date.now() + boundMs;
  while (!(await condition())) {
    if (Date.now() > give) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
