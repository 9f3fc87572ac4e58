import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { tenantRecords } from './support/inspect.ts';

let h: TestApp;
before(async () => {
  h = await createTestApp();
});
after(() => h.close());

const operator = ['internal', 'user-platform-operator'] as [string, string];

test('a platform operator creates a tenant from the safe-defaults template', async () => {
  const res = await h.call('POST', '/api/v1/tenants', {
    as: operator,
    body: { tenant_id: 'acme', display_name: 'Acme', data_region: 'us', owner_contact: 'ops@acme.example.com' },
  });
  assert.equal(res.statusCode, 201, res.body);
  const t = res.json();
  assert.equal(t.status, 'active');
  assert.deepEqual(t.config.allowed_regions, ['us']);
  assert.equal(t.config.redaction_preset, 'strict');
  assert.deepEqual(t.config.feature_flags, {});
  assert.ok(t.config.limits.max_runs_per_hour <= 100);
  const receipts = (await tenantRecords(h.t.db, 'internal')).receipts;
  assert.ok(receipts.some((r) => r.body.action === 'tenant.create' && r.body.target === 'tenant:acme'));
  // Its signing key exists before anything is signed: the public JWKS can be pinned at once.
  const jwks = await h.call('GET', '/api/v1/tenants/acme/jwks.json');
  assert.equal(jwks.statusCode, 200, jwks.body);
  assert.equal(jwks.json().keys.length, 1);
  assert.equal((await tenantRecords(h.t.db, 'acme')).receipts.length, 0);

  const again = await h.call('POST', '/api/v1/tenants', {
    as: operator,
    body: { tenant_id: 'acme', display_name: 'Acme 2', data_region: 'us', owner_contact: 'ops@acme.example.com' },
  });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().type, 'https://companyos.dev/problems/conflict');
});

