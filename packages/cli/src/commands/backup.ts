// `companyos backup -o DIR` and `companyos restore DIR`: a signed backup of the whole store
// (DATABASE_URL through pg_dump, or the PGlite data dir of a stopped server), and its restore into
// an empty database or data dir after the manifest and every file verify.

import { join } from 'node:path';
import {
  kekForTools,
  loadConfig,
  newestReceiptAt,
  openStore,
  platformSigner,
  PLATFORM_KEY_HINT,
  PURGE_REGISTER_FILE,
  purgeRegisterDir,
  reapplyPurgeRegister,
  restoreStoreBackup,
  storeBackupFolders,
  storeDatabases,
  storeRestoreTargets,
  takeStoreBackup,
  verifyBackup,
  type BackupManifest,
} from '@companyos/server';
import { parse, UsageError } from '../args.ts';
import { COMMAND_USAGE } from '../usage.ts';

/** The platform key of the configured KEK (COMPANYOS_KEK, or the development KEK of the data dir). */
export function platformKey(config: ReturnType<typeof loadConfig>) {
  const kek = kekForTools(config.kek, config.dataDir);
  if (kek === undefined) throw new Error(`no key-encryption key: ${PLATFORM_KEY_HINT}`);
  return platformSigner(kek);
}

export const pgliteDirOf = (config: ReturnType<typeof loadConfig>): string => join(config.dataDir, 'pglite');

function describe(m: BackupManifest): string {
  const receipts = m.tenants.reduce((n, t) => n + t.receipts, 0);
  const newest = newestReceiptAt(m.tenants);
  return `${m.engine} store, schema ${m.schema_version}, ${m.tenants.length} tenants, ${receipts} receipts${newest === null ? '' : `, newest receipt ${newest}`}`;
}

export async function backupCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string', short: 'o' }, json: { type: 'boolean' } }, true);
  if (values.out === undefined || positionals.length > 0) throw new UsageError(COMMAND_USAGE.backup!);
  const config = loadConfig();
  const signer = platformKey(config);
  const home = config.databaseUrl === undefined ? pgliteDirOf(config) : undefined;
  // Every database of the store: the home one and, with COMPANYOS_REGION_DATABASES, each region's own.
  const db = await openStore({ databaseUrl: config.databaseUrl, dataDir: home, regionDatabases: config.regionDatabases });
  try {
    const databases = storeDatabases(db, { databaseUrl: config.databaseUrl, homeTarget: config.databaseUrl ?? home, regionDatabases: config.regionDatabases });
    const taken = await takeStoreBackup({ databases, outDir: values.out, signer });
    if (values.json === true) {
      // One database keeps the shape of before: its manifest at the top.
      const body = taken.length === 1 ? { dir: values.out, kid: signer.kid, manifest: taken[0]!.manifest } : { dir: values.out, kid: signer.kid, databases: taken };
      console.log(JSON.stringify(body, null, 2));
    } else {
      for (const t of taken) {
        console.log(`backup written to ${t.dir}: ${taken.length === 1 ? '' : `${t.label} database, `}${describe(t.manifest)}`);
        for (const f of t.manifest.files) console.log(`  ${f.name}  ${f.size} bytes  sha256 ${f.sha256}`);
      }
      console.log(`manifest${taken.length === 1 ? '' : 's'} signed by platform key ${signer.kid}`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

export async function restoreCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { 'verify-only': { type: 'boolean' }, 'purge-register': { type: 'string' }, 'purges-only': { type: 'boolean' }, json: { type: 'boolean' } }, true);
  const dir = positionals[0];
  const purgesOnly = values['purges-only'] === true;
  if ((dir === undefined) !== purgesOnly || positionals.length > 1) throw new UsageError(COMMAND_USAGE.restore!);
  const config = loadConfig();
  const { jwks } = platformKey(config);
  const target = config.databaseUrl !== undefined ? { databaseUrl: config.databaseUrl } : { pgliteDir: pgliteDirOf(config) };
  const purgeRegister = values['purge-register'] ?? join(purgeRegisterDir(config), PURGE_REGISTER_FILE);
  if (dir === undefined) {
    // A store recovered to a moment (PITR) did not come through restore: its purges still apply, in each of its databases.
    const applied = await reapplyPurgeRegister(storeRestoreTargets(target, config.regionDatabases), purgeRegister, jwks);
    const destroyed = applied.reduce((n, a) => n + a.keysDestroyedAgain, 0);
    if (values.json === true) {
      const perDatabase = applied.length === 1 ? {} : { databases: applied.map((a) => ({ label: a.label, keys_destroyed_again: a.keysDestroyedAgain })) };
      console.log(JSON.stringify({ keys_destroyed_again: destroyed, ...perDatabase }));
    } else {
      console.log(`destroyed again ${destroyed} data keys of purges listed in ${purgeRegister}${applied.length === 1 ? '' : ` (${applied.map((a) => `${a.label} ${a.keysDestroyedAgain}`).join(', ')})`}`);
    }
    return 0;
  }
  const verifyOnly = values['verify-only'] === true;
  const verifyAll = async () => Promise.all((await storeBackupFolders(dir)).map(async (f) => ({ label: f.label, manifest: await verifyBackup(f.dir, jwks), keysDestroyedAgain: 0 })));
  // Each database of the backup into its own: the home one, and each region's as COMPANYOS_REGION_DATABASES names it.
  const restored = await (verifyOnly ? verifyAll() : restoreStoreBackup({ dir, jwks, targets: storeRestoreTargets(target, config.regionDatabases), purgeRegister })).catch((err: Error) => {
    // A key that does not match usually means the wrong KEK is configured, not a forged backup.
    throw /signature does not verify/.test(err.message) ? new Error(`${err.message} (${PLATFORM_KEY_HINT})`) : err;
  });
  const keysDestroyedAgain = restored.reduce((n, r) => n + r.keysDestroyedAgain, 0);
  if (values.json === true) {
    const body = restored.length === 1 ? { manifest: restored[0]!.manifest } : { databases: restored.map((r) => ({ label: r.label, manifest: r.manifest })) };
    console.log(JSON.stringify({ restored: !verifyOnly, ...body, keys_destroyed_again: keysDestroyedAgain }, null, 2));
  } else {
    for (const r of restored) console.log(`${verifyOnly ? 'verified' : 'restored'} backup of ${r.manifest.created_at}: ${restored.length === 1 ? '' : `${r.label} database, `}${describe(r.manifest)}`);
    if (keysDestroyedAgain > 0) console.log(`destroyed again ${keysDestroyedAgain} data keys of purges listed in ${purgeRegister}`);
  }
  return 0;
}
