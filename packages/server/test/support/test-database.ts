import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/db/database.ts';
import { loadMigrations, migrate } from '../../src/db/migrate.ts';
import { PgDatabase } from '../../src/db/pg-database.ts';
import { PgliteDatabase } from '../../src/db/pglite-database.ts';
import { defaultPolicyDir } from '../../src/config.ts';
import { seedDemo } from '../../src/seed/seed-demo.ts';
import { sha256Hex } from '../../src/util/canonical-json.ts';
import { FakeClock } from '../../src/util/clock.ts';

// Tests run on PGlite, or on the PostgreSQL server named by DATABASE_URL (one fresh database per
// test file, so files can run in parallel). Either way a fresh database starts as a copy of one
// migrated once.
export interface TestDatabase {
  db: Database;
  /** Connection string of the per-file database (PostgreSQL only). */
  url?: string;
  close(): Promise<void>;
}

/** The instant a test app's fake clock starts at; the demo rows of a seeded database carry it. */
export const TEST_START = '2026-03-02T09:00:00.000Z';

/**
 * What a fresh database holds: the migrated schema alone, or with the demo tenants seeded at
 * TEST_START as well (what every test app starts from).
 */
export type TestDatabaseContents = 'migrated' | 'seeded';

// Keyed by the migrations, so a template built from other migrations is never used.
const migrationsKey = (): string => sha256Hex(loadMigrations().map((m) => m.checksum).join(',')).slice(0, 16);

// Each file by its path below `root`, so that two checkouts of the same source share a template.
function treeDigest(root: string, dir = root, parts: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) treeDigest(root, path, parts);
    else if (!entry.name.endsWith('.test.ts')) parts.push(`${relative(root, path)}:${sha256Hex(readFileSync(path))}`);
  }
  return parts;
}

// A seeded template is keyed by everything the seed could read: the server's source and the base
// policy bundle, so a change to either seeds afresh.
const contentsKey = (contents: TestDatabaseContents): string =>
  contents === 'migrated'
    ? migrationsKey()
    : sha256Hex([migrationsKey(), TEST_START, ...treeDigest(fileURLToPath(new URL('../../src/', import.meta.url))), ...treeDigest(defaultPolicyDir)].join('\n')).slice(0, 16);

async function fill(db: Database, contents: TestDatabaseContents): Promise<void> {
  await migrate(db);
  if (contents === 'seeded') await seedDemo(db, { clock: new FakeClock(TEST_START) });
}

const pgliteDumps = new Map<TestDatabaseContents, Promise<Blob>>();

/**
 * A dump's bytes as the Blob PGlite reads them from. Node's own Blob copies the 40 MB in, and its
 * arrayBuffer() reads them out again in small pieces: together about a third of a second of each
 * test file's start. This one hands out a plain copy of the bytes for each database loaded.
 */
class DumpBlob extends Blob {
  constructor(private readonly dump: Buffer) {
    super([]);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.dump.buffer.slice(this.dump.byteOffset, this.dump.byteOffset + this.dump.length) as ArrayBuffer);
  }
}

// A filled PGlite data dir, dumped once and cached in a temp file keyed by its contents, so each
// test file loads it in ~0.5 s instead of initialising PostgreSQL again (3-4 s) and seeding it.
function pgliteTemplate(contents: TestDatabaseContents): Promise<Blob> {
  let dump = pgliteDumps.get(contents);
  dump ??= (async () => {
    // Keyed by the installed PGlite build too, so a stale dump is never loaded.
    const pgliteBuild = statSync(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))).mtimeMs;
    const key = sha256Hex(`${pgliteBuild}:${contentsKey(contents)}`).slice(0, 16);
    const file = join(tmpdir(), `companyos-pglite-${contents}-${key}.tar`);
    if (existsSync(file)) {
      const bytes = readFileSync(file);
      // Marked as used, so that other runs' clean-up (removeStaleDumps) leaves it.
      const now = new Date();
      utimesSync(file, now, now);
      return new DumpBlob(bytes);
    }
    const db = await PgliteDatabase.open();
    try {
      await fill(db, contents);
      const blob = await db.pglite.dumpDataDir('none');
      const bytes = Buffer.from(await blob.arrayBuffer());
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, bytes);
      renameSync(partial, file);
      removeStaleDumps(contents, file);
      return new DumpBlob(bytes);
    } finally {
      await db.close();
    }
  })();
  pgliteDumps.set(contents, dump);
  return dump;
}

