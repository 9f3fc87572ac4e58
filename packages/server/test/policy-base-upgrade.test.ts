import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { defaultPolicyDir } from '../src/config.ts';
import { currentTx } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { buildApp } from '../src/http/app.ts';
import { DevIssuer } from '../src/identity/dev-issuer.ts';
import { createLogger } from '../src/logger.ts';
import { composeBundle } from '../src/policy/bundle-compose.ts';
import { loadBundleDir } from '../src/policy/bundle.ts';
import { activeVersion, getVersion, insertActivation, insertVersion, listVersions } from '../src/policy/bundle-store.ts';
import { operatorPurgeApproval, portalRoles } from '../src/policy/base-upgrades.ts';
import { scheduleBaseUpgrades } from '../src/policy/base-upgrade-job.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { FakeClock } from '../src/util/clock.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

// pilot-a's active bundle was proposed before the trust portal: no portal roles, no presentation
// rules. The server's start upgrades it from the base, with a receipt, and its viewers get in.
let t: TestDatabase;
let app: FastifyInstance;
let issuer: DevIssuer;
const clock = new FakeClock('2026-03-02T09:00:00.000Z');
const dataDir = mkdtempSync(join(tmpdir(), 'companyos-upgrade-'));
const base = loadBundleDir(defaultPolicyDir);

/** The base data as it was before the portal: no portal roles or actions, no presentation policy. */
function prePortalData(): Record<string, unknown> {
  const { presentation: _dropped, roles, ...rest } = base.data as Record<string, unknown> & { roles: Record<string, string[]> };
  const kept = Object.fromEntries(Object.entries(roles).filter(([role]) => !role.startsWith('portal_')).map(([role, actions]) => [role, actions.filter((a) => !a.startsWith('portal.'))]));
  return { ...rest, roles: kept };
}

const admin = async (path: string, body?: unknown) =>
  app.inject({ method: 'POST', url: path, headers: { authorization: `Bearer ${await issuer.mint({ tenant: 'pilot-a', subject: 'user-admin' })}` }, ...(body === undefined ? {} : { payload: body as object }) });

before(async () => {
  t = await createTestDatabase();
  issuer = DevIssuer.open({ clock });
  await seedDemo(t.db, { clock });
  const old = composeBundle(base, base, { data: prePortalData() }).bundle;
  await withTenantTransaction(t.db, 'pilot-a', async () => {
    const v = await insertVersion({ bundle: old, parent_hash: base.hash, author: 'user-admin', message: 'before the portal' }, clock.now());
    await insertActivation({ version: v!.version, hash: v!.hash, kind: 'activate', actor: 'user-admin' }, clock.now());
  });
  clock.advance(60_000);
  app = await buildApp({ logger: createLogger({ level: 'silent' }), config: { dataDir }, database: t.db, clock, devIssuer: issuer, ledgerBackground: false, jobsBackground: false });
});
after(async () => {
  await app.close();
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the upgrade adds only what the pre-portal data lacks', () => {
  const patch = portalRoles.patch(prePortalData(), base.data as Record<string, unknown>)!;
  const roles = patch.roles as Record<string, string[]>;
  assert.deepEqual(Object.keys(roles).filter((r) => r.startsWith('portal_')).sort(), ['portal_auditor', 'portal_invitee', 'portal_partner']);
  assert.ok(roles.CompanyAdmin!.includes('portal.invitation.create') && roles.CompanyAdmin!.includes('policy.bundle.propose'), 'the admins keep their actions and gain the invitations');
  assert.deepEqual(patch.presentation, (base.data as Record<string, unknown>).presentation);
  assert.equal(portalRoles.patch(base.data as Record<string, unknown>, base.data as Record<string, unknown>), undefined, 'current data needs nothing');
  const decided = { ...prePortalData(), roles: { CompanyAdmin: [], portal_auditor: [] } };
  assert.equal(portalRoles.patch(decided, base.data as Record<string, unknown>), undefined, 'a tenant that has portal roles decided for itself');
});

