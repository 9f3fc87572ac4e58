import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { BackupSettings } from '../config.ts';
import type { Database } from '../db/database.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import { enqueue, type JobRunner } from '../jobs/index.ts';
import type { PlatformSigner } from '../keys/platform-key.ts';
import { getCurrentTenant } from '../tenancy/tenants.ts';
import type { Clock } from '../util/clock.ts';
import { BACKUP_MANIFEST_FILE } from './backup-manifest.ts';
import { DATABASES_FILE, storeDatabases, takeStoreBackup } from './store-backup.ts';

// Scheduled backups are durable jobs: one per slot of the interval, its idempotency key the slot's
// time, so however many servers share the database, each slot is queued once and run once (the
// job claim), and a slot missed while every server was down runs when one comes back. Each run
// queues the next slot.

export const BACKUP_JOB = 'platform.backup';

interface BackupJob {
  slot: string;
}

/** The first slot boundary after `at` (slots start at the epoch, so every server agrees). */
export function nextSlot(at: Date, intervalMinutes: number): Date {
  const ms = intervalMinutes * 60_000;
  return new Date((Math.floor(at.getTime() / ms) + 1) * ms);
}

/** A backup folder name per slot: sortable, and without characters some file systems refuse. */
export const slotFolder = (slot: string): string => `backup-${slot.replace(/[:.]/g, '-')}`;

export interface ScheduledBackupOptions {
  db: Database;
  databaseUrl: string | undefined;
  /** The home PGlite data dir, on the embedded engine (tells a region's own database from the home one). */
  pgliteDir?: string | undefined;
  /** Each region's database when regions have their own (COMPANYOS_REGION_DATABASES): every one is backed up. */
  regionDatabases?: Readonly<Record<string, string>>;
  settings: BackupSettings;
  signer: () => PlatformSigner;
  clock: Clock;
  log: Logger;
}

async function schedule(o: ScheduledBackupOptions & { settings: { dir: string } }, after: Date): Promise<void> {
  const slot = nextSlot(after, o.settings.intervalMinutes).toISOString();
  await enqueue(BACKUP_JOB, { slot } satisfies BackupJob, { now: o.clock.now(), runAt: new Date(slot), idempotencyKey: slot, maxAttempts: 3 });
}

export function installScheduledBackups(app: FastifyInstance, jobs: JobRunner, o: ScheduledBackupOptions): void {
  const { dir } = o.settings;
  if (dir === undefined || o.settings.intervalMinutes === 0) return;
  const scheduled = { ...o, settings: { ...o.settings, dir } };
  jobs.register<BackupJob>(BACKUP_JOB, {
    backoffMs: 60_000,
    run: async ({ slot }, ctx) => {
      const outDir = join(dir, slotFolder(slot));
      // A retried job whose backup was already complete does not make a second one.
      if (!existsSync(join(outDir, BACKUP_MANIFEST_FILE)) && !existsSync(join(outDir, DATABASES_FILE))) {
        const databases = storeDatabases(o.db, { databaseUrl: o.databaseUrl, homeTarget: o.databaseUrl ?? o.pgliteDir, regionDatabases: o.regionDatabases ?? {} });
        const taken = await takeStoreBackup({ databases, outDir, signer: o.signer(), clock: o.clock });
        for (const t of taken) ctx.log.info({ dir: t.dir, database: t.label, files: t.manifest.files.length, tenants: t.manifest.tenants.length }, 'scheduled backup written');
      }
      await ctx.tx(() => schedule(scheduled, new Date(slot)));
    },
  });
  app.addHook('onReady', async () => {
    await withTenantTransaction(o.db, o.settings.tenant, async () => {
      if ((await getCurrentTenant()) === undefined) {
        o.log.warn({ tenant: o.settings.tenant }, 'scheduled backups are off: COMPANYOS_BACKUP_TENANT names no tenant');
        return;
      }
      await schedule(scheduled, o.clock.now());
    });
  });
}
