import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { opa, startControlPlane, startTestPdp, TENANT, waitFor, type ControlPlane } from './support/control-plane.ts';

// An OPA client (plain HTTP requests shaped as OPA's REST API documents them) gets from the
// decision service the decisions CompanyOS itself makes with the same bundle.
let cp: ControlPlane;
let pdp: Awaited<ReturnType<typeof startTestPdp>>;
let hash: string;

before(async () => {
  cp = await startControlPlane();
  // A version of the tenant's own, so the decision service cannot be serving the base bundle by luck.
  hash = await cp.activate({ allowed_regions: ['eu', 'uk'] });
  pdp = await startTestPdp(cp, ['--default-decision', 'companyos/authz/decision']);
  await waitFor(async () => (await opa(pdp.pdp.url, 'GET', '/health?bundles')).status === 200, 10_000, 'bundle activation');
});
after(async () => {
  await pdp.close();
  await cp.close();
});

const tenant = { id: TENANT, status: 'active', data_region: 'eu', allowed_regions: ['eu'], redaction_preset: 'strict', feature_flags: {}, data_classes: [] };
const context = { request_id: 'r-1', time: '2026-03-02T09:00:00.000Z', step_up: false, auth_time: null, scope: 'tenant' };
const subject = (id: string, roles: string[], attributes: Record<string, unknown> = { region: 'eu' }, tenantId = TENANT) => ({ id, tenant_id: tenantId, roles, attributes });

const INPUTS = [
  { subject: subject('user-admin', ['CompanyAdmin']), action: 'tenant.config.get', resource: null, tenant, context },
  { subject: subject('user-engineer', ['engineer']), action: 'tenant.config.update', resource: null, tenant, context },
  { subject: subject('tom', ['engineer'], { region: 'us' }), action: 'tenant.config.update', resource: null, tenant, context },
  { subject: subject('user-admin', ['CompanyAdmin', 'platform_operator']), action: 'tenant.list', resource: null, tenant, context },
  { subject: subject('user-admin', ['CompanyAdmin']), action: 'policy.bundle.activate', resource: null, tenant, context },
  { subject: subject('user-admin', ['CompanyAdmin']), action: 'policy.bundle.activate', resource: null, tenant, context: { ...context, step_up: true } },
  { subject: subject('bob', ['CompanyAdmin'], { region: 'eu' }, 'pilot-b'), action: 'subject.list', resource: null, tenant, context },
  { subject: subject('uk-user', ['engineer'], { region: 'uk' }), action: 'tenant.config.get', resource: null, tenant, context },
];

test('POST /v1/data/{path} answers every input exactly as CompanyOS simulates it with the active bundle', async () => {
  const simulated = await cp.h.call('POST', '/api/v1/policy/simulate', { as: [TENANT, 'user-admin'], body: { version: 'active', inputs: INPUTS } });
  assert.equal(simulated.statusCode, 200, simulated.body);
  assert.equal(simulated.json().bundle_hash, hash);
  const expected = simulated.json().results as { allow: boolean; reasons: string[]; result: unknown }[];
  assert.ok(expected.some((r) => r.allow) && expected.some((r) => !r.allow && r.reasons.length >= 2), 'the inputs cover allow and deny with several reasons');
  for (const [i, input] of INPUTS.entries()) {
    const res = await opa(pdp.pdp.url, 'POST', '/v1/data/companyos/authz/decision', { input });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.result, expected[i]!.result, `input ${i}`);
    assert.equal(res.json.result.allow, expected[i]!.allow, `input ${i}`);
    assert.deepEqual([...res.json.result.reasons].sort(), expected[i]!.reasons, `input ${i}`);
    assert.match(res.json.decision_id, /^[0-9a-f-]{36}$/);
  }
});

test("decisions CompanyOS's pipeline made for real requests are the decision service's decisions for the same inputs", async () => {
  await cp.h.call('POST', '/api/v1/subjects', { as: [TENANT, 'user-admin'], stepUp: true, body: { subject_id: 'ursula', display_name: 'Ursula', roles: ['engineer'], attributes: { region: 'us' } } });
  const calls: [string, string][] = [
    ['user-admin', '/api/v1/subjects'],
    ['user-engineer', '/api/v1/subjects'],
    ['user-engineer', `/api/v1/tenants/${TENANT}/config`],
    ['ursula', `/api/v1/tenants/${TENANT}/config`],
    ['user-security', '/api/v1/policy/versions'],
    ['user-ae', '/api/v1/policy/decisions'],
  ];
  const requestIds: string[] = [];
  for (const [who, url] of calls) requestIds.push(String((await cp.h.call('GET', url, { as: [TENANT, who] })).headers['x-request-id']));
  type Logged = { input: { context: { request_id: string } }; allow: boolean; reasons: string[]; bundle_hash: string; source: string | null };
  const logged = async (): Promise<Logged[]> =>
    ((await cp.h.call('GET', '/api/v1/policy/decisions?limit=1000', { as: [TENANT, 'user-admin'] })).json().decisions as Logged[]).filter((d) => requestIds.includes(d.input.context.request_id));
  await waitFor(async () => (await logged()).length === calls.length, 5000, 'the pipeline decisions to be logged');
  const decisions = await logged();
  assert.ok(decisions.some((d) => d.allow) && decisions.some((d) => !d.allow));
  for (const d of decisions) {
    assert.equal(d.bundle_hash, hash);
    const res = await opa(pdp.pdp.url, 'POST', '/v1/data/companyos/authz/decision', { input: d.input });
    assert.equal(res.json.result.allow, d.allow, d.input.context.request_id);
    assert.deepEqual([...res.json.result.reasons].sort(), d.reasons);
  }
});

test('GET /v1/data with ?input=, POST /v1/data, POST / and the provenance and metrics parameters', async () => {
  const input = INPUTS[2]!;
  const viaPost = await opa(pdp.pdp.url, 'POST', '/v1/data/companyos/authz/decision', { input });
  const viaGet = await opa(pdp.pdp.url, 'GET', `/v1/data/companyos/authz/decision?input=${encodeURIComponent(JSON.stringify(input))}`);
  assert.equal(viaGet.status, 200);
  assert.deepEqual(viaGet.json.result, viaPost.json.result);
  // A rule below the decision, and the bundle's data.
  assert.equal((await opa(pdp.pdp.url, 'POST', '/v1/data/companyos/authz/allow', { input: INPUTS[0] })).json.result, true);
  assert.deepEqual((await opa(pdp.pdp.url, 'GET', '/v1/data/allowed_regions')).json.result, ['eu', 'uk']);
  // The whole data document.
  const whole = await opa(pdp.pdp.url, 'POST', '/v1/data', { input });
  assert.deepEqual(whole.json.result.companyos.authz.decision, viaPost.json.result);
  // The unversioned API: the body is the input, the answer the bare default decision.
  const bare = await opa(pdp.pdp.url, 'POST', '/', input);
  assert.deepEqual(bare.json, viaPost.json.result);
  const extras = await opa(pdp.pdp.url, 'POST', '/v1/data/companyos/authz/allow?provenance&metrics=true&pretty', { input });
  assert.deepEqual(extras.json.provenance.bundles, { [TENANT]: { revision: hash } });
  assert.ok(extras.json.metrics.timer_rego_query_eval_ns > 0);
});
