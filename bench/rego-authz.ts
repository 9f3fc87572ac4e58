// Benchmark of the authorization decision the server makes on every action: compile time,
// evaluation latency (p50/p99) and memory allocated per decision for an allowed and a denied
// request through a prepared query (as the server evaluates), and the heap the data document
// takes compared with its JSON size, at 1,000 and 10,000 roles. With `--burner` a second process
// spins on a core throughout; with OPA's Wasm build of the policy and its SDK installed, OPA-Wasm
// is timed interleaved with the engine in the same series.
//   node --import tsx bench/rego-authz.ts [--iterations N] [--series N] [--burner] [--wasm FILE] [--alloc-sites] [--workload DIR]

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { compile, parseJSON } from '@companyos/rego';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The reference workload, beside the repository unless named.
const shared = resolve(stringArg('--workload') ?? resolve(repo, '../shared/bench/authz'));
const QUERY = 'data.companyos.authz.decision';
const SIZES = [1_000, 10_000];
const WARMUP = 20_000;
const REWARM = 2_000;
const ITERATIONS = Math.max(5_000, numberArg('--iterations', 10_000));
const SERIES = Math.max(1, numberArg('--series', 5));

const BURNER = process.argv.includes('--burner');
const ALLOC_SITES = process.argv.includes('--alloc-sites');
const WASM_FILE = stringArg('--wasm') ?? [join(shared, 'policy.wasm'), join(repo, 'bench', 'policy.wasm')].find((f) => existsSync(f));
const WASM_ENTRYPOINT = 'companyos/authz/decision';
/** Calls sampled by the heap profiler for the allocation figure of each input. */
const ALLOC_CALLS = 20_000;

// Targets (see bench/README.md).
const TARGET_P50_US = 10;
const TARGET_P99_US = 40;
/** "No slower at 10,000 roles": the p50 ratio, with 10% for the noise of a shared machine. */
const TARGET_SLOWDOWN_AT_10K = 1.1;
const TARGET_MEMORY_RATIO = 5;
const TARGET_ALLOC_BYTES = 2048;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function stringArg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const n = i > 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(n) ? n : fallback;
}

interface Latency {
  p50: number;
  p99: number;
}

/**
 * Times each of `fns` in SERIES series of ITERATIONS calls, alternating between them, after a
 * warm-up that alternates too (so both paths are compiled before anything is timed). Each series
 * starts after a forced GC and REWARM untimed calls; a call's time is read with hrtime around it
 * alone. Reports, per function, the median over the series of each series' p50 and p99, in
 * microseconds: one series hit by a burst of load on the machine does not decide the figure.
 */
function measure(fns: (() => unknown)[]): Latency[] {
  for (let i = 0; i < WARMUP; i++) for (const fn of fns) fn();
  const perSeries: Latency[][] = fns.map(() => []);
  const samples = new Float64Array(ITERATIONS);
  for (let s = 0; s < SERIES; s++) {
    fns.forEach((fn, f) => {
      gc();
      // A forced GC also shrinks the young generation; let it grow back before timing.
      for (let i = 0; i < REWARM; i++) fn();
      for (let i = 0; i < ITERATIONS; i++) {
        const start = process.hrtime.bigint();
        fn();
        samples[i] = Number(process.hrtime.bigint() - start) / 1000;
      }
      samples.sort();
      (perSeries[f] as Latency[]).push({ p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) });
    });
  }
  return perSeries.map((series) => ({ p50: median(series.map((l) => l.p50)), p99: median(series.map((l) => l.p99)) }));
}

const percentile = (sorted: Float64Array, q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] as number;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

interface Row {
  roles: number;
  compileMs: number;
  allow: Latency;
  deny: Latency;
  allowBytes: number;
  denyBytes: number;
  wasm: { allow: Latency; deny: Latency } | undefined;
  jsonBytes: number;
  dataBytes: number;
  denied: unknown;
}

/** OPA's Wasm build of the policy, when both the file and the SDK are available. */
interface WasmPolicy {
  evaluate(input: unknown): unknown;
}

async function loadWasm(dataText: string): Promise<WasmPolicy | undefined> {
  if (WASM_FILE === undefined || !existsSync(WASM_FILE)) return undefined;
  let sdk: { loadPolicy(wasm: Buffer): Promise<{ setData(d: unknown): void; evaluate(input: unknown, entrypoint?: string): { result: unknown }[] }> };
  try {
    sdk = (await import('@open-policy-agent/opa-wasm' as string)) as typeof sdk;
  } catch {
    return undefined;
  }
  const policy = await sdk.loadPolicy(readFileSync(WASM_FILE));
  policy.setData(JSON.parse(dataText));
  return { evaluate: (input) => policy.evaluate(input, WASM_ENTRYPOINT)[0]?.result };
}