test("a platform tenant's data from before operator purge approval gains the action where the base has it, and nowhere else", () => {
  const action = 'purge.request.operator_approve';
  const data = base.data as Record<string, unknown> & { roles: Record<string, string[]>; platform_actions: string[]; step_up_actions: string[] };
  const without = (list: string[]) => list.filter((a) => a !== action);
  const older = {
    ...data,
    platform_actions: without(data.platform_actions),
    step_up_actions: without(data.step_up_actions),
    roles: Object.fromEntries(Object.entries(data.roles).map(([role, actions]) => [role, without(actions)])),
  };
  const patch = operatorPurgeApproval.patch(older, data)!;
  assert.deepEqual(patch.platform_actions, [...older.platform_actions, action]);
  assert.deepEqual(patch.step_up_actions, [...older.step_up_actions, action]);
  const rolesWithIt = Object.keys(data.roles).filter((role) => data.roles[role]!.includes(action));
  assert.deepEqual(Object.keys(patch.roles as object), rolesWithIt);
  assert.ok(rolesWithIt.includes('platform_operator'));
  assert.equal(operatorPurgeApproval.patch(data, data), undefined, 'current data needs nothing');
  const decided = { ...older, roles: { ...older.roles, auditor: [action] } };
  assert.equal(operatorPurgeApproval.patch(decided, data), undefined, 'a tenant that names the action decided for itself');
});

test('a tenant on a pre-portal bundle gets the portal roles at start, receipted, and its viewers get in', async () => {
  // Before the job runs, the old bundle decides: its admins cannot invite.
  const refused = await admin('/api/v1/portal/invitations', { email: 'early@audit.example.com', role: 'auditor', expires_at: '2026-12-01T00:00:00.000Z' });
  assert.equal(refused.statusCode, 403, refused.body);

  await app.jobs.runDue();
  const upgraded = await withTenantTransaction(t.db, 'pilot-a', async () => {
    const active = (await activeVersion())!;
    return {
      active,
      stored: (await getVersion(active.version))!,
      receipt: (await currentTx().query<{ actor: string; target: string }>(`SELECT actor, target FROM receipts WHERE tenant_id = $1 AND action = 'policy.bundle.upgrade'`, ['pilot-a'])),
    };
  });
  assert.deepEqual([upgraded.active.version, upgraded.active.actor, upgraded.stored.author], [2, 'system:policy', 'system:policy']);
  assert.ok('portal_auditor' in (upgraded.stored.bundle.data as { roles: Record<string, unknown> }).roles);
  assert.equal(policyRuntime().engine.bundleFor('pilot-a').hash, upgraded.active.hash, 'this process decides with the new version at once');
  assert.equal(upgraded.receipt.length, 1);
  assert.equal(upgraded.receipt[0]!.actor, 'system:policy');
  assert.equal(upgraded.receipt[0]!.target, `policy-bundle:v2:${upgraded.active.hash}`);

  const invited = await admin('/api/v1/portal/invitations', { email: 'late@audit.example.com', role: 'auditor', expires_at: '2026-12-01T00:00:00.000Z' });
  assert.equal(invited.statusCode, 201, invited.body);
  const accepted = await app.inject({ method: 'POST', url: '/api/v1/portal/invitations/accept', headers: { authorization: `Bearer ${invited.json().token}` }, payload: {} });
  assert.equal(accepted.statusCode, 200, accepted.body);
  const overview = await app.inject({ method: 'GET', url: '/api/v1/portal/overview', headers: { authorization: `Bearer ${accepted.json().sign_in}` } });
  assert.equal(overview.statusCode, 200, overview.body);
  assert.equal(overview.json().overview.bundle_hash, upgraded.active.hash);
});

test('the next start queues nothing: each tenant is upgraded once, the seeded current bundles never', async () => {
  const queued = await scheduleBaseUpgrades({ db: t.db, engine: policyRuntime().engine, clock, log: createLogger({ level: 'silent' }) });
  assert.equal(queued, 0);
  await app.jobs.runDue();
  const versions = await withTenantTransaction(t.db, 'pilot-a', () => listVersions());
  assert.equal(versions.length, 2);
  for (const tenant of ['summit-internal', 'demo-external']) {
    const own = await withTenantTransaction(t.db, tenant, () => listVersions());
    assert.ok(own.every((v) => v.author !== 'system:policy'), `${tenant} was current and is left alone`);
  }
});
