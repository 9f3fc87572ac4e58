import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from '@sinclair/typebox';
import Fastify from 'fastify';
import { allActions } from '../src/actions.ts';
import { defaultPolicyDir } from '../src/config.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { shownActors } from '../src/identity/actor-pseudonyms.ts';
import { getSubject, insertSubject, updateSubject } from '../src/identity/subjects.ts';
import { defineAction } from '../src/pipeline/define-action.ts';
import { guardRoutes } from '../src/pipeline/registrar.ts';
import { bundleFromFiles, loadBundleDir } from '../src/policy/bundle.ts';
import { canonicalSha256 } from '../src/util/canonical-json.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { tenantRecords } from './support/inspect.ts';

// Probe actions exercise the pipeline itself; the test bundle is the base bundle whose role
// catalog also grants them to a `prober` role.
const probeWrite = defineAction({
  name: 'probe.write',
  method: 'POST',
  path: '/probe/write',
  summary: 'writes a subject',
  scope: 'tenant',
  quota: 'runs',
  input: Type.Object({ id: Type.String() }),
  run: async (ctx, input) => {
    await insertSubject({ subject_id: input.id, display_name: input.id, roles: [], attributes: {} }, ctx.now);
    return { written: input.id };
  },
  target: (_ctx, input) => `subject:${input.id}`,
});

const probeFail = defineAction({
  name: 'probe.fail',
  method: 'POST',
  path: '/probe/fail',
  summary: 'writes a subject, then fails',
  scope: 'tenant',
  input: Type.Object({ id: Type.String() }),
  run: async (ctx, input): Promise<{ written: string }> => {
    await insertSubject({ subject_id: input.id, display_name: input.id, roles: [], attributes: {} }, ctx.now);
    throw new Error('the effect failed half-way');
  },
});

const probePing = defineAction({
  name: 'probe.ping',
  method: 'GET',
  path: '/probe/:tenantId/ping',
  scope: 'tenant',
  params: Type.Object({ tenantId: Type.String() }),
  run: async (ctx) => ({ pong: ctx.tenantId, obligations: ctx.obligations }),
});

let h: TestApp;
before(async () => {
  const base = loadBundleDir(defaultPolicyDir);
  const data = base.data as { roles: Record<string, string[]> };
  const files = base.files.map((f) =>
    f.path === 'data.json' ? { ...f, content: JSON.stringify({ ...data, roles: { ...data.roles, prober: ['probe.write', 'probe.fail', 'probe.ping'] } }) } : f,
  );
  h = await createTestApp({ actions: [...allActions, probeWrite, probeFail, probePing], bundleFor: () => bundleFromFiles(files) });
  for (const tenant of ['pilot-a', 'pilot-b', 'summit-internal']) {
    await withTenantTransaction(h.t.db, tenant, () => updateSubject('user-engineer', { roles: ['engineer', 'prober'] }, h.clock.now()));
  }
});
after(() => h.close());

const engineer = ['pilot-a', 'user-engineer'] as [string, string];

test('a denied action writes an audit event with the reasons, no receipt and no usage, and answers 403 with them', async () => {
  const before = await tenantRecords(h.t.db, 'pilot-a');
  const res = await h.call('PATCH', '/api/v1/tenants/pilot-a/config', { as: engineer, body: { display_name: 'Taken over' } });
  assert.equal(res.statusCode, 403);
  assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
  const body = res.json();
  assert.equal(body.type, 'https://companyos.dev/problems/policy-denied');
  assert.deepEqual(body.reasons, ['no role of subject user-engineer grants action tenant.config.update']);
  assert.match(body.bundle_hash, /^[0-9a-f]{64}$/);

  const afterRecords = await tenantRecords(h.t.db, 'pilot-a');
  assert.equal(afterRecords.receipts.length, before.receipts.length);
  assert.equal(afterRecords.usage, before.usage);
  const denial = afterRecords.audit.find((e) => e.type === 'action.denied' && e.request_id === res.headers['x-request-id']);
  assert.ok(denial, 'denial audited');
  assert.equal(denial.action, 'tenant.config.update');
  assert.equal(denial.actor, 'user-engineer');
  assert.deepEqual(denial.reasons, body.reasons);
  const config = await h.call('GET', '/api/v1/tenants/pilot-a/config', { as: engineer });
  assert.equal(config.json().display_name, 'Pilot A');
});

