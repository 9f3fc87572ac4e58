import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { parseSloFile } from '../src/observability/slo-rules.ts';
import { SLO_CATALOG, sloStatus } from '../src/observability/slo-status.ts';
import { highRiskApp } from './support/high-risk-app.ts';
import type { TestApp } from './support/test-app.ts';

// The console's dashboards, computed by the server from stored records: the operator's SLO
// status with remaining error budget, and the High-Risk Ops dashboard.

const schema = `hr_dash_${randomUUID().slice(0, 8)}`;
const engineer: [string, string] = ['pilot-a', 'user-engineer'];
const lead: [string, string] = ['pilot-a', 'user-team-lead'];
const officer: [string, string] = ['pilot-a', 'sam-officer'];
const security: [string, string] = ['pilot-a', 'user-security'];
const operator: [string, string] = ['internal', 'user-platform-operator'];
let h: TestApp;

before(async () => {
  h = await highRiskApp(schema, [`CREATE TABLE ${schema}.orders (id int PRIMARY KEY)`]);
});
after(() => h.close());

test('the SLO catalog the console shows is the one of deploy/observability/slos.yaml', () => {
  const file = parseSloFile(readFileSync(new URL('../../../deploy/observability/slos.yaml', import.meta.url), 'utf8'));
  assert.deepEqual(
    SLO_CATALOG.map((s) => [s.name, s.objective, s.window]),
    file.slos.map((s) => [s.name, s.objective, s.window]),
  );
});

test('error budget: untouched, at risk, spent; an objective of 100% has none to spend', () => {
  const [latency, , , receipts] = SLO_CATALOG;
  assert.deepEqual(sloStatus(latency!, 'stored', 0, 0).state, 'no_data');
  assert.deepEqual([sloStatus(latency!, 'stored', 1000, 0).budget_remaining, sloStatus(latency!, 'stored', 1000, 0).state], [1, 'met']);
  assert.deepEqual([sloStatus(latency!, 'stored', 1000, 40).budget_remaining, sloStatus(latency!, 'stored', 1000, 40).state], [0.2, 'at_risk']);
  assert.deepEqual([sloStatus(latency!, 'stored', 1000, 60).budget_remaining, sloStatus(latency!, 'stored', 1000, 60).state], [-0.2, 'breached']);
  assert.deepEqual([sloStatus(receipts!, 'stored', 10, 0).state, sloStatus(receipts!, 'stored', 10, 1).state], ['met', 'breached']);
});

test('a request through approval, execution and revert shows on the High-Risk Ops dashboard, with the last 7 days computed', async () => {
  const created = await h.call('POST', '/api/v1/high-risk-ops/requests', {
    as: engineer,
    body: { operation: 'TEMP_DB_READ_ACCESS', target: { database: 'test', schema, tables: ['orders'] }, duration_minutes: 30, rationale: 'investigate order 7' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().request_id as string;
  h.clock.advance(4 * 60_000);
  assert.equal((await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/approve`, { as: lead, body: { rationale: 'on call' } })).statusCode, 200);
  h.clock.advance(6 * 60_000);
  assert.equal((await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/approve`, { as: officer, body: { rationale: 'scoped' } })).json().status, 'approved');
  assert.equal((await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/execute`, { as: engineer })).statusCode, 200);
  assert.equal((await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/revoke`, { as: security, body: { rationale: 'done' } })).statusCode, 202);
  await h.app.jobs.runDue();
  await h.app.ledger.flush('pilot-a');
  await policyRuntime().engine.flushDecisions();

  const res = await h.call('GET', '/api/v1/high-risk-ops/dashboard', { as: security });
  assert.equal(res.statusCode, 200, res.body);
  const d = res.json();
  assert.deepEqual([d.requests, d.approved, d.executed, d.reverted, d.missing_receipts], [1, 1, 1, 1, 0]);
  assert.deepEqual(d.approval_time_s, { count: 1, average: 600 });
  assert.equal(d.by_day.length, 1);
  assert.ok(d.last_7_days.decisions > 0);
  assert.ok(d.last_7_days.decision_p95_ms !== null && d.last_7_days.decision_p95_ms > 0);
  assert.equal(d.last_7_days.missing_receipts, 0);
  // How fast the decisions were depends on the machine; the verdict follows from the figures.
  assert.equal(d.last_7_days.kept, d.last_7_days.decision_p95_ms < 500);

  // Another tenant's dashboard holds none of it; a role without the action is refused.
  const other = (await h.call('GET', '/api/v1/high-risk-ops/dashboard', { as: ['pilot-b', 'user-security'] })).json();
  assert.deepEqual([other.requests, other.approved], [0, 0]);
  assert.equal((await h.call('GET', '/api/v1/high-risk-ops/dashboard', { as: engineer })).statusCode, 403);
  const bad = await h.call('GET', '/api/v1/high-risk-ops/dashboard?days=0', { as: security });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().type, 'https://companyos.dev/problems/invalid-request');
});

test('operators see every SLO with its attainment and remaining budget, from stored decisions and receipts and the request counters', async () => {
  await policyRuntime().engine.flushDecisions();
  const res = await h.call('GET', '/api/v1/observability/slos', { as: operator });
  assert.equal(res.statusCode, 200, res.body);
  const slos = res.json().slos as Array<{ name: string; source: string; total: number; bad: number; state: string; budget_remaining: number | null }>;
  assert.deepEqual(slos.map((s) => s.name), ['decision-latency', 'decision-latency-tight', 'api-availability', 'receipts-completeness']);
  const byName = Object.fromEntries(slos.map((s) => [s.name, s]));
  assert.ok(byName['decision-latency']!.total > 0);
  assert.equal(byName['decision-latency']!.source, 'stored');
  assert.ok(byName['api-availability']!.total > 0);
  assert.equal(byName['api-availability']!.bad, 0);
  assert.equal(byName['api-availability']!.budget_remaining, 1);
  assert.equal(byName['api-availability']!.source, 'process');
  assert.ok(byName['receipts-completeness']!.total > 0);
  assert.equal(byName['receipts-completeness']!.state, 'met');

  const tenantAdmin = await h.call('GET', '/api/v1/observability/slos', { as: ['pilot-a', 'user-admin'] });
  assert.equal(tenantAdmin.statusCode, 403);
  assert.ok(Array.isArray(tenantAdmin.json().reasons));
});
