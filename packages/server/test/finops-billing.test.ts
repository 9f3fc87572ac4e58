import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { MONTH_END_JOB, scheduleAggregation } from '../src/finops/metering-jobs.ts';
import { listReceipts } from '../src/ledger/receipts.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { canonicalSha256 } from '../src/util/canonical-json.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let h: TestApp;
const DEMO: [string, string] = ['demo-external', 'user-admin'];
const SUMMIT: [string, string] = ['summit-internal', 'user-admin'];
const OPERATOR: [string, string] = ['internal', 'user-platform-operator'];

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
});
after(() => h.close());

function report(as: [string, string], events: Array<Record<string, unknown>>) {
  const body = events.map((e) => ({ specversion: '1.0', source: 'test', ...e }));
  return h.call('POST', '/api/v1/finops/usage', { as, body: JSON.stringify(body), headers: { 'content-type': 'application/cloudevents-batch+json' } });
}

type Line = { kind: string; meter: string | null; amount: number; quantity: number; plan_id: string; segment_from: string; segment_to: string };

test('a month is rated from its readings on the assigned plan; re-rating changes nothing', async () => {
  const res = await report(DEMO, [
    { id: 'd1', type: 'policy_decision', time: '2026-03-01T10:00:00Z', data: { quantity: 120_000 } },
    { id: 'w1', type: 'workflow_run', time: '2026-03-01T11:00:00Z', data: { quantity: 800 } },
  ]);
  assert.equal(res.statusCode, 200, res.body);
  const rated = await h.call('POST', '/api/v1/finops/invoices/rate', { as: DEMO, body: { period: '2026-03' } });
  assert.equal(rated.statusCode, 200, rated.body);
  const { invoice, changed } = rated.json();
  assert.equal(changed, true);
  assert.equal(invoice.status, 'draft');
  assert.equal(invoice.currency, 'EUR');
  // Base fee 9,900 + decisions (120,000 reported + the server's own) at 0.05 per 1,000 + 800 runs at 25.00 per 1,000.
  const byMeter = Object.fromEntries((invoice.lines as Line[]).map((l) => [l.meter ?? l.kind, l]));
  assert.equal(byMeter.base_fee!.amount, 9900);
  assert.ok(byMeter.policy_decision!.quantity >= 120_000);
  assert.equal(byMeter.policy_decision!.amount, Math.round((byMeter.policy_decision!.quantity * 50) / 1000));
  assert.equal(byMeter.workflow_run!.amount, 2000);
  assert.equal(invoice.subtotal, (invoice.lines as Line[]).reduce((s, l) => s + l.amount, 0));
  assert.equal(invoice.total, invoice.subtotal + invoice.tax);
  assert.match(invoice.summary, /policy decisions \+ 800 workflow runs → €/);
  // The stored lines are the invoice's lines, and the hash is the document's.
  const got = await h.call('GET', `/api/v1/finops/invoices/${String(invoice.invoice_id)}`, { as: DEMO });
  assert.deepEqual(got.json().lines, invoice.lines);
  const doc = await h.call('GET', `/api/v1/finops/invoices/${String(invoice.invoice_id)}?format=json`, { as: DEMO });
  assert.equal(canonicalSha256(doc.json()), invoice.sha256);
  assert.equal(doc.headers['x-invoice-sha256'], invoice.sha256);
  // In April the requests below no longer land in March: rating March twice gives one invoice.
  h.clock.set('2026-04-01T06:00:00.000Z');
  // Decisions of the March requests above are metered once the decision log writes them.
  await policyRuntime().engine.flushDecisions();
  const first = await h.call('POST', '/api/v1/finops/invoices/rate', { as: DEMO, body: { period: '2026-03' } });
  const second = await h.call('POST', '/api/v1/finops/invoices/rate', { as: DEMO, body: { period: '2026-03' } });
  assert.equal(second.json().changed, false);
  assert.deepEqual(second.json().invoice, first.json().invoice);
});

test('internal tenants on the demo plan pay no base fee', async () => {
  const rated = await h.call('POST', '/api/v1/finops/invoices/rate', { as: SUMMIT, body: { period: '2026-03' } });
  assert.equal(rated.statusCode, 200, rated.body);
  const base = (rated.json().invoice.lines as Line[]).find((l) => l.kind === 'base_fee')!;
  assert.equal(base.amount, 0);
});

