import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createTestApp, type TestApp } from './support/test-app.ts';

let h: TestApp;
const OPERATOR: [string, string] = ['internal', 'user-platform-operator'];
const BILL = readFileSync(new URL('../../../docs/finops/sample-bill.csv', import.meta.url), 'utf8');

// Each tenant's March usage, the drivers of the sample bill: decisions drive compute, requests the
// database and network, evidence bytes storage.
const USAGE: Record<string, { policy_decision: number; api_request: number; evidence_storage_bytes: number }> = {
  'demo-external': { policy_decision: 600_000, api_request: 30_000, evidence_storage_bytes: 6_000_000_000 },
  'summit-internal': { policy_decision: 300_000, api_request: 60_000, evidence_storage_bytes: 3_000_000_000 },
  'pilot-a': { policy_decision: 100_000, api_request: 10_000, evidence_storage_bytes: 1_000_000_000 },
};

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
  h.clock.set('2026-04-03T00:00:00.000Z');
  for (const [tenant, usage] of Object.entries(USAGE)) {
    const body = Object.entries(usage).map(([meter, quantity]) => ({ specversion: '1.0', id: `${tenant}-${meter}`, source: 'test', type: meter, time: '2026-03-10T12:00:00Z', data: { quantity } }));
    const res = await h.call('POST', '/api/v1/finops/usage', { as: [tenant, 'user-admin'], body: JSON.stringify(body), headers: { 'content-type': 'application/cloudevents-batch+json' } });
    assert.equal(res.statusCode, 200, res.body);
    await h.app.finops.aggregate(tenant);
  }
});
after(() => h.close());

test('the sample bill is attributed by usage keys: coverage of at least 95%, shares within ±5% of the usage model', async () => {
  const res = await h.call('POST', '/api/v1/finops/cost/imports', { as: OPERATOR, body: { csv: BILL } });
  assert.equal(res.statusCode, 200, res.body);
  const r = res.json();
  assert.equal(r.total, 300_575);
  assert.ok(r.coverage >= 0.95, String(r.coverage));
  const attributed = (r.tenants as Array<{ cost: number }>).reduce((s, t) => s + t.cost, 0);
  assert.equal(attributed, r.total, 'every minor unit of the bill lands on a tenant');
  // The model: each driven service split by the tenants' share of its driver; support (no driver) evenly over the three.
  const sum = (m: keyof (typeof USAGE)[string]) => Object.values(USAGE).reduce((s, u) => s + u[m], 0);
  for (const [tenant, u] of Object.entries(USAGE)) {
    const expected =
      184_000 * (u.policy_decision / sum('policy_decision')) +
      (92_050 + 7_500) * (u.api_request / sum('api_request')) +
      13_025 * (u.evidence_storage_bytes / sum('evidence_storage_bytes')) +
      4_000 / 3;
    const got = (r.tenants as Array<{ tenant_id: string; cost: number }>).find((t) => t.tenant_id === tenant)!.cost;
    assert.ok(Math.abs(got - expected) <= expected * 0.05, `${tenant}: ${got} vs ${expected}`);
  }
});

test('a tenant sees its own cost, revenue and margin; operators see every tenant and the totals', async () => {
  await h.call('POST', '/api/v1/finops/invoices/rate', { as: ['demo-external', 'user-admin'], body: { period: '2026-03' } });
  const mine = await h.call('GET', '/api/v1/finops/cost?period=2026-03', { as: ['demo-external', 'user-admin'] });
  assert.equal(mine.statusCode, 200, mine.body);
  const e = mine.json();
  assert.ok(e.cost > 0 && e.revenue > 0);
  assert.equal(e.margin, e.revenue - e.cost);
  assert.deepEqual([...new Set((e.allocations as Array<{ service: string }>).map((a) => a.service))].sort(), ['compute', 'database', 'evidence-storage', 'network', 'support']);
  const csv = await h.call('GET', '/api/v1/finops/cost?period=2026-03&format=csv', { as: ['demo-external', 'user-admin'] });
  assert.match(csv.body, /^period,service,driver,share,amount,currency\r\n2026-03,compute,policy_decision,0\.6,110400,EUR\r\n/);
  const all = await h.call('GET', '/api/v1/finops/cost/tenants?period=2026-03', { as: OPERATOR });
  assert.equal(all.statusCode, 200, all.body);
  const rows = all.json().tenants as Array<{ tenant_id: string; cost: number }>;
  assert.equal(rows.find((t) => t.tenant_id === 'demo-external')!.cost, e.cost);
  // Operators see the totals: every tenant's figures summed, here all in one currency.
  const overview = all.json() as { tenants: Array<{ currency: string; cost: number; revenue: number; margin: number }>; totals: unknown };
  const sum = (k: 'cost' | 'revenue' | 'margin') => overview.tenants.reduce((s, t) => s + t[k], 0);
  assert.ok(overview.tenants.every((t) => t.currency === 'EUR'));
  assert.deepEqual(overview.totals, [{ currency: 'EUR', cost: sum('cost'), revenue: sum('revenue'), margin: sum('margin') }]);
  assert.ok(sum('cost') > e.cost && sum('revenue') >= e.revenue);
  const denied = await h.call('GET', '/api/v1/finops/cost/tenants?period=2026-03', { as: ['demo-external', 'user-admin'] });
  assert.equal(denied.statusCode, 403);
});

test('a bad cost file is refused with the row named, and nothing is stored', async () => {
  const before = await h.call('GET', '/api/v1/finops/cost?period=2026-03', { as: ['pilot-a', 'user-admin'] });
  for (const csv of ['service,period,amount\ncompute,2026-3,10\n', 'service,amount\ncompute,10\n', 'service,period,amount\ncompute,2026-03,1e9\n', 'service,period,amount\n']) {
    const res = await h.call('POST', '/api/v1/finops/cost/imports', { as: OPERATOR, body: { csv } });
    assert.equal(res.statusCode, 400, `${csv}: ${res.body}`);
    assert.equal(res.json().type, 'https://companyos.dev/problems/invalid-request');
  }
  const after = await h.call('GET', '/api/v1/finops/cost?period=2026-03', { as: ['pilot-a', 'user-admin'] });
  assert.deepEqual(after.json(), before.json());
});
