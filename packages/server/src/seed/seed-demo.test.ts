import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { withPlatformTransaction, withTenantTransaction } from '../db/tenant-tx.ts';
import { listSubjects } from '../identity/subjects.ts';
import { listTenants } from '../tenancy/tenants.ts';
import { FakeClock } from '../util/clock.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { activeVersions, getVersion, listVersions } from '../policy/bundle-store.ts';
import { DEMO_ROUTING_RULES, listRoutingRules, routeLead } from '../workflows/revops/routing.ts';
import { DEMO_BUNDLE_PATCHES, DEMO_TENANTS, seedDemo } from './seed-demo.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

test('the demo seed creates five tenants with seven users each, plus a platform operator', async () => {
  const first = await seedDemo(t.db, { clock: new FakeClock() });
  assert.deepEqual(first.tenantsCreated, DEMO_TENANTS.map((d) => d.tenant_id));
  assert.equal(first.subjectsCreated, 5 * 7 + 1);
  const tenants = await withPlatformTransaction(t.db, () => listTenants());
  assert.deepEqual(tenants.map((x) => x.tenant_id).sort(), ['demo-external', 'internal', 'pilot-a', 'pilot-b', 'summit-internal']);
  const internal = await withTenantTransaction(t.db, 'internal', () => listSubjects());
  assert.ok(internal.some((s) => s.subject_id === 'user-platform-operator' && s.roles.includes('platform_operator')));
  const pilotB = await withTenantTransaction(t.db, 'pilot-b', () => listSubjects());
  assert.deepEqual(
    pilotB.map((s) => s.subject_id),
    ['user-admin', 'user-ae', 'user-engineer', 'user-finance', 'user-sales-manager', 'user-security', 'user-team-lead'],
  );
  assert.deepEqual(pilotB.find((s) => s.subject_id === 'user-admin')?.roles, ['CompanyAdmin']);
  assert.equal(pilotB[0]!.attributes.country, 'US');
});

test('seeding again creates nothing', async () => {
  assert.deepEqual(await seedDemo(t.db), { tenantsCreated: [], subjectsCreated: 0 });
});

test('two demo tenants run a first bundle version with tags; the others run the base bundle', async () => {
  const versions = await withPlatformTransaction(t.db, () => activeVersions());
  assert.deepEqual([...versions.keys()].sort(), Object.keys(DEMO_BUNDLE_PATCHES).sort());
  for (const [tenant, patch] of Object.entries(DEMO_BUNDLE_PATCHES)) {
    const active = await withTenantTransaction(t.db, tenant, async () => (await listVersions()).map((v) => [v.version, v.hash]));
    assert.deepEqual(active, [[1, versions.get(tenant)!.hash]], tenant);
    const data = (await withTenantTransaction(t.db, tenant, () => getVersion(1)))!.bundle.data as { tags: string[] };
    assert.deepEqual(data.tags, patch.tags, tenant);
  }
});

test('every demo tenant routes leads: enterprise to the enterprise team, anything else to a catch-all rule', async () => {
  for (const d of DEMO_TENANTS) {
    const rules = await withTenantTransaction(t.db, d.tenant_id, () => listRoutingRules());
    assert.deepEqual(rules.map((r) => r.rule_id), DEMO_ROUTING_RULES.map((r) => r.rule_id), d.tenant_id);
    assert.ok(rules.every((r) => r.members.some((m) => m.subject_id === 'user-ae')));
  }
  assert.equal((await withTenantTransaction(t.db, 'pilot-a', () => routeLead('enterprise', 'apac')))?.team, 'enterprise');
  assert.equal((await withTenantTransaction(t.db, 'pilot-a', () => routeLead('smb', 'apac')))?.team, 'inside-sales');
});
