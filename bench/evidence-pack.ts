// Benchmark of evidence packs: writes and then verifies packs of 100,000 and 1,000,000 synthetic
// audit events, plus one decision and one receipt (with its inclusion proof) per ten events. Each
// phase runs in its own process so its peak RSS is its own; the receipts' Merkle tree is built
// in memory before the clock starts, and their proofs are computed as the pack reads them. Prints time, pack size and peak RSS against the targets.
//   node --import tsx bench/evidence-pack.ts [--sizes 100000,1000000]

import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyPack, writePack } from '../packages/server/src/evidence/index.ts';
import { sampleBundle, syntheticAuditEvents, syntheticDecisions, syntheticReceipts } from '../packages/server/src/evidence/golden/synthetic.ts';
import { jwksOf, localLedger, localTenantKey } from '../packages/server/src/evidence/golden/test-ledger.ts';

const TARGET_SECONDS_AT_1M = 60;
const TARGET_RSS_MB = 200;
const tenant = 'tenant-bench';
const window = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' };

interface PhaseResult {
  seconds: number;
  rssMb: number;
  bytes: number;
}

async function runPhase(phase: string, size: number, file: string): Promise<void> {
  let started = performance.now();
  if (phase === 'pack') {
    const key = localTenantKey(generateKeyPairSync('ed25519').privateKey, new Date(window.from));
    const bundles = [sampleBundle(1), sampleBundle(2)];
    const hashes = bundles.map((b) => b.bundle_hash);
    const ledger = await localLedger(`companyos.bench/ledger/${tenant}`, key, () => syntheticReceipts(tenant, window, size / 10, hashes));
    started = performance.now();
    await writePack(createWriteStream(file), {
      tenant,
      window,
      sources: {
        bundles,
        decisions: syntheticDecisions(tenant, window, size / 10, hashes),
        receipts: ledger.proven(),
        audit_events: syntheticAuditEvents(tenant, window, size),
      },
      signer: key.signer,
      jwks: jwksOf(key),
      checkpoint: ledger.checkpoint,
      clock: { now: () => new Date(window.to) },
    });
  } else {
    const result = await verifyPack(file, {});
    if (!result.ok || result.manifest?.counts.audit_events !== size) throw new Error(`verification failed: ${JSON.stringify(result.failures)}`);
  }
  const out: PhaseResult = {
    seconds: (performance.now() - started) / 1000,
    rssMb: process.resourceUsage().maxRSS / 1024,
    bytes: statSync(file).size,
  };
  process.stdout.write(JSON.stringify(out));
}

function child(phase: string, size: number, file: string): PhaseResult {
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--phase', phase, String(size), file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`${phase} of ${size} events failed`);
  return JSON.parse(run.stdout) as PhaseResult;
}

const phaseArg = process.argv.indexOf('--phase');
if (phaseArg > 0) {
  const [phase, size, file] = process.argv.slice(phaseArg + 1);
  await runPhase(phase!, Number(size), file!);
} else {
  const sizesArg = process.argv.indexOf('--sizes');
  const sizes = sizesArg > 0 ? process.argv[sizesArg + 1]!.split(',').map(Number) : [100_000, 1_000_000];
  if (sizes.some((n) => !Number.isSafeInteger(n) || n <= 0 || n % 10 !== 0)) throw new Error('sizes must be positive multiples of 10');
  const dir = mkdtempSync(join(tmpdir(), 'bench-evidence-'));
  const misses: string[] = [];
  console.log('events     | pack s | pack RSS MB | verify s | verify RSS MB | pack MB');
  try {
    for (const size of sizes) {
      const file = join(dir, `pack-${size}.tar.gz`);
      const pack = child('pack', size, file);
      const verify = child('verify', size, file);
      rmSync(file);
      const cells = [pack.seconds.toFixed(1), pack.rssMb.toFixed(0), verify.seconds.toFixed(1), verify.rssMb.toFixed(0), (pack.bytes / 2 ** 20).toFixed(1)];
      console.log(`${size.toLocaleString('en').padEnd(10)} | ${cells.join(' | ')}`);
      if (size === 1_000_000 && pack.seconds > TARGET_SECONDS_AT_1M) misses.push(`pack of 1,000,000 events took ${pack.seconds.toFixed(1)} s`);
      for (const [name, r] of [['pack', pack], ['verify', verify]] as const) {
        if (r.rssMb > TARGET_RSS_MB) misses.push(`${name} of ${size} events peaked at ${r.rssMb.toFixed(0)} MB RSS`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`targets: 1,000,000 events packed in <= ${TARGET_SECONDS_AT_1M} s; RSS <= ${TARGET_RSS_MB} MB in every phase`);
  console.log(misses.length === 0 ? 'ok' : misses.map((m) => `MISSED: ${m}`).join('\n'));
}
