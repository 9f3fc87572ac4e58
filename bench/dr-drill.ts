// The recovery drill at size: a store holding N receipts of one tenant (integrated into its ledger,
// a checkpoint every 10,000), then `runDrill` as `companyos dr drill` runs it — backup, restore
// into a fresh database, ledger verify of every tenant, a probe server — and its figures.
// PGlite, or PostgreSQL when DATABASE_URL is set (fresh databases, dropped afterwards).
//   node --import tsx bench/dr-drill.ts [--receipts N]

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runDrill } from '../packages/server/src/backup/dr-drill.ts';
import { LocalKeyProvider } from '../packages/server/src/keys/key-provider.ts';
import { platformSigner } from '../packages/server/src/keys/platform-key.ts';
import { TenantKeys } from '../packages/server/src/keys/tenant-keys.ts';
import { LedgerIntegrator } from '../packages/server/src/ledger/integrator.ts';
import { createLogger } from '../packages/server/src/logger.ts';
import { seedDemo } from '../packages/server/src/seed/seed-demo.ts';
import { systemClock } from '../packages/server/src/util/clock.ts';
import { createTestDatabase } from '../packages/server/test/support/test-database.ts';
import { commitReceipts } from './support/receipts.ts';

const i = process.argv.indexOf('--receipts');
const RECEIPTS = i > 0 ? Number(process.argv[i + 1]) : 20_000;
const TENANT = 'pilot-a';
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

const kek = randomBytes(32);
const keyProvider = new LocalKeyProvider(kek);
const log = createLogger({ level: 'silent' });
const t = await createTestDatabase();
const work = mkdtempSync(join(tmpdir(), 'companyos-bench-drill-'));
try {
  await seedDemo(t.db, { clock: systemClock });
  let t0 = performance.now();
  await commitReceipts(t.db, TENANT, RECEIPTS);
  const commitMs = performance.now() - t0;
  t0 = performance.now();
  const integrator = new LedgerIntegrator({ db: t.db, keys: new TenantKeys(keyProvider), clock: systemClock, log, checkpointEvery: 10_000, checkpointIntervalMs: 60_000 });
  for (;;) if ((await integrator.integrateTenant(TENANT)).integrated === 0) break;
  await integrator.integrateTenant(TENANT, { forceCheckpoint: true });
  const integrateMs = performance.now() - t0;

  const report = await runDrill({ db: t.db, databaseUrl: t.url, signer: platformSigner(kek), keyProvider, workDir: work, log });
  const dump = report.backup.files.reduce((n, f) => n + f.size, 0);
  const rows: Array<[string, string]> = [
    ['engine', t.db.engine],
    ['receipts in the store', RECEIPTS.toLocaleString('en-US')],
    ['setup: commit / integrate', `${s(commitMs)} / ${s(integrateMs)}`],
    ['drill passed', String(report.ok)],
    ['backup', `${s(report.timings_ms.backup)}, ${(dump / 1e6).toFixed(1)} MB`],
    ['restore', s(report.timings_ms.restore)],
    ['ledger verify (all tenants)', s(report.timings_ms.verify)],
    ['probe (server start + proven read)', s(report.timings_ms.probe)],
    ['recovery time (restore + verify + probe)', s(report.recovery_time_ms)],
    ['recovery point (age of newest restored receipt)', report.recovery_point.age_ms === null ? 'none' : s(report.recovery_point.age_ms)],
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(48)} ${v}`);
  if (!report.ok) console.log(JSON.stringify(report, null, 2));
} finally {
  await t.close();
  rmSync(work, { recursive: true, force: true });
}
