// `companyos dr drill [-o REPORT] [--json]`: backs up the configured store (each of its databases,
// with a database per region), restores it into fresh ones, verifies every tenant's ledger there,
// probes a server started on it, and writes the signed drill report (an evidence pack `companyos
// verify` checks). `companyos dr jwks` prints the platform key that signs backups and reports, to
// pin it for `verify --jwks`.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, kekForTools, LocalKeyProvider, loadConfig, openStore, runDrill, writeDrillReport, type DrillReport } from '@companyos/server';
import { parse, UsageError } from '../args.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { pgliteDirOf, platformKey } from './backup.ts';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function summary(r: DrillReport, out: string): string {
  const from = r.databases.length === 1 ? '' : ` from ${r.databases.length} databases (${r.databases.join(', ')})`;
  const lines = [`drill ${r.ok ? 'passed' : 'FAILED'} on ${r.engine}: ${r.tenants.length} tenants restored${from}`];
  for (const t of r.tenants) lines.push(`  ${t.tenant_id}: ${t.receipts} receipts, ledger ${t.ledger_ok ? 'verified' : `FAILED (${t.errors.join('; ')})`}`);
  lines.push(`  probe: ${r.probe.ok ? 'passed' : 'FAILED'} (${r.probe.detail})`);
  lines.push(`recovery point: ${r.recovery_point.age_ms === null ? 'no receipts' : `${seconds(r.recovery_point.age_ms)} (newest receipt ${r.recovery_point.newest_receipt_at})`}`);
  lines.push(`recovery time: ${seconds(r.recovery_time_ms)} (restore ${seconds(r.timings_ms.restore)}, verify ${seconds(r.timings_ms.verify)}, probe ${seconds(r.timings_ms.probe)}; backup took ${seconds(r.timings_ms.backup)})`);
  lines.push(`report: ${out}`);
  return lines.join('\n');
}

async function drill(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string', short: 'o' }, json: { type: 'boolean' } }, true);
  if (positionals.length > 0) throw new UsageError(COMMAND_USAGE.dr!);
  const out = values.out ?? 'dr-drill-report.tar.gz';
  const config = loadConfig();
  const signer = platformKey(config);
  const keyProvider = new LocalKeyProvider(kekForTools(config.kek, config.dataDir)!);
  const work = await mkdtemp(join(tmpdir(), 'companyos-drill-'));
  const pgliteDir = config.databaseUrl === undefined ? pgliteDirOf(config) : undefined;
  // Every database of the store: the home one and, with COMPANYOS_REGION_DATABASES, each region's own.
  const db = await openStore({ databaseUrl: config.databaseUrl, dataDir: pgliteDir, regionDatabases: config.regionDatabases });
  try {
    const report = await runDrill({ db, databaseUrl: config.databaseUrl, regionDatabases: config.regionDatabases, pgliteDir, signer, keyProvider, workDir: work, log: createLogger({ level: 'error' }) });
    await writeDrillReport(report, signer, createWriteStream(out));
    console.log(values.json === true ? JSON.stringify(report, null, 2) : summary(report, out));
    return report.ok ? 0 : 1;
  } finally {
    await db.close();
    await rm(work, { recursive: true, force: true });
  }
}

export async function drCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === 'drill') return drill(rest);
  if (verb === 'jwks') {
    const { values } = parse(rest, { out: { type: 'string', short: 'o' } });
    const text = `${JSON.stringify(platformKey(loadConfig()).jwks, null, 2)}\n`;
    if (values.out === undefined) process.stdout.write(text);
    else await writeFile(values.out, text);
    return 0;
  }
  throw new UsageError(COMMAND_USAGE.dr!);
}