test('a plan change mid-month prorates by days; only operators assign plans', async () => {
  const assigned = await h.call('PUT', '/api/v1/finops/tenants/pilot-b/plan', { as: OPERATOR, body: { plan_id: 'pro', effective_from: '2026-03-01' } });
  assert.equal(assigned.statusCode, 200, assigned.body);
  const change = await h.call('PUT', '/api/v1/finops/tenants/pilot-b/plan', { as: OPERATOR, body: { plan_id: 'enterprise', effective_from: '2026-03-21' } });
  assert.equal(change.statusCode, 200, change.body);
  const rated = await h.call('POST', '/api/v1/finops/invoices/rate', { as: ['pilot-b', 'user-admin'], body: { period: '2026-03' } });
  assert.equal(rated.statusCode, 200, rated.body);
  const lines = rated.json().invoice.lines as Line[];
  const fees = lines.filter((l) => l.kind === 'base_fee').map((l) => [l.plan_id, l.segment_from, l.segment_to, l.amount]);
  // Pro 49,900 × 20/31 = 32,193.5 → 32,194; Enterprise 250,000 × 11/31 = 88,709.7 → 88,710.
  assert.deepEqual(fees, [['pro', '2026-03-01', '2026-03-20', 32_194], ['enterprise', '2026-03-21', '2026-03-31', 88_710]]);
  // Enterprise minimum 500,000 × 11/31 = 177,419.4 → 177,419, less what its segment charged.
  const minimum = lines.find((l) => l.kind === 'minimum')!;
  assert.equal(minimum.amount, 177_419 - 88_710);
  const self = await h.call('PUT', '/api/v1/finops/tenants/pilot-b/plan', { as: ['pilot-b', 'user-admin'], body: { plan_id: 'internal', effective_from: '2026-03-01' } });
  assert.equal(self.statusCode, 403);
  const unknown = await h.call('PUT', '/api/v1/finops/tenants/pilot-b/plan', { as: OPERATOR, body: { plan_id: 'gold', effective_from: '2026-03-01' } });
  assert.equal(unknown.statusCode, 400);
  const ghost = await h.call('PUT', '/api/v1/finops/tenants/ghost-tenant/plan', { as: OPERATOR, body: { plan_id: 'pro', effective_from: '2026-03-01' } });
  assert.equal(ghost.statusCode, 404);
});

test('a finished month is finalised by the job: its hash goes into a receipt, and it never changes again', async () => {
  h.clock.set('2026-04-02T06:00:00.000Z');
  await scheduleAggregation(h.t.db, h.clock.now());
  await h.app.jobs.runDue();
  const list = await h.call('GET', '/api/v1/finops/invoices', { as: DEMO });
  const march = (list.json().invoices as Array<{ period: string; status: string; sha256: string; receipt_id: string; invoice_id: string }>).find((i) => i.period === '2026-03')!;
  assert.equal(march.status, 'finalized');
  const receipts = await withTenantTransaction(h.t.db, 'demo-external', () => listReceipts(1000));
  const receipt = receipts.find((r) => r.body.receipt_id === march.receipt_id)!;
  assert.equal(receipt.body.action, 'finops.invoice.finalized');
  assert.deepEqual(receipt.body.evidence_refs, [`invoice:${march.invoice_id}`, `sha256:${march.sha256}`]);
  // Closed by the month-end job of its region's tenants (read as the database's owner: it is queued in the first of them).
  const jobs = await h.t.db.query<{ status: string; payload: { tenants: string[] } }>(`SELECT status, payload FROM jobs WHERE kind = $1`, [MONTH_END_JOB]);
  assert.deepEqual(jobs.filter((j) => j.payload.tenants.includes('demo-external')).map((j) => j.status), ['done']);
  // Late usage for March no longer changes the finalised invoice.
  await report(DEMO, [{ id: 'late-d', type: 'policy_decision', time: '2026-03-15T00:00:00Z', data: { quantity: 5 } }]);
  const again = await h.call('POST', '/api/v1/finops/invoices/rate', { as: DEMO, body: { period: '2026-03' } });
  assert.equal(again.json().changed, false);
  assert.equal(again.json().invoice.sha256, march.sha256);
  const twice = await h.call('POST', `/api/v1/finops/invoices/${march.invoice_id}/finalize`, { as: DEMO });
  assert.equal(twice.statusCode, 409);
});

