import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { withPlatformTransaction, withTenantTransaction } from '../src/db/tenant-tx.ts';
import { ledgerServices } from '../src/ledger/ledger-runtime.ts';
import { TenantKeys } from '../src/keys/tenant-keys.ts';
import type { Jwks } from '../src/keys/jwks.ts';
import { setTenantStatus } from '../src/tenancy/tenants.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// The public key set served with every receipt is cached per tenant under the tenant's
// configuration version; every key write moves that version, here and on other servers.
let h: TestApp;
before(async () => {
  h = await createTestApp({ ledgerBackground: false });
});
after(async () => {
  await h.close();
});

/** A governed request for the tenant: it brings this server's view of the tenant's configuration up to date. */
const touch = async (tenant: string) => assert.equal((await h.call('GET', '/api/v1/subjects', { as: [tenant, 'user-admin'] })).statusCode, 200);
const jwks = (tenant: string): Promise<Jwks> => withTenantTransaction(h.t.db, tenant, () => ledgerServices().keys.jwks());
const kids = (j: Jwks) => j.keys.map((k) => k.kid).sort();

async function until(check: () => Promise<boolean>, ms = 2_000): Promise<void> {
  for (const started = Date.now(); !(await check()); ) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('a rotation through the API drops the cached key set at once', async () => {
  await withTenantTransaction(h.t.db, 'pilot-a', () => ledgerServices().keys.signer(h.clock.now()));
  await touch('pilot-a');
  const first = await jwks('pilot-a');
  assert.equal(await jwks('pilot-a'), first, 'served from memory while the version stands');
  const rotated = await h.call('POST', '/api/v1/tenants/pilot-a/keys/rotate', { as: ['pilot-a', 'user-admin'], stepUp: true });
  assert.equal(rotated.statusCode, 200, rotated.body);
  const { kid } = rotated.json() as { kid: string };
  await touch('pilot-a');
  const after = await jwks('pilot-a');
  assert.ok(kids(after).includes(kid), 'the new key is served');
  assert.equal(after.keys.find((k) => k.kid === kids(first)[0])?.status, 'retired', 'and the old one as retired');
});

test('a rotation by another server reaches this one by its next request at the latest', async () => {
  await withTenantTransaction(h.t.db, 'pilot-b', () => ledgerServices().keys.signer(h.clock.now()));
  await touch('pilot-b');
  const before = await jwks('pilot-b');
  assert.equal(await jwks('pilot-b'), before);
  const elsewhere = new TenantKeys(ledgerServices().keys.provider);
  const { created } = await withTenantTransaction(h.t.db, 'pilot-b', () => elsewhere.rotate(h.clock.now()));
  await touch('pilot-b');
  assert.ok(kids(await jwks('pilot-b')).includes(created.kid));
});

test('a key written by a transaction that rolls back is never served from the cache', async () => {
  await withTenantTransaction(h.t.db, 'summit-internal', () => ledgerServices().keys.signer(h.clock.now()));
  await touch('summit-internal');
  let phantom = '';
  await assert.rejects(
    withTenantTransaction(h.t.db, 'summit-internal', async () => {
      phantom = (await ledgerServices().keys.rotate(h.clock.now())).created.kid;
      assert.ok(kids(await ledgerServices().keys.jwks()).includes(phantom), 'the rotating transaction sees its key');
      throw new Error('rolled back');
    }),
    /rolled back/,
  );
  await touch('summit-internal');
  assert.ok(!kids(await jwks('summit-internal')).includes(phantom));
});

test('disabling a tenant drops its cached key set; tenants never share one', async () => {
  for (const tenant of ['pilot-a', 'demo-external']) await withTenantTransaction(h.t.db, tenant, () => ledgerServices().keys.signer(h.clock.now()));
  await touch('pilot-a');
  await touch('demo-external');
  const a = await jwks('pilot-a');
  const other = await jwks('demo-external');
  assert.equal(kids(a).filter((k) => kids(other).includes(k)).length, 0, "one tenant's keys are never served for another");
  await withPlatformTransaction(h.t.db, () => setTenantStatus('pilot-a', 'disabled', h.clock.now()));
  await until(async () => (await jwks('pilot-a')) !== a);
  await withPlatformTransaction(h.t.db, () => setTenantStatus('pilot-a', 'active', h.clock.now()));
  await touch('pilot-a');
  assert.deepEqual(kids(await jwks('pilot-a')), kids(a));
});
