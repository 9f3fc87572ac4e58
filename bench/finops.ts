// Benchmark of FinOps: usage events ingested per second (batched, as POST /finops/usage and the
// decision log write them), aggregation of each tenant's events into daily readings, rating of
// many tenants' months, and closing them as the scheduled month-end job does. PGlite, or the PostgreSQL server named by DATABASE_URL (a fresh
// database per run). Short by default; the issue's scale is `--tenants 10 --events 1000000
// --rate-tenants 1000`.
//   node --import tsx bench/finops.ts [--ingest N] [--batch N] [--tenants N] [--events N] [--rate-tenants N] [--rate-batch N]

import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { currentTenantId, currentTx } from '../packages/server/src/context.ts';
import { withPlatformTransaction, withTenantTransaction } from '../packages/server/src/db/tenant-tx.ts';
import { aggregateUsage } from '../packages/server/src/finops/meter-readings.ts';
import { assignPlan } from '../packages/server/src/finops/plan-assignments.ts';
import { planCatalog } from '../packages/server/src/finops/plan-catalog.ts';
import { rateMonth } from '../packages/server/src/finops/invoicing.ts';
import { closeMonth } from '../packages/server/src/finops/month-end.ts';
import { RATE_BATCH, rateTenants } from '../packages/server/src/finops/rate-tenants.ts';
import { insertUsageEvents, type UsageEventInput } from '../packages/server/src/finops/usage-events.ts';
import { defaultTenantConfig } from '../packages/server/src/tenancy/tenant-config.ts';
import { insertTenant } from '../packages/server/src/tenancy/tenants.ts';
import { createTestDatabase } from '../packages/server/test/support/test-database.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const INGEST = arg('--ingest', 20_000);
const BATCH = arg('--batch', 5_000);
const TENANTS = arg('--tenants', 2);
const EVENTS = arg('--events', 20_000);
const RATE_TENANTS = arg('--rate-tenants', 50);
const RATE_BATCH_SIZE = arg('--rate-batch', RATE_BATCH);
/** Generated events per statement: large enough to be cheap, small enough to keep a transaction short. */
const GENERATE_CHUNK = 250_000;
const METERS = ['policy_decision', 'workflow_run', 'api_request', 'evidence_storage_bytes'];
const now = new Date('2026-04-01T12:00:00Z');

const t = await createTestDatabase();
const { db } = t;
const tenantIds = Array.from({ length: Math.max(TENANTS, RATE_TENANTS, 1) }, (_, i) => `bench-${String(i).padStart(4, '0')}`);
await withPlatformTransaction(db, async () => {
  for (const id of tenantIds) await insertTenant(defaultTenantConfig({ tenant_id: id, display_name: id, data_region: 'eu', owner_contact: `ops@${id}.example.com`, env: 'dev' }), now);
});

// Ingest: INGEST events into one tenant, in batches of BATCH, one transaction per batch, through
// the same statement as the usage API and the decision log; every batch resends its first
// tenth of events from the batch before (a retry), which must be dropped, never counted twice.
let seq = 0;
const eventOf = (i: number): UsageEventInput => ({
  meter: METERS[i % METERS.length]!,
  quantity: 1 + (i % 7),
  idempotencyKey: `bench:${i}`,
  occurredAt: new Date(Date.UTC(2026, 2, 1 + (i % 31), i % 24)),
  subject: `user-${i % 50}`,
  source: 'api',
  action: 'bench',
});
const ingestTenant = tenantIds[0]!;
let stored = 0;
const ingestStart = performance.now();
for (let done = 0; done < INGEST; done += BATCH) {
  const n = Math.min(BATCH, INGEST - done);
  const resent = Math.min(done, Math.floor(n / 10));
  const events = [...Array.from({ length: resent }, (_, k) => eventOf(seq - resent + k)), ...Array.from({ length: n }, () => eventOf(seq++))];
  stored += await withTenantTransaction(db, ingestTenant, () => insertUsageEvents(events, now));
}
const ingestS = (performance.now() - ingestStart) / 1000;
if (stored !== INGEST) throw new Error(`ingest stored ${stored} events of ${INGEST}: a retry was counted or an event lost`);

