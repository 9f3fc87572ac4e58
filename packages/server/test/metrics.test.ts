import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { scrape } from './support/scrape.ts';

// Signals on /metrics, read after driving real actions through the pipeline.
let h: TestApp;
const admin: [string, string] = ['pilot-a', 'user-admin'];
const engineer: [string, string] = ['pilot-a', 'user-engineer'];

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false, config: { metrics: { tenantLabel: false, sampleMs: 0 } } });
});
after(() => h.close());

test('each action is counted by outcome with a latency histogram, labelled by action and never by tenant', async () => {
  const before = await scrape(h.app);
  assert.equal((await h.call('GET', '/api/v1/subjects', { as: admin })).statusCode, 200);
  assert.equal((await h.call('GET', '/api/v1/subjects', { as: admin })).statusCode, 200);
  assert.equal((await h.call('POST', '/api/v1/subjects', { as: engineer, body: { subject_id: 'x1', display_name: 'X', roles: [] } })).statusCode, 403);
  assert.equal((await h.call('POST', '/api/v1/subjects', { as: admin, body: { subject_id: 'x1' } })).statusCode, 400);
  assert.equal((await h.call('GET', '/api/v1/subjects')).statusCode, 401);
  const m = await scrape(h.app);
  assert.match(m.contentType, /application\/openmetrics-text/);
  const delta = (action: string, outcome: string) =>
    m.value('companyos_action_requests_total', { action, outcome }) - before.value('companyos_action_requests_total', { action, outcome });
  assert.equal(delta('subject.list', 'allowed'), 2);
  assert.equal(delta('subject.list', 'denied'), 1);
  assert.equal(delta('subject.create', 'denied'), 1);
  assert.equal(delta('subject.create', 'rejected'), 1);
  assert.equal(delta('subject.create', 'allowed'), 0);
  const count = m.value('companyos_action_duration_seconds_count', { action: 'subject.list', outcome: 'allowed' });
  assert.equal(count - before.value('companyos_action_duration_seconds_count', { action: 'subject.list', outcome: 'allowed' }), 2);
  assert.equal(m.value('companyos_action_duration_seconds_bucket', { action: 'subject.list', outcome: 'allowed', le: '+Inf' }), count);
  assert.ok(m.value('companyos_action_duration_seconds_sum', { action: 'subject.list', outcome: 'allowed' }) > 0);
  assert.ok(!m.samples.some((s) => s.name.startsWith('companyos_action') && 'tenant' in s.labels), 'no tenant label unless asked for');
});

test('decisions are timed per policy package, allowed and denied apart', async () => {
  const before = await scrape(h.app);
  await h.call('GET', '/api/v1/subjects', { as: admin });
  await h.call('POST', '/api/v1/subjects', { as: engineer, body: { subject_id: 'x2', display_name: 'X', roles: [] } });
  const m = await scrape(h.app);
  const delta = (allow: string) =>
    m.value('companyos_policy_decision_duration_seconds_count', { package: 'companyos.authz', allow }) -
    before.value('companyos_policy_decision_duration_seconds_count', { package: 'companyos.authz', allow });
  assert.equal(delta('true'), 1);
  assert.equal(delta('false'), 1);
});

test('receipts appended, usage events and the integration delay once the ledger takes them', async () => {
  const before = await scrape(h.app);
  await h.call('POST', '/api/v1/subjects', { as: admin, body: { subject_id: 'x3', display_name: 'X', roles: [] } });
  h.clock.advance(2_000);
  await h.app.ledger.flush('pilot-a');
  const m = await scrape(h.app);
  const delta = (name: string, labels: Record<string, string> = {}) => m.value(name, labels) - before.value(name, labels);
  assert.equal(delta('companyos_receipts_appended_total', { action: 'subject.create' }), 1);
  assert.equal(delta('companyos_usage_events_total', { action: 'subject.create' }), 1);
  assert.equal(delta('companyos_metering_delay_seconds_count'), 1);
  assert.ok(delta('companyos_ledger_integration_delay_seconds_count') >= 1);
  // Issued 2 s before it got its leaf (the fake clock moved): it falls in the 2.5 s bucket, not the 1 s one.
  assert.ok(delta('companyos_ledger_integration_delay_seconds_bucket', { le: '2.5' }) > delta('companyos_ledger_integration_delay_seconds_bucket', { le: '1' }));
  assert.equal(m.value('companyos_ledger_queue_receipts'), 0);
  assert.equal(m.value('companyos_evidence_write_failures_total', { kind: 'receipt' }), 0);
});

