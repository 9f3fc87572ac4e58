import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentTenantId, currentTx } from '../src/context.ts';
import type { Database } from '../src/db/database.ts';
import { withPlatformTransaction, withTenantTransaction } from '../src/db/tenant-tx.ts';
import { defaultPolicyDir } from '../src/config.ts';
import { FlagService } from '../src/flags/flag-service.ts';
import { writeFlagSetting } from '../src/flags/flag-store.ts';
import { CONFIG_CHANNEL, ConfigFollower } from '../src/fleet/config-follower.ts';
import { ledgerServices } from '../src/ledger/ledger-runtime.ts';
import { createLogger } from '../src/logger.ts';
import { loadBundleDir } from '../src/policy/bundle.ts';
import { PolicyEngine } from '../src/policy/policy-engine.ts';
import { getCurrentTenantVersioned, setTenantStatus } from '../src/tenancy/tenants.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// What keeps several servers on one database in step: the tenant's configuration version (moved
// by the database itself on every change a server caches) and the notification sent with it.
let h: TestApp;
const silent = createLogger({ level: 'silent' });
const stops: Array<() => Promise<void>> = [];
before(async () => {
  h = await createTestApp();
});
after(async () => {
  for (const stop of stops) await stop();
  await h.close();
});

const version = async (tenant: string): Promise<bigint> =>
  BigInt((await withTenantTransaction(h.t.db, tenant, () => getCurrentTenantVersioned()))!.configVersion);

async function activate(regions: string[]): Promise<string> {
  const admin: [string, string] = ['pilot-a', 'user-admin'];
  const proposed = await h.call('POST', '/api/v1/policy/versions', { as: admin, body: { message: `regions ${regions.join(',')}`, data_patch: { allowed_regions: regions } } });
  assert.equal(proposed.statusCode, 201, proposed.body);
  const { version: v, hash } = proposed.json().version as { version: number; hash: string };
  assert.equal((await h.call('POST', `/api/v1/policy/versions/${v}/activate`, { as: admin, stepUp: true })).statusCode, 200);
  return hash;
}

const setFlag = (enabled: boolean) =>
  withTenantTransaction(h.t.db, 'pilot-a', () =>
    writeFlagSetting('identity.api-key-admin-roles', { enabled }, { actor: 'elsewhere', kind: 'set', requestId: null, at: h.clock.now() }),
  );

async function until(check: () => boolean, ms = 2_000): Promise<void> {
  for (const started = Date.now(); !check(); ) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('each change a server keeps in memory moves the configuration version and notifies; other writes do not', async () => {
  const heard: string[] = [];
  stops.push(await h.t.db.listen(CONFIG_CHANNEL, (tenant) => heard.push(tenant)));
  // The tenant's first signing key exists before the governed read below (its receipt's checkpoint would make it).
  await withTenantTransaction(h.t.db, 'pilot-a', () => ledgerServices().keys.signer(h.clock.now()));
  let last = await version('pilot-a');
  const moved = async (what: string) => {
    const now = await version('pilot-a');
    assert.ok(now > last, `${what} moves the version`);
    last = now;
    await until(() => heard.includes('pilot-a'));
    heard.length = 0;
  };
  await setFlag(false);
  await moved('a flag setting');
  await activate(['eu', 'us']);
  await moved('a policy activation');
  await withPlatformTransaction(h.t.db, () => setTenantStatus('pilot-a', 'disabled', h.clock.now()));
  await moved('disabling the tenant');
  await withPlatformTransaction(h.t.db, () => setTenantStatus('pilot-a', 'active', h.clock.now()));
  await moved('enabling it again');
  await withTenantTransaction(h.t.db, 'pilot-a', () =>
    currentTx().query(
      `INSERT INTO tenant_branding (tenant_id, product_name, colors, updated_at) VALUES ('pilot-a', 'Pilot A', '{}', now())
       ON CONFLICT (tenant_id) DO UPDATE SET product_name = 'Pilot A again'`,
    ),
  );
  await moved('branding');
  assert.equal((await h.call('POST', '/api/v1/tenants/pilot-a/keys/rotate', { as: ['pilot-a', 'user-admin'], stepUp: true })).statusCode, 200);
  await moved('a signing key rotation');
  // Governed reads and writes that change nothing cached leave it alone.
  assert.equal((await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-admin'] })).statusCode, 200);
  assert.equal(await version('pilot-a'), last);
});

test('a server that missed the notification still decides with the new bundle on its next request', async () => {
  // A second server's engine and follower on a connection that hears nothing, polling hourly.
  const deaf: Database = Object.assign(Object.create(h.t.db) as Database, { listen: async () => async () => {} });
  const engine = new PolicyEngine({ base: loadBundleDir(defaultPolicyDir), log: silent });
  await engine.start(deaf, { pollMs: 3_600_000 });
  stops.push(() => engine.stop());
  const follower = new ConfigFollower();
  follower.follow({ forget: () => undefined, sync: (tenant) => engine.syncCurrentTenant(tenant) });
  // What the pipeline does first in every request: read the tenant row and its version, then observe.
  const request = () =>
    withTenantTransaction(h.t.db, 'pilot-a', async () => {
      const current = await getCurrentTenantVersioned();
      await follower.observe(currentTenantId(), current!.configVersion);
    });
  await request();
  const before = engine.bundleFor('pilot-a').hash;
  const hash = await activate(['eu']);
  assert.notEqual(hash, before);
  assert.equal(engine.bundleFor('pilot-a').hash, before, 'not heard, not polled');
  await request();
  assert.equal(engine.bundleFor('pilot-a').hash, hash);
  assert.equal(engine.bundleFor('pilot-b').hash, engine.base.hash);
});

test("a notification drops the tenant's cached flag settings at once, before any request", async () => {
  const flags = new FlagService({ db: h.t.db, clock: h.clock, bundleFor: () => loadBundleDir(defaultPolicyDir) });
  const follower = new ConfigFollower();
  follower.follow({ forget: (tenant) => flags.invalidate(tenant) });
  await follower.start(h.t.db);
  stops.push(() => follower.stop());
  const cached = async () => (await flags.drift(h.t.db)).map((d) => d.tenant);
  await withTenantTransaction(h.t.db, 'pilot-a', () => flags.settings());
  await withTenantTransaction(h.t.db, 'pilot-b', () => flags.settings());
  assert.deepEqual((await cached()).sort(), ['pilot-a', 'pilot-b']);
  await setFlag(true);
  let left: string[] = [];
  await until(() => {
    void cached().then((c) => (left = c));
    return left.length === 1;
  });
  assert.deepEqual(left, ['pilot-b']);
});
