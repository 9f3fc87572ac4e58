// What one governed request costs, in figures that do not depend on the machine's load: database
// statements, transactions and round trips per request, and CPU time per request (this process,
// and on PostgreSQL the server backends of the benchmark's own database), for each of the six
// flows of bench/http-flows.ts, sent through the app's full HTTP stack (light-my-request: routing,
// hooks, validation, serialisation and logging at info level to /dev/null; no sockets).
//   node --import tsx bench/request-cost.ts [--requests N] [--concurrency N] [--flows a,b] [--engine pglite|postgresql]
// PGlite always; PostgreSQL too when DATABASE_URL is set (a fresh database, dropped after).

import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { buildApp } from '../packages/server/src/http/app.ts';
import { DevIssuer } from '../packages/server/src/identity/dev-issuer.ts';
import { createLogger } from '../packages/server/src/logger.ts';
import { seedDemo } from '../packages/server/src/seed/seed-demo.ts';
import { createTestDatabase } from '../packages/server/test/support/test-database.ts';
import { CountingDatabase } from './support/counting-database.ts';
import { BENCH_SUBJECT, BENCH_TENANTS, FLOW_STATUS, flowRequest, parseFlows, type FlowName, type TenantFixture } from './support/flows.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const REQUESTS = Number(arg('--requests') ?? 2_000);
const CONCURRENCY = Number(arg('--concurrency') ?? 4);
const FLOWS = parseFlows(arg('--flows'));

// Every statement a pg client sends is one round trip, BEGIN and COMMIT included.
let pgRoundTrips = 0;
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  pgRoundTrips++;
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof clientQuery;

const CLK_TCK = 100;
/** CPU µs of the PostgreSQL backends serving `database` (read from /proc; PostgreSQL on this machine). */
async function backendCpuUs(admin: pg.Client, database: string): Promise<number> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the backend ended between the two reads
    }
  }
  return (ticks / CLK_TCK) * 1e6;
}

interface FlowCost {
  flow: FlowName;
  statements: number;
  transactions: number;
  roundTrips: number;
  cpuUs: number;
  dbCpuUs: number | undefined;
}

async function run(engine: string): Promise<FlowCost[]> {
  const t = await createTestDatabase();
  const db = new CountingDatabase(t.db);
  const dataDir = mkdtempSync(join(tmpdir(), 'companyos-cost-'));
  const issuer = DevIssuer.open();
  await seedDemo(t.db);
  // Logs are written as in production (info), to a sink that costs no I/O to speak of.
  // No load shedding: this measures the work of each request, not how a busy machine is handled.
  const app = await buildApp({ database: db, devIssuer: issuer, config: { dataDir, shedEventLoopDelayMs: 0, shedMaxInFlight: 0 }, logger: createLogger({ level: 'info', destination: pino.destination('/dev/null') }) });
  await app.ready();
  const admin = t.url === undefined ? undefined : new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin?.connect();
  const dbName = t.url === undefined ? '' : new URL(t.url).pathname.slice(1);
  try {
    const fixtures: TenantFixture[] = [];
    for (const tenant of BENCH_TENANTS) {
      const token = await issuer.mint({ tenant, subject: BENCH_SUBJECT, ttl: 24 * 3600 });
      const r = flowRequest('governed-write', [{ tenant, token, receiptId: '' }], 0, `setup-${process.pid}-${tenant}`);
      const res = await app.inject({ method: r.method, url: r.path, headers: r.headers, payload: r.body });
      if (res.statusCode !== 201) throw new Error(`setup write for ${tenant}: ${res.statusCode} ${res.body}`);
      const receiptId = String(res.headers['x-receipt-id']);
      await app.ledger.flush(tenant);
      fixtures.push({ tenant, token, receiptId });
    }
    const send = async (flow: FlowName, n: number, tag: string) => {
      const r = flowRequest(flow, fixtures, n, tag);
      const res = await app.inject({ method: r.method, url: r.path, headers: r.headers, ...(r.body !== undefined ? { payload: r.body } : {}) });
      if (res.statusCode !== FLOW_STATUS[flow]) throw new Error(`${flow}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    };
    const drive = async (flow: FlowName, count: number, tag: string) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < count) await send(flow, next++, tag);
        }),
      );
      await app.ledger.idle();
    };
    const out: FlowCost[] = [];
    for (const flow of FLOWS) {
      await drive(flow, Math.min(200, REQUESTS), `warm-${process.pid}`);
      const q0 = db.snapshot();
      const rt0 = pgRoundTrips;
      const db0 = admin === undefined ? 0 : await backendCpuUs(admin, dbName);
      const cpu0 = process.cpuUsage();
      await drive(flow, REQUESTS, `run-${process.pid}`);
      const cpu = process.cpuUsage(cpu0);
      const db1 = admin === undefined ? 0 : await backendCpuUs(admin, dbName);
      const q1 = db.snapshot();
      out.push({
        flow,
        statements: (q1.statements - q0.statements) / REQUESTS,
        transactions: (q1.transactions - q0.transactions) / REQUESTS,
        roundTrips: admin === undefined ? (q1.roundTrips - q0.roundTrips) / REQUESTS : (pgRoundTrips - rt0) / REQUESTS,
        cpuUs: (cpu.user + cpu.system) / REQUESTS,
        dbCpuUs: admin === undefined ? undefined : (db1 - db0) / REQUESTS,
      });
      console.error(`${engine} ${flow} done`);
    }
    return out;
  } finally {
    await admin?.end();
    await app.close();
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`request cost — ${REQUESTS} requests per flow, ${CONCURRENCY} at a time, in process (no sockets)\n`);
  const pgUrl = process.env.DATABASE_URL;
  const only = arg('--engine');
  const engines = ([['PGlite', undefined], ...(pgUrl ? [['PostgreSQL', pgUrl]] : [])] as [string, string | undefined][]).filter(
    ([name]) => only === undefined || name.toLowerCase() === only.toLowerCase(),
  );
  const results: Record<string, FlowCost[]> = {};
  const header = ['engine', 'flow', 'statements/req', 'transactions/req', 'round trips/req', 'server CPU µs/req', 'db CPU µs/req'];
  const rows: string[][] = [header];
  for (const [engine, url] of engines) {
    if (url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = url;
    results[engine] = await run(engine);
    for (const c of results[engine]!) {
      rows.push([engine, c.flow, c.statements.toFixed(2), c.transactions.toFixed(2), c.roundTrips.toFixed(2), c.cpuUs.toFixed(0), c.dbCpuUs === undefined ? 'in process' : c.dbCpuUs.toFixed(0)]);
    }
  }
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  console.log(`\n${JSON.stringify(results)}`);
}

await main();