test('a receipt not in the ledger 60 s after issue counts as missing until it is integrated', async () => {
  await h.call('POST', '/api/v1/subjects', { as: admin, body: { subject_id: 'x4', display_name: 'X', roles: [] } });
  let m = await scrape(h.app);
  assert.equal(m.value('companyos_ledger_queue_receipts'), 1);
  assert.equal(m.value('companyos_receipts_missing', { action: 'all', reason: 'unintegrated' }), 0);
  h.clock.advance(61_000);
  m = await scrape(h.app);
  assert.equal(m.value('companyos_receipts_missing', { action: 'subject.create', reason: 'unintegrated' }), 1);
  assert.equal(m.value('companyos_receipts_missing', { action: 'all', reason: 'unintegrated' }), 1);
  assert.ok(m.value('companyos_ledger_queue_oldest_age_seconds') >= 61);
  await h.app.ledger.flush('pilot-a');
  m = await scrape(h.app);
  assert.equal(m.value('companyos_receipts_missing', { action: 'all', reason: 'unintegrated' }), 0);
  assert.equal(m.value('companyos_ledger_queue_oldest_age_seconds'), 0);
});

test('an allowed action whose receipt is gone counts as missing (absent), in any workflow', async () => {
  const res = await h.call('POST', '/api/v1/subjects', { as: admin, body: { subject_id: 'x5', display_name: 'X', roles: [] } });
  const receiptId = String(res.headers['x-receipt-id']);
  assert.equal((await scrape(h.app)).value('companyos_receipts_missing', { action: 'all', reason: 'absent' }), 0);
  // As the database owner, past the append-only triggers.
  await h.t.db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('session_replication_role', 'replica', true)`);
    for (const table of ['ledger_queue', 'ledger_leaves', 'receipts']) await tx.query(`DELETE FROM ${table} WHERE tenant_id = 'pilot-a' AND receipt_id = $1`, [receiptId]);
  });
  const m = await scrape(h.app);
  assert.equal(m.value('companyos_receipts_missing', { action: 'subject.create', reason: 'absent' }), 1);
  assert.equal(m.value('companyos_receipts_missing', { action: 'all', reason: 'absent' }), 1);
});

test('checkpoint age: how long the log with leaves past its newest checkpoint has waited', async () => {
  await h.call('GET', '/api/v1/subjects', { as: ['pilot-b', 'user-admin'] });
  await h.app.ledger.flush('pilot-b');
  await h.call('GET', '/api/v1/subjects', { as: ['pilot-b', 'user-admin'] });
  // Integrated, but no checkpoint is due yet (neither by count nor by time).
  await h.app.ledger.integrateTenant('pilot-b', { onDemand: true });
  h.clock.advance(3_000);
  const m = await scrape(h.app);
  assert.ok(m.value('companyos_ledger_checkpoint_age_seconds') >= 3, m.text);
  await h.app.ledger.flush('pilot-b');
  await h.app.ledger.flush('pilot-a');
  assert.equal((await scrape(h.app)).value('companyos_ledger_checkpoint_age_seconds'), 0);
});

test('jobs queued, running and failed with the oldest wait; an export pack is timed from request to stored pack', async () => {
  const before = await scrape(h.app);
  const created = await h.call('POST', '/api/v1/audit/exports', { as: admin, stepUp: true, body: { from: '2026-03-02T08:00:00.000Z', to: h.clock.now().toISOString() } });
  assert.equal(created.statusCode, 202, created.body);
  h.clock.advance(5_000);
  let m = await scrape(h.app);
  assert.equal(m.value('companyos_jobs', { kind: 'audit.export', status: 'queued' }), 1);
  assert.equal(m.value('companyos_jobs', { kind: 'all', status: 'queued' }), 1);
  assert.ok(m.value('companyos_jobs_oldest_queued_age_seconds') >= 5);
  await h.app.jobs.runDue();
  m = await scrape(h.app);
  assert.equal(m.value('companyos_jobs', { kind: 'all', status: 'queued' }), 0);
  assert.equal(m.value('companyos_jobs', { kind: 'all', status: 'failed' }), 0);
  assert.equal(m.value('companyos_jobs_oldest_queued_age_seconds'), 0);
  const packs = (labels: Record<string, string>) => m.value('companyos_export_time_to_pack_seconds_count', labels) - before.value('companyos_export_time_to_pack_seconds_count', labels);
  assert.equal(packs({ result: 'stored' }), 1);
  assert.ok(m.value('companyos_export_time_to_pack_seconds_sum', { result: 'stored' }) >= 5);
});

test('process and event-loop metrics, and drift, are on the same page', async () => {
  const m = await scrape(h.app);
  for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
    assert.ok(m.matching(name).length > 0, `${name} is exported`);
  }
  assert.ok(m.matching('companyos_config_drift').length > 0);
});

test('no series is labelled by anything unbounded: labels name actions, outcomes and kinds; a tenant only where a gauge is per tenant', async () => {
  await h.call('GET', '/api/v1/subjects', { as: admin });
  const m = await scrape(h.app);
  const BOUNDED = new Set(['action', 'outcome', 'package', 'allow', 'kind', 'status', 'reason', 'result', 'check', 'le', 'flag', 'variant', 'quantile']);
  // Gauges of per-tenant state (0/1 drift, the last aggregation's lag), one series per tenant by design.
  const PER_TENANT = new Set(['companyos_config_drift', 'companyos_finops_aggregation_lag_seconds']);
  const own = m.samples.filter((s) => s.name.startsWith('companyos_'));
  assert.ok(own.length > 0);
  for (const s of own) {
    for (const label of Object.keys(s.labels)) {
      assert.ok(BOUNDED.has(label) || (label === 'tenant' && PER_TENANT.has(s.name)), `${s.name} is labelled by ${label}`);
    }
  }
});

test('a tenant label on the per-action series is opt-in', async () => {
  const labelled = await createTestApp({ ledgerBackground: false, jobsBackground: false, config: { metrics: { tenantLabel: true, sampleMs: 0 } } });
  try {
    await labelled.call('GET', '/api/v1/subjects', { as: admin });
    const m = await scrape(labelled.app);
    assert.equal(m.value('companyos_action_requests_total', { action: 'subject.list', outcome: 'allowed', tenant: 'pilot-a' }), 1);
  } finally {
    await labelled.close();
  }
});

test('a receipt that cannot be written fails its action with nothing done: an evidence write failure, and an error against availability', async () => {
  const before = await scrape(h.app);
  // As the database owner: a trigger that refuses this action's receipts, as a failing disk would.
  await h.t.db.query(`CREATE FUNCTION refuse_receipt() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'receipt refused'; END $$`);
  await h.t.db.query(`CREATE TRIGGER refuse_receipt BEFORE INSERT ON receipts FOR EACH ROW WHEN (NEW.action = 'subject.create') EXECUTE FUNCTION refuse_receipt()`);
  try {
    const res = await h.call('POST', '/api/v1/subjects', { as: admin, body: { subject_id: 'x6', display_name: 'X', roles: [] } });
    assert.equal(res.statusCode, 500, res.body);
  } finally {
    await h.t.db.query('DROP TRIGGER refuse_receipt ON receipts');
    await h.t.db.query('DROP FUNCTION refuse_receipt()');
  }
  const m = await scrape(h.app);
  const delta = (name: string, labels: Record<string, string>) => m.value(name, labels) - before.value(name, labels);
  assert.equal(delta('companyos_evidence_write_failures_total', { kind: 'receipt' }), 1);
  assert.equal(delta('companyos_action_requests_total', { action: 'subject.create', outcome: 'error' }), 1);
  assert.equal(delta('companyos_receipts_appended_total', { action: 'subject.create' }), 0);
  assert.equal((await h.call('GET', '/api/v1/subjects/x6', { as: admin })).statusCode, 404, 'the effect was rolled back with its receipt');
});
