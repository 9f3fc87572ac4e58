import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { allActions } from '../src/actions.ts';
import { MAX_CHECKS } from '../src/policy/can-action.ts';
import { NO_SUCH_RESOURCE } from '../src/pipeline/preflight.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const engineer: [string, string] = ['pilot-a', 'user-engineer'];
const lead: [string, string] = ['pilot-a', 'user-team-lead'];
const admin: [string, string] = ['pilot-a', 'user-admin'];
let h: TestApp;
let requestId: string;

before(async () => {
  h = await createTestApp();
  const body = { operation: 'TEMP_DB_READ_ACCESS', target: { database: 'test', schema: 'public', tables: ['orders'] }, duration_minutes: 30, rationale: 'investigate order 7' };
  const created = await h.call('POST', '/api/v1/high-risk-ops/requests', { as: engineer, body });
  assert.equal(created.statusCode, 201, created.body);
  requestId = created.json().request_id;
});

after(() => h.close());

const can = (as: [string, string], checks: unknown, o: { stepUp?: boolean } = {}) => h.call('POST', '/api/v1/policy/can', { as, body: { checks }, ...o });

test('each check is answered with the reasons the real request gets', async () => {
  const res = await can(engineer, [{ action: 'policy.bundle.propose' }, { action: 'high_risk.request.list' }]);
  assert.equal(res.statusCode, 200, res.body);
  const [propose, list] = res.json().results;
  assert.equal(list.allowed, true);
  assert.equal(propose.allowed, false);
  const real = await h.call('POST', '/api/v1/policy/versions', { as: engineer, body: { message: 'try', data_patch: { tenant: { owner: 'x' } } } });
  assert.equal(real.statusCode, 403);
  assert.deepEqual(propose.reasons, real.json().reasons);
  assert.match(res.json().bundle_hash, /^[0-9a-f]{64}$/);
});

test('the caller is decided as the real request would have it, step-up included', async () => {
  const checks = [{ action: 'policy.bundle.activate' }];
  const plain = (await can(admin, checks)).json().results[0];
  assert.equal(plain.allowed, false);
  assert.ok(plain.reasons.includes('the action requires a recent step-up authentication'), plain.reasons.join('; '));
  assert.equal(plain.step_up_required, true);
  const engineerAnswer = (await can(engineer, [{ action: 'policy.bundle.activate' }])).json().results[0];
  assert.equal(engineerAnswer.step_up_required, false, 'a step-up does not give the engineer a role');
  const stepped = (await can(admin, [{ action: 'policy.bundle.activate' }], { stepUp: true })).json().results[0];
  assert.equal(stepped.allowed, true, stepped.reasons.join('; '));
});

test("a resource is loaded by the action's own loader, and one that does not exist is not allowed", async () => {
  const missing = '00000000-0000-7000-8000-000000000000';
  const res = await can(lead, [
    { action: 'high_risk.request.approve', resource: { id: requestId } },
    { action: 'high_risk.request.approve', resource: { id: missing } },
    { action: 'no_such.action' },
  ]);
  assert.equal(res.statusCode, 200, res.body);
  const [real, absent, unknown] = res.json().results;
  assert.deepEqual(real, { action: 'high_risk.request.approve', resource: { id: requestId }, allowed: true, reasons: [], step_up_required: false });
  assert.deepEqual(absent.reasons, [NO_SUCH_RESOURCE]);
  assert.equal(unknown.allowed, false);
  // The engineer's role grants no approval, whatever the resource.
  const denied = (await can(engineer, [{ action: 'high_risk.request.approve', resource: { id: requestId } }])).json().results[0];
  assert.equal(denied.allowed, false);
  assert.match(denied.reasons[0], /grants action high_risk\.request\.approve/);
  // Nothing ran: the request still waits for both approvals.
  const after = await h.call('GET', `/api/v1/high-risk-ops/requests/${requestId}`, { as: lead });
  assert.deepEqual(after.json().history.map((e: { transition: string }) => e.transition), ['request']);
});

test('bad input is a problem+json 400 and never a half answer', async () => {
  const over = await can(engineer, Array.from({ length: MAX_CHECKS + 1 }, () => ({ action: 'audit.list' })));
  assert.equal(over.statusCode, 400);
  assert.equal(over.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.equal(over.json().type, 'https://companyos.dev/problems/invalid-request');
  assert.match(JSON.stringify(over.json().errors), /100/);
  for (const checks of [[], [{ action: 'Not An Action' }], [{ action: 'audit.list', extra: 1 }]]) {
    assert.equal((await can(engineer, checks)).statusCode, 400, JSON.stringify(checks));
  }
  const noResource = await can(engineer, [{ action: 'audit.list', resource: { id: requestId } }]);
  assert.equal(noResource.statusCode, 400);
  assert.match(noResource.json().detail, /audit\.list takes no resource/);
  const badId = await can(lead, [{ action: 'high_risk.request.approve', resource: { id: 'not-a-uuid' } }]);
  assert.equal(badId.statusCode, 400);
  assert.equal(badId.json().type, 'https://companyos.dev/problems/invalid-request');
  assert.equal((await h.call('POST', '/api/v1/policy/can', { body: { checks: [{ action: 'audit.list' }] } })).statusCode, 401);
});

test('for every read without a resource, the preflight and the real request agree, role by role', async () => {
  const reads = allActions.filter((a) => a.method === 'GET' && !a.path.includes(':') && a.scope === 'tenant');
  assert.ok(reads.length > 10);
  for (const as of [engineer, lead, admin, ['pilot-a', 'user-finance'] as [string, string]]) {
    const answers = (await can(as, reads.map((a) => ({ action: a.name })))).json().results as Array<{ action: string; allowed: boolean }>;
    for (const [i, action] of reads.entries()) {
      const real = await h.call('GET', `/api/v1${action.path}`, { as });
      const deniedByPolicy = real.statusCode === 403 && real.json().type === 'https://companyos.dev/problems/policy-denied';
      assert.equal(answers[i]!.allowed, !deniedByPolicy, `${as[1]} ${action.name}: preflight ${answers[i]!.allowed}, real ${real.statusCode}`);
    }
  }
});
