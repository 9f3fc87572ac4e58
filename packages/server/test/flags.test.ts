import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { FLAG_REFRESH_MS, flagService } from '../src/flags/flag-service.ts';
import { writeFlagSetting } from '../src/flags/flag-store.ts';
import { featureClient } from '../src/flags/openfeature-provider.ts';
import { tenantRecords } from './support/inspect.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const ADMIN_KEYS = 'identity.api-key-admin-roles';
const adminA: [string, string] = ['pilot-a', 'user-admin'];
const adminB: [string, string] = ['pilot-b', 'user-admin'];
const adminX: [string, string] = ['demo-external', 'user-admin'];

let h: TestApp;
before(async () => {
  h = await createTestApp();
});
after(() => h.close());

const adminKey = (as: [string, string]) => h.call('POST', '/api/v1/api-keys', { as, body: { subject_id: 'user-admin', name: 'automation', roles: ['CompanyAdmin'] } });

test('pilot-a may create an API key with the admin role, pilot-b may not', async () => {
  assert.equal((await adminKey(adminA)).statusCode, 201);
  const refused = await adminKey(adminB);
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().type, 'https://companyos.dev/problems/feature-disabled');
  assert.equal(refused.json().flag, ADMIN_KEYS);
  assert.deepEqual(refused.json().reasons, [`${ADMIN_KEYS} is off: the seeded tenant override (STATIC)`]);
  // Keys without the admin role are unaffected.
  const plain = await h.call('POST', '/api/v1/api-keys', { as: adminB, body: { subject_id: 'user-engineer', name: 'ci', roles: ['engineer'] } });
  assert.equal(plain.statusCode, 201);
});

test('a flag change applies to the next request, is receipted and audited, and reverts in one step', async () => {
  const set = await h.call('PUT', `/api/v1/flags/${ADMIN_KEYS}/setting`, { as: adminB, body: { variant: 'on' } });
  assert.equal(set.statusCode, 200, set.body);
  assert.deepEqual([set.json().kind, set.json().before, set.json().after], ['set', null, { variant: 'on' }]);
  assert.equal((await adminKey(adminB)).statusCode, 201);

  const records = await tenantRecords(h.t.db, 'pilot-b');
  assert.ok(records.receipts.some((r) => r.body.receipt_id === set.headers['x-receipt-id'] && r.body.action === 'flag.set' && r.body.target === `flag:${ADMIN_KEYS}`));
  assert.ok(records.audit.some((e) => e.action === 'flag.set' && e.type === 'action.allowed'));

  const reverted = await h.call('POST', `/api/v1/flags/${ADMIN_KEYS}/revert`, { as: adminB });
  assert.equal(reverted.statusCode, 200);
  assert.deepEqual([reverted.json().kind, reverted.json().after], ['revert', null]);
  assert.equal((await adminKey(adminB)).statusCode, 403);

  const flag = (await h.call('GET', `/api/v1/flags/${ADMIN_KEYS}`, { as: adminB })).json();
  assert.equal(flag.setting_source, 'seed');
  assert.deepEqual(
    flag.history.map((c: { kind: string; actor: string }) => [c.kind, c.actor]),
    [
      ['revert', 'user-admin'],
      ['set', 'user-admin'],
    ],
  );
});

test('changing flags needs the role; bad settings and unknown flags are client errors', async () => {
  const engineer = await h.call('PUT', `/api/v1/flags/${ADMIN_KEYS}/setting`, { as: ['pilot-b', 'user-engineer'], body: { variant: 'on' } });
  assert.equal(engineer.statusCode, 403);
  assert.ok(engineer.json().reasons.includes('no role of subject user-engineer grants action flag.set'));
  const variant = await h.call('PUT', `/api/v1/flags/${ADMIN_KEYS}/setting`, { as: adminB, body: { variant: 'maybe' } });
  assert.equal(variant.statusCode, 400);
  assert.equal(variant.json().errors[0].field, 'variant');
  assert.equal((await h.call('PUT', '/api/v1/flags/no.such-flag/setting', { as: adminB, body: { variant: 'on' } })).statusCode, 404);
  assert.equal((await h.call('POST', '/api/v1/flags/tenancy.region-change/revert', { as: adminB })).statusCode, 409);
});

test('evaluation returns value, variant and reason for the caller', async () => {
  const res = await h.call('POST', '/api/v1/flags/evaluate', { as: ['pilot-a', 'user-engineer'], body: { flags: [ADMIN_KEYS, 'console.audit-view', 'no.such-flag'] } });
  assert.equal(res.statusCode, 200, res.body);
  const [admin, view, missing] = res.json().evaluations;
  assert.deepEqual(admin, { flag_id: ADMIN_KEYS, value: true, variant: 'on', reason: 'STATIC', detail: 'the seeded tenant override' });
  assert.ok(['SPLIT', 'DEFAULT'].includes(view.reason));
  assert.deepEqual([missing.reason, missing.error_code], ['ERROR', 'FLAG_NOT_FOUND']);
});

test('code asks flags through the standard OpenFeature client', async () => {
  const ask = (tenant: string) => withTenantTransaction(h.t.db, tenant, () => featureClient().getBooleanDetails(ADMIN_KEYS, false, { targetingKey: 'svc-1' }));
  const a = await ask('pilot-a');
  assert.deepEqual([a.value, a.variant, a.reason], [true, 'on', 'STATIC']);
  assert.equal((await ask('pilot-b')).value, false);
  const missing = await withTenantTransaction(h.t.db, 'pilot-a', () => featureClient().getStringDetails('no.such-flag', 'fallback'));
  assert.deepEqual([missing.value, missing.errorCode], ['fallback', 'FLAG_NOT_FOUND']);
  const wrongType = await withTenantTransaction(h.t.db, 'pilot-a', () => featureClient().getStringDetails(ADMIN_KEYS, 'fallback'));
  assert.deepEqual([wrongType.value, wrongType.errorCode], ['fallback', 'TYPE_MISMATCH']);
});

