import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Database } from '../db/database.ts';
import { RegionRouter } from '../db/region-router.ts';
import type { Signer } from '../evidence/jwks.ts';
import type { Jwks } from '../keys/jwks.ts';
import type { Clock } from '../util/clock.ts';
import { uuidv7 } from '../util/ids.ts';
import { BackupError, verifyBackup, type BackupManifest } from './backup-manifest.ts';
import { restoreBackup, type RestoreResult, type RestoreTarget } from './restore-backup.ts';
import { takeBackup } from './take-backup.ts';

// A store with a database per region (ADR 0033) is backed up database by database: one signed
// backup folder each (`home`, then one per region database, named by its regions), and an index
// naming them. A store of one database is backed up as before, into the folder itself.

export const DATABASES_FILE = 'databases.json';
export const HOME = 'home';

/** One database of a store: its label in the backup, and where pg_dump reads it (PostgreSQL). */
export interface StoreDatabase {
  label: string;
  db: Database;
  databaseUrl: string | undefined;
}

interface DatabasesIndex {
  format: 'companyos.store-backup/v1';
  databases: Array<{ label: string; dir: string }>;
}

/** Regions grouped by the database serving them (those served by the home database left out): label → target. */
function regionTargets(regionDatabases: Readonly<Record<string, string>>, homeTarget: string | undefined): Map<string, string> {
  const byTarget = new Map<string, string[]>();
  for (const [region, target] of Object.entries(regionDatabases)) {
    if (target === homeTarget) continue;
    byTarget.set(target, [...(byTarget.get(target) ?? []), region]);
  }
  return new Map([...byTarget].map(([target, regions]) => [regions.sort().join('+'), target]));
}

/** The databases of an opened store, home first, with the settings it was opened from. */
export function storeDatabases(store: Database, settings: { databaseUrl: string | undefined; homeTarget?: string | undefined; regionDatabases: Readonly<Record<string, string>> }): StoreDatabase[] {
  const home = { label: HOME, db: store instanceof RegionRouter ? store.home : store, databaseUrl: settings.databaseUrl };
  if (!(store instanceof RegionRouter)) return [home];
  const out: StoreDatabase[] = [home];
  for (const [label, target] of regionTargets(settings.regionDatabases, settings.homeTarget ?? settings.databaseUrl)) {
    const region = label.split('+')[0]!;
    out.push({ label, db: store.forRegion(region), databaseUrl: settings.databaseUrl === undefined ? undefined : target });
  }
  return out;
}

/** Where each database of a backup restores to, from the same settings: label → target. */
export function storeRestoreTargets(home: RestoreTarget, regionDatabases: Readonly<Record<string, string>>): Map<string, RestoreTarget> {
  const homeTarget = 'databaseUrl' in home ? home.databaseUrl : home.pgliteDir;
  const out = new Map<string, RestoreTarget>([[HOME, home]]);
  for (const [label, target] of regionTargets(regionDatabases, homeTarget)) out.set(label, 'databaseUrl' in home ? { databaseUrl: target } : { pgliteDir: target });
  return out;
}

export interface StoreBackup {
  label: string;
  dir: string;
  manifest: BackupManifest;
}

/** Backs up every database of the store into `outDir`; one database is backed up into `outDir` itself. */
export async function takeStoreBackup(o: { databases: StoreDatabase[]; outDir: string; signer: Signer; clock?: Clock }): Promise<StoreBackup[]> {
  if (o.databases.length === 1) {
    const only = o.databases[0]!;
    return [{ label: only.label, dir: o.outDir, manifest: await takeBackup({ db: only.db, databaseUrl: only.databaseUrl, outDir: o.outDir, signer: o.signer, clock: o.clock }) }];
  }
  if ((await readdir(o.outDir).catch(() => [])).length > 0) throw new BackupError(`${o.outDir} is not empty: give a new folder for the backup`);
  // Made in a sibling folder and moved into place at the end, as a single backup is.
  const work = join(dirname(o.outDir), `.${basename(o.outDir)}.partial-${uuidv7()}`);
  try {
    const taken: StoreBackup[] = [];
    for (const d of o.databases) {
      const manifest = await takeBackup({ db: d.db, databaseUrl: d.databaseUrl, outDir: join(work, d.label), signer: o.signer, clock: o.clock });
      taken.push({ label: d.label, dir: join(o.outDir, d.label), manifest });
    }
    const index: DatabasesIndex = { format: 'companyos.store-backup/v1', databases: taken.map((t) => ({ label: t.label, dir: t.label })) };
    await writeFile(join(work, DATABASES_FILE), `${JSON.stringify(index, null, 2)}\n`);
    await rmdir(o.outDir).catch(() => {});
    await rename(work, o.outDir);
    return taken;
  } catch (err) {
    await rm(work, { recursive: true, force: true });
    throw err;
  }
}

async function readIndex(dir: string): Promise<DatabasesIndex | undefined> {
  const file = join(dir, DATABASES_FILE);
  if (!existsSync(file)) return undefined;
  const index = JSON.parse(await readFile(file, 'utf8')) as DatabasesIndex;
  if (index.format !== 'companyos.store-backup/v1' || !Array.isArray(index.databases)) throw new BackupError(`${file} is not a store backup index`);
  for (const d of index.databases) {
    if (typeof d.label !== 'string' || d.dir !== d.label || !/^[a-z+]+$/.test(d.label)) throw new BackupError(`${file} names a database folder it may not: ${JSON.stringify(d)}`);
  }
  return index;
}

/** The backup folders of `dir` with their labels: the index's, or `dir` itself as the home database. */
export async function storeBackupFolders(dir: string): Promise<Array<{ label: string; dir: string }>> {
  const index = await readIndex(dir);
  return index === undefined ? [{ label: HOME, dir }] : index.databases.map((d) => ({ label: d.label, dir: join(dir, d.dir) }));
}

/**
 * Restores every database of a store backup into its target. The backup and the settings must name
 * the same databases, and every backup must verify, before anything is written.
 */
export async function restoreStoreBackup(o: { dir: string; jwks: Jwks; targets: Map<string, RestoreTarget>; purgeRegister?: string | undefined }): Promise<Array<RestoreResult & { label: string }>> {
  const folders = await storeBackupFolders(o.dir);
  const inBackup = folders.map((f) => f.label).sort();
  const configured = [...o.targets.keys()].sort();
  if (JSON.stringify(inBackup) !== JSON.stringify(configured)) {
    throw new BackupError(`the backup holds the databases ${inBackup.join(', ')} but the settings name ${configured.join(', ')}: restore with the COMPANYOS_REGION_DATABASES the backup was taken with`);
  }
  for (const f of folders) await verifyBackup(f.dir, o.jwks);
  const restored: Array<RestoreResult & { label: string }> = [];
  for (const f of folders) restored.push({ label: f.label, ...(await restoreBackup({ dir: f.dir, jwks: o.jwks, target: o.targets.get(f.label)!, purgeRegister: o.purgeRegister })) });
  return restored;
}
