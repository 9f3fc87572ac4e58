import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/db/database.ts';
import { loadMigrations, migrate } from '../../src/db/migrate.ts';
import { PgDatabase } from '../../src/db/pg-database.ts';
import { PgliteDatabase } from '../../src/db/pglite-database.ts';
import { sha256Hex } from '../../src/util/canonical-json.ts';

// Tests run on PGlite, or on the PostgreSQL server named by DATABASE_URL (one fresh database per
// test file, so files can run in parallel). Either way a fresh database starts as a copy of one
// migrated once.
export interface TestDatabase {
  db: Database;
  /** Connection string of the per-file database (PostgreSQL only). */
  url?: string;
  close(): Promise<void>;
}

// Keyed by the migrations, so a template built from other migrations is never used.
const migrationsKey = (): string => sha256Hex(loadMigrations().map((m) => m.checksum).join(',')).slice(0, 16);

let pgliteDump: Promise<Blob> | undefined;

// A migrated PGlite data dir, dumped once and cached in a temp file keyed by the migrations, so
// each test file loads it in ~0.5 s instead of initialising PostgreSQL again (3-4 s).
function pgliteTemplate(): Promise<Blob> {
  pgliteDump ??= (async () => {
    // Keyed by the installed PGlite build too, so a stale dump is never loaded.
    const pgliteBuild = statSync(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))).mtimeMs;
    const key = sha256Hex(`${pgliteBuild}:${migrationsKey()}`).slice(0, 16);
    const file = join(tmpdir(), `companyos-pglite-template-${key}.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const db = await PgliteDatabase.open();
    try {
      await migrate(db);
      const blob = await db.pglite.dumpDataDir('none');
      const bytes = Buffer.from(await blob.arrayBuffer());
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, bytes);
      renameSync(partial, file);
      return new Blob([bytes]);
    } finally {
      await db.close();
    }
  })();
  return pgliteDump;
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

let pgTemplate: Promise<string> | undefined;

// A migrated database on the server, left there for every later test file to copy
// (`CREATE DATABASE … TEMPLATE`, a file copy) instead of running the migrations again. It is built
// under a name of its own and renamed into place, so a file never copies a half-migrated one;
// when two files build it at once, the first rename wins and the other drops its copy.
function postgresTemplate(url: string): Promise<string> {
  pgTemplate ??= (async () => {
    const name = `companyos_template_${migrationsKey()}`;
    const exists = await adminQuery(url, 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount !== 0) return name;
    const building = `${name}_${randomBytes(4).toString('hex')}`;
    await adminQuery(url, `CREATE DATABASE ${building}`);
    const db = PgDatabase.open(databaseUrl(url, building), 1);
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
    try {
      await adminQuery(url, `ALTER DATABASE ${building} RENAME TO ${name}`);
    } catch (e) {
      if ((e as { code?: string }).code !== '42P04') throw e; // duplicate_database: another file's copy won
      await adminQuery(url, `DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    }
    return name;
  })();
  return pgTemplate;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') {
    // A test's database holds little: a small buffer pool makes each start cheaper (the pool is
    // allocated and cleared at start; 128MB by default).
    const db = await PgliteDatabase.open({ template: await pgliteTemplate(), settings: { shared_buffers: '16MB' } });
    return { db, close: () => db.close() };
  }
  const name = `companyos_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${await postgresTemplate(url)}`);
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
