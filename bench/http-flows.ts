// Open-loop HTTP load on a real server: six governed flows (a tenant read, a governed write, policy
// simulate, flag evaluate, audit list, a receipt with its proof), each alone and all six mixed,
// at fixed arrival rates, on PGlite and on PostgreSQL. Latency counts from each request's
// scheduled send time (bench/support/open-loop.ts), so queueing is never hidden. Prints p50, p95,
// p99, the achieved rate and the errors as a table and as JSON, and the highest mixed rate that
// holds p95 within the target with no errors.
//   node --import tsx bench/http-flows.ts [--engines pglite,postgresql] [--rates 100,250,500]
//     [--duration S] [--flows a,b|mixed] [--workers N] [--target-p95 MS] [--no-max]
// PostgreSQL runs when DATABASE_URL is set (a fresh database on that server, dropped after).
// The server is `companyos serve` in a child process (COMPANYOS_WORKERS processes on PostgreSQL,
// default: one per core); this process, the server and the database share the machine's cores.

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DevIssuer, DEV_ISSUER_KEY_FILE } from '../packages/server/src/identity/dev-issuer.ts';
import { runOpenLoop, type OpenLoopResult } from './support/open-loop.ts';
import { BENCH_SUBJECT, BENCH_TENANTS, FLOW_NAMES, FLOW_STATUS, flowRequest, parseFlows, type FlowName, type TenantFixture } from './support/flows.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const RATES = (arg('--rates') ?? '100,250,500').split(',').map(Number);
const DURATION_S = Number(arg('--duration') ?? 10);
const TARGET_P95_MS = Number(arg('--target-p95') ?? 25);
const SEARCH_MAX = !process.argv.includes('--no-max');
const rawFlows = arg('--flows');
const FLOWS: (FlowName | 'mixed')[] = rawFlows === undefined ? [...FLOW_NAMES, 'mixed'] : rawFlows.split(',').map((f) => (f === 'mixed' ? 'mixed' : parseFlows(f)[0]!));
const PG_URL = process.env.DATABASE_URL;
const ENGINES = (arg('--engines') ?? (PG_URL === undefined ? 'pglite' : 'pglite,postgresql')).split(',');
const CLI = fileURLToPath(new URL('../packages/cli/bin/companyos.mjs', import.meta.url));

