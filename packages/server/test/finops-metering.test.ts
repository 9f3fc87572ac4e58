import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentTx } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { AGGREGATE_JOB, scheduleAggregation } from '../src/finops/metering-jobs.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let h: TestApp;
const A: [string, string] = ['summit-internal', 'user-admin'];

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
});
after(() => h.close());

function report(as: [string, string], events: Array<Record<string, unknown>>) {
  const body = events.map((e, i) => ({ specversion: '1.0', source: 'test', type: 'workflow_run', id: `e-${String(e.id ?? i)}`, ...e }));
  return h.call('POST', '/api/v1/finops/usage', { as, body: JSON.stringify(body), headers: { 'content-type': 'application/cloudevents-batch+json' } });
}

async function readings(as: [string, string], query = '') {
  const res = await h.call('GET', `/api/v1/finops/meter-readings${query}`, { as });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().readings as Array<{ meter: string; day: string; quantity: number; events: number }>;
}

const pick = (rs: Awaited<ReturnType<typeof readings>>, meter: string) => rs.filter((r) => r.meter === meter).map((r) => [r.day, r.quantity, r.events]);

test('aggregation rolls events into one reading per meter and day, and a second pass changes nothing', async () => {
  const res = await report(A, [
    { id: 'w1', time: '2026-03-01T10:00:00Z', subject: 'alice' },
    { id: 'w2', time: '2026-03-01T23:59:59Z', subject: 'bob', data: { quantity: 4 } },
    { id: 'w3', time: '2026-03-02T00:00:00Z', subject: 'alice' },
    { id: 's1', type: 'evidence_storage_bytes', time: '2026-03-02T01:00:00Z', data: { quantity: 5000 } },
  ]);
  assert.equal(res.json().stored, 4, res.body);
  await policyRuntime().engine.flushDecisions();
  const first = await h.app.finops.aggregate('summit-internal');
  assert.ok(first.readings >= 3);
  const again = await h.app.finops.aggregate('summit-internal');
  assert.equal(again.readings, 0, 'a second pass over the same events writes nothing');
  const rs = await readings(A, '?from=2026-03-01&to=2026-03-03');
  assert.deepEqual(pick(rs, 'workflow_run'), [['2026-03-01', 5, 2], ['2026-03-02', 1, 1]]);
  assert.deepEqual(pick(rs, 'evidence_storage_bytes'), [['2026-03-02', 5000, 1]]);
  // Seats: distinct subjects of the day (the admin's own requests count on 2 March too).
  assert.deepEqual(pick(rs, 'seat'), [['2026-03-01', 2, 2], ['2026-03-02', 2, 2]]);
});

test('a late event re-opens its day; the lag is reported as a metric', async () => {
  h.clock.advance(3_600_000);
  const res = await report(A, [{ id: 'late', time: '2026-03-01T12:00:00Z', data: { quantity: 10 } }]);
  assert.equal(res.json().stored, 1);
  h.clock.advance(90_000);
  const pass = await h.app.finops.aggregate('summit-internal');
  assert.ok(pass.readings >= 1);
  // The oldest new event was recorded 90 s before the pass (the report's own request, too).
  assert.equal(pass.lagMs, 90_000);
  assert.deepEqual(pick(await readings(A, '?meter=workflow_run'), 'workflow_run'), [['2026-03-01', 15, 3], ['2026-03-02', 1, 1]]);
  const metrics = await h.app.inject({ method: 'GET', url: '/metrics' });
  assert.match(metrics.body, /companyos_finops_aggregation_lag_seconds\{tenant="summit-internal"\} 90/);
});

test('the scheduler queues one aggregation job per tenant and slot; the job writes readings', async () => {
  await report(['pilot-a', 'user-admin'], [{ id: 'p1', time: '2026-03-02T09:00:00Z' }]);
  const queued = await scheduleAggregation(h.t.db, h.clock.now());
  assert.ok(queued >= 5);
  await scheduleAggregation(h.t.db, h.clock.now());
  const jobs = await withTenantTransaction(h.t.db, 'pilot-a', () => currentTx().query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE kind = $1`, [AGGREGATE_JOB]));
  assert.equal(jobs[0]!.n, 1, 'the same slot is queued once');
  await h.app.jobs.runDue();
  assert.deepEqual(pick(await readings(['pilot-a', 'user-admin'], '?meter=workflow_run'), 'workflow_run'), [['2026-03-02', 1, 1]]);
});

test("a tenant reads only its own readings; bad days are refused", async () => {
  const other = await readings(['pilot-a', 'user-admin'], '?meter=evidence_storage_bytes');
  assert.deepEqual(other, []);
  const cross = await h.call('GET', '/api/v1/finops/meter-readings', { as: ['pilot-a', 'user-admin'], headers: { 'x-tenant-id': 'summit-internal' } });
  assert.equal(cross.statusCode, 403);
  for (const q of ['?from=2026-13-45', '?from=yesterday', '?meter=BAD', '?extra=1']) {
    const res = await h.call('GET', `/api/v1/finops/meter-readings${q}`, { as: A });
    assert.equal(res.statusCode, 400, `${q}: ${res.body}`);
    assert.equal(res.json().type, 'https://companyos.dev/problems/invalid-request');
  }
});
