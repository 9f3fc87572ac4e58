// Open-loop HTTP load on a real server: six governed flows (a tenant read, a governed write, policy
// simulate, flag evaluate, audit list, a receipt with its proof), each alone and all six mixed,
// at fixed arrival rates, on PGlite and on PostgreSQL. Latency counts from each request's
// scheduled send time (bench/support/open-loop.ts), so queueing is never hidden. Prints p50, p95,
// p99, the achieved rate and the errors as a table and as JSON, and the highest mixed rate that
// holds p95 within the target with no errors. Each run also reports the CPU time it cost the
// server, the database and this driver per request (support/cpu-time.ts); on PostgreSQL the
// database is vacuumed and analyzed before each run, as autovacuum keeps a running one.
//   node --import tsx bench/http-flows.ts [--engines pglite,postgresql] [--rates 100,250,500]
//     [--duration S] [--warmup S] [--flows a,b|mixed] [--workers N] [--target-p95 MS] [--no-max] [--profile DIR]
// --profile writes each server process's CPU profile (node --cpu-prof) to DIR when it stops.
// PostgreSQL runs when DATABASE_URL is set (a fresh database on that server, dropped after).
// The server is `companyos serve` in a child process (COMPANYOS_WORKERS processes on PostgreSQL,
// default: one per core); this process, the server and the database share the machine's cores.

import { randomBytes } from 'node:crypto';
import { drained, fixtures, fmt, maintainDatabase, printTable, serverOptions, startServer, type Row, type Server } from './support/flow-server.ts';
import { cpuPerRequest, cpuSnapshot, type CpuPerRequest } from './support/cpu-time.ts';
import { runOpenLoop, warmUp, type OpenLoopResult } from './support/open-loop.ts';
import { BENCH_TENANTS, FLOW_NAMES, FLOW_STATUS, flowRequest, parseFlows, type FlowName, type TenantFixture } from './support/flows.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const RATES = (arg('--rates') ?? '100,250,500').split(',').map(Number);
const DURATION_S = Number(arg('--duration') ?? 10);
const WARM_UP_S = Number(arg('--warmup') ?? 10);
const TARGET_P95_MS = Number(arg('--target-p95') ?? 25);
const SEARCH_MAX = !process.argv.includes('--no-max');
const rawFlows = arg('--flows');
const FLOWS: (FlowName | 'mixed')[] = rawFlows === undefined ? [...FLOW_NAMES, 'mixed'] : rawFlows.split(',').map((f) => (f === 'mixed' ? 'mixed' : parseFlows(f)[0]!));
const PG_URL = process.env.DATABASE_URL;
const ENGINES = (arg('--engines') ?? (PG_URL === undefined ? 'pglite' : 'pglite,postgresql')).split(',');
async function load(server: Server, fx: TenantFixture[], flow: FlowName | 'mixed', rate: number, durationS: number): Promise<OpenLoopResult & { cpu: CpuPerRequest | undefined }> {
  const tag = randomBytes(4).toString('hex');
  // As autovacuum keeps a running database (this machine's PostgreSQL runs with it off).
  if (server.databaseUrl !== undefined) await maintainDatabase(server.databaseUrl);
  const flowOf = (n: number): [FlowName, number] => (flow === 'mixed' ? [FLOW_NAMES[n % FLOW_NAMES.length]!, Math.floor(n / FLOW_NAMES.length)] : [flow, n]);
  const before = cpuSnapshot();
  const result = await runOpenLoop({
    origin: server.origin,
    rate,
    durationS,
    request: (n) => {
      const [f, i] = flowOf(n);
      return flowRequest(f, fx, i, tag);
    },
    ok: (n, status) => status === FLOW_STATUS[flowOf(n)[0]],
  });
  await drained(server);
  return { ...result, cpu: cpuPerRequest(before, cpuSnapshot(), server.pid, result.sent) };
}

const holds = (r: OpenLoopResult): boolean => r.errors === 0 && r.p95 <= TARGET_P95_MS && r.achievedRate >= 0.95 * r.rate;

// Interrupted, exit through the 'exit' handlers, which stop the servers started.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

async function main(): Promise<void> {
  console.log(`http flows — open loop, ${DURATION_S} s per run, latency from the scheduled send time; target: mixed p95 ≤ ${TARGET_P95_MS} ms, no errors\n`);
  const rows: Row[] = [];
  const sustainable: Record<string, number> = {};
  for (const engine of ENGINES) {
    const server = await startServer(engine, serverOptions(arg));
    try {
      const fx = await fixtures(server, BENCH_TENANTS);
      // A fresh server compiles its hot paths and opens its connections during its first requests.
      const warmTag = `warm-${randomBytes(3).toString('hex')}`;
      const warm = await warmUp({ origin: server.origin, rate: Math.max(...RATES), seconds: WARM_UP_S, request: (n) => flowRequest(FLOW_NAMES[n % FLOW_NAMES.length]!, fx, Math.floor(n / FLOW_NAMES.length), warmTag), ok: () => true });
      await drained(server);
      console.error(`warm-up (not counted): mixed, ramped to ${Math.max(...RATES)} rps over ${WARM_UP_S} s; its last step's p95 ${fmt(warm.p95)} ms`);
      const label = engine === 'postgresql' ? `PostgreSQL ×${server.workers}` : 'PGlite';
      for (const flow of FLOWS) {
        for (const rate of RATES) {
          const r = await load(server, fx, flow, rate, DURATION_S);
          rows.push({ engine: label, flow, ...r });
          console.error(`${label} ${flow} @ ${rate}: p95 ${fmt(r.p95)} ms, ${r.errors} errors ${JSON.stringify(r.errorKinds)}`);
        }
      }
      if (SEARCH_MAX) {
        // The highest mixed rate, in steps of 50 rps, that holds the target (runs of half length).
        let best = 0;
        for (let rate = 100; rate <= 2_000; rate += rate < 400 ? 100 : 50) {
          const r = await load(server, fx, 'mixed', rate, Math.max(3, DURATION_S / 2));
          console.error(`${label} max search @ ${rate}: p95 ${fmt(r.p95)} ms, ${r.errors} errors, achieved ${fmt(r.achievedRate)}`);
          if (!holds(r)) break;
          best = rate;
        }
        sustainable[label] = best;
      }
    } finally {
      await server.stop();
    }
  }
  console.log('');
  printTable(rows);
  if (SEARCH_MAX) {
    console.log('');
    for (const [engine, rate] of Object.entries(sustainable)) console.log(`${engine}: maximum sustainable mixed rate ${rate} rps (p95 ≤ ${TARGET_P95_MS} ms, no errors, ≥ 95% of the rate achieved)`);
  }
  for (const r of rows.filter((x) => x.flow === 'mixed' && x.rate === 500 && x.engine.startsWith('PostgreSQL'))) {
    console.log(`target on PostgreSQL, 500 rps mixed: p95 ${fmt(r.p95)} ms, ${r.errors} errors — ${holds(r) ? 'ok' : 'MISSED'}`);
  }
  console.log(`\n${JSON.stringify({ durationS: DURATION_S, targetP95Ms: TARGET_P95_MS, rows, maxSustainableRps: sustainable })}`);
}

await main();
