import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { listAuditEvents } from '../src/audit/audit-events.ts';
import { currentTx } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { governed, GOVERNED, highRiskApp } from './support/high-risk-app.ts';
import type { TestApp } from './support/test-app.ts';

const schema = `hr_flow_${randomUUID().slice(0, 8)}`;
const engineer: [string, string] = ['pilot-a', 'user-engineer'];
const lead: [string, string] = ['pilot-a', 'user-team-lead'];
const officer: [string, string] = ['pilot-a', 'sam-officer'];
const admin: [string, string] = ['pilot-a', 'user-admin'];
let h: TestApp;

const asRole = (user: string, password: string) => {
  const u = new URL(GOVERNED);
  u.username = user;
  u.password = password;
  return u.toString();
};

before(async () => {
  h = await highRiskApp(schema, [
    `CREATE TABLE ${schema}.orders (id int PRIMARY KEY)`,
    `CREATE TABLE ${schema}.salaries (id int PRIMARY KEY)`,
    `INSERT INTO ${schema}.orders VALUES (7)`,
  ]);
});

after(() => h.close());

const body = (minutes = 30) => ({ operation: 'TEMP_DB_READ_ACCESS', target: { database: 'test', schema, tables: ['orders'] }, duration_minutes: minutes, rationale: 'investigate order 7' });

async function approved(): Promise<string> {
  const res = await h.call('POST', '/api/v1/high-risk-ops/requests', { as: engineer, body: body() });
  assert.equal(res.statusCode, 201, res.body);
  const id = res.json().request_id as string;
  assert.equal((await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/approve`, { as: lead, body: { rationale: 'on call' } })).statusCode, 200);
  const done = await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/approve`, { as: officer, body: { rationale: 'scoped' } });
  assert.equal(done.json().status, 'approved', done.body);
  return id;
}

test('the preflight refuses with the policy reasons before anything is stored', async () => {
  const long = await h.call('POST', '/api/v1/high-risk-ops/requests', { as: engineer, body: body(121) });
  assert.equal(long.statusCode, 403);
  assert.deepEqual(long.json().reasons, ['TEMP_DB_READ_ACCESS may last at most 120 minutes, not 121']);
  const list = await h.call('GET', '/api/v1/high-risk-ops/requests', { as: engineer });
  assert.deepEqual(list.json().requests, []);
  const other = await h.call('POST', '/api/v1/high-risk-ops/requests', { as: engineer, body: { ...body(), target: { ...body().target, database: 'prod' } } });
  assert.equal(other.statusCode, 400);
});

test('approvals need a team lead and a security officer, neither the requester', async () => {
  const res = await h.call('POST', '/api/v1/high-risk-ops/requests', { as: lead, body: body() });
  assert.equal(res.statusCode, 201, res.body);
  const id = res.json().request_id as string;
  assert.deepEqual(res.json().missing_approvals, ['security_officer', 'team_lead']);
  const self = await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/approve`, { as: lead, body: { rationale: 'mine' } });
  assert.equal(self.statusCode, 403);
  assert.match(self.json().reasons[0], /cannot approve/);
  const one = await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/approve`, { as: officer, body: { rationale: 'fine' } });
  assert.equal(one.json().status, 'requested');
  assert.deepEqual(one.json().missing_approvals, ['team_lead']);
  const twice = await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/approve`, { as: officer, body: { rationale: 'again' } });
  assert.equal(twice.statusCode, 409);
  const early = await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/execute`, { as: lead });
  assert.equal(early.statusCode, 409);
  assert.equal(early.json().state, 'requested');
  const denied = await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/deny`, { as: officer, body: { rationale: 'not needed' } });
  assert.equal(denied.json().status, 'denied');
});

test('execute grants the named table only; revoke reverts through the job, with receipts and history', async () => {
  const id = await approved();
  const exec = await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/execute`, { as: engineer });
  assert.equal(exec.statusCode, 200, exec.body);
  const { username, password } = exec.json().credentials as { username: string; password: string };
  assert.equal(exec.json().status, 'active');
  await governed(async (c) => {
    assert.deepEqual((await c.query(`SELECT id FROM ${schema}.orders`)).rows, [{ id: 7 }]);
    await assert.rejects(c.query(`SELECT * FROM ${schema}.salaries`), /permission denied/);
  }, asRole(username, password));
  // The credentials are shown once.
  const view = await h.call('GET', `/api/v1/high-risk-ops/requests/${id}`, { as: engineer });
  assert.ok(!view.body.includes(password));

  const revoke = await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/revoke`, { as: ['pilot-a', 'user-security'], body: { rationale: 'done' } });
  assert.equal(revoke.statusCode, 202, revoke.body);
  await h.app.jobs.runDue();
  await assert.rejects(governed(() => Promise.resolve(), asRole(username, password)), /does not exist|authentication failed/);

  const got = (await h.call('GET', `/api/v1/high-risk-ops/requests/${id}`, { as: engineer })).json();
  assert.equal(got.status, 'reverted');
  assert.deepEqual(
    got.history.map((e: { transition: string; to_state: string }) => `${e.transition}:${e.to_state}`),
    ['request:requested', 'approve:requested', 'approve:approved', 'execute:active', 'revoke:active', 'revert:reverted'],
  );
  assert.deepEqual(got.history.filter((e: { rationale: string | null }) => e.rationale !== null).map((e: { rationale: string }) => e.rationale), ['investigate order 7', 'on call', 'scoped', 'done']);
  const receipts = await withTenantTransaction(h.t.db, 'pilot-a', () =>
    currentTx().query<{ action: string }>(`SELECT action FROM receipts WHERE body->>'target' = $1 AND action <> 'high_risk.request.get'`, [`high-risk-request:${id}`]),
  );
  assert.deepEqual(receipts.map((r) => r.action).sort(), ['high_risk.request.approve', 'high_risk.request.approve', 'high_risk.request.create', 'high_risk.request.execute', 'high_risk.request.revert', 'high_risk.request.revoke']);
  // The server's own revert is metered like the people's steps.
  const reverts = await withTenantTransaction(h.t.db, 'pilot-a', () =>
    currentTx().query<{ n: number }>(`SELECT count(*)::int AS n FROM usage_events WHERE action = 'high_risk.request.revert'`),
  );
  assert.equal(Number(reverts[0]!.n), 1);
  // A second revoke of a reverted request names its state.
  const again = await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/revoke`, { as: engineer, body: {} });
  assert.equal(again.statusCode, 409);
  assert.match(again.json().detail, /reverted/);
});

