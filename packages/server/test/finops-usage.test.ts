import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentTx } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { updateSubject } from '../src/identity/subjects.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let h: TestApp;
const A: [string, string] = ['demo-external', 'user-admin'];
const B: [string, string] = ['pilot-b', 'user-admin'];
const PSEUDONYM = /^pseudonym:[0-9a-f-]{36}$/;

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
});
after(() => h.close());

const event = (id: string, extra: Record<string, unknown> = {}) => ({ specversion: '1.0', id, source: 'connector/test', type: 'api_request', ...extra });

function send(as: [string, string], body: unknown, contentType: string) {
  return h.call('POST', '/api/v1/finops/usage', { as, body: JSON.stringify(body), headers: { 'content-type': contentType } });
}

async function usageRows(tenant: string, where = 'true'): Promise<Array<{ meter: string; quantity: string; idempotency_key: string; subject: string | null; source: string }>> {
  return withTenantTransaction(h.t.db, tenant, () =>
    currentTx().query(`SELECT meter, quantity::text, idempotency_key, subject, source FROM usage_events WHERE ${where} ORDER BY idempotency_key`),
  );
}

test('one CloudEvent is stored once: a resend is a duplicate, not a second count', async () => {
  const first = await send(A, event('evt-1', { subject: 'connector-user', time: '2026-03-02T08:00:00Z', data: { quantity: 7, region: 'eu' } }), 'application/cloudevents+json');
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual(first.json(), { received: 1, stored: 1, duplicates: 0 });
  assert.ok(first.headers['x-receipt-id']);
  const again = await send(A, event('evt-1', { data: { quantity: 7 } }), 'application/cloudevents+json');
  assert.deepEqual(again.json(), { received: 1, stored: 0, duplicates: 1 });
  const rows = await usageRows('demo-external', `idempotency_key = 'ce:evt-1'`);
  // The subject is stored by pseudonym (ADR 0029); the listing shows the subject id behind it.
  assert.match(String(rows[0]?.subject), PSEUDONYM);
  assert.deepEqual(rows, [{ meter: 'api_request', quantity: '7', idempotency_key: 'ce:evt-1', subject: rows[0]!.subject, source: 'api' }]);
  const listed = (await h.call('GET', '/api/v1/finops/usage?meter=api_request', { as: A })).json().events as Array<{ idempotency_key: string; subject: string }>;
  assert.equal(listed.find((e) => e.idempotency_key === 'ce:evt-1')?.subject, 'connector-user');
});

test('a batch maps type to meters and stores only the events not seen before', async () => {
  const batch = [event('b-1', { type: 'com.example.workflow_run' }), event('b-2', { type: 'evidence_storage_bytes', data: { quantity: 2048 } }), event('evt-1'), event('b-1')];
  const res = await send(A, batch, 'application/cloudevents-batch+json');
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { received: 4, stored: 2, duplicates: 2 });
  const rows = await usageRows('demo-external', `idempotency_key IN ('ce:b-1', 'ce:b-2')`);
  assert.deepEqual(rows.map((r) => [r.meter, r.quantity]), [['workflow_run', '1'], ['evidence_storage_bytes', '2048']]);
});

test('idempotency keys are per tenant: the same event id in another tenant is its own event', async () => {
  const res = await send(B, event('evt-1'), 'application/cloudevents+json');
  assert.deepEqual(res.json(), { received: 1, stored: 1, duplicates: 0 });
  assert.equal((await usageRows('pilot-b', `idempotency_key = 'ce:evt-1'`))[0]!.quantity, '1');
  assert.equal((await usageRows('demo-external', `idempotency_key = 'ce:evt-1'`))[0]!.quantity, '7');
});

test('a tenant lists only its own usage', async () => {
  const res = await h.call('GET', '/api/v1/finops/usage?meter=api_request', { as: B });
  assert.equal(res.statusCode, 200, res.body);
  const keys = (res.json().events as Array<{ idempotency_key: string; meter: string }>).map((e) => e.idempotency_key);
  assert.ok(keys.includes('ce:evt-1'));
  assert.ok(!keys.some((k) => k === 'ce:b-1' || k === 'ce:b-2'), 'tenant A events leaked');
  const other = await h.call('GET', '/api/v1/finops/usage', { as: B, headers: { 'x-tenant-id': 'demo-external' } });
  assert.equal(other.statusCode, 403);
  assert.equal(other.json().type, 'https://companyos.dev/problems/tenant-isolation');
});

