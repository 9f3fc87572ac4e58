import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/open-database.ts';
import { PgDatabase } from '../db/pg-database.ts';
import type { Jwks } from '../keys/jwks.ts';
import { BackupError, DUMP_FILE, verifyBackup, type BackupManifest } from './backup-manifest.ts';
import { pgRestore } from './pg-tools.ts';
import { applyPurgeRegister, readPurgeRegister, type PurgeRegisterEntry } from './purge-register.ts';

export type RestoreTarget = { databaseUrl: string } | { pgliteDir: string };

export interface RestoreOptions {
  /** The backup folder. */
  dir: string;
  /** The platform key set the manifest must be signed by. */
  jwks: Jwks;
  target: RestoreTarget;
  /** The purge register whose destroyed keys are destroyed again before the store is served (a missing file is an empty register). */
  purgeRegister?: string | undefined;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Data keys the backup still held that the purge register destroyed again. */
  keysDestroyedAgain: number;
}

// The app roles are cluster-wide on PostgreSQL: a new cluster lacks them, and the restored grants
// and row-level security policies name them.
const APP_ROLES = `DO $$ BEGIN
  BEGIN CREATE ROLE companyos_app NOLOGIN NOBYPASSRLS; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
  BEGIN CREATE ROLE companyos_platform NOLOGIN NOBYPASSRLS; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT companyos_app, companyos_platform TO %I', current_user);
  END IF;
END $$`;

/**
 * Tables, views or sequences in the target that no extension owns: any of them means it is in use.
 * An extension's own (pg_stat_statements' views, when the cluster's template database has it) does
 * not: a database just created from such a template is new.
 */
async function relationsIn(db: Database): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`,
  );
  return row?.n ?? 0;
}

async function restoreIntoPostgres(databaseUrl: string, file: string): Promise<void> {
  const db = PgDatabase.open(databaseUrl, 1);
  try {
    if ((await relationsIn(db)) > 0) throw new BackupError('the target database is not empty: restore only into a new, empty database');
    await db.exec(APP_ROLES);
  } finally {
    await db.close();
  }
  await pgRestore(databaseUrl, file);
}

async function restoreIntoPglite(dataDir: string, file: string): Promise<void> {
  const entries = await readdir(dataDir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  if (entries.length > 0) throw new BackupError(`the target data dir ${dataDir} is not empty: restore only into a new, empty data dir`);
  await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir, loadDataDir: new Blob([await readFile(file)]) });
  await pglite.close();
}

/** Destroys again, in a restored store, the keys of purges made after its recovery point (ADR 0025). */
async function reapplyPurges(target: RestoreTarget, register: PurgeRegisterEntry[]): Promise<number> {
  if (register.length === 0) return 0;
  const db = await openDatabase('databaseUrl' in target ? { databaseUrl: target.databaseUrl, migrate: false } : { dataDir: target.pgliteDir, migrate: false });
  try {
    // A backup older than data keys holds none to destroy.
    const [row] = await db.query<{ present: boolean }>(`SELECT to_regclass('subject_data_keys') IS NOT NULL AS present`);
    return row?.present === true ? await applyPurgeRegister(db, register) : 0;
  } finally {
    await db.close();
  }
}

/**
 * Restores a verified backup into an empty database or data dir, then destroys again the data keys
 * the purge register lists. Nothing is written to the target unless the manifest's signature, every
 * file's checksum and every register line verify and the target is empty.
 */
export async function restoreBackup(o: RestoreOptions): Promise<RestoreResult> {
  const manifest = await verifyBackup(o.dir, o.jwks);
  const register = o.purgeRegister === undefined ? [] : await readPurgeRegister(o.purgeRegister, o.jwks);
  const wanted = 'databaseUrl' in o.target ? 'postgres' : 'pglite';
  if (manifest.engine !== wanted) {
    throw new BackupError(`this is a ${manifest.engine} backup; it restores only into ${manifest.engine === 'pglite' ? 'a PGlite data dir (unset DATABASE_URL)' : 'a PostgreSQL database (set DATABASE_URL)'}`);
  }
  const file = join(o.dir, DUMP_FILE[manifest.engine]);
  if ('databaseUrl' in o.target) await restoreIntoPostgres(o.target.databaseUrl, file);
  else await restoreIntoPglite(o.target.pgliteDir, file);
  return { manifest, keysDestroyedAgain: await reapplyPurges(o.target, register) };
}

/**
 * Applies a purge register to a store restored by other means (point-in-time recovery): verifies
 * every line, then destroys the keys it lists in every database of the store (`targets`, label →
 * target: the home one and each region's own), as a restore does. Returns how many were still
 * live in each.
 */
export async function reapplyPurgeRegister(targets: ReadonlyMap<string, RestoreTarget>, file: string, jwks: Jwks): Promise<Array<{ label: string; keysDestroyedAgain: number }>> {
  const register = await readPurgeRegister(file, jwks);
  const out: Array<{ label: string; keysDestroyedAgain: number }> = [];
  for (const [label, target] of targets) out.push({ label, keysDestroyedAgain: await reapplyPurges(target, register) });
  return out;
}