// Aggregation: EVENTS per tenant over March, generated in the database by generate_series (the
// ingest above measures the write path), then every tenant aggregated, and a second pass.
const generateStart = performance.now();
for (const tenant of tenantIds.slice(0, TENANTS)) {
  for (let from = 0; from < EVENTS; from += GENERATE_CHUNK) {
    await withTenantTransaction(db, tenant, () =>
      currentTx().query(
        `INSERT INTO usage_events (tenant_id, event_id, occurred_at, action, meter, quantity, idempotency_key, subject, source, recorded_at)
         SELECT $1, gen_random_uuid(), timestamptz '2026-03-01' + (i % 31) * interval '1 day' + (i % 24) * interval '1 hour', 'bench',
           ($4::text[])[1 + i % 4], 1 + i % 7, 'gen:' || i, 'user-' || (i % 50), 'api', $5
         FROM generate_series($2::int, $3::int) AS i`,
        [currentTenantId(), from, Math.min(from + GENERATE_CHUNK, EVENTS) - 1, METERS, now.toISOString()],
      ),
    );
  }
}
// Statistics and the visibility map as a running database has them (autovacuum), so the plan is the one it would choose.
await db.exec('VACUUM ANALYZE usage_events');
const generateS = (performance.now() - generateStart) / 1000;
const aggStart = performance.now();
let readings = 0;
for (const tenant of tenantIds.slice(0, TENANTS)) readings += (await withTenantTransaction(db, tenant, () => aggregateUsage(now))).readings;
const aggS = (performance.now() - aggStart) / 1000;
const againStart = performance.now();
let rewritten = 0;
for (const tenant of tenantIds.slice(0, TENANTS)) rewritten += (await withTenantTransaction(db, tenant, () => aggregateUsage(now))).readings;
const againS = (performance.now() - againStart) / 1000;

// Rating: RATE_BATCH_SIZE tenants per transaction (rateTenants), then, for comparison, another month one tenant at a time.
for (const tenant of tenantIds.slice(0, RATE_TENANTS)) {
  await withTenantTransaction(db, tenant, () => assignPlan({ effective_from: '2026-01-01', plan_id: 'pro', plan_version: 1, internal: false, assigned_by: 'bench' }, now));
}
const rateStart = performance.now();
await rateTenants(db, planCatalog(), tenantIds.slice(0, RATE_TENANTS), '2026-03', now, RATE_BATCH_SIZE);
const rateS = (performance.now() - rateStart) / 1000;
const serialStart = performance.now();
for (const tenant of tenantIds.slice(0, RATE_TENANTS)) await withTenantTransaction(db, tenant, () => rateMonth(planCatalog(), '2026-02', now));
const serialS = (performance.now() - serialStart) / 1000;

// Month end: March closed for the same tenants as the scheduled job closes it (closeMonth, the
// batched job path): usage locks taken, usage aggregated, the month rated and its invoice
// finalised with its receipt, RATE_BATCH_SIZE tenants per transaction.
const closeStart = performance.now();
const closed = await closeMonth(db, tenantIds.slice(0, RATE_TENANTS), { catalog: planCatalog(), period: '2026-03', now, bundleHashOf: () => '0'.repeat(64), requestId: 'bench', batchSize: RATE_BATCH_SIZE });
const closeS = (performance.now() - closeStart) / 1000;
if (closed.failures.length > 0 || closed.finalized.length !== RATE_TENANTS) throw new Error(`the month end closed ${closed.finalized.length} of ${RATE_TENANTS} tenants`);

await t.close();
const load = loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`database: ${process.env.DATABASE_URL === undefined ? 'PGlite' : 'PostgreSQL'}; load average ${load} at the end (timings on a shared machine are noisy)`);
console.log(`ingest        ${INGEST} events in batches of ${BATCH} (+10% resent, dropped): ${ingestS.toFixed(2)} s, ${Math.round(INGEST / ingestS)} events/s`);
console.log(`aggregation   ${TENANTS} tenants × ${EVENTS} events (generated in the database by generate_series in ${generateS.toFixed(1)} s) → ${readings} readings: ${aggS.toFixed(2)} s; second pass ${againS.toFixed(2)} s, ${rewritten} rewritten`);
console.log(`rating        ${RATE_TENANTS} tenants, ${RATE_BATCH_SIZE} per transaction: ${rateS.toFixed(2)} s (${((rateS * 1000) / RATE_TENANTS).toFixed(1)} ms per tenant); one at a time: ${serialS.toFixed(2)} s`);
console.log(`month end     ${RATE_TENANTS} tenants closed (aggregated, rated, finalised with receipts), ${RATE_BATCH_SIZE} per transaction: ${closeS.toFixed(2)} s (${((closeS * 1000) / RATE_TENANTS).toFixed(1)} ms per tenant)`);