test('bad events are refused whole, with the field named, and nothing is written', async () => {
  const before = (await usageRows('demo-external', `source = 'api'`)).length;
  const cases: Array<[unknown, string, string]> = [
    [[event('x-1'), event('x-2', { type: 'bitcoin_mined' })], 'application/cloudevents-batch+json', '1.type'],
    [[event('x-3'), event('x-4', { time: 'yesterday' })], 'application/cloudevents-batch+json', '1.time'],
    [event('x-5', { time: '2027-01-01T00:00:00Z' }), 'application/cloudevents+json', 'time'],
    [event('x-6', { type: 'seat' }), 'application/cloudevents+json', 'type'],
    [[event('x-7')], 'application/cloudevents+json', '(root)'],
    [event('x-8'), 'application/cloudevents-batch+json', '(root)'],
    [event('x-9', { data: { quantity: -1 } }), 'application/cloudevents+json', 'data.quantity'],
    [event('x-10', { specversion: '0.3' }), 'application/cloudevents+json', 'specversion'],
    [[], 'application/cloudevents-batch+json', '(root)'],
  ];
  for (const [body, type, field] of cases) {
    const res = await send(A, body, type);
    assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    const problem = res.json();
    assert.equal(problem.type, 'https://companyos.dev/problems/invalid-request');
    assert.ok((problem.errors as Array<{ field: string }>).some((e) => e.field === field), `${field}: ${res.body}`);
  }
  const xml = await h.call('POST', '/api/v1/finops/usage', { as: A, body: '<event/>', headers: { 'content-type': 'application/xml' } });
  assert.equal(xml.statusCode, 415);
  const broken = await h.call('POST', '/api/v1/finops/usage', { as: A, body: '{"specversion":', headers: { 'content-type': 'application/cloudevents+json' } });
  assert.equal(broken.statusCode, 400);
  assert.equal((await usageRows('demo-external', `source = 'api'`)).length, before);
});

test('reporting usage takes a role that grants it: the denial carries the policy reasons', async () => {
  const res = await send(['demo-external', 'user-engineer'], event('denied-1'), 'application/cloudevents+json');
  assert.equal(res.statusCode, 403);
  assert.ok((res.json().reasons as string[]).some((r) => r.includes('finops.usage.report')));
  await withTenantTransaction(h.t.db, 'demo-external', () => updateSubject('user-engineer', { roles: ['engineer', 'usage_reporter'] }, h.clock.now()));
  assert.equal((await send(['demo-external', 'user-engineer'], event('denied-1'), 'application/cloudevents+json')).statusCode, 200);
});

test('every allowed action leaves one usage event in its meter, and every decision is metered with the decision log', async () => {
  const res = await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-admin'] });
  assert.equal(res.statusCode, 200);
  const denied = await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-engineer'] });
  assert.equal(denied.statusCode, 403);
  await policyRuntime().engine.flushDecisions();
  const mine = await usageRows('pilot-a', `idempotency_key = 'receipt:${String(res.headers['x-receipt-id'])}'`);
  assert.deepEqual(mine.map((r) => [r.meter, r.source]), [['api_request', 'pipeline']]);
  assert.match(String(mine[0]!.subject), PSEUDONYM, 'the caller is stored by pseudonym');
  const decisions = await withTenantTransaction(h.t.db, 'pilot-a', () =>
    currentTx().query<{ n: number; denied: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE properties->>'allow' = 'false')::int AS denied FROM usage_events WHERE meter = 'policy_decision' AND properties->>'package' = 'companyos/authz/decision'`,
    ),
  );
  const logged = await withTenantTransaction(h.t.db, 'pilot-a', () => currentTx().query<{ n: number }>(`SELECT count(*)::int AS n FROM policy_decisions`));
  assert.equal(decisions[0]!.n, logged[0]!.n, 'one usage event per logged decision');
  assert.ok(decisions[0]!.denied >= 1);
});
