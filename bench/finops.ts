// Benchmark of FinOps: usage events ingested per second (batched, as POST /finops/usage and the
// decision log write them), aggregation of each tenant's events into daily readings, and rating
// of many tenants' months. PGlite, or the PostgreSQL server named by DATABASE_URL (a fresh
// database per run). Short by default; the issue's scale is `--tenants 10 --events 1000000
// --rate-tenants 1000`.
//   node --import tsx bench/finops.ts [--tenants N] [--events N] [--batch N] [--rate-tenants N]

import { performance } from 'node:perf_hooks';
import { withPlatformTransaction, withTenantTransaction } from '../packages/server/src/db/tenant-tx.ts';
import { rateMonth } from '../packages/server/src/finops/invoicing.ts';
import { aggregateUsage } from '../packages/server/src/finops/meter-readings.ts';
import { assignPlan } from '../packages/server/src/finops/plan-assignments.ts';
import { planCatalog } from '../packages/server/src/finops/plan-catalog.ts';
import { insertUsageEvents, type UsageEventInput } from '../packages/server/src/finops/usage-events.ts';
import { defaultTenantConfig } from '../packages/server/src/tenancy/tenant-config.ts';
import { insertTenant } from '../packages/server/src/tenancy/tenants.ts';
import { createTestDatabase } from '../packages/server/test/support/test-database.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TENANTS = arg('--tenants', 2);
const EVENTS = arg('--events', 20_000);
const BATCH = arg('--batch', 1_000);
const RATE_TENANTS = arg('--rate-tenants', 50);
const METERS = ['policy_decision', 'workflow_run', 'api_request', 'evidence_storage_bytes'];
const now = new Date('2026-04-01T12:00:00Z');

const t = await createTestDatabase();
const { db } = t;
const tenantIds = Array.from({ length: Math.max(TENANTS, RATE_TENANTS) }, (_, i) => `bench-${String(i).padStart(4, '0')}`);
await withPlatformTransaction(db, async () => {
  for (const id of tenantIds) await insertTenant(defaultTenantConfig({ tenant_id: id, display_name: id, data_region: 'eu', owner_contact: `ops@${id}.example.com`, env: 'dev' }), now);
});

// Ingest: EVENTS per tenant over March, in batches of BATCH, one transaction per batch.
let seq = 0;
const batchOf = (n: number): UsageEventInput[] =>
  Array.from({ length: n }, () => {
    const i = seq++;
    return {
      meter: METERS[i % METERS.length]!,
      quantity: 1 + (i % 7),
      idempotencyKey: `bench:${i}`,
      occurredAt: new Date(Date.UTC(2026, 2, 1 + (i % 31), i % 24)),
      subject: `user-${i % 50}`,
      source: 'api',
      action: 'bench',
    };
  });
const ingestStart = performance.now();
for (const tenant of tenantIds.slice(0, TENANTS)) {
  for (let done = 0; done < EVENTS; done += BATCH) {
    const events = batchOf(Math.min(BATCH, EVENTS - done));
    await withTenantTransaction(db, tenant, () => insertUsageEvents(events, now));
  }
}
const ingestS = (performance.now() - ingestStart) / 1000;

// Aggregation: every tenant's events into daily readings, then a second (idempotent) pass.
const aggStart = performance.now();
let readings = 0;
for (const tenant of tenantIds.slice(0, TENANTS)) readings += (await withTenantTransaction(db, tenant, () => aggregateUsage(now))).readings;
const aggS = (performance.now() - aggStart) / 1000;
const againStart = performance.now();
let rewritten = 0;
for (const tenant of tenantIds.slice(0, TENANTS)) rewritten += (await withTenantTransaction(db, tenant, () => aggregateUsage(now))).readings;
const againS = (performance.now() - againStart) / 1000;

// Rating: RATE_TENANTS tenants on the Pro plan, March.
for (const tenant of tenantIds.slice(0, RATE_TENANTS)) {
  await withTenantTransaction(db, tenant, () => assignPlan({ effective_from: '2026-03-01', plan_id: 'pro', plan_version: 1, internal: false, assigned_by: 'bench' }, now));
}
const rateStart = performance.now();
for (const tenant of tenantIds.slice(0, RATE_TENANTS)) await withTenantTransaction(db, tenant, () => rateMonth(planCatalog(), '2026-03', now));
const rateS = (performance.now() - rateStart) / 1000;

await t.close();
const total = TENANTS * EVENTS;
console.log(`database: ${process.env.DATABASE_URL === undefined ? 'PGlite' : 'PostgreSQL'} (timings on a shared machine are noisy)`);
console.log(`ingest        ${total} events in batches of ${BATCH}: ${ingestS.toFixed(2)} s, ${Math.round(total / ingestS)} events/s`);
console.log(`aggregation   ${TENANTS} tenants × ${EVENTS} events → ${readings} readings: ${aggS.toFixed(2)} s; second pass ${againS.toFixed(2)} s, ${rewritten} rewritten`);
console.log(`rating        ${RATE_TENANTS} tenants: ${rateS.toFixed(2)} s, ${(rateS * 1000 / RATE_TENANTS).toFixed(1)} ms per tenant`);
