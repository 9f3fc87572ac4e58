// Benchmark of the `companyos` command's start: wall time of whole processes, as a user waits
// for them. `help`, and a token mint from the data dir's key with no server to ask (the refused
// connection costs well under a millisecond); `node -e 0` beside them shows what Node itself
// costs on this machine at the moment. Targets: help < 200 ms, token < 300 ms.
//   node --import tsx bench/cli-startup.ts [--runs N]

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEV_ISSUER_KEY_FILE, DevIssuer } from '../packages/server/src/identity/dev-issuer.ts';

const i = process.argv.indexOf('--runs');
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 15;
const bin = join(import.meta.dirname, '..', 'packages', 'cli', 'bin', 'companyos.mjs');
const dataDir = mkdtempSync(join(tmpdir(), 'companyos-bench-cli-'));
DevIssuer.open({ keyFile: join(dataDir, DEV_ISSUER_KEY_FILE) });
const env = { ...process.env, COMPANYOS_DATA_DIR: dataDir, COMPANYOS_URL: 'http://127.0.0.1:9' };

function time(args: string[]): number[] {
  const ms: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
    const elapsed = performance.now() - started;
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    if (run > 0) ms.push(elapsed); // the first run warms the file cache (and builds dist/ if stale)
  }
  return ms.sort((a, b) => a - b);
}

const pct = (sorted: number[], p: number): string => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(0);
try {
  const cases: [string, string[]][] = [
    ['node -e 0 (baseline)', ['-e', '0']],
    ['companyos help', [bin, 'help']],
    ['companyos token', [bin, 'token', '--tenant', 'internal', '--subject', 'user-platform-operator']],
  ];
  console.log(`${RUNS} runs each, wall ms`);
  console.log(`${'command'.padEnd(24)}${'min'.padStart(7)}${'p50'.padStart(7)}${'p90'.padStart(7)}`);
  for (const [name, args] of cases) {
    const ms = time(args);
    console.log(`${name.padEnd(24)}${ms[0]!.toFixed(0).padStart(7)}${pct(ms, 50).padStart(7)}${pct(ms, 90).padStart(7)}`);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
