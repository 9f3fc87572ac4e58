import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/open-database.ts';
import { openStore } from '../db/open-store.ts';
import type { KeyProvider } from '../keys/key-provider.ts';
import type { PlatformSigner } from '../keys/platform-key.ts';
import { verifyTenantLedger } from '../ledger/verify-ledger.ts';
import { systemClock, type Clock } from '../util/clock.ts';
import type { BackupFileEntry } from './backup-manifest.ts';
import { probeRestoredServer, type ProbeResult } from './drill-probe.ts';
import type { RestoreTarget } from './restore-backup.ts';
import { restoreStoreBackup, storeDatabases, takeStoreBackup, type StoreDatabase } from './store-backup.ts';
import { newestReceiptAt, summarizeTenants } from './store-summary.ts';

// A disaster-recovery drill: back up the live store, restore it into a fresh database, verify
// every tenant's ledger there, and probe a server started on it. The figures are measured, not
// estimated: the recovery point is the age of the newest receipt that came back, the recovery
// time is what restoring, verifying and serving took. A store with a database per region
// (ADR 0033) is drilled whole: each database into a fresh one of its own, the restored
// databases opened as the server opens them, so each tenant is verified in its region's.

export interface DrillTenant {
  tenant_id: string;
  receipts: number;
  newest_receipt_at: string | null;
  ledger_ok: boolean;
  leaves: number;
  checkpoints: number;
  errors: string[];
}

export interface DrillReport {
  ok: boolean;
  engine: Database['engine'];
  started_at: string;
  finished_at: string;
  /** The backup's files; with a database per region, each named by its database's folder (`home/…`, `us/…`). */
  backup: { created_at: string; schema_version: string; files: BackupFileEntry[] };
  /** The databases backed up and restored: `home`, then each region's own. */
  databases: string[];
  tenants: DrillTenant[];
  /** Age of the newest restored receipt when the drill started: what a disaster then would have lost at most. */
  recovery_point: { newest_receipt_at: string | null; age_ms: number | null };
  /** From a backup in hand to a verified, serving store: restore + ledger verification + probe. */
  recovery_time_ms: number;
  timings_ms: { backup: number; restore: number; verify: number; probe: number };
  probe: ProbeResult;
}

export interface DrillOptions {
  db: Database;
  /** The live PostgreSQL database (pg_dump reads it; the drill database is created beside it). */
  databaseUrl?: string | undefined;
  /** With a database per region (`db` a router): COMPANYOS_REGION_DATABASES, each drilled beside its own. */
  regionDatabases?: Readonly<Record<string, string>> | undefined;
  /** The home PGlite data dir, on the embedded engine (tells a region's own database from the home one). */
  pgliteDir?: string | undefined;
  signer: PlatformSigner;
  keyProvider: KeyProvider;
  /** An empty folder the drill may fill (backup, restored PGlite data dir, probe files). */
  workDir: string;
  clock?: Clock;
  log: Logger;
}

/** A fresh database beside the live one, dropped when the drill ends. */
async function drillDatabase(databaseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `companyos_drill_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const since = (t0: number): number => Math.round(performance.now() - t0);

/** A fresh, empty target for one database of the store: a new database beside it, or a data dir in the drill's folder. */
async function freshTarget(d: StoreDatabase, workDir: string): Promise<{ target: RestoreTarget; drop: () => Promise<void> }> {
  if (d.databaseUrl === undefined) return { target: { pgliteDir: join(workDir, 'restored', d.label) }, drop: async () => undefined };
  const fresh = await drillDatabase(d.databaseUrl);
  return { target: { databaseUrl: fresh.url }, drop: fresh.drop };
}

const targetName = (t: RestoreTarget): string => ('databaseUrl' in t ? t.databaseUrl : t.pgliteDir);

/** The restored store, opened as the server opens the live one: each region's tenants in the database restored from theirs. */
function openRestored(databases: StoreDatabase[], targets: Map<string, RestoreTarget>): Promise<Database> {
  const home = targets.get(databases[0]!.label)!;
  const homeOptions = 'databaseUrl' in home ? { databaseUrl: home.databaseUrl } : { dataDir: home.pgliteDir };
  if (databases.length === 1) return openDatabase({ ...homeOptions, migrate: false });
  const regionDatabases: Record<string, string> = {};
  for (const d of databases.slice(1)) for (const region of d.label.split('+')) regionDatabases[region] = targetName(targets.get(d.label)!);
  return openStore({ ...homeOptions, regionDatabases, migrate: false });
}

export async function runDrill(o: DrillOptions): Promise<DrillReport> {
  const clock = o.clock ?? systemClock;
  const startedAt = clock.now();
  const databases = storeDatabases(o.db, { databaseUrl: o.databaseUrl, homeTarget: o.databaseUrl ?? o.pgliteDir, regionDatabases: o.regionDatabases ?? {} });
  const backupDir = join(o.workDir, 'backup');
  let t0 = performance.now();
  const taken = await takeStoreBackup({ databases, outDir: backupDir, signer: o.signer, clock });
  const backupMs = since(t0);
  const home = taken[0]!.manifest;
  const files = taken.length === 1 ? home.files : taken.flatMap((t) => t.manifest.files.map((f) => ({ ...f, name: `${t.label}/${f.name}` })));

  const fresh: Array<{ drop: () => Promise<void> }> = [];
  try {
    const targets = new Map<string, RestoreTarget>();
    for (const d of databases) {
      const made = await freshTarget(d, o.workDir);
      fresh.push(made);
      targets.set(d.label, made.target);
    }
    t0 = performance.now();
    await restoreStoreBackup({ dir: backupDir, jwks: o.signer.jwks, targets });
    const restored = await openRestored(databases, targets);
    try {
      const restoreMs = since(t0);
      t0 = performance.now();
      const summaries = await summarizeTenants(restored);
      const tenants: DrillTenant[] = [];
      for (const s of summaries) {
        const v = await verifyTenantLedger(restored, s.tenant_id);
        tenants.push({ ...s, ledger_ok: v.ok, leaves: v.size, checkpoints: v.checkpoints, errors: v.errors });
      }
      const verifyMs = since(t0);
      t0 = performance.now();
      const probe = await probeRestoredServer({ db: restored, tenants: summaries.map((s) => s.tenant_id), keyProvider: o.keyProvider, dataDir: join(o.workDir, 'probe'), log: o.log });
      const probeMs = since(t0);
      const newest = newestReceiptAt(summaries);
      return {
        ok: probe.ok && tenants.every((t) => t.ledger_ok),
        engine: o.db.engine,
        started_at: startedAt.toISOString(),
        finished_at: clock.now().toISOString(),
        backup: { created_at: home.created_at, schema_version: home.schema_version, files },
        databases: databases.map((d) => d.label),
        tenants,
        recovery_point: { newest_receipt_at: newest, age_ms: newest === null ? null : Math.max(0, startedAt.getTime() - Date.parse(newest)) },
        recovery_time_ms: restoreMs + verifyMs + probeMs,
        timings_ms: { backup: backupMs, restore: restoreMs, verify: verifyMs, probe: probeMs },
        probe,
      };
    } finally {
      await restored.close();
    }
  } finally {
    for (const f of fresh) await f.drop();
  }
}
