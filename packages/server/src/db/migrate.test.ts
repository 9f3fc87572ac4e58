import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { PgDatabase } from './pg-database.ts';
import { loadMigrations, migrate, migrationsCurrent, type Migration } from './migrate.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

test('the migrations are applied and re-running them applies nothing', async () => {
  assert.equal(await migrationsCurrent(t.db), true);
  assert.deepEqual(await migrate(t.db), []);
  const rows = await t.db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
  assert.deepEqual(
    rows.map((r) => r.version),
    loadMigrations().map((m) => m.version),
  );
});

test('two concurrent runs apply a new migration exactly once', async () => {
  const extra: Migration = { version: '9001', name: 'probe', sql: 'CREATE TABLE migration_probe (id int PRIMARY KEY);', checksum: 'probe-1' };
  const list = [...loadMigrations(), extra];
  // On PostgreSQL the second runner uses its own connection pool, like a second process would.
  const other = t.url === undefined ? t.db : PgDatabase.open(t.url, 2);
  try {
    const [a, b] = await Promise.all([migrate(t.db, list), migrate(other, list)]);
    assert.deepEqual([...a, ...b], ['9001']);
  } finally {
    if (other !== t.db) await other.close();
  }
  const rows = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM schema_migrations WHERE version = '9001'`);
  assert.equal(rows[0]!.n, 1);
});

test('a migration edited after it was applied is refused', async () => {
  const edited = loadMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
  await assert.rejects(migrate(t.db, edited), /was changed after it was applied/);
});

test('a migration that fails leaves nothing behind', async () => {
  const broken: Migration = {
    version: '9002',
    name: 'broken',
    sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();',
    checksum: 'broken-1',
  };
  await assert.rejects(migrate(t.db, [...loadMigrations(), broken]));
  const rows = await t.db.query<{ present: boolean }>(`SELECT to_regclass('half_done') IS NOT NULL AS present`);
  assert.equal(rows[0]!.present, false);
  assert.equal((await t.db.query(`SELECT 1 FROM schema_migrations WHERE version = '9002'`)).length, 0);
});