async function run(roles: number, policySource: string): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'rego-bench-'));
  try {
    execFileSync(process.execPath, [join(shared, 'gen-data.mjs'), String(roles)], { cwd: dir });
    const dataText = readFileSync(join(dir, 'data.json'), 'utf8');
    const allowInput: unknown = JSON.parse(readFileSync(join(dir, 'input-allow.json'), 'utf8'));
    const denyInput: unknown = JSON.parse(readFileSync(join(dir, 'input-deny.json'), 'utf8'));

    const before = heapUsed();
    const data = parseJSON(dataText);
    const compileStart = process.hrtime.bigint();
    const policy = compile([{ file: 'authz.rego', source: policySource }], { data });
    const compileMs = Number(process.hrtime.bigint() - compileStart) / 1e6;
    const dataBytes = heapUsed() - before;

    const decision = policy.prepare(QUERY);
    check(decision.evaluate(allowInput), true, 0, 'allow');
    const denied = decision.evaluate(denyInput);
    check(denied, false, 4, 'deny');
    check(policy.evaluate(QUERY, denyInput), false, 4, 'deny (unprepared)');
    const fns = [() => decision.evaluate(allowInput), () => decision.evaluate(denyInput)];
    const wasmPolicy = await loadWasm(dataText);
    if (wasmPolicy !== undefined) {
      check(wasmPolicy.evaluate(allowInput), true, 0, 'OPA-Wasm allow');
      check(wasmPolicy.evaluate(denyInput), false, 4, 'OPA-Wasm deny');
      fns.push(() => wasmPolicy.evaluate(allowInput), () => wasmPolicy.evaluate(denyInput));
    }
    const [allow, deny, wasmAllow, wasmDeny] = measure(fns) as [Latency, Latency, Latency?, Latency?];
    const allowBytes = await allocatedPerCall(fns[0] as () => unknown, `allow, ${roles} roles`);
    const denyBytes = await allocatedPerCall(fns[1] as () => unknown, `deny, ${roles} roles`);
    const wasm = wasmAllow && wasmDeny ? { allow: wasmAllow, deny: wasmDeny } : undefined;
    return { roles, compileMs, allow, deny, allowBytes, denyBytes, wasm, jsonBytes: Buffer.byteLength(dataText), dataBytes, denied };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

const session = new Session();
session.connect();
function post<T>(method: string, params?: object): Promise<T> {
  return new Promise((done, fail) => session.post(method, params, (err, res) => (err ? fail(err) : done(res as T))));
}

/**
 * Bytes allocated per call, from V8's sampling heap profiler over ALLOC_CALLS calls, counting
 * objects the young and old generation collections freed as well (so the figure does not
 * depend on when garbage collection ran). With --alloc-sites, prints where they were allocated.
 */
async function allocatedPerCall(fn: () => unknown, label: string): Promise<number> {
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 64, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let i = 0; i < ALLOC_CALLS; i++) fn();
  const { profile } = await post<{ profile: { head: ProfileNode } }>('HeapProfiler.stopSampling');
  const sites = new Map<string, number>();
  let total = 0;
  const walk = (n: ProfileNode) => {
    if (n.selfSize > 0) {
      total += n.selfSize;
      const f = n.callFrame;
      const site = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/packages\//, '')}:${f.lineNumber + 1}`;
      sites.set(site, (sites.get(site) ?? 0) + n.selfSize);
    }
    n.children.forEach(walk);
  };
  walk(profile.head);
  if (ALLOC_SITES) {
    console.log(`allocation sites, ${label} (bytes per call):`);
    for (const [site, bytes] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${(bytes / ALLOC_CALLS).toFixed(0).padStart(6)}  ${site}`);
  }
  return total / ALLOC_CALLS;
}

/** The benchmark only means something when the decision is the right one. */
function check(decision: unknown, allow: boolean, reasons: number, which: string): void {
  const d = decision as { allow?: unknown; reasons?: unknown[] } | undefined;
  if (d?.allow !== allow || d.reasons?.length !== reasons) {
    throw new Error(`wrong ${which} decision: ${JSON.stringify(decision)}`);
  }
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

async function main(): Promise<number> {
  if (!existsSync(join(shared, 'authz.rego')) || !existsSync(join(shared, 'gen-data.mjs'))) {
    console.log(`benchmark skipped: the reference workload is not at ${shared}`);
    return 0;
  }
  const policySource = readFileSync(join(shared, 'authz.rego'), 'utf8');
  console.log(`rego authz benchmark: ${QUERY}, ${WARMUP} warm-up + ${SERIES} × ${ITERATIONS} timed evaluations per input${BURNER ? ', a CPU burner alongside' : ''}`);
  // A neighbour that keeps one core busy for as long as the benchmark runs.
  const burner = BURNER ? spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }) : undefined;
  let rows: Row[];
  try {
    // A discarded run first, so the first measured size does not pay for JIT compilation.
    await run(100, policySource);
    rows = [];
    for (const n of SIZES) rows.push(await run(n, policySource));
  } finally {
    burner?.kill();
  }
  const withWasm = rows.some((r) => r.wasm !== undefined);
  if (!withWasm) console.log(`OPA-Wasm column skipped: ${WASM_FILE === undefined ? 'no policy.wasm (--wasm FILE)' : 'the @open-policy-agent/opa-wasm package is not installed'}`);

  const header = ['roles', 'compile ms', 'allow p50 µs', 'allow p99 µs', 'deny p50 µs', 'deny p99 µs', 'allow B/op', 'deny B/op'];
  if (withWasm) header.push('Wasm allow p50', 'Wasm allow p99', 'Wasm deny p50', 'Wasm deny p99');
  header.push('JSON MB', 'heap MB', 'heap/JSON');
  const table = rows.map((r) => [
    String(r.roles),
    fmt(r.compileMs),
    fmt(r.allow.p50),
    fmt(r.allow.p99),
    fmt(r.deny.p50),
    fmt(r.deny.p99),
    fmt(r.allowBytes, 0),
    fmt(r.denyBytes, 0),
    ...(withWasm ? (r.wasm ? [r.wasm.allow.p50, r.wasm.allow.p99, r.wasm.deny.p50, r.wasm.deny.p99].map((x) => fmt(x)) : ['-', '-', '-', '-']) : []),
    fmt(r.jsonBytes / 1e6, 2),
    fmt(r.dataBytes / 1e6, 2),
    fmt(r.dataBytes / r.jsonBytes, 2) + '×',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] as number)).join('  ');
  console.log(line(header));
  for (const row of table) console.log(line(row));

  const [small, large] = rows as [Row, Row];
  const worst = (r: Row) => ({ p50: Math.max(r.allow.p50, r.deny.p50), p99: Math.max(r.allow.p99, r.deny.p99) });
  const slowdown = worst(large).p50 / worst(small).p50;
  const maxBytes = Math.max(...rows.flatMap((r) => [r.allowBytes, r.denyBytes]));
  const results: [string, boolean, string][] = [
    [`p50 ≤ ${TARGET_P50_US} µs at 1,000 roles`, worst(small).p50 <= TARGET_P50_US, `${fmt(worst(small).p50)} µs`],
    [`p99 ≤ ${TARGET_P99_US} µs at 1,000 roles${BURNER ? ' (burner alongside)' : ''}`, worst(small).p99 <= TARGET_P99_US, `${fmt(worst(small).p99)} µs`],
    [`10,000 roles no slower than 1,000 (p50 ratio ≤ ${TARGET_SLOWDOWN_AT_10K})`, slowdown <= TARGET_SLOWDOWN_AT_10K, `${fmt(slowdown, 2)}×`],
    [`≤ ${TARGET_ALLOC_BYTES} bytes allocated per decision`, maxBytes <= TARGET_ALLOC_BYTES, `${fmt(maxBytes, 0)} B at most`],
    [
      `data heap ≤ ${TARGET_MEMORY_RATIO}× JSON size`,
      rows.every((r) => r.dataBytes <= TARGET_MEMORY_RATIO * r.jsonBytes),
      rows.map((r) => `${fmt(r.dataBytes / r.jsonBytes, 2)}×`).join(', '),
    ],
  ];
  if (small.wasm !== undefined) {
    const wasmP99 = Math.max(small.wasm.allow.p99, small.wasm.deny.p99);
    results.push([`p99 below OPA-Wasm's at 1,000 roles`, worst(small).p99 < wasmP99, `${fmt(worst(small).p99)} µs vs ${fmt(wasmP99)} µs`]);
  }
  console.log('');
  for (const [target, ok, got] of results) console.log(`${mark(ok).padEnd(6)} ${target}: ${got}`);
  console.log(`denied decision at ${small.roles} roles: ${JSON.stringify(small.denied)}`);
  return 0;
}

process.exitCode = await main();
session.disconnect();