test('the estimate prices hypothetical usage on any plan and stores nothing', async () => {
  const res = await h.call('POST', '/api/v1/finops/estimate', { as: DEMO, body: { plan_id: 'companyos-internal-demo', period: '2026-03', usage: { policy_decision: 123_456, workflow_run: 789 } } });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().total, 18_046);
  const bad = await h.call('POST', '/api/v1/finops/estimate', { as: DEMO, body: { plan_id: 'gold', usage: {} } });
  assert.equal(bad.statusCode, 400);
  const meter = await h.call('POST', '/api/v1/finops/estimate', { as: DEMO, body: { plan_id: 'pro', usage: { bananas: 3 } } });
  assert.equal(meter.statusCode, 400);
  assert.equal(meter.json().errors[0].field, 'usage.bananas');
});

test("a tenant never reads another tenant's invoices", async () => {
  const list = await h.call('GET', '/api/v1/finops/invoices', { as: DEMO });
  const id = (list.json().invoices as Array<{ invoice_id: string }>)[0]!.invoice_id;
  const other = await h.call('GET', `/api/v1/finops/invoices/${id}`, { as: ['pilot-b', 'user-admin'] });
  assert.equal(other.statusCode, 404);
  const theirs = await h.call('GET', '/api/v1/finops/invoices', { as: ['pilot-b', 'user-admin'] });
  assert.ok(!(theirs.json().invoices as Array<{ invoice_id: string }>).some((i) => i.invoice_id === id));
});

test('usage, readings, invoices and one invoice export as CSV', async () => {
  const usage = await h.call('GET', '/api/v1/finops/usage?format=csv&meter=policy_decision', { as: DEMO });
  assert.equal(usage.statusCode, 200, usage.body);
  assert.match(String(usage.headers['content-type']), /^text\/csv/);
  const [header, ...rows] = usage.body.trimEnd().split('\r\n');
  assert.equal(header, 'occurred_at,meter,quantity,subject,source,action,idempotency_key,recorded_at');
  assert.ok(rows.some((r) => r.includes('ce:d1') && r.includes(',120000,')));
  const readings = await h.call('GET', '/api/v1/finops/meter-readings?format=csv&meter=workflow_run', { as: DEMO });
  assert.match(readings.body, /^day,meter,quantity,events\r\n2026-03-01,workflow_run,800,1\r\n/);
  const invoices = await h.call('GET', '/api/v1/finops/invoices?format=csv', { as: DEMO });
  assert.match(invoices.body, /demo-external-2026-03,2026-03,finalized,EUR,1,base_fee,,0,0,9900,/);
  // One invoice alone: its lines, the same columns, and nothing of another month or tenant.
  const march = (await h.call('GET', '/api/v1/finops/invoices', { as: DEMO })).json().invoices.find((i: { period: string }) => i.period === '2026-03');
  const one = await h.call('GET', `/api/v1/finops/invoices/${String(march.invoice_id)}?format=csv`, { as: DEMO });
  assert.equal(one.statusCode, 200, one.body);
  assert.match(String(one.headers['content-type']), /^text\/csv/);
  assert.equal(one.headers['content-disposition'], 'attachment; filename="invoice-demo-external-2026-03.csv"');
  const [oneHeader, ...oneRows] = one.body.trimEnd().split('\r\n');
  assert.equal(oneHeader, invoices.body.split('\r\n')[0]);
  assert.equal(oneRows.length, march.lines.length);
  assert.ok(oneRows.every((r) => r.startsWith('demo-external-2026-03,2026-03,finalized,EUR,')), oneRows.join('\n'));
  assert.deepEqual(oneRows.map((r) => Number(r.split(',')[9])), march.lines.map((l: Line) => l.amount));
  const theirs = await h.call('GET', `/api/v1/finops/invoices/${String(march.invoice_id)}?format=csv`, { as: ['pilot-b', 'user-admin'] });
  assert.equal(theirs.statusCode, 404);
  assert.equal((await h.call('GET', `/api/v1/finops/invoices/${String(march.invoice_id)}?format=xml`, { as: DEMO })).statusCode, 400);
});
