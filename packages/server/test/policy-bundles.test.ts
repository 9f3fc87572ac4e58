import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { listAuditEvents } from '../src/audit/audit-events.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { insertSubject } from '../src/identity/subjects.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Per-tenant bundles end to end: propose, activate, roll back, the decision log, simulation,
// diff, distribution and drift, all through the HTTP API.
let h: TestApp;
const admin: [string, string] = ['pilot-a', 'user-admin'];
const traveller: [string, string] = ['pilot-a', 'user-traveller'];

before(async () => {
  h = await createTestApp();
  await withTenantTransaction(h.t.db, 'pilot-a', () =>
    insertSubject({ subject_id: 'user-traveller', display_name: 'Tom Traveller', roles: ['engineer'], attributes: { region: 'us', country: 'US' } }, h.clock.now()),
  );
});
after(() => h.close());

async function propose(body: Record<string, unknown>, as: [string, string] = admin) {
  const res = await h.call('POST', '/api/v1/policy/versions', { as, body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().version as { version: number; hash: string; parent_hash: string | null };
}

const activate = (version: number, as: [string, string] = admin) => h.call('POST', `/api/v1/policy/versions/${version}/activate`, { as, stepUp: true });
const readConfig = (as: [string, string]) => h.call('GET', `/api/v1/tenants/${as[0]}/config`, { as });

test('the README scenario: narrowing allowed regions denies the next request, rollback allows it again, tenant B never changes', async () => {
  const baseHash = (await h.call('GET', '/api/v1/policy/versions', { as: admin })).json().base_hash as string;
  const bBefore = await h.call('GET', '/api/v1/policy/drift', { as: ['pilot-b', 'user-admin'] });
  assert.equal(bBefore.json().loaded_hash, baseHash);
  // Without a version of its own, the tenant's settings decide: home region only.
  assert.deepEqual((await readConfig(traveller)).json().reasons, ['requests from region us are not allowed for tenant pilot-a (allowed: eu)']);

  const wide = await propose({ message: 'allow eu and us', data_patch: { allowed_regions: ['eu', 'us'] } });
  assert.equal(wide.parent_hash, baseHash);
  assert.equal((await activate(wide.version)).statusCode, 200);
  assert.equal((await readConfig(traveller)).statusCode, 200);

  const narrow = await propose({ message: 'eu only', data_patch: { allowed_regions: ['eu'] } });
  assert.equal(narrow.parent_hash, wide.hash);
  const activated = await activate(narrow.version);
  assert.equal(activated.statusCode, 200, activated.body);

  // The very next request is decided by the new version.
  const denied = await readConfig(traveller);
  assert.equal(denied.statusCode, 403);
  assert.deepEqual(denied.json().reasons, ['requests from region us are not allowed for tenant pilot-a (allowed: eu)']);
  assert.equal(denied.json().bundle_hash, narrow.hash);
  assert.equal((await readConfig(['pilot-a', 'user-engineer'])).statusCode, 200);

  const audit = await withTenantTransaction(h.t.db, 'pilot-a', () => listAuditEvents({ limit: 50 }));
  const change = audit.find((e) => e.action === 'policy.bundle.activate' && e.target === `policy-bundle:v${narrow.version}:${narrow.hash}`);
  assert.ok(change, 'the activation is in the tenant audit trail');
  assert.equal(change.actor, 'user-admin');
  assert.ok(audit.some((e) => e.type === 'action.denied' && e.actor === 'user-traveller' && e.details.bundle_hash === narrow.hash));

  const rolledBack = await h.call('POST', '/api/v1/policy/rollback', { as: admin, stepUp: true, body: { version: wide.version } });
  assert.equal(rolledBack.statusCode, 200, rolledBack.body);
  assert.deepEqual({ hash: rolledBack.json().hash, kind: rolledBack.json().kind }, { hash: wide.hash, kind: 'rollback' });
  const allowed = await readConfig(traveller);
  assert.equal(allowed.statusCode, 200);

  // Tenant B ran the base bundle throughout.
  const bAfter = await h.call('GET', '/api/v1/policy/drift', { as: ['pilot-b', 'user-admin'] });
  assert.deepEqual(bAfter.json(), { ...bBefore.json() });
  const b = await h.call('GET', '/api/v1/policy/versions', { as: ['pilot-b', 'user-admin'] });
  assert.deepEqual({ active: b.json().active, versions: b.json().versions }, { active: null, versions: [] });
});

test('a proposal is refused with every failure listed: schema, compile errors and failing tests', async () => {
  const schema = await h.call('POST', '/api/v1/policy/versions', { as: admin, body: { message: 'bad data', data_patch: { allowed_regions: ['mars'], surprise: 1 } } });
  assert.equal(schema.statusCode, 422);
  assert.equal(schema.json().type, 'https://companyos.dev/problems/policy-bundle-invalid');
  assert.ok(schema.json().failures.some((f: string) => f.startsWith('schema: data.json.surprise')));
  assert.ok(schema.json().failures.some((f: string) => f.startsWith('schema: data.json.allowed_regions')));

  const broken = await h.call('POST', '/api/v1/policy/versions', { as: admin, body: { message: 'broken module', modules: { 'tenant/extra.rego': 'package tenant.extra\n\nallow if {' } } });
  assert.equal(broken.statusCode, 422);
  assert.match(broken.json().failures[0], /^compile: tenant\/extra\.rego:\d+: rego_parse_error/);

  // Type errors are compile errors, with the types found and wanted.
  const mistyped = await h.call('POST', '/api/v1/policy/versions', { as: admin, body: { message: 'mistyped', modules: { 'tenant/extra.rego': 'package tenant.extra\n\nseats := count(data.tenant.max_seats + 1)\n' } } });
  assert.equal(mistyped.statusCode, 422);
  assert.deepEqual(mistyped.json().failures, [
    'compile: tenant/extra.rego:3: rego_type_error: count: invalid argument(s)\n\thave: (number, ???)\n\twant: (collection: any<string, array[any], object[any: any], set[any]>, n: number)',
  ]);

  // Taking CompanyAdmin's right to change settings away breaks a base test.
  const roles = (await h.call('GET', '/api/v1/policy/versions/base', { as: admin })).json().files.find((f: { path: string }) => f.path === 'data.json');
  const data = JSON.parse(roles.content) as { roles: Record<string, string[]> };
  const failing = await h.call('POST', '/api/v1/policy/versions', {
    as: admin,
    body: { message: 'no admin', data_patch: { roles: { CompanyAdmin: data.roles.CompanyAdmin!.filter((a) => a !== 'tenant.config.update') } } },
  });
  assert.equal(failing.statusCode, 422);
  assert.ok(failing.json().failures.includes('test: data.companyos.authz_test.test_admin_updates_tenant_config failed (authz_test.rego:18)') || failing.json().failures.some((f: string) => f.startsWith('test: data.companyos.authz_test.test_admin_updates_tenant_config failed')));

  const badPath = await h.call('POST', '/api/v1/policy/versions', { as: admin, body: { message: 'escape', modules: { '../authz.rego': 'package x' } } });
  assert.equal(badPath.statusCode, 400);

  const engineer = await h.call('POST', '/api/v1/policy/versions', { as: ['pilot-a', 'user-engineer'], body: { message: 'not mine', data_patch: {} } });
  assert.equal(engineer.statusCode, 403);
});

test('tenant modules and tests travel with a version; an identical proposal is a conflict', async () => {
  const modules = {
    'tenant/limits.rego': 'package tenant.limits\n\nmax_seats := data.tenant.max_seats\n',
    'tenant/limits_test.rego': 'package tenant.limits_test\n\nimport data.tenant.limits\n\ntest_max_seats if limits.max_seats == 40\n',
  };
  const v = await propose({ message: 'seat limit', modules, data_patch: { tenant: { max_seats: 40 } } });
  const again = await h.call('POST', '/api/v1/policy/versions', { as: admin, body: { message: 'seat limit again', modules, data_patch: { tenant: { max_seats: 40 } } } });
  assert.equal(again.statusCode, 409);
  const failing = await h.call('POST', '/api/v1/policy/versions', { as: admin, body: { message: 'seat limit 50', parent: String(v.version), data_patch: { tenant: { max_seats: 50 } } } });
  assert.equal(failing.statusCode, 422);
  assert.ok(failing.json().failures.some((f: string) => f.includes('data.tenant.limits_test.test_max_seats failed')));
});

test('activation requires a step-up and an existing version; rollback only to a version that was active', async () => {
  const v = await propose({ message: 'never active', data_patch: { limits: { anything: 1 } } });
  const noStepUp = await h.call('POST', `/api/v1/policy/versions/${v.version}/activate`, { as: admin });
  assert.equal(noStepUp.statusCode, 403);
  assert.ok(noStepUp.json().reasons.includes('the action requires a recent step-up authentication'));
  assert.equal((await activate(9999)).statusCode, 404);
  const rollback = await h.call('POST', '/api/v1/policy/rollback', { as: admin, stepUp: true, body: { version: v.version } });
  assert.equal(rollback.statusCode, 409);
});

test('decisions are logged per tenant in OPA shape, masked, and filterable', async () => {
  await readConfig(['pilot-a', 'user-engineer']);
  await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-engineer'] });
  await policyRuntime().engine.flushDecisions();
  const all = await h.call('GET', '/api/v1/policy/decisions?limit=1000', { as: admin });
  assert.equal(all.statusCode, 200);
  const decisions = all.json().decisions as Record<string, any>[];
  const one = decisions.find((d) => d.action === 'subject.list' && d.actor === 'user-engineer')!;
  assert.ok(one);
  assert.equal(one.allow, false);
  assert.equal(one.path, 'companyos/authz/decision');
  assert.deepEqual(one.bundles, { 'pilot-a': { revision: one.bundle_hash } });
  assert.equal(one.result.allow, false);
  assert.ok(one.metrics.timer_rego_query_eval_ns > 0);
  // The base mask rules erase the resource.
  assert.equal('resource' in one.input, false);
  assert.equal(one.input.subject.id, 'user-engineer');
  assert.ok(decisions.every((d) => d.labels.tenant_id === 'pilot-a'));

  const denials = (await h.call('GET', '/api/v1/policy/decisions?allow=false&subject=user-engineer&action=subject.list', { as: admin })).json().decisions as { allow: boolean; action: string }[];
  assert.ok(denials.length >= 1 && denials.every((d) => !d.allow && d.action === 'subject.list'));
  const future = (await h.call('GET', '/api/v1/policy/decisions?from=2999-01-01T00:00:00Z', { as: admin })).json().decisions;
  assert.deepEqual(future, []);
  const other = (await h.call('GET', '/api/v1/policy/decisions', { as: ['pilot-b', 'user-admin'] })).json().decisions as { actor: string }[];
  assert.ok(!other.some((d) => d.actor === 'user-traveller'));
});

test("a tenant's own mask rules apply to its decision log", async () => {
  const v = await propose({
    message: 'mask regions',
    data_patch: { mask_rules: [{ op: 'remove', path: '/input/resource' }, { op: 'upsert', path: '/input/subject/attributes/country', value: '**' }, '/input/context/request_id'] },
  });
  assert.equal((await activate(v.version)).statusCode, 200);
  const res = await readConfig(['pilot-a', 'user-engineer']);
  await policyRuntime().engine.flushDecisions();
  const logged = (await h.call('GET', '/api/v1/policy/decisions?action=tenant.config.get&limit=1', { as: admin })).json().decisions[0];
  assert.equal(logged.bundle_hash, v.hash);
  assert.equal(logged.input.subject.attributes.country, '**');
  assert.equal(logged.input.context.request_id, undefined);
  assert.equal(res.statusCode, 200);
});

test('simulation evaluates versions and drafts with no effects, for any rule', async () => {
  const input = { subject: { id: 'x', tenant_id: 'pilot-a', roles: ['engineer'], attributes: { region: 'us' } }, action: 'tenant.config.get', resource: {}, tenant: { id: 'pilot-a', status: 'active', data_region: 'eu', allowed_regions: ['eu'], redaction_preset: 'strict' }, context: { request_id: 'sim', time: '2026-03-02T09:00:00Z', step_up: false } };
  const base = await h.call('POST', '/api/v1/policy/simulate', { as: admin, body: { version: 'base', inputs: [input] } });
  assert.equal(base.statusCode, 200, base.body);
  assert.equal(base.json().results[0].allow, false);
  const draft = await h.call('POST', '/api/v1/policy/simulate', { as: admin, body: { draft: { data_patch: { allowed_regions: ['eu', 'us'] } }, inputs: [input, { ...input, action: 'tenant.create' }] } });
  assert.deepEqual(draft.json().results.map((r: { allow: boolean }) => r.allow), [true, false]);
  const hr = await h.call('POST', '/api/v1/policy/simulate', {
    as: admin,
    body: { path: 'companyos.high_risk.request_decision', inputs: [{ requester: { id: 'e', roles: ['engineer'] }, operation: 'TEMP_DB_READ_ACCESS', duration_minutes: 180 }] },
  });
  assert.equal(hr.json().results[0].result.allow, false);
  const broken = await h.call('POST', '/api/v1/policy/simulate', { as: admin, body: { draft: { modules: { 'tenant/x.rego': 'package tenant.x\nallow if {' } }, inputs: [{}] } });
  assert.equal(broken.statusCode, 422);
  const mistyped = await h.call('POST', '/api/v1/policy/simulate', { as: admin, body: { draft: { modules: { 'tenant/x.rego': 'package tenant.x\n\nallow if input.user == upper(3)\n' } }, inputs: [{}] } });
  assert.equal(mistyped.statusCode, 422);
  assert.match(mistyped.json().failures[0], /^compile: tenant\/x\.rego:3: rego_type_error: upper: invalid argument\(s\)/);
  // A rule that conflicts at evaluation time is the draft's fault too, not a server error.
  const conflict = await h.call('POST', '/api/v1/policy/simulate', {
    as: admin,
    body: { draft: { modules: { 'tenant/x.rego': 'package tenant.x\n\nv := 1 if input.a\n\nv := 2 if input.a\n' } }, path: 'tenant.x.v', inputs: [{ a: true }] },
  });
  assert.equal(conflict.statusCode, 422, conflict.body);
  assert.match(conflict.json().failures[0], /^eval: .*eval_conflict_error/);
  const versions = (await h.call('GET', '/api/v1/policy/versions', { as: admin })).json().versions as unknown[];
  const again = (await h.call('GET', '/api/v1/policy/versions', { as: admin })).json().versions as unknown[];
  assert.equal(again.length, versions.length);
});

test('diff lists module and data changes and the decisions that would flip', async () => {
  const wide = await propose({ message: 'wide for diff', data_patch: { allowed_regions: ['eu', 'us', 'uk'] } });
  const fixture = { subject: { id: 'f', tenant_id: 'pilot-a', roles: ['engineer'], attributes: { region: 'uk' } }, action: 'tenant.config.get', resource: {}, tenant: { id: 'pilot-a', status: 'active', data_region: 'eu', allowed_regions: ['eu'], redaction_preset: 'strict' }, context: { request_id: 'f', time: '2026-03-02T09:00:00Z', step_up: false } };
  const res = await h.call('POST', '/api/v1/policy/diff', { as: admin, body: { to: String(wide.version), fixtures: [fixture], recorded: 0 } });
  assert.equal(res.statusCode, 200, res.body);
  const diff = res.json();
  assert.deepEqual(diff.modules, { added: [], removed: [], changed: [] });
  assert.deepEqual(diff.data, [{ path: '/allowed_regions', from: ['eu', 'us'], to: ['eu', 'us', 'uk'] }]);
  assert.equal(diff.replayed, 1);
  assert.deepEqual(diff.decisions.map((d: { ref: string; from: { allow: boolean }; to: { allow: boolean } }) => [d.ref, d.from.allow, d.to.allow]), [['0', false, true]]);
  const recorded = await h.call('POST', '/api/v1/policy/diff', { as: admin, body: { from: 'base', to: 'active' } });
  assert.ok(recorded.json().replayed > 0);
});

test('the active bundle downloads as an OPA bundle with an ETag, and If-None-Match gives 304', async () => {
  const res = await h.call('GET', '/api/v1/policy/bundles/pilot-a.tar.gz', { as: admin });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/gzip');
  const active = (await h.call('GET', '/api/v1/policy/drift', { as: admin })).json().active_hash as string;
  assert.equal(res.headers.etag, `"${active}"`);
  const tar = gunzipSync(res.rawPayload).toString('latin1');
  const manifest = JSON.parse(/\{"revision".*?\}\}/.exec(tar)![0]) as { revision: string; roots: string[] };
  assert.equal(manifest.revision, active);
  assert.ok(manifest.roots.includes('companyos') && manifest.roots.includes('roles'));
  assert.ok(tar.includes('authz.rego') && tar.includes('high_risk/operations.rego') && tar.includes('data.json') && !tar.includes('_test.rego'));
  const again = await h.call('GET', '/api/v1/policy/bundles/pilot-a.tar.gz', { as: admin, headers: { 'if-none-match': `"${active}"` } });
  assert.equal(again.statusCode, 304);
  assert.equal(again.body, '');
  const other = await h.call('GET', '/api/v1/policy/bundles/pilot-b.tar.gz', { as: admin });
  assert.equal(other.statusCode, 403);
});

test('drift is reported per tenant on /metrics and through the API', async () => {
  const metrics = await h.app.inject({ method: 'GET', url: '/metrics' });
  assert.equal(metrics.statusCode, 200);
  assert.match(metrics.body, /companyos_config_drift\{tenant="pilot-a",kind="policy"\} 0/);
  assert.match(metrics.body, /companyos_config_drift\{tenant="pilot-b",kind="policy"\} 0/);
  // A process that has not caught up reports drift until it does. Following stops first (this is
  // the file's last test), so that the engine's own polling cannot catch up between the reads.
  const { engine } = policyRuntime();
  const current = engine.bundleFor('pilot-a');
  await engine.stop();
  engine.use('pilot-a', engine.base);
  assert.equal((await h.call('GET', '/api/v1/policy/drift', { as: admin })).json().drifted, true);
  assert.match((await h.app.inject({ method: 'GET', url: '/metrics' })).body, /companyos_config_drift\{tenant="pilot-a",kind="policy"\} 1/);
  await engine.refresh();
  assert.equal(engine.bundleFor('pilot-a').hash, current.hash);
  assert.equal((await h.call('GET', '/api/v1/policy/drift', { as: admin })).json().drifted, false);
});
