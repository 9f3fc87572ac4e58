import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { currentTx } from '../context.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { FakeClock } from '../util/clock.ts';
import { DataKeys, useDataKeys } from './data-keys.ts';
import { type KeyProvider, LocalKeyProvider } from './key-provider.ts';
import { isSealed, openFields, sealAuthored } from './sealing.ts';

// Sealed fields (ADR 0025): AES-256-GCM under a subject's data key, bound to tenant, kind of record
// and field; opened with the key, `[purged] <purge id>` once a purge destroyed it; one unwrap per key.

let t: TestDatabase;
const clock = new FakeClock('2026-03-02T09:00:00.000Z');
const kek = randomBytes(32);
const inner = new LocalKeyProvider(kek);
const provider: KeyProvider & { unwraps: number } = {
  unwraps: 0,
  wrap: (plaintext, aad) => inner.wrap(plaintext, aad),
  unwrap: (ciphertext, aad) => {
    provider.unwraps++;
    return inner.unwrap(ciphertext, aad);
  },
};
const REF = { kind: 'probe_history', field: 'rationale' };
const inA = <T>(fn: () => Promise<T>) => withTenantTransaction(t.db, 'pilot-a', fn);

before(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, { clock });
  useDataKeys(new DataKeys(provider));
});
after(() => t.close());

test('a sealed field opens to its plaintext, and a subject has one key however often it writes', async () => {
  const sealed = await inA(() => Promise.all(['first', 'second'].map((text) => sealAuthored(text, 'user-ann', REF, clock.now()))));
  assert.ok(sealed.every(isSealed) && sealed[0] !== sealed[1]);
  assert.match(sealed[0]!, /^sealed:v1:[0-9a-f-]{36}:[A-Za-z0-9+/]+=*$/);
  assert.equal(sealed[0]!.split(':')[2], sealed[1]!.split(':')[2], 'the same key id');
  assert.deepEqual(await inA(() => openFields(sealed.map((value) => ({ value, ref: REF })))), ['first', 'second']);
  // A value written before sealing, or none, comes back as it is.
  assert.deepEqual(await inA(() => openFields([{ value: 'plain old text', ref: REF }, { value: null, ref: REF }])), ['plain old text', null]);
});

test('a sealed value moved to another field, kind of record or tenant, or altered, does not open', async () => {
  const sealed = await inA(() => sealAuthored('bound', 'user-ann', REF, clock.now()));
  const altered = `${sealed.slice(0, -6)}${sealed.slice(-6, -5) === 'A' ? 'B' : 'A'}${sealed.slice(-5)}`;
  const opened = await inA(() =>
    openFields([
      { value: sealed, ref: { ...REF, field: 'title' } },
      { value: sealed, ref: { ...REF, kind: 'audit_events' } },
      { value: altered, ref: REF },
    ]),
  );
  assert.deepEqual(opened, ['[unreadable]', '[unreadable]', '[unreadable]']);
  assert.deepEqual(await withTenantTransaction(t.db, 'pilot-b', () => openFields([{ value: sealed, ref: REF }])), ['[unreadable]'], "pilot-b cannot see pilot-a's key");
});

test('destroying a key turns its fields into [purged] with the purge id; the subject then gets a new key', async () => {
  const keys = new DataKeys(provider);
  useDataKeys(keys);
  const old = await inA(() => sealAuthored('before', 'user-bo', REF, clock.now()));
  const unwraps = provider.unwraps;
  for (let i = 0; i < 3; i++) assert.deepEqual(await inA(() => openFields([{ value: old, ref: REF }])), ['before']);
  assert.equal(provider.unwraps, unwraps, 'the key written in this process is never unwrapped again');
  const purgeId = '01900000-0000-7000-8000-000000000001';
  const destroyed = await inA(() => keys.shred({ subjectId: 'user-bo' }, purgeId, clock.now()));
  assert.equal(destroyed.length, 1);
  assert.deepEqual(await inA(() => openFields([{ value: old, ref: REF }])), [`[purged] ${purgeId}`]);
  const fresh = await inA(() => sealAuthored('after', 'user-bo', REF, clock.now()));
  assert.notEqual(fresh.split(':')[2], old.split(':')[2]);
  assert.deepEqual(await inA(() => openFields([{ value: old, ref: REF }, { value: fresh, ref: REF }])), [`[purged] ${purgeId}`, 'after']);
  // The destroyed key no longer names its person (ADR 0029); the new one does.
  const keyIds = [old.split(':')[2], fresh.split(':')[2]];
  const rows = await inA(() => currentTx().query<{ key_id: string; subject_id: string; wrapped: boolean }>(`SELECT key_id::text AS key_id, subject_id, wrapped_key IS NOT NULL AS wrapped FROM subject_data_keys WHERE tenant_id = 'pilot-a' AND key_id = ANY($1::uuid[])`, [keyIds]));
  assert.deepEqual(keyIds.map((id) => rows.find((r) => r.key_id === id)).map((r) => [r?.subject_id, r?.wrapped]), [['[purged]', false], ['user-bo', true]]);
});

test('a fresh process unwraps each key once; text of system actors is under the tenant-wide key', async () => {
  const sealed = await inA(() => sealAuthored('by the server', 'system:probe', REF, clock.now()));
  const owner = await inA(() => currentTx().query<{ subject_id: string }>(`SELECT subject_id FROM subject_data_keys WHERE tenant_id = 'pilot-a' AND key_id = $1`, [sealed.split(':')[2]]));
  assert.deepEqual(owner, [{ subject_id: '*' }]);
  useDataKeys(new DataKeys(provider));
  const before = provider.unwraps;
  for (let i = 0; i < 3; i++) assert.deepEqual(await inA(() => openFields([{ value: sealed, ref: REF }])), ['by the server']);
  assert.equal(provider.unwraps - before, 1);
  // Another KEK cannot unwrap it: the reader shows it as unreadable rather than failing.
  useDataKeys(new DataKeys(new LocalKeyProvider(randomBytes(32))));
  assert.deepEqual(await inA(() => openFields([{ value: sealed, ref: REF }])), ['[unreadable]']);
});
