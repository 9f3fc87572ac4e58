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

test('the format checks rewritten without counted repetition accept exactly what they did', async () => {
  const migrations = loadMigrations();
  const rewrite = migrations.find((m) => m.name === 'cheap_format_checks')!;
  // Each earlier check `CHECK (column ~ 'pattern')`, by the table whose statement declares it.
  const earlier = new Map<string, string>();
  for (const m of migrations.filter((x) => x.version < rewrite.version)) {
    for (const statement of m.sql.split(/;\s*\n/)) {
      const table = /(?:CREATE|ALTER) TABLE (\w+)/.exec(statement)?.[1];
      for (const [, column, pattern] of statement.matchAll(/CHECK \((\w+) ~ '([^']*)'\)/g)) earlier.set(`${table}_${column}_check`, pattern!);
    }
  }
  const names = [...rewrite.sql.matchAll(/ADD CONSTRAINT (\w+) CHECK/g)].map((x) => x[1]!);
  assert.equal(names.length, 23);
  // Lengths at every bound in use, of characters each class admits or refuses.
  const samples: string[] = [];
  for (const c of ['a', 'z', 'A', 'Z', '0', '9', 'f', 'g', '-', '_', '.', ':', '@', '/', ' ', 'é']) {
    for (const n of [0, 1, 2, 3, 15, 16, 17, 62, 63, 64, 65, 127, 128, 129, 199, 200, 201, 255, 256, 257]) {
      samples.push(c.repeat(n), `a${c.repeat(Math.max(0, n - 1))}`, `A${c.repeat(Math.max(0, n - 1))}`, `0${c.repeat(Math.max(0, n - 1))}`, `${'a'.repeat(n)}\n`);
    }
  }
  for (const name of names) {
    const [row] = await t.db.query<{ column: string; def: string }>(
      `SELECT a.attname AS column, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] WHERE c.conname = $1`,
      [name],
    );
    const pattern = earlier.get(name);
    assert.ok(row !== undefined && pattern !== undefined, name);
    // The column's name in the new definition, outside its quoted literals, becomes the sample.
    const expression = row.def
      .replace(/^CHECK /, '')
      .split(/('(?:[^']|'')*')/)
      .map((part, i) => (i % 2 === 1 ? part : part.replace(new RegExp(`\\b${row.column}\\b`, 'g'), 's.v')))
      .join('');
    const differing = await t.db.query<{ v: string }>(
      `SELECT s.v FROM unnest($1::text[]) AS s(v) WHERE (s.v ~ $2) IS DISTINCT FROM ${expression}`,
      [samples, pattern],
    );
    assert.deepEqual(differing, [], `${name}: ${pattern} against ${expression}`);
  }
});
