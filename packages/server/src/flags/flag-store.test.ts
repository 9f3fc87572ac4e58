import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { asRole, createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import { randomBytes } from 'node:crypto';
import { DataKeys, useDataKeys } from '../keys/data-keys.ts';
import { LocalKeyProvider } from '../keys/key-provider.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { FakeClock } from '../util/clock.ts';
import { flagChanges, flagSettings, writeFlagSetting } from './flag-store.ts';

let t: TestDatabase;
const clock = new FakeClock('2026-03-02T09:00:00.000Z');
before(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, { clock });
  useDataKeys(new DataKeys(new LocalKeyProvider(randomBytes(32))));
});
after(() => t.close());

const write = (setting: { variant: string } | null, kind: 'set' | 'revert') =>
  withTenantTransaction(t.db, 'pilot-a', () => writeFlagSetting('demo.flag', setting, { actor: 'ada', kind, requestId: 'r1', at: clock.now() }));

test('each change records what it replaced; clearing removes the setting', async () => {
  assert.equal((await write({ variant: 'on' }, 'set')).before, null);
  clock.advance(1000);
  assert.deepEqual((await write({ variant: 'off' }, 'set')).before, { variant: 'on' });
  clock.advance(1000);
  assert.deepEqual((await write(null, 'revert')).before, { variant: 'off' });
  await withTenantTransaction(t.db, 'pilot-a', async () => {
    assert.equal((await flagSettings()).has('demo.flag'), false);
    assert.deepEqual(
      (await flagChanges('demo.flag')).map((c) => [c.kind, c.after, c.actor]),
      [
        ['revert', null, 'ada'],
        ['set', { variant: 'off' }, 'ada'],
        ['set', { variant: 'on' }, 'ada'],
      ],
    );
  });
  // Stored by pseudonym: the actor's name is not in the row.
  const stored = await t.db.query<{ actor: string }>(`SELECT DISTINCT actor FROM flag_changes WHERE tenant_id = 'pilot-a' AND flag_id = 'demo.flag'`);
  assert.deepEqual(stored.map((r) => r.actor.replace(/[0-9a-f-]{36}$/, '<key id>')), ['pseudonym:<key id>']);
  // Another tenant sees none of it.
  assert.deepEqual(await withTenantTransaction(t.db, 'pilot-b', () => flagChanges('demo.flag')), []);
});

test('the change history is append-only, by privilege and by trigger', async () => {
  for (const stmt of ['UPDATE flag_changes SET actor = $1', 'DELETE FROM flag_changes WHERE actor <> $1']) {
    await assert.rejects(asRole(t.db, 'companyos_app', 'pilot-a', (q) => q(stmt, ['mallory'])), /permission denied/, stmt);
    await assert.rejects(t.db.query(stmt, ['mallory']), /append-only/, `${stmt} as owner`);
  }
  await assert.rejects(t.db.query('TRUNCATE flag_changes'), /append-only/);
});
