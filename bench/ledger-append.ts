// Benchmark of the provenance ledger on the database: receipts integrated per second with a
// checkpoint every 1,000, the integration delay, inclusion-proof latency at 1,000,000 leaves read
// from the node table, and verification throughput. PGlite always; PostgreSQL too when
// DATABASE_URL is set (a fresh database is created and dropped). Proofs are timed straight from
// the node table and through the per-tenant cache of upper nodes the server uses; `--burner`
// runs a process spinning on a CPU alongside for the whole run, as a loaded neighbour would.
//   node --import tsx bench/ledger-append.ts [--receipts N] [--leaves N] [--samples N] [--burner]

import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { currentTx } from '../packages/server/src/context.ts';
import type { Database } from '../packages/server/src/db/database.ts';
import { withTenantTransaction } from '../packages/server/src/db/tenant-tx.ts';
import { LocalKeyProvider } from '../packages/server/src/keys/key-provider.ts';
import { TenantKeys } from '../packages/server/src/keys/tenant-keys.ts';
import { DbNodeStore } from '../packages/server/src/ledger/db-node-store.ts';
import { LedgerIntegrator } from '../packages/server/src/ledger/integrator.ts';
import { findCheckpoint, leafIndexOf } from '../packages/server/src/ledger/ledger-store.ts';
import { EMPTY_FRONTIER, type Frontier, appendLeaves, frontierRoot } from '../packages/server/src/ledger/merkle/frontier.ts';
import { leafHash } from '../packages/server/src/ledger/merkle/hashing.ts';
import { NodeCache } from '../packages/server/src/ledger/merkle/node-cache.ts';
import type { NodeReader } from '../packages/server/src/ledger/merkle/nodes.ts';
import { inclusionProof } from '../packages/server/src/ledger/merkle/proofs.ts';
import { verifyInclusion } from '../packages/server/src/ledger/merkle/verify.ts';
import { buildReceiptBundle, verifyReceiptBundle } from '../packages/server/src/ledger/receipt-format.ts';
import { getReceipt } from '../packages/server/src/ledger/receipts.ts';
import { verifyTenantLedger } from '../packages/server/src/ledger/verify-ledger.ts';
import { createLogger } from '../packages/server/src/logger.ts';
import { systemClock } from '../packages/server/src/util/clock.ts';
import { createTestDatabase } from '../packages/server/test/support/test-database.ts';
import { commitReceipts, createTenant } from './support/receipts.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RECEIPTS = arg('--receipts', 20_000);
const LEAVES = arg('--leaves', 1_000_000);
const SAMPLES = arg('--samples', 2_000);
const BURNER = process.argv.includes('--burner');
const EVERY = 1_000;
const TARGET_APPENDS_PER_S = 5_000;
const TARGET_PROOF_P99_MS = 5;

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

