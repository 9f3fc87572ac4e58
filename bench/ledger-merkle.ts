// Benchmark of the pure ledger core, in memory: how fast the Merkle tree takes appends, and how
// long inclusion and consistency proofs take to build and verify at 1,000,000 leaves.
//   node --import tsx bench/ledger-merkle.ts [--leaves N] [--samples N]

import { performance } from 'node:perf_hooks';
import { EMPTY_FRONTIER, type Frontier, appendLeaves, frontierRoot } from '../packages/server/src/ledger/merkle/frontier.ts';
import { leafHash } from '../packages/server/src/ledger/merkle/hashing.ts';
import { MemoryNodeStore } from '../packages/server/src/ledger/merkle/memory-node-store.ts';
import { consistencyProof, inclusionProof, rootAt } from '../packages/server/src/ledger/merkle/proofs.ts';
import { verifyConsistency, verifyInclusion } from '../packages/server/src/ledger/merkle/verify.ts';
import { type ReceiptEntry, receiptLeafHash } from '../packages/server/src/ledger/receipt-format.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const LEAVES = arg('--leaves', 1_000_000);
const SAMPLES = arg('--samples', 20_000);
const BATCH = 1_000;

// Targets (issue 5): inclusion proof p99 at 1,000,000 leaves, and the tree must not be what
// limits the 5,000 receipts/s the ledger promises end to end.
const TARGET_PROOF_P99_MS = 5;
const TARGET_APPENDS_PER_S = 5_000;

function receipt(i: number): ReceiptEntry {
  return {
    receipt_id: `0190a000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
    tenant_id: 'bench-tenant',
    actor: `user:${i % 97}`,
    action: 'high_risk.request.approve',
    target: `request:${i}`,
    decision: 'allow',
    bundle_hash: 'b'.repeat(64),
    evidence_refs: [],
    issued_at: new Date(1_780_000_000_000 + i).toISOString(),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

async function timeEach<T>(count: number, run: (i: number) => Promise<T> | T): Promise<{ p50: number; p99: number; perSecond: number }> {
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await run(i);
    times.push(performance.now() - t);
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), perSecond: (count / total) * 1000 };
}

// A deterministic pseudo-random sequence, so runs sample the same indexes.
let seed = 42;
const rand = (n: number): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed % n;
};

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  console.log(`ledger Merkle core — ${fmt(LEAVES)} leaves, ${fmt(SAMPLES)} samples per figure, batches of ${fmt(BATCH)}\n`);

  // 1. Receipt → leaf hash (canonical JSON + SHA-256), on a sample.
  const hashSample = Math.min(LEAVES, 100_000);
  let t = performance.now();
  for (let i = 0; i < hashSample; i++) receiptLeafHash(receipt(i));
  const leafHashRate = (hashSample / (performance.now() - t)) * 1000;

  // 2. Appends: leaf hashes into the tree, nodes into the in-memory store.
  const leaves = Array.from({ length: LEAVES }, (_, i) => leafHash(`entry-${i}`));
  const store = new MemoryNodeStore();
  let frontier: Frontier = EMPTY_FRONTIER;
  let nodes = 0;
  t = performance.now();
  for (let i = 0; i < LEAVES; i += BATCH) {
    const r = appendLeaves(frontier, leaves.slice(i, i + BATCH));
    store.put(r.nodes);
    frontier = r.frontier;
    nodes += r.nodes.length;
  }
  const appendRate = (LEAVES / (performance.now() - t)) * 1000;
  const root = frontierRoot(frontier);
  if (Buffer.compare(root, await rootAt(store, LEAVES)) !== 0) throw new Error('root from storage differs from the frontier root');

  // 3. Inclusion proofs at full size, each checked once so a fast wrong answer cannot pass.
  const indexes = Array.from({ length: SAMPLES }, () => rand(LEAVES));
  const proofs: Uint8Array[][] = [];
  const build = await timeEach(SAMPLES, async (i) => proofs.push(await inclusionProof(store, indexes[i]!, LEAVES)));
  const verify = await timeEach(SAMPLES, (i) => {
    if (!verifyInclusion(leaves[indexes[i]!]!, indexes[i]!, LEAVES, proofs[i]!, root)) throw new Error(`proof ${indexes[i]} fails`);
  });

  // 4. Consistency proofs from random earlier sizes to the full tree.
  const sizes = Array.from({ length: Math.min(SAMPLES, 5_000) }, () => 1 + rand(LEAVES - 1));
  const oldRoots = await Promise.all(sizes.map((s) => rootAt(store, s)));
  const cproofs: Uint8Array[][] = [];
  const cbuild = await timeEach(sizes.length, async (i) => cproofs.push(await consistencyProof(store, sizes[i]!, LEAVES)));
  const cverify = await timeEach(sizes.length, (i) => {
    if (!verifyConsistency(sizes[i]!, LEAVES, cproofs[i]!, oldRoots[i]!, root)) throw new Error(`consistency ${sizes[i]} fails`);
  });

  const rows: [string, string][] = [
    ['receipt leaf hashes (canonical JSON + SHA-256)', `${fmt(leafHashRate)} /s`],
    ['tree appends (leaves into an in-memory node store)', `${fmt(appendRate)} /s`],
    ['nodes written per leaf', fmt(nodes / LEAVES, 3)],
    ['inclusion proof build p50 / p99', `${fmt(build.p50 * 1000, 1)} / ${fmt(build.p99 * 1000, 1)} µs`],
    ['inclusion proof verify p50 / p99', `${fmt(verify.p50 * 1000, 1)} / ${fmt(verify.p99 * 1000, 1)} µs`],
    ['inclusion verifications per second', `${fmt(verify.perSecond)} /s`],
    ['consistency proof build p50 / p99', `${fmt(cbuild.p50 * 1000, 1)} / ${fmt(cbuild.p99 * 1000, 1)} µs`],
    ['consistency proof verify p50 / p99', `${fmt(cverify.p50 * 1000, 1)} / ${fmt(cverify.p99 * 1000, 1)} µs`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log('');
  const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISSED');
  console.log(`${verdict(build.p99 <= TARGET_PROOF_P99_MS)}: inclusion proof p99 ≤ ${TARGET_PROOF_P99_MS} ms at ${fmt(LEAVES)} leaves`);
  console.log(`${verdict(appendRate >= TARGET_APPENDS_PER_S)}: tree appends ≥ ${fmt(TARGET_APPENDS_PER_S)}/s (the tree alone; storage comes on top)`);
}

await main();
