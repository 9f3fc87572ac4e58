import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { withPlatformTransaction, withTenantTransaction } from '../src/db/tenant-tx.ts';
import { invoiceForPeriod } from '../src/finops/invoices.ts';
import { rateMonth } from '../src/finops/invoicing.ts';
import { aggregateUsage, listReadings } from '../src/finops/meter-readings.ts';
import { assignPlan } from '../src/finops/plan-assignments.ts';
import { planCatalog } from '../src/finops/plan-catalog.ts';
import { rateTenants } from '../src/finops/rate-tenants.ts';
import { insertUsageEvents } from '../src/finops/usage-events.ts';
import { defaultTenantConfig } from '../src/tenancy/tenant-config.ts';
import { insertTenant } from '../src/tenancy/tenants.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

let t: TestDatabase;
const now = new Date('2026-04-01T12:00:00Z');
const PLANS = ['pro', 'enterprise', 'companyos-internal-demo', 'internal'];
// Seven tenants, each with its own plan and amount of usage, so any mix-up changes an invoice.
const tenants = Array.from({ length: 7 }, (_, i) => ({ id: `rate-${i}`, plan: PLANS[i % PLANS.length]!, decisions: 40_000 * (i + 1), runs: 300 * i }));

before(async () => {
  t = await createTestDatabase();
  await withPlatformTransaction(t.db, async () => {
    for (const x of tenants) await insertTenant(defaultTenantConfig({ tenant_id: x.id, display_name: x.id, data_region: 'eu', owner_contact: `ops@${x.id}.example.com`, env: 'dev' }), now);
  });
  for (const x of tenants) {
    await withTenantTransaction(t.db, x.id, async () => {
      await assignPlan({ effective_from: '2026-03-01', plan_id: x.plan, plan_version: 1, internal: x.plan === 'internal', assigned_by: 'test' }, now);
      const at = new Date('2026-03-10T09:00:00Z');
      await insertUsageEvents(
        [
          { meter: 'policy_decision', quantity: x.decisions, idempotencyKey: 'd', occurredAt: at, subject: 'alice', source: 'api', action: 'test' },
          { meter: 'workflow_run', quantity: x.runs, idempotencyKey: 'w', occurredAt: at, subject: x.runs > 0 ? 'bob' : null, source: 'api', action: 'test' },
        ],
        now,
      );
      await aggregateUsage(now);
    });
  }
});
after(() => t.close());

test('rating many tenants at once gives each the invoice it gets when rated alone, from its own usage only', async () => {
  const ids = tenants.map((x) => x.id);
  const batch = await rateTenants(t.db, planCatalog(), ids, '2026-03', now, 3);
  assert.deepEqual(batch.map((r) => r.tenantId), ids);
  assert.ok(batch.every((r) => r.changed));
  assert.equal(new Set(batch.map((r) => r.invoice.sha256)).size, ids.length, 'every tenant has an invoice of its own');
  for (const [i, r] of batch.entries()) {
    const x = tenants[i]!;
    assert.equal(r.invoice.document.tenant_id, x.id);
    assert.equal(r.invoice.number, `${x.id}-2026-03`);
    assert.equal(r.invoice.document.usage.policy_decision, x.decisions);
    assert.equal(r.invoice.document.usage.workflow_run ?? 0, x.runs);
    // Rated again alone, in the tenant's own transaction: the same document, so nothing changes.
    const alone = await withTenantTransaction(t.db, x.id, () => rateMonth(planCatalog(), '2026-03', now));
    assert.equal(alone.changed, false, x.id);
    assert.equal(alone.invoice.sha256, r.invoice.sha256, x.id);
    assert.deepEqual(alone.invoice.document, r.invoice.document, x.id);
    // What the tenant reads is what the batch wrote, and only its own readings exist for it.
    const stored = await withTenantTransaction(t.db, x.id, async () => ({ invoice: await invoiceForPeriod('2026-03'), readings: await listReadings({ from: '2026-03-01', to: '2026-04-01' }) }));
    assert.equal(stored.invoice?.sha256, r.invoice.sha256);
    assert.equal(stored.readings.find((m) => m.meter === 'policy_decision')?.quantity, x.decisions);
  }
});

test('a tenant that cannot be rated fails alone: its batch is rated again tenant by tenant, and the failure is reported', async () => {
  const ids = ['rate-0', 'rate-missing', 'rate-1'];
  await assert.rejects(rateTenants(t.db, planCatalog(), ids, '2026-02', now, 2), (err: unknown) => {
    assert.ok(err instanceof AggregateError);
    assert.equal(err.errors.length, 1);
    assert.match(err.message, /1 of 3 tenants/);
    return true;
  });
  for (const id of ['rate-0', 'rate-1']) assert.ok(await withTenantTransaction(t.db, id, () => invoiceForPeriod('2026-02')), id);
  assert.equal(await withTenantTransaction(t.db, 'rate-missing', () => invoiceForPeriod('2026-02')), undefined);
});
