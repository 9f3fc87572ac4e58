import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentTx } from '../src/context.ts';
import { withPlatformTransaction, withTenantTransaction } from '../src/db/tenant-tx.ts';
import { usageEvents, type UsageScope } from '../src/finops/invoice-evidence.ts';
import { insertUsageEvents, type UsageEventInput } from '../src/finops/usage-events.ts';
import { defaultTenantConfig } from '../src/tenancy/tenant-config.ts';
import { insertTenant } from '../src/tenancy/tenants.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

let t: TestDatabase;
const recorded = new Date('2026-04-01T00:00:00Z');
const scope: UsageScope = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', asOf: '2026-04-01T12:00:00Z' };
const event = (key: string, at: string): UsageEventInput => ({ meter: 'api_request', quantity: 1, idempotencyKey: key, occurredAt: new Date(at), subject: null, source: 'api', action: 'test' });

before(async () => {
  t = await createTestDatabase();
  await withPlatformTransaction(t.db, async () => {
    for (const id of ['pages-a', 'pages-b']) await insertTenant(defaultTenantConfig({ tenant_id: id, display_name: id, data_region: 'eu', owner_contact: `ops@${id}.example.com`, env: 'dev' }), recorded);
  });
  await withTenantTransaction(t.db, 'pages-a', async () => {
    // Thirteen events in the same millisecond (ordered by id alone), three a microsecond apart, and three that are not the invoice's.
    await insertUsageEvents(Array.from({ length: 13 }, (_, i) => event(`same-${i}`, '2026-03-05T10:00:00.123Z')), recorded);
    await insertUsageEvents([event('before', '2026-02-28T23:59:59.999Z'), event('next-month', '2026-04-01T00:00:00Z')], recorded);
    await insertUsageEvents([event('late', '2026-03-20T00:00:00Z')], new Date('2026-04-02T00:00:00Z'));
    await currentTx().query(
      `INSERT INTO usage_events (tenant_id, event_id, occurred_at, action, meter, quantity, idempotency_key, source, recorded_at)
       SELECT 'pages-a', gen_random_uuid(), timestamptz '2026-03-05 10:00:00.123+00' + i * interval '1 microsecond', 'test', 'api_request', 1, 'micro-' || i, 'api', $1
       FROM generate_series(1, 3) AS i`,
      [recorded.toISOString()],
    );
  });
  await withTenantTransaction(t.db, 'pages-b', () => insertUsageEvents([event('same-0', '2026-03-05T10:00:00.123Z')], recorded));
});
after(() => t.close());

async function read(tenant: string, page: number): Promise<string[]> {
  return withTenantTransaction(t.db, tenant, async () => {
    const keys: string[] = [];
    for await (const e of usageEvents(scope, page)) keys.push(String(e.idempotency_key));
    return keys;
  });
}

test("an invoice pack's usage events are read page by page, each exactly once and in order, whatever the page size", async () => {
  const whole = await read('pages-a', 1_000);
  assert.equal(whole.length, 16);
  assert.equal(new Set(whole).size, 16);
  assert.ok(!whole.includes('before') && !whole.includes('next-month') && !whole.includes('late'), 'only the period, as recorded by the finalisation');
  assert.deepEqual(whole.slice(-3), ['micro-1', 'micro-2', 'micro-3'], 'microseconds order the events after their millisecond');
  // Page boundaries fall inside the shared millisecond and between the microseconds.
  for (const page of [1, 4, 13, 14, 15, 16]) assert.deepEqual(await read('pages-a', page), whole, `page of ${page}`);
  assert.deepEqual(await read('pages-b', 4), ['same-0'], 'another tenant reads only its own');
});