test('a new tenant can be created with its first CompanyAdmin, who then manages it', async () => {
  const res = await h.call('POST', '/api/v1/tenants', {
    as: operator,
    body: {
      tenant_id: 'globex',
      display_name: 'Globex',
      data_region: 'eu',
      owner_contact: 'ops@globex.example.com',
      admin: { subject_id: 'hank', display_name: 'Hank Scorpio' },
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const config = await h.call('GET', '/api/v1/tenants/globex/config', { as: ['globex', 'hank'] });
  assert.equal(config.statusCode, 200, config.body);
  assert.equal(config.json().display_name, 'Globex');
  // The admin belongs to the new tenant only: not to the operator's.
  const inInternal = await h.call('GET', '/api/v1/subjects/hank', { as: ['internal', 'user-admin'] });
  assert.equal(inInternal.statusCode, 404);

  const badAdmin = await h.call('POST', '/api/v1/tenants', {
    as: operator,
    body: { tenant_id: 'initech', display_name: 'Initech', data_region: 'eu', owner_contact: 'ops@initech.example.com', admin: { subject_id: '../x' } },
  });
  assert.equal(badAdmin.statusCode, 400);
  const names = badAdmin.json().errors.map((e: { field: string }) => e.field);
  assert.ok(names.some((f: string) => f.startsWith('admin')), JSON.stringify(names));
  assert.equal((await h.call('GET', '/api/v1/tenants/initech', { as: operator })).statusCode, 404);
});

test("a new tenant's first admin takes the given attributes, in the tenant's region unless told otherwise, and can export", async () => {
  const res = await h.call('POST', '/api/v1/tenants', {
    as: operator,
    body: {
      tenant_id: 'hooli',
      display_name: 'Hooli',
      data_region: 'us',
      owner_contact: 'ops@hooli.example.com',
      admin: { subject_id: 'gavin', display_name: 'Gavin Belson', attributes: { department: 'exec' } },
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const admin = await h.call('GET', '/api/v1/subjects/gavin', { as: ['hooli', 'gavin'] });
  assert.deepEqual(admin.json().attributes, { department: 'exec', region: 'us' });
  const now = h.clock.now().toISOString();
  const exported = await h.call('POST', '/api/v1/audit/exports', { as: ['hooli', 'gavin'], stepUp: true, body: { from: '2026-01-01T00:00:00.000Z', to: now } });
  assert.equal(exported.statusCode, 202, exported.body);

  const elsewhere = await h.call('POST', '/api/v1/tenants', {
    as: operator,
    body: { tenant_id: 'pied-piper', display_name: 'Pied Piper', data_region: 'eu', owner_contact: 'ops@pp.example.com', admin: { subject_id: 'richard', display_name: 'Richard', attributes: { region: 'us' } } },
  });
  assert.equal(elsewhere.statusCode, 201, elsewhere.body);
  // A region given explicitly wins: here one outside the tenant's allowed regions, which the policy then refuses.
  const refused = await h.call('GET', '/api/v1/subjects/richard', { as: ['pied-piper', 'richard'] });
  assert.deepEqual(refused.json().reasons, ['requests from region us are not allowed for tenant pied-piper (allowed: eu)']);
});

test('operators list and read tenants; tenant admins may not', async () => {
  const list = await h.call('GET', '/api/v1/tenants', { as: operator });
  assert.equal(list.statusCode, 200);
  const ids = list.json().tenants.map((t: { tenant_id: string }) => t.tenant_id);
  for (const id of ['internal', 'pilot-a', 'pilot-b', 'summit-internal', 'demo-external']) assert.ok(ids.includes(id), id);
  assert.equal((await h.call('GET', '/api/v1/tenants/pilot-b', { as: operator })).json().tenant_id, 'pilot-b');
  assert.equal((await h.call('GET', '/api/v1/tenants/nope-tenant', { as: operator })).statusCode, 404);

  const denied = await h.call('GET', '/api/v1/tenants', { as: ['pilot-a', 'user-admin'] });
  assert.equal(denied.statusCode, 403);
  assert.ok(denied.json().reasons.includes('no role of subject user-admin grants action tenant.list'));
  const create = await h.call('POST', '/api/v1/tenants', {
    as: ['pilot-a', 'user-admin'],
    body: { tenant_id: 'sneaky', display_name: 'S', data_region: 'eu', owner_contact: 'a@b.example.com' },
  });
  assert.equal(create.statusCode, 403);
});

test('disabling needs step-up; a disabled tenant gets 403 with its own problem type until enabled', async () => {
  const plain = await h.call('POST', '/api/v1/tenants/demo-external/disable', { as: operator, body: { reason: 'contract ended' } });
  assert.equal(plain.statusCode, 403);
  assert.ok(plain.json().reasons.includes('the action requires a recent step-up authentication'));

  const disabled = await h.call('POST', '/api/v1/tenants/demo-external/disable', { as: operator, stepUp: true, body: { reason: 'contract ended' } });
  assert.equal(disabled.statusCode, 200, disabled.body);
  assert.equal(disabled.json().status, 'disabled');

  const blocked = await h.call('GET', '/api/v1/subjects', { as: ['demo-external', 'user-admin'] });
  assert.equal(blocked.statusCode, 403);
  assert.equal(blocked.json().type, 'https://companyos.dev/problems/tenant-disabled');
  // Other tenants carry on.
  assert.equal((await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-admin'] })).statusCode, 200);

  const enabled = await h.call('POST', '/api/v1/tenants/demo-external/enable', { as: operator, body: { reason: 'contract renewed' } });
  assert.equal(enabled.json().status, 'active');
  assert.equal((await h.call('GET', '/api/v1/subjects', { as: ['demo-external', 'user-admin'] })).statusCode, 200);
});

test("the reason for disabling or enabling is required and lands in the receipt and in both tenants' audit", async () => {
  const missing = await h.call('POST', '/api/v1/tenants/summit-internal/disable', { as: operator, stepUp: true, body: {} });
  assert.equal(missing.statusCode, 400);
  assert.equal(missing.json().type, 'https://companyos.dev/problems/invalid-request');
  assert.equal((await h.call('GET', '/api/v1/tenants/summit-internal', { as: operator })).json().status, 'active');

  const res = await h.call('POST', '/api/v1/tenants/summit-internal/disable', { as: operator, stepUp: true, body: { reason: 'unpaid invoices since March' } });
  assert.equal(res.statusCode, 200, res.body);
  const own = await tenantRecords(h.t.db, 'internal');
  const receipt = own.receipts.find((r) => r.body.request_id === res.headers['x-request-id'])!;
  assert.ok(receipt.body.evidence_refs.some((ref: string) => /^reason:sha256:[0-9a-f]{64}$/.test(ref)));
  const target = await tenantRecords(h.t.db, 'summit-internal');
  const event = target.audit.find((e) => e.type === 'tenant.status_changed' && e.request_id === res.headers['x-request-id']);
  assert.deepEqual([event?.details.reason, event?.details.status, event?.actor], ['unpaid invoices since March', 'disabled', 'user-platform-operator']);
  assert.ok(own.audit.some((e) => e.type === 'tenant.status_changed' && e.details.reason === 'unpaid invoices since March'));
  assert.equal((await h.call('POST', '/api/v1/tenants/summit-internal/enable', { as: operator, body: { reason: 'paid' } })).json().status, 'active');
});

test("the operator's own platform tenant cannot be disabled: a 409 with its own problem type, and nothing changes", async () => {
  const res = await h.call('POST', '/api/v1/tenants/internal/disable', { as: operator, stepUp: true, body: { reason: 'trying it' } });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().type, 'https://companyos.dev/problems/platform-tenant-protected');
  assert.match(res.json().detail, /internal is the platform tenant you operate from/);
  assert.equal((await h.call('GET', '/api/v1/tenants/internal', { as: operator })).json().status, 'active');
});

/** The operator's page of `tenant`, as its JSON. */
async function overview(tenant: string) {
  const res = await h.call('GET', `/api/v1/tenants/${tenant}/overview`, { as: operator });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

test("a tenant's page lists its signing key once its ledger has signed, and none before", async () => {
  // A seeded tenant's first key is made by its first signature: here its ledger's first checkpoint.
  assert.deepEqual((await overview('pilot-b')).keys, []);
  assert.equal((await h.call('GET', '/api/v1/subjects', { as: ['pilot-b', 'user-admin'] })).statusCode, 200);
  await h.app.ledger.flush('pilot-b');
  const keys = (await overview('pilot-b')).keys as { kid: string; status: string }[];
  const published = (await h.call('GET', '/api/v1/tenants/pilot-b/jwks.json')).json().keys as { kid: string }[];
  assert.deepEqual(keys.map((k) => [k.kid, k.status]), [[published[0]?.kid, 'active']], JSON.stringify({ keys, published }));
});

test("an operator's tenant page: status, plan, active bundle with its activations, flags, keys, quotas with usage, recent audit", async () => {
  // The key is made by pilot-a's first signature, here rather than by the background integrator at some point.
  assert.equal((await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-admin'] })).statusCode, 200);
  await h.app.ledger.flush('pilot-a');
  const res = await h.call('GET', '/api/v1/tenants/pilot-a/overview', { as: operator });
  assert.equal(res.statusCode, 200, res.body);
  const o = res.json();
  assert.equal(o.tenant_id, 'pilot-a');
  assert.equal(o.status, 'active');
  assert.equal(typeof o.config.data_region, 'string');
  assert.equal(o.plan.plan_id, 'internal');
  assert.ok(Array.isArray(o.enabled_flags));
  assert.equal(o.policy_bundle.version, o.activations[0]?.version ?? null);
  // Messages given: without one, a failed assert.ok of a long expression can take node minutes to describe.
  assert.ok(o.keys.length >= 1 && o.keys.every((k: { kid: string; d?: unknown }) => typeof k.kid === 'string' && k.d === undefined), JSON.stringify(o.keys));
  assert.deepEqual(o.quotas.map((q: { quota: string }) => q.quota), ['runs', 'exports']);
  assert.ok(o.quotas.every((q: { used: number; limit: number }) => q.used >= 0 && q.limit > 0), JSON.stringify(o.quotas));
  assert.ok(o.recent_audit.length > 0 && o.recent_audit.every((e: { tenant_id: string }) => e.tenant_id === 'pilot-a'), JSON.stringify(o.recent_audit));

  assert.equal((await h.call('GET', '/api/v1/tenants/nope-tenant/overview', { as: operator })).statusCode, 404);
  // A tenant admin reads neither another tenant's page nor its own through the platform API.
  for (const id of ['pilot-b', 'pilot-a']) {
    const denied = await h.call('GET', `/api/v1/tenants/${id}/overview`, { as: ['pilot-a', 'user-admin'] });
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.json().recent_audit, undefined);
  }
});

test('a step-up older than the allowed age no longer counts', async () => {
  const token = await h.token('internal', 'user-platform-operator', { stepUp: true });
  h.clock.advance(16 * 60_000);
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/tenants/pilot-b/disable', headers: { authorization: `Bearer ${token}` }, payload: { reason: 'contract ended' } });
  assert.equal(res.statusCode, 403);
  assert.ok(res.json().reasons.includes('the action requires a recent step-up authentication'));
});

test('a tenant admin updates its tenant settings; engineers read them', async () => {
  const admin = ['pilot-a', 'user-admin'] as [string, string];
  const res = await h.call('PATCH', '/api/v1/tenants/pilot-a/config', {
    as: admin,
    body: { display_name: 'Pilot A Corp', feature_flags: { 'workflows.high_risk': true }, branding: { primary_color: '#112233' }, tenant_id: 'pilot-a' },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().display_name, 'Pilot A Corp');
  assert.equal(res.json().data_region, 'eu');
  const read = await h.call('GET', '/api/v1/tenants/pilot-a/config', { as: ['pilot-a', 'user-engineer'] });
  assert.equal(read.json().feature_flags['workflows.high_risk'], true);
  assert.equal(read.json().branding.primary_color, '#112233');
});

test('a bad settings update names every bad field', async () => {
  const res = await h.call('PATCH', '/api/v1/tenants/pilot-a/config', {
    as: ['pilot-a', 'user-admin'],
    body: {
      env: 'production',
      data_region: 'mars',
      owner_contact: 'not-an-email',
      limits: { max_runs_per_hour: -5, max_exports_per_day: 1 },
      branding: { primary_color: 'red' },
      data_classes: ['public', 'secret'],
      colour: 'blue',
    },
  });
  assert.equal(res.statusCode, 400);
  const body = res.json();
  assert.equal(body.type, 'https://companyos.dev/problems/invalid-request');
  const fields = body.errors.map((e: { field: string }) => e.field).sort();
  assert.deepEqual(fields, ['branding.primary_color', 'colour', 'data_classes.1', 'data_region', 'env', 'limits.max_runs_per_hour', 'owner_contact']);
});

test('the tenant id and home region rules are enforced on update', async () => {
  const admin = ['pilot-a', 'user-admin'] as [string, string];
  const rename = await h.call('PATCH', '/api/v1/tenants/pilot-a/config', { as: admin, body: { tenant_id: 'pilot-z' } });
  assert.equal(rename.statusCode, 400);
  assert.equal(rename.json().errors[0].field, 'tenant_id');
  const regions = await h.call('PATCH', '/api/v1/tenants/pilot-a/config', { as: admin, body: { allowed_regions: ['eu', 'us'] } });
  assert.equal(regions.statusCode, 400);
  assert.equal(regions.json().errors[0].field, 'allowed_regions');
});

test('whether a tenant exists is revealed only to callers allowed to read it', async () => {
  const admin = ['pilot-a', 'user-admin'] as [string, string];
  assert.equal((await h.call('GET', '/api/v1/tenants/no-such-tenant', { as: admin })).statusCode, 403);
  assert.equal((await h.call('GET', '/api/v1/tenants/pilot-b', { as: admin })).statusCode, 403);
  assert.equal((await h.call('GET', '/api/v1/tenants/no-such-tenant', { as: operator })).statusCode, 404);
});

test("allowed regions have one source: the active policy version decides and the tenant's settings show it", async () => {
  const admin = ['pilot-a', 'user-admin'] as [string, string];
  const created = await h.call('POST', '/api/v1/subjects', {
    as: admin,
    body: { subject_id: 'tess-traveller', display_name: 'Tess', roles: ['engineer'], attributes: { region: 'us' } },
  });
  assert.equal(created.statusCode, 201, created.body);
  const traveller = ['pilot-a', 'tess-traveller'] as [string, string];
  const config = async () => (await h.call('GET', '/api/v1/tenants/pilot-a/config', { as: admin })).json().allowed_regions;

  // Without a list in its bundle, a tenant allows its home region only, and says so.
  assert.deepEqual(await config(), ['eu']);
  assert.equal((await h.call('GET', '/api/v1/tenants/pilot-a/config', { as: traveller })).statusCode, 403);

  const proposed = await h.call('POST', '/api/v1/policy/versions', { as: admin, body: { message: 'eu and us', data_patch: { allowed_regions: ['eu', 'us'] } } });
  assert.equal(proposed.statusCode, 201, proposed.body);
  const version = proposed.json().version.version as number;
  assert.equal((await h.call('POST', `/api/v1/policy/versions/${version}/activate`, { as: admin, stepUp: true })).statusCode, 200);
  assert.deepEqual(await config(), ['eu', 'us']);
  assert.equal((await h.call('GET', '/api/v1/tenants/pilot-a/config', { as: traveller })).statusCode, 200);

  // The settings cannot hold a list of their own that would disagree.
  const patched = await h.call('PATCH', '/api/v1/tenants/pilot-a/config', { as: admin, body: { allowed_regions: ['eu'] } });
  assert.equal(patched.statusCode, 400, patched.body);
  assert.equal(patched.json().errors[0].field, 'allowed_regions');
  assert.match(patched.json().detail, /policy version/);
  assert.deepEqual(await config(), ['eu', 'us']);
  assert.equal((await h.call('GET', '/api/v1/tenants/pilot-a/config', { as: traveller })).statusCode, 200);
  // The home region must stay one the policy allows.
  const moved = await h.call('PATCH', '/api/v1/tenants/pilot-a/config', { as: admin, body: { data_region: 'uk' } });
  assert.equal(moved.statusCode, 400, moved.body);
  assert.equal(moved.json().errors[0].field, 'data_region');
});