async function run(engine: string, db: Database): Promise<[string, string, string][]> {
  const rows: [string, string, string][] = [];
  const keys = new TenantKeys(new LocalKeyProvider(randomBytes(32)));
  const integrator = new LedgerIntegrator({ db, keys, clock: systemClock, log: createLogger({ level: 'silent' }), checkpointEvery: EVERY, checkpointIntervalMs: 60_000 });

  // 1. Append: receipts committed first, then integrated in batches of 1,000, a checkpoint each.
  await createTenant(db, 'bench');
  await commitReceipts(db, 'bench', RECEIPTS);
  const batches: number[] = [];
  let integrated = 0;
  const start = performance.now();
  for (;;) {
    const t = performance.now();
    const r = await integrator.integrateTenant('bench');
    if (r.integrated === 0) break;
    batches.push(performance.now() - t);
    integrated += r.integrated;
  }
  const appendRate = (integrated / (performance.now() - start)) * 1000;
  batches.sort((a, b) => a - b);
  const checkpoints = await withTenantTransaction(db, 'bench', () => findCheckpoint());
  if (integrated !== RECEIPTS || checkpoints?.size !== RECEIPTS) throw new Error(`integrated ${integrated}, checkpoint at ${checkpoints?.size}`);
  rows.push([engine, `receipts integrated /s (checkpoint every ${fmt(EVERY)})`, `${fmt(appendRate)} ${appendRate >= TARGET_APPENDS_PER_S ? 'ok' : 'MISSED'} (target ≥ ${fmt(TARGET_APPENDS_PER_S)})`]);
  rows.push([engine, 'one batch of 1,000 + checkpoint, p50 / p99', `${fmt(pct(batches, 50), 1)} / ${fmt(pct(batches, 99), 1)} ms`]);

  // Integration delay under a steady load: commit a batch, let the integrator catch up.
  const delays: number[] = [];
  for (let i = 0; i < 20; i++) {
    await commitReceipts(db, 'bench', 100);
    const t = performance.now();
    await integrator.integrateTenant('bench');
    delays.push(performance.now() - t);
  }
  delays.sort((a, b) => a - b);
  rows.push([engine, 'integration delay after commit (100 queued), p50 / p99', `${fmt(pct(delays, 50), 1)} / ${fmt(pct(delays, 99), 1)} ms`]);

  // 2. Verification: the whole log rebuilt from receipts; single receipt bundles offline.
  let t = performance.now();
  const report = await verifyTenantLedger(db, 'bench');
  if (!report.ok) throw new Error(report.errors.join('\n'));
  rows.push([engine, 'ledger verify (rebuild + checkpoints) leaves /s', fmt((report.size / (performance.now() - t)) * 1000)]);
  await integrator.flush('bench');
  const bundle = await withTenantTransaction(db, 'bench', async () => {
    const id = (await currentTx().query<{ receipt_id: string }>(`SELECT receipt_id FROM ledger_leaves WHERE tenant_id = 'bench' AND leaf_index = 12345 % $1`, [RECEIPTS]))[0]!.receipt_id;
    const cp = (await findCheckpoint())!;
    const index = (await leafIndexOf(id))!;
    return buildReceiptBundle({ receipt: (await getReceipt(id))!.body, leafIndex: index, inclusionProof: await inclusionProof(new DbNodeStore(), index, cp.size), checkpoint: cp.note, jwks: await keys.jwks() });
  });
  t = performance.now();
  for (let i = 0; i < SAMPLES; i++) if (!verifyReceiptBundle(bundle).ok) throw new Error('bundle does not verify');
  rows.push([engine, 'receipt bundles verified offline /s', fmt((SAMPLES / (performance.now() - t)) * 1000)]);

  // 3. Inclusion proofs at LEAVES leaves, read from ledger_nodes (nodes written directly).
  await createTenant(db, 'bench-big');
  const nodes = new DbNodeStore();
  let frontier: Frontier = EMPTY_FRONTIER;
  t = performance.now();
  for (let i = 0; i < LEAVES; i += 50_000) {
    const leaves = Array.from({ length: Math.min(50_000, LEAVES - i) }, (_, j) => leafHash(`entry-${i + j}`));
    const r = appendLeaves(frontier, leaves);
    frontier = r.frontier;
    await withTenantTransaction(db, 'bench-big', () => nodes.putNodes(r.nodes));
  }
  const loadS = (performance.now() - t) / 1000;
  const root = frontierRoot(frontier);
  // Load-independent alongside the latencies: nodes read from the table and this process's CPU per proof.
  let tableReads = 0;
  const counted: NodeReader = {
    getNodes: (keys) => {
      tableReads += keys.length;
      return nodes.getNodes(keys);
    },
  };
  const timeProofs = (reader: NodeReader, seed: number) =>
    withTenantTransaction(db, 'bench-big', async () => {
      const out: number[] = [];
      tableReads = 0;
      const cpu = process.cpuUsage();
      for (let i = 0; i < SAMPLES; i++) {
        const index = ((i + seed) * 7_919 * 104_729) % LEAVES;
        const s = performance.now();
        const proof = await inclusionProof(reader, index, LEAVES);
        out.push(performance.now() - s);
        if (!verifyInclusion(leafHash(`entry-${index}`), index, LEAVES, proof, root)) throw new Error(`proof of leaf ${index} does not verify`);
      }
      const used = process.cpuUsage(cpu);
      return { times: out.sort((a, b) => a - b), nodesRead: tableReads / SAMPLES, cpuUs: (used.user + used.system) / SAMPLES };
    });
  const proofRow = (label: string, r: { times: number[]; nodesRead: number; cpuUs: number }): [string, string, string] => {
    const p99 = pct(r.times, 99);
    return [
      engine,
      `inclusion proof at ${fmt(LEAVES)} leaves, ${label}, p50 / p99`,
      `${fmt(pct(r.times, 50), 2)} / ${fmt(p99, 2)} ms ${p99 <= TARGET_PROOF_P99_MS ? 'ok' : 'MISSED'} (target ≤ ${TARGET_PROOF_P99_MS} ms); ${fmt(r.nodesRead, 1)} nodes read from the table, ${fmt(r.cpuUs)} µs CPU of this process per proof`,
    ];
  };
  rows.push([engine, `tree of ${fmt(LEAVES)} leaves loaded`, `${fmt(loadS, 1)} s`]);
  rows.push(proofRow('node table', await timeProofs(counted, 0)));
  // The server's reader: upper levels from the cache (warmed by one pass of other proofs), the rest in one read.
  const cache = new NodeCache();
  await timeProofs(cache.reader('bench-big', counted), SAMPLES);
  rows.push(proofRow(`upper levels cached (level ≥ ${cache.minLevel}, ${fmt(cache.nodeCount)} nodes)`, await timeProofs(cache.reader('bench-big', counted), 0)));
  return rows;
}

async function main(): Promise<void> {
  console.log(`ledger on the database — ${fmt(RECEIPTS)} receipts, proofs at ${fmt(LEAVES)} leaves, ${fmt(SAMPLES)} samples${BURNER ? ', a CPU burner alongside' : ''}\n`);
  // A neighbour that keeps one core busy for as long as the benchmark runs.
  const burner = BURNER ? spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }) : undefined;
  try {
    await measure();
  } finally {
    burner?.kill();
  }
}

async function measure(): Promise<void> {
  const pgUrl = process.env.DATABASE_URL;
  const engines: [string, string | undefined][] = [['PGlite', undefined], ...(pgUrl ? ([['PostgreSQL', pgUrl]] as [string, string][]) : [])];
  const rows: [string, string, string][] = [];
  for (const [engine, url] of engines) {
    if (url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = url;
    const t = await createTestDatabase();
    try {
      rows.push(...(await run(engine, t.db)));
    } finally {
      await t.close();
    }
  }
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  for (const [e, k, v] of rows) console.log(`${e.padEnd(w0)}  ${k.padEnd(w1)}  ${v}`);
}

await main();
