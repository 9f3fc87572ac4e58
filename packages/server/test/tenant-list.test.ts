import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicyDir } from '../src/config.ts';
import { currentTx } from '../src/context.ts';
import { asTenant, withPlatformTransaction, withTenantTransaction } from '../src/db/tenant-tx.ts';
import { loadBundleDir } from '../src/policy/bundle.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let h: TestApp;
before(async () => {
  h = await createTestApp();
});
after(() => h.close());

const operator: [string, string] = ['internal', 'user-platform-operator'];
const adminA: [string, string] = ['pilot-a', 'user-admin'];

interface Listing {
  tenant_id: string;
  policy_bundle: { version: number | null; hash: string; tags: string[] };
  enabled_flags: string[];
}

async function listing(id: string): Promise<Listing> {
  const res = await h.call('GET', '/api/v1/tenants', { as: operator });
  assert.equal(res.statusCode, 200, res.body);
  const found = (res.json().tenants as Listing[]).find((t) => t.tenant_id === id);
  assert.ok(found, id);
  return found;
}

test('the operator sees each tenant’s active bundle with its tags, and the flags on for it', async () => {
  const baseHash = (await h.call('GET', '/api/v1/policy/versions', { as: adminA })).json().base_hash as string;
  const internal = await listing('internal');
  assert.deepEqual(internal.policy_bundle, { version: null, hash: baseHash, tags: [] });
  assert.deepEqual(internal.enabled_flags, []);

  // The seed gives two tenants a first bundle version with tags.
  const external = await listing('demo-external');
  assert.deepEqual([external.policy_bundle.version, external.policy_bundle.tags], [1, ['pii', 'export']]);
  assert.notEqual(external.policy_bundle.hash, baseHash);
  assert.deepEqual((await listing('summit-internal')).policy_bundle.tags, ['finance']);

  // The seeded flag overrides: on for pilot-a, off for pilot-b.
  const a = await listing('pilot-a');
  assert.deepEqual(a.policy_bundle, { version: null, hash: baseHash, tags: [] });
  assert.deepEqual(a.enabled_flags, ['identity.api-key-admin-roles', 'tenancy.region-change']);
  assert.deepEqual((await listing('pilot-b')).enabled_flags, []);
});

test('tags come from the bundle a tenant activates; flag.set and a bundle veto turn flags off', async () => {
  const proposed = await h.call('POST', '/api/v1/policy/versions', {
    as: adminA,
    body: {
      message: 'governs finance too; no admin keys',
      data_patch: { tags: ['pii', 'finance', 'export'], features: { 'identity.api-key-admin-roles': { allowed: false, reason: 'keys are automation only' } } },
    },
  });
  assert.equal(proposed.statusCode, 201, proposed.body);
  const { version, hash } = proposed.json().version as { version: number; hash: string };
  // Proposed is not active: the list still shows the base bundle.
  assert.deepEqual((await listing('pilot-a')).policy_bundle.tags, []);

  const activated = await h.call('POST', `/api/v1/policy/versions/${version}/activate`, { as: adminA, stepUp: true });
  assert.equal(activated.statusCode, 200, activated.body);
  const a = await listing('pilot-a');
  assert.deepEqual(a.policy_bundle, { version, hash, tags: ['pii', 'finance', 'export'] });
  assert.deepEqual(a.enabled_flags, ['tenancy.region-change']);

  const off = await h.call('PUT', '/api/v1/flags/tenancy.region-change/setting', { as: adminA, body: { enabled: false } });
  assert.equal(off.statusCode, 200, off.body);
  assert.deepEqual((await listing('pilot-a')).enabled_flags, []);
  // Another tenant's entry is untouched by pilot-a's changes.
  const b = await listing('pilot-b');
  assert.deepEqual([b.policy_bundle.version, b.policy_bundle.tags, b.enabled_flags], [null, [], []]);
});

test('bad tags are refused with the schema problem', async () => {
  for (const tags of [['PII'], ['pii', 'pii'], ['a'.repeat(33)], Array.from({ length: 21 }, (_, i) => `t${i}`)]) {
    const res = await h.call('POST', '/api/v1/policy/versions', { as: adminA, body: { message: 'bad tags', data_patch: { tags } } });
    assert.equal(res.statusCode, 422, JSON.stringify(tags));
    assert.ok(
      res.json().failures.some((f: string) => f.startsWith('schema: data.json.tags')),
      res.body,
    );
  }
});

test('reading a tenant as that tenant inside a platform transaction switches the role and tenant back afterwards', async () => {
  const probe = () => currentTx().query<{ role: string; tenant: string }>(`SELECT current_user AS role, current_setting('app.tenant_id') AS tenant`);
  const seen = await withPlatformTransaction(h.t.db, async () => ({ inside: await asTenant('pilot-a', probe, { scope: 'tenant' }), after: await probe() }));
  assert.deepEqual(seen.inside, [{ role: 'companyos_app', tenant: 'pilot-a' }]);
  assert.deepEqual(seen.after, [{ role: 'companyos_platform', tenant: '' }]);
  // Flag settings are the tenant's alone: the platform role itself may not read them.
  await assert.rejects(
    withTenantTransaction(h.t.db, 'pilot-a', () => currentTx().query('SELECT 1 FROM flag_settings'), { scope: 'platform' }),
    /permission denied/,
  );
});

test('a bundle this process has not loaded yet is read from the tenant’s stored versions', async () => {
  // An engine pinned to the base bundle never loads activations: every active version is "not loaded".
  const pinned = await createTestApp({ bundleFor: () => loadBundleDir(defaultPolicyDir) });
  try {
    const res = await pinned.call('GET', '/api/v1/tenants', { as: operator });
    assert.equal(res.statusCode, 200, res.body);
    const external = (res.json().tenants as Listing[]).find((t) => t.tenant_id === 'demo-external');
    assert.deepEqual([external?.policy_bundle.version, external?.policy_bundle.tags], [1, ['pii', 'export']]);
  } finally {
    await pinned.close();
  }
});

test('the tenant list pages in id order: every tenant once, the last page says so, a bad limit is refused', async () => {
  const all = (await h.call('GET', '/api/v1/tenants', { as: operator })).json();
  assert.equal(all.next_after, null, 'one page holds the seeded tenants');
  const ids = (all.tenants as Listing[]).map((t) => t.tenant_id);
  assert.ok(ids.length >= 3);
  assert.deepEqual(ids, [...ids].sort());

  const seen: string[] = [];
  let after: string | null = null;
  let pages = 0;
  do {
    const res = await h.call('GET', `/api/v1/tenants?limit=2${after === null ? '' : `&after=${encodeURIComponent(after)}`}`, { as: operator });
    assert.equal(res.statusCode, 200, res.body);
    const page = res.json() as { tenants: Listing[]; next_after: string | null };
    assert.ok(page.tenants.length <= 2);
    seen.push(...page.tenants.map((t) => t.tenant_id));
    after = page.next_after;
    pages += 1;
  } while (after !== null);
  assert.deepEqual(seen, ids);
  assert.equal(pages, Math.floor(ids.length / 2) + 1);

  for (const limit of ['0', '1001', 'ten']) {
    const res = await h.call('GET', `/api/v1/tenants?limit=${limit}`, { as: operator });
    assert.equal(res.statusCode, 400, limit);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  }
  assert.equal((await h.call('GET', '/api/v1/tenants?limit=2', { as: adminA })).statusCode, 403, 'tenants list for operators only');
});
