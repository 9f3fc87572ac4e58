import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Database } from '../db/database.ts';
import { PgliteDatabase } from '../db/pglite-database.ts';
import type { Signer } from '../evidence/jwks.ts';
import { systemClock, type Clock } from '../util/clock.ts';
import { uuidv7 } from '../util/ids.ts';
import {
  BACKUP_ENVELOPE_FILE,
  BACKUP_FORMAT,
  BACKUP_MANIFEST_FILE,
  BackupError,
  DUMP_FILE,
  fileEntry,
  manifestBytes,
  signManifest,
  type BackupManifest,
} from './backup-manifest.ts';
import { pgDump } from './pg-tools.ts';
import { schemaVersion, summarizeTenants } from './store-summary.ts';

export interface TakeBackupOptions {
  db: Database;
  /** The server database `pg_dump` reads (required when `db` is PostgreSQL). */
  databaseUrl?: string | undefined;
  /** The folder to create; it must not exist or be empty. */
  outDir: string;
  /** The platform key (see keys/platform-key.ts). */
  signer: Signer;
  clock?: Clock;
}

async function isEmptyOrAbsent(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

async function dump(o: TakeBackupOptions, dir: string): Promise<string> {
  const file = DUMP_FILE[o.db.engine];
  if (o.db instanceof PgliteDatabase) {
    // The in-process instance is the only writer: its dump is one consistent state.
    const blob = await o.db.pglite.dumpDataDir('gzip');
    await writeFile(join(dir, file), Buffer.from(await blob.arrayBuffer()));
  } else {
    if (o.databaseUrl === undefined) throw new BackupError('a PostgreSQL backup needs the database URL');
    await pgDump(o.databaseUrl, join(dir, file));
  }
  return file;
}

/**
 * Writes a signed backup of the whole store into `outDir`. The files are made in a sibling
 * folder first and moved into place at the end, so a failed backup leaves no folder that looks
 * like a backup.
 */
export async function takeBackup(o: TakeBackupOptions): Promise<BackupManifest> {
  if (!(await isEmptyOrAbsent(o.outDir))) throw new BackupError(`${o.outDir} is not empty: give a new folder for the backup`);
  const work = join(dirname(o.outDir), `.${basename(o.outDir)}.partial-${uuidv7()}`);
  await mkdir(work, { recursive: true });
  try {
    const createdAt = (o.clock ?? systemClock).now();
    // Taken before the dump: the receipts it lists are all in the dump (it may hold newer ones).
    const tenants = await summarizeTenants(o.db);
    const version = await schemaVersion(o.db);
    const file = await dump(o, work);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      engine: o.db.engine,
      created_at: createdAt.toISOString(),
      schema_version: version,
      tenants,
      files: [await fileEntry(work, file)],
    };
    await writeFile(join(work, BACKUP_MANIFEST_FILE), manifestBytes(manifest));
    await writeFile(join(work, BACKUP_ENVELOPE_FILE), await signManifest(manifest, o.signer));
    await rmdir(o.outDir).catch(() => {});
    await rename(work, o.outDir);
    return manifest;
  } catch (err) {
    await rm(work, { recursive: true, force: true });
    throw err;
  }
}