test("the tenant's active policy bundle vetoes a feature, whatever the tenant set, and the veto is the reason", async () => {
  assert.equal((await h.call('PUT', `/api/v1/flags/${ADMIN_KEYS}/setting`, { as: adminX, body: { variant: 'on' } })).statusCode, 200);
  assert.equal((await adminKey(adminX)).statusCode, 201);
  const proposed = await h.call('POST', '/api/v1/policy/versions', {
    as: adminX,
    body: { message: 'no admin keys', data_patch: { features: { [ADMIN_KEYS]: { allowed: false, reason: 'not in the contract' } } } },
  });
  assert.equal(proposed.statusCode, 201, proposed.body);
  const version = proposed.json().version.version as number;
  assert.equal((await h.call('POST', `/api/v1/policy/versions/${version}/activate`, { as: adminX, stepUp: true })).statusCode, 200);

  const refused = await adminKey(adminX);
  assert.equal(refused.statusCode, 403);
  assert.deepEqual(refused.json().reasons, [`${ADMIN_KEYS} is off: the policy bundle denies ${ADMIN_KEYS}: not in the contract (VETOED)`]);
  const evaluated = (await h.call('POST', '/api/v1/flags/evaluate', { as: adminX, body: { flags: [ADMIN_KEYS] } })).json().evaluations[0];
  assert.deepEqual([evaluated.value, evaluated.reason], [false, 'VETOED']);
  // Other tenants run their own bundles: pilot-a is untouched.
  assert.equal((await adminKey(adminA)).statusCode, 201);
});

test('evaluations are counted per flag and variant on /metrics', async () => {
  const before = await h.app.inject({ method: 'GET', url: '/metrics' });
  const count = (text: string) => Number(/companyos_flag_evaluations_total\{flag="identity\.api-key-admin-roles",variant="on"\} (\d+)/.exec(text)?.[1] ?? 0);
  await h.call('POST', '/api/v1/flags/evaluate', { as: ['pilot-a', 'user-engineer'], body: { flags: [ADMIN_KEYS] } });
  const after = await h.app.inject({ method: 'GET', url: '/metrics' });
  assert.equal(count(after.body), count(before.body) + 1);
  assert.match(after.body, /companyos_flag_evaluations_total\{flag="identity\.api-key-admin-roles",variant="off"\} \d+/);
});

test('a change made elsewhere shows as flags drift until this process reloads', async () => {
  const drift = async () => (await h.call('GET', '/api/v1/config/drift', { as: adminA })).json().readings.find((r: { kind: string }) => r.kind === 'flags');
  await h.call('POST', '/api/v1/flags/evaluate', { as: adminA, body: { flags: [ADMIN_KEYS] } });
  assert.equal((await drift()).drifted, false);
  // Another server process changes the setting in the shared database, and this process misses
  // the change (no notification, no new configuration version: the trigger is off for the write).
  await h.t.db.exec('ALTER TABLE flag_settings DISABLE TRIGGER flag_settings_config_version');
  try {
    await withTenantTransaction(h.t.db, 'pilot-a', () => writeFlagSetting(ADMIN_KEYS, { enabled: false }, { actor: 'elsewhere', kind: 'set', requestId: null, at: h.clock.now() }));
  } finally {
    await h.t.db.exec('ALTER TABLE flag_settings ENABLE TRIGGER flag_settings_config_version');
  }
  const stale = await drift();
  assert.equal(stale.drifted, true);
  assert.notEqual(stale.loaded, stale.desired);
  assert.match((await h.app.inject({ method: 'GET', url: '/metrics' })).body, /companyos_config_drift\{tenant="pilot-a",kind="flags"\} 1/);
  h.clock.advance(FLAG_REFRESH_MS);
  await h.call('POST', '/api/v1/flags/evaluate', { as: adminA, body: { flags: [ADMIN_KEYS] } });
  assert.equal((await drift()).drifted, false);
  assert.match((await h.app.inject({ method: 'GET', url: '/metrics' })).body, /companyos_config_drift\{tenant="pilot-a",kind="flags"\} 0/);
  assert.equal((await adminKey(adminA)).statusCode, 403);
});

test('the flag list shows each setting, where it comes from and when the flag was last evaluated', async () => {
  await flagService().settled();
  const flags = (await h.call('GET', '/api/v1/flags', { as: ['pilot-b', 'user-admin'] })).json().flags as { flag_id: string; setting_source: string; last_evaluated_at: string | null }[];
  const byId = new Map(flags.map((f) => [f.flag_id, f]));
  assert.equal(byId.get(ADMIN_KEYS)!.setting_source, 'seed');
  // First evaluated by the refused admin-key request of the first test, whose transaction rolled back.
  assert.equal(byId.get(ADMIN_KEYS)!.last_evaluated_at, '2026-03-02T09:00:00.000Z');
  assert.equal(byId.get('tenancy.region-change')!.last_evaluated_at, null);
  assert.equal(byId.get('console.audit-view')!.setting_source, 'none');
});

test('pilot-a may move its home region, pilot-b may not', async () => {
  const b = await h.call('PATCH', '/api/v1/tenants/pilot-b/config', { as: adminB, body: { data_region: 'eu' } });
  assert.equal(b.statusCode, 403);
  assert.equal(b.json().flag, 'tenancy.region-change');
  const a = await h.call('PATCH', '/api/v1/tenants/pilot-a/config', { as: adminA, body: { data_region: 'us' } });
  assert.equal(a.statusCode, 200, a.body);
  assert.equal(a.json().data_region, 'us');
});
