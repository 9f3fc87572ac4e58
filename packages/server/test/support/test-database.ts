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
// test file, so files can run in parallel).
export interface TestDatabase {
  db: Database;
  /** Connection string of the per-file database (PostgreSQL only). */
  url?: string;
  close(): Promise<void>;
}

let template: Promise<Blob> | undefined;

// A migrated PGlite data dir, dumped once and cached in a temp file keyed by the migrations, so
// each test file loads it in ~0.5 s instead of initialising PostgreSQL again (3-4 s).
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    // Keyed by the migrations and the installed PGlite build, so a stale dump is never loaded.
    const pgliteBuild = statSync(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))).mtimeMs;
    const key = sha256Hex(`${pgliteBuild}:${loadMigrations().map((m) => m.checksum).join(',')}`).slice(0, 16);
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
  return template;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') {
    const db = await PgliteDatabase.open({ template: await pgliteTemplate() });
    return { db, close: () => db.close() };
  }
  const name = `companyos_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = PgDatabase.open(target.toString(), 5);
  await migrate(db);
  return {
    db,
    url: target.toString(),
    close: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
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
