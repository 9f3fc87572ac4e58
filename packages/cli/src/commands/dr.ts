// `companyos dr drill [-o REPORT] [--json]`: backs up the configured store, restores it into a
// fresh database, verifies every tenant's ledger there, probes a server started on it, and writes
// the signed drill report (an evidence pack `companyos verify` checks). `companyos dr jwks` prints
// the platform key that signs backups and reports, to pin it for `verify --jwks`.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, kekForTools, LocalKeyProvider, loadConfig, openDatabase, runDrill, writeDrillReport, type DrillReport } from '@companyos/server';
import { parse, UsageError } from '../args.ts';
import { COMMAND_USAGE } from '../usage.ts';
import { pgliteDirOf, platformKey } from './backup.ts';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function summary(r: DrillReport, out: string): string {
  const lines = [`drill ${r.ok ? 'passed' : 'FAILED'} on ${r.engine}: ${r.tenants.length} tenants restored`];
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
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl === undefined ? pgliteDirOf(config) : undefined });
  try {
    const report = await runDrill({ db, databaseUrl: config.databaseUrl, signer, keyProvider, workDir: work, log: createLogger({ level: 'error' }) });
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
