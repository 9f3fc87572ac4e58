import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/open-database.ts';
import type { KeyProvider } from '../keys/key-provider.ts';
import type { PlatformSigner } from '../keys/platform-key.ts';
import { verifyTenantLedger } from '../ledger/verify-ledger.ts';
import { systemClock, type Clock } from '../util/clock.ts';
import type { BackupFileEntry } from './backup-manifest.ts';
import { probeRestoredServer, type ProbeResult } from './drill-probe.ts';
import { restoreBackup, type RestoreTarget } from './restore-backup.ts';
import { newestReceiptAt, summarizeTenants } from './store-summary.ts';
import { takeBackup } from './take-backup.ts';

// A disaster-recovery drill: back up the live store, restore it into a fresh database, verify
// every tenant's ledger there, and probe a server started on it. The figures are measured, not
// estimated: the recovery point is the age of the newest receipt that came back, the recovery
// time is what restoring, verifying and serving took.

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
  backup: { created_at: string; schema_version: string; files: BackupFileEntry[] };
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

export async function runDrill(o: DrillOptions): Promise<DrillReport> {
  const clock = o.clock ?? systemClock;
  const startedAt = clock.now();
  let t0 = performance.now();
  const manifest = await takeBackup({ db: o.db, databaseUrl: o.databaseUrl, outDir: join(o.workDir, 'backup'), signer: o.signer, clock });
  const backupMs = since(t0);

  const fresh = o.databaseUrl === undefined ? undefined : await drillDatabase(o.databaseUrl);
  try {
    const target: RestoreTarget = fresh === undefined ? { pgliteDir: join(o.workDir, 'restored-pglite') } : { databaseUrl: fresh.url };
    t0 = performance.now();
    await restoreBackup({ dir: join(o.workDir, 'backup'), jwks: o.signer.jwks, target });
    const restored = await openDatabase('databaseUrl' in target ? { databaseUrl: target.databaseUrl, migrate: false } : { dataDir: target.pgliteDir, migrate: false });
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
        backup: { created_at: manifest.created_at, schema_version: manifest.schema_version, files: manifest.files },
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
    await fresh?.drop();
  }
}