test('access is reverted at the end of its window, on the fake clock', async () => {
  const id = await approved();
  const exec = await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/execute`, { as: engineer });
  const { username, password } = exec.json().credentials as { username: string; password: string };
  h.clock.advance(29 * 60_000);
  await h.app.jobs.runDue();
  assert.equal((await h.call('GET', `/api/v1/high-risk-ops/requests/${id}`, { as: engineer })).json().status, 'active');
  h.clock.advance(60_000);
  await h.app.jobs.runDue();
  assert.equal((await h.call('GET', `/api/v1/high-risk-ops/requests/${id}`, { as: engineer })).json().status, 'reverted');
  await assert.rejects(governed(() => Promise.resolve(), asRole(username, password)), /does not exist|authentication failed/);
  const events = await withTenantTransaction(h.t.db, 'pilot-a', () => listAuditEvents({ type: 'high_risk.reverted' }));
  assert.ok(events.some((e) => e.target === `high-risk-request:${id}` && e.actor === 'system:high-risk'));
});

test('a pending request expires; cancel works only before execution and only for the requester', async () => {
  const res = await h.call('POST', '/api/v1/high-risk-ops/requests', { as: engineer, body: body() });
  const id = res.json().request_id as string;
  h.clock.advance(61 * 60_000);
  await h.app.jobs.runDue();
  const expired = await h.call('GET', `/api/v1/high-risk-ops/requests/${id}`, { as: engineer });
  assert.equal(expired.json().status, 'expired');
  const cancelExpired = await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/cancel`, { as: engineer, body: {} });
  assert.equal(cancelExpired.statusCode, 409);
  assert.equal(cancelExpired.json().state, 'expired');

  const other = (await h.call('POST', '/api/v1/high-risk-ops/requests', { as: engineer, body: body() })).json().request_id as string;
  assert.equal((await h.call('POST', `/api/v1/high-risk-ops/requests/${other}/cancel`, { as: lead, body: {} })).statusCode, 403);
  assert.equal((await h.call('POST', `/api/v1/high-risk-ops/requests/${other}/cancel`, { as: engineer, body: { rationale: 'not needed' } })).json().status, 'cancelled');

  const list = await h.call('GET', '/api/v1/high-risk-ops/requests?status=cancelled', { as: admin });
  assert.deepEqual(list.json().requests.map((r: { request_id: string }) => r.request_id), [other]);
  const byRequester = await h.call('GET', '/api/v1/high-risk-ops/requests?requester=user-team-lead', { as: admin });
  assert.ok(byRequester.json().requests.every((r: { requester: string }) => r.requester === 'user-team-lead'));
  assert.equal((await h.call('GET', '/api/v1/high-risk-ops/requests?status=bogus', { as: admin })).statusCode, 400);
  // Newest first a page at a time: the page after `other` holds the older request.
  const first = (await h.call('GET', '/api/v1/high-risk-ops/requests?limit=1', { as: admin })).json();
  assert.deepEqual([first.requests[0].request_id, first.next_before], [other, other]);
  const second = (await h.call('GET', `/api/v1/high-risk-ops/requests?limit=1&before=${other}`, { as: admin })).json();
  assert.equal(second.requests[0].request_id, id);
});