test('an allowed action writes its effect, a receipt, an audit event and a usage event together', async () => {
  const before = await tenantRecords(h.t.db, 'pilot-a');
  const res = await h.call('POST', '/api/v1/probe/write', { as: engineer, body: { id: 'probe-1' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { written: 'probe-1' });
  const receiptId = res.headers['x-receipt-id'] as string;
  assert.match(receiptId, /^[0-9a-f-]{36}$/);

  const after = await tenantRecords(h.t.db, 'pilot-a');
  assert.equal(after.usage, before.usage + 1);
  const receipt = after.receipts.find((r) => r.body.receipt_id === receiptId);
  assert.ok(receipt);
  assert.equal(receipt.sha256, canonicalSha256(receipt.body));
  // The receipt names the caller, and the person it is about, by the pseudonyms of their data keys (receipt format 2).
  const target = receipt.body.target as string;
  assert.match(target, /^subject:pseudonym:[0-9a-f-]{36}$/);
  const shown = await withTenantTransaction(h.t.db, 'pilot-a', () => shownActors([receipt.body.actor as string, target.slice('subject:'.length)]));
  assert.equal(shown.get(receipt.body.actor as string), 'user-engineer');
  assert.deepEqual(
    { ...receipt.body, receipt_id: 'x', bundle_hash: 'x', request_id: 'x', evidence_refs: [], actor: shown.get(receipt.body.actor as string), target: `subject:${shown.get(target.slice('subject:'.length))}` },
    {
      version: 2,
      receipt_id: 'x',
      tenant_id: 'pilot-a',
      actor: 'user-engineer',
      action: 'probe.write',
      target: 'subject:probe-1',
      decision: 'allow',
      bundle_hash: 'x',
      evidence_refs: [],
      issued_at: h.clock.now().toISOString(),
      request_id: 'x',
    },
  );
  const audit = after.audit.find((e) => e.type === 'action.allowed' && e.details.receipt_id === receiptId);
  assert.ok(audit);
  assert.equal(audit.action, 'probe.write');
  assert.equal(await withTenantTransaction(h.t.db, 'pilot-a', async () => (await getSubject('probe-1'))?.subject_id), 'probe-1');
});

test('a run that fails half-way writes nothing: no effect, receipt, audit or usage', async () => {
  const before = await tenantRecords(h.t.db, 'pilot-a');
  const res = await h.call('POST', '/api/v1/probe/fail', { as: engineer, body: { id: 'probe-fail' } });
  assert.equal(res.statusCode, 500);
  assert.deepEqual(Object.keys(res.json()).sort(), ['detail', 'instance', 'status', 'title', 'type']);
  assert.doesNotMatch(res.body, /half-way|at .*\.ts/);
  const after = await tenantRecords(h.t.db, 'pilot-a');
  assert.deepEqual(
    [after.receipts.length, after.audit.length, after.usage],
    [before.receipts.length, before.audit.length, before.usage],
  );
  assert.equal(await withTenantTransaction(h.t.db, 'pilot-a', () => getSubject('probe-fail')), undefined);
});

test('quotas answer 429 with Retry-After and the quota name, and free up as the window moves', async () => {
  const admin = ['pilot-b', 'user-admin'] as [string, string];
  const set = await h.call('PATCH', '/api/v1/tenants/pilot-b/config', { as: admin, body: { limits: { max_runs_per_hour: 2, max_exports_per_day: 5 } } });
  assert.equal(set.statusCode, 200, set.body);
  const bEngineer = ['pilot-b', 'user-engineer'] as [string, string];
  assert.equal((await h.call('POST', '/api/v1/probe/write', { as: bEngineer, body: { id: 'q1' } })).statusCode, 200);
  h.clock.advance(10 * 60_000);
  assert.equal((await h.call('POST', '/api/v1/probe/write', { as: bEngineer, body: { id: 'q2' } })).statusCode, 200);
  h.clock.advance(5 * 60_000);
  const limited = await h.call('POST', '/api/v1/probe/write', { as: bEngineer, body: { id: 'q3' } });
  assert.equal(limited.statusCode, 429);
  // The first run leaves the hour window 45 minutes from now.
  assert.equal(limited.headers['retry-after'], String(45 * 60));
  assert.equal(limited.json().type, 'https://companyos.dev/problems/quota-exceeded');
  assert.equal(limited.json().quota, 'runs');
  // Other tenants are not affected by pilot-b's quota.
  assert.equal((await h.call('POST', '/api/v1/probe/write', { as: engineer, body: { id: 'q-other' } })).statusCode, 200);
  h.clock.advance(45 * 60_000 + 1000);
  assert.equal((await h.call('POST', '/api/v1/probe/write', { as: bEngineer, body: { id: 'q3' } })).statusCode, 200);
});

test('concurrent requests cannot overrun a quota: the count and the use are taken in turn', async () => {
  const set = await h.call('PATCH', '/api/v1/tenants/summit-internal/config', { as: ['summit-internal', 'user-admin'], body: { limits: { max_runs_per_hour: 2, max_exports_per_day: 5 } } });
  assert.equal(set.statusCode, 200, set.body);
  const runner = ['summit-internal', 'user-engineer'] as [string, string];
  const answers = await Promise.all(['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => h.call('POST', '/api/v1/probe/write', { as: runner, body: { id } })));
  assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 200, 429, 429, 429]);
});

test('the registrar refuses a route that is not an action', async () => {
  const app = Fastify();
  guardRoutes(app);
  assert.throws(() => app.get('/api/v1/backdoor', async () => 'open'), /not a governed action/);
  app.get('/healthz', async () => 'ok');
  await app.close();
});

test('the registrar also refuses non-action routes that a plugin registers', async () => {
  const app = Fastify();
  guardRoutes(app);
  void app.register(async (child) => {
    child.post('/api/v1/tenants/:id/purge', async () => 'gone');
  });
  await assert.rejects(async () => app.ready(), /not a governed action/);
  await app.close();
});

test('a :tenantId path parameter naming another tenant is a cross-tenant attempt; run sees the obligations', async () => {
  assert.deepEqual((await h.call('GET', '/api/v1/probe/pilot-a/ping', { as: engineer })).json(), { pong: 'pilot-a', obligations: { redaction: 'strict' } });
  const res = await h.call('GET', '/api/v1/probe/pilot-b/ping', { as: engineer });
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().type, 'https://companyos.dev/problems/tenant-isolation');
});