interface Row extends OpenLoopResult {
  engine: string;
  flow: string;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Server {
  origin: string;
  dataDir: string;
  workers: number;
  stop(): Promise<void>;
}

/** `companyos serve` on a fresh data dir (and database), logging at info to a file as in production. */
async function startServer(engine: string): Promise<Server> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'companyos-flows-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (engine === 'postgresql') {
    if (PG_URL === undefined) throw new Error('the postgresql engine needs DATABASE_URL');
    const name = `companyos_flows_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const workers = engine === 'postgresql' ? Number(arg('--workers') ?? availableParallelism()) : 1;
  const logFile = join(dataDir, 'server.log');
  const out = openSync(logFile, 'w');
  const { DATABASE_URL: _unused, ...env } = process.env;
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve'], {
    env: {
      ...env,
      ...(databaseUrl !== undefined ? { DATABASE_URL: databaseUrl } : {}),
      COMPANYOS_PORT: String(port),
      COMPANYOS_DATA_DIR: dataDir,
      COMPANYOS_WORKERS: String(workers),
      COMPANYOS_LOG_LEVEL: 'info',
      COMPANYOS_CHECKPOINT_INTERVAL_MS: '1000',
    },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Should this process die first, the server (and its workers) still stop.
  const orphanGuard = () => child.kill('SIGTERM');
  process.once('exit', orphanGuard);
  const until = Date.now() + 600_000;
  while (!readFileSync(logFile, 'utf8').includes('CompanyOS is running at')) {
    if (child.exitCode !== null || Date.now() > until) throw new Error(`the server did not start:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    await sleep(100);
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    dataDir,
    workers,
    async stop() {
      process.off('exit', orphanGuard);
      child.kill('SIGTERM');
      await exited;
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Per tenant: an admin token, and a receipt that is in the log under a signed checkpoint. */
async function fixtures(server: Server): Promise<TenantFixture[]> {
  const issuer = DevIssuer.open({ keyFile: join(server.dataDir, DEV_ISSUER_KEY_FILE) });
  const out: TenantFixture[] = [];
  for (const tenant of BENCH_TENANTS) {
    const token = await issuer.mint({ tenant, subject: BENCH_SUBJECT, ttl: 24 * 3600 });
    const w = flowRequest('governed-write', [{ tenant, token, receiptId: '' }], 0, `setup-${randomBytes(3).toString('hex')}`);
    const res = await fetch(`${server.origin}${w.path}`, { method: w.method, headers: w.headers, body: w.body });
    if (res.status !== 201) throw new Error(`setup write for ${tenant}: ${res.status} ${await res.text()}`);
    out.push({ tenant, token, receiptId: res.headers.get('x-receipt-id')! });
  }
  for (const f of out) {
    const r = flowRequest('receipt-proof', [f], 0, '');
    for (let i = 0; ; i++) {
      const res = await fetch(`${server.origin}${r.path}`, { headers: r.headers });
      await res.arrayBuffer();
      if (res.status === 200) break;
      if (i > 300) throw new Error(`receipt of ${f.tenant} never became provable (${res.status})`);
      await sleep(100);
    }
  }
  return out;
}

async function load(server: Server, fx: TenantFixture[], flow: FlowName | 'mixed', rate: number, durationS: number): Promise<OpenLoopResult> {
  const tag = randomBytes(4).toString('hex');
  const flowOf = (n: number): [FlowName, number] => (flow === 'mixed' ? [FLOW_NAMES[n % FLOW_NAMES.length]!, Math.floor(n / FLOW_NAMES.length)] : [flow, n]);
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
  return result;
}

/**
 * Waits until no worker has a request in flight (answers the driver gave up on are still being
 * worked off), then a second for background work (ledger integration, decision log), so a run
 * never starts behind the previous one's queue. Each probe is a new connection, so the cluster
 * hands probes to every worker in turn.
 */
async function drained(server: Server): Promise<void> {
  let idle = 0;
  for (let i = 0; i < 2_400 && idle < 2 * server.workers; i++) {
    const text = await fetch(`${server.origin}/metrics`, { headers: { connection: 'close' } }).then((r) => r.text());
    idle = /^companyos_http_in_flight 0$/m.test(text) ? idle + 1 : 0;
    if (idle === 0) await sleep(250);
  }
  await sleep(1_000);
}

const fmt = (n: number): string => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '-');

function printTable(rows: Row[]): void {
  const header = ['engine', 'flow', 'target rps', 'achieved rps', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors', 'driver lag ms'];
  const cells = rows.map((r) => [
    r.engine,
    r.flow,
    String(r.rate),
    fmt(r.achievedRate),
    fmt(r.p50),
    fmt(r.p95),
    fmt(r.p99),
    fmt(r.max),
    r.errors === 0 ? '0' : `${r.errors} ${JSON.stringify(r.errorKinds)}`,
    fmt(r.maxSendLagMs),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  for (const line of [header, ...cells]) console.log(line.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
}

const holds = (r: OpenLoopResult): boolean => r.errors === 0 && r.p95 <= TARGET_P95_MS && r.achievedRate >= 0.95 * r.rate;

// Interrupted, exit through the 'exit' handlers, which stop the servers started.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

async function main(): Promise<void> {
  console.log(`http flows — open loop, ${DURATION_S} s per run, latency from the scheduled send time; target: mixed p95 ≤ ${TARGET_P95_MS} ms, no errors\n`);
  const rows: Row[] = [];
  const sustainable: Record<string, number> = {};
  for (const engine of ENGINES) {
    const server = await startServer(engine);
    try {
      const fx = await fixtures(server);
      // Unreported warm-up: a fresh process compiles its hot paths during its first requests.
      await load(server, fx, 'mixed', 50, Math.min(5, DURATION_S));
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