/** A dump no run has used for an hour is stale: a run reads (and touches) its dump as each test file starts. */
const STALE_DUMP_MS = 3_600_000;

// Every change to the server's source makes a new seeded dump (some 40 MB): the ones before it go
// once they are stale, so a developer's temp dir does not fill up. A run whose dump went builds it
// again.
function removeStaleDumps(contents: TestDatabaseContents, current: string): void {
  const prefix = `companyos-pglite-${contents}-`;
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (!name.startsWith(prefix) || !name.endsWith('.tar') || path === current) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_DUMP_MS) rmSync(path, { force: true });
    } catch {
      // removed by another run meanwhile
    }
  }
}

async function adminQuery(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await admin.query(sql, params);
  } finally {
    await admin.end();
  }
}

const databaseUrl = (url: string, name: string): string => {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
};

const pgTemplates = new Map<TestDatabaseContents, Promise<string>>();

// A filled database on the server, left there for every later test file to copy
// (`CREATE DATABASE … TEMPLATE`, a file copy) instead of running the migrations again. It is built
// under a name of its own and renamed into place, so a file never copies a half-migrated one;
// when two files build it at once, the first rename wins and the other drops its copy.
function postgresTemplate(url: string, contents: TestDatabaseContents): Promise<string> {
  let template = pgTemplates.get(contents);
  template ??= (async () => {
    const name = `companyos_template_${contents}_${contentsKey(contents)}`;
    const exists = await adminQuery(url, 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount !== 0) return name;
    const building = `${name}_${randomBytes(4).toString('hex')}`;
    await adminQuery(url, `CREATE DATABASE ${building}`);
    const db = PgDatabase.open(databaseUrl(url, building), 1);
    try {
      await fill(db, contents);
    } finally {
      await db.close();
    }
    try {
      await adminQuery(url, `ALTER DATABASE ${building} RENAME TO ${name}`);
    } catch (e) {
      if ((e as { code?: string }).code !== '42P04') throw e; // duplicate_database: another file's copy won
      await adminQuery(url, `DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      return name;
    }
    await dropOtherTemplates(url, contents, name);
    return name;
  })();
  pgTemplates.set(contents, template);
  return template;
}

/** How many templates of the same contents (the newest, from other source) stay for runs of other checkouts. */
const TEMPLATES_KEPT = 4;

// Templates of the same contents made from older source go when a new one is made, so they do not
// pile up on a developer's server; the newest few stay, for other checkouts' runs still using
// them, and one being copied right now is in use and stays too.
async function dropOtherTemplates(url: string, contents: TestDatabaseContents, current: string): Promise<void> {
  // Finished templates only (one another file is still building carries a suffix of its own),
  // past the newest few: a database's oid grows with its creation.
  const others = await adminQuery(
    url,
    `SELECT datname FROM pg_database WHERE datname ~ $1 AND datname <> $2 ORDER BY oid DESC OFFSET $3`,
    [`^companyos_template_${contents}_[0-9a-f]{16}$`, current, TEMPLATES_KEPT],
  );
  for (const { datname } of others.rows as Array<{ datname: string }>) {
    await adminQuery(url, `DROP DATABASE IF EXISTS ${datname}`).catch(() => undefined);
  }
}

export async function createTestDatabase(contents: TestDatabaseContents = 'migrated'): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') {
    // A test's database holds little: a small buffer pool makes each start cheaper (the pool is
    // allocated and cleared at start; 128MB by default).
    const db = await PgliteDatabase.open({ template: await pgliteTemplate(contents), settings: { shared_buffers: '16MB' } });
    return { db, close: () => db.close() };
  }
  const name = `companyos_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${await postgresTemplate(url, contents)}`);
  const db = PgDatabase.open(databaseUrl(url, name), 5);
  return {
    db,
    url: databaseUrl(url, name),
    close: async () => {
      await db.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** A raw transaction as the given role and tenant, for tests that probe the database walls. */
export function asRole<T>(db: Database, role: 'companyos_app' | 'companyos_platform', tenant: string | null, fn: (q: Database['query']) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.exec(`SET LOCAL ROLE ${role}`);
    if (tenant !== null) await tx.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
    return fn((sql, params) => tx.query(sql, params));
  });
}
