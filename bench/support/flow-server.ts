// What the open-loop HTTP benchmarks share: a real `companyos serve` in a child process on a fresh
// data dir (and a fresh PostgreSQL database when asked), waiting for it to work off a run, and the
// table their results print as.

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DevIssuer, DEV_ISSUER_KEY_FILE } from '../../packages/server/src/identity/dev-issuer.ts';
import { BENCH_SUBJECT, flowRequest, type TenantFixture } from './flows.ts';
import type { CpuPerRequest } from './cpu-time.ts';
import type { OpenLoopResult } from './open-loop.ts';

const CLI = fileURLToPath(new URL('../../packages/cli/bin/companyos.mjs', import.meta.url));
const PG_URL = process.env.DATABASE_URL;

export interface Row extends OpenLoopResult {
  engine: string;
  flow: string;
  /** What the run cost each part, per request sent (support/cpu-time.ts). */
  cpu?: CpuPerRequest | undefined;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Server {
  origin: string;
  /** The server's process: its workers are its children. */
  pid: number;
  dataDir: string;
  workers: number;
  /** The server's own PostgreSQL database (absent on PGlite). */
  databaseUrl?: string | undefined;
  stop(): Promise<void>;
}

/** The server options of a benchmark's command line: `--workers N`, and `--profile DIR` for each process's CPU profile. */
export function serverOptions(arg: (name: string) => string | undefined): { workers: number | undefined; nodeArgs: string[] } {
  const profile = arg('--profile');
  return {
    workers: arg('--workers') === undefined ? undefined : Number(arg('--workers')),
    nodeArgs: profile === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', profile],
  };
}

/** `companyos serve` on a fresh data dir (and database), logging at info to a file as in production. */
export async function startServer(engine: string, o: { workers?: number | undefined; nodeArgs?: string[] } = {}): Promise<Server> {
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
  const workers = engine === 'postgresql' ? (o.workers ?? availableParallelism()) : 1;
  const logFile = join(dataDir, 'server.log');
  const out = openSync(logFile, 'w');
  const { DATABASE_URL: _unused, ...env } = process.env;
  const child: ChildProcess = spawn(process.execPath, [...(o.nodeArgs ?? []), CLI, 'serve'], {
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
    pid: child.pid!,
    dataDir,
    workers,
    databaseUrl,
    async stop() {
      process.off('exit', orphanGuard);
      child.kill('SIGTERM');
      await exited;
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Vacuums and analyzes the server's database, as autovacuum keeps a running one: the statistics
 * the planner chooses its plans by, and the queue tables cleared of the rows already worked off.
 */
export async function maintainDatabase(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}

/** Per tenant: an admin token, and a receipt that is in the log under a signed checkpoint. */
export async function fixtures(server: Server, tenants: string[]): Promise<TenantFixture[]> {
  const issuer = DevIssuer.open({ keyFile: join(server.dataDir, DEV_ISSUER_KEY_FILE) });
  const out: TenantFixture[] = [];
  for (const tenant of tenants) {
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

/**
 * Waits until no worker has a request in flight (answers the driver gave up on are still being
 * worked off), then a second for background work (ledger integration, decision log), so a run
 * never starts behind the previous one's queue. Each probe is a new connection, so the cluster
 * hands probes to every worker in turn.
 */
export async function drained(server: Server): Promise<void> {
  let idle = 0;
  for (let i = 0; i < 2_400 && idle < 2 * server.workers; i++) {
    const text = await fetch(`${server.origin}/metrics`, { headers: { connection: 'close' } }).then((r) => r.text());
    idle = /^companyos_http_in_flight 0$/m.test(text) ? idle + 1 : 0;
    if (idle === 0) await sleep(250);
  }
  await sleep(1_000);
}

export const fmt = (n: number): string => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '-');

export function printTable(rows: Row[]): void {
  const header = ['engine', 'flow', 'target rps', 'achieved rps', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors', 'driver lag ms', 'CPU ms/request: server + db + driver'];
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
    r.cpu === undefined ? '' : [r.cpu.server, r.cpu.database, r.cpu.driver].map((ms) => ms.toFixed(2)).join(' + '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  for (const line of [header, ...cells]) console.log(line.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
}

