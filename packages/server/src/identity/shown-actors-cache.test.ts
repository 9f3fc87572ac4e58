import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import { shownActors, PURGED_ACTOR } from './actor-pseudonyms.ts';
import { destroyingKeys } from './shown-actors-cache.ts';

// Who a pseudonym shows is kept per tenant under the configuration version a request opened with;
// destroying a key moves that version (migration 0038), so the next request reads it again.
let t: TestDatabase;
before(async () => {
  t = await createTestDatabase('seeded');
});
after(() => t.close());

async function newKey(tenant: string, subject: string): Promise<string> {
  const keyId = randomUUID();
  await t.db.query(`INSERT INTO subject_data_keys (tenant_id, key_id, subject_id, wrapped_key, created_at) VALUES ($1, $2, $3, '\\x00', now())`, [tenant, keyId, subject]);
  return keyId;
}

async function shred(tenant: string, keyId: string, purgeId: string): Promise<void> {
  await t.db.query(`UPDATE subject_data_keys SET wrapped_key = NULL, shredded_at = now(), purge_id = $3 WHERE tenant_id = $1 AND key_id = $2`, [tenant, keyId, purgeId]);
}

const configVersion = async (tenant: string): Promise<string> =>
  (await t.db.query<{ v: string }>(`SELECT config_version::text AS v FROM tenants WHERE tenant_id = $1`, [tenant]))[0]!.v;

/** What a request of `tenant` that opened at `version` shows for the pseudonym of `keyId`. */
async function shown(tenant: string, version: string, keyId: string, options: { destroying?: boolean } = {}): Promise<string | undefined> {
  const pseudonym = `pseudonym:${keyId}`;
  return withTenantTransaction(
    t.db,
    tenant,
    async () => {
      if (options.destroying === true) destroyingKeys();
      return (await shownActors([pseudonym])).get(pseudonym);
    },
    { context: { configVersion: version } },
  );
}

test('destroying a data key moves its tenant’s configuration version; creating one does not', async () => {
  const before = await configVersion('pilot-a');
  const keyId = await newKey('pilot-a', 'version-probe');
  assert.equal(await configVersion('pilot-a'), before, 'a new key names a new pseudonym: nothing kept changes');
  await shred('pilot-a', keyId, randomUUID());
  assert.equal(BigInt(await configVersion('pilot-a')), BigInt(before) + 1n);
});

test('a request shows a pseudonym kept at the version it opened with, and reads it again at a newer one', async () => {
  const keyId = await newKey('pilot-a', 'kept-person');
  const purgeId = randomUUID();
  assert.equal(await shown('pilot-a', '100', keyId), 'kept-person');
  await shred('pilot-a', keyId, purgeId);
  // Opened before the purge's version: what it keeps is what that version showed.
  assert.equal(await shown('pilot-a', '100', keyId), 'kept-person');
  assert.equal(await shown('pilot-a', '101', keyId), `${PURGED_ACTOR} ${purgeId}`);
  // A request still at the older version keeps nothing over the newer rows.
  assert.equal(await shown('pilot-a', '100', keyId), `${PURGED_ACTOR} ${purgeId}`);
});

test('another tenant never shows a pseudonym kept for this one', async () => {
  const keyId = await newKey('pilot-a', 'tenant-a-person');
  assert.equal(await shown('pilot-a', '200', keyId), 'tenant-a-person');
  assert.equal(await shown('pilot-b', '200', keyId), undefined);
});

test('a transaction that destroys keys reads what it shows, and keeps nothing', async () => {
  const keyId = await newKey('pilot-a', 'destroyed-person');
  const purgeId = randomUUID();
  assert.equal(await shown('pilot-a', '300', keyId), 'destroyed-person');
  await shred('pilot-a', keyId, purgeId);
  assert.equal(await shown('pilot-a', '300', keyId, { destroying: true }), `${PURGED_ACTOR} ${purgeId}`);
  assert.equal(await shown('pilot-a', '300', keyId), 'destroyed-person', 'the kept row stays as the version showed it');
});
