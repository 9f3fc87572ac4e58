// What per-action instrumentation (the action and decision histograms, receipt and usage
// counters, and one span per pipeline step, not exported) adds to a governed action. Three
// servers, each in a process of its own as in production and each on its own PGlite database,
// serve the same allowed action (GET /api/v1/subjects: decision, receipt, audit and usage event)
// through the full HTTP stack (light-my-request): one instrumented and two built alike without
// instrumentation. They take turns in short blocks, in a rotating order, so load from other
// processes reaches all three alike; the two plain ones differ only by chance, and that difference
// is printed as the run's noise floor. (Apps sharing one process share its compiled code, which
// then serves both shapes of request and is slower for the one that is not its majority.)
//   node --import tsx bench/instrumentation-overhead.ts [--requests N] [--block N]
// Prints the wall and CPU time per request of each and the overhead against the plain pair. The
// instrumentation's own work per request (the same spans and series, run alone) is timed too.

import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { buildApp } from '../packages/server/src/http/app.ts';
import { Metrics } from '../packages/server/src/observability/metrics.ts';
import { Tracing } from '../packages/server/src/observability/tracing.ts';
import { DevIssuer } from '../packages/server/src/identity/dev-issuer.ts';
import { seedDemo } from '../packages/server/src/seed/seed-demo.ts';
import { createTestDatabase } from '../packages/server/test/support/test-database.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REQUESTS = arg('--requests', 3000);
const BLOCK = arg('--block', 10);

/** What a server process reports for one block of requests. */
interface BlockTimes {
  wallUs: number;
  cpuUs: number;
}

// A server process: builds its app, then serves a block of requests on each message.
if (process.argv.includes('--serve')) {
  const instrumentActions = process.argv.includes('--instrumented');
  const t = await createTestDatabase();
  await seedDemo(t.db);
  const issuer = DevIssuer.open();
  const token = await issuer.mint({ tenant: 'pilot-a', subject: 'user-admin', ttl: 3600 });
  const dataDir = mkdtempSync(join(tmpdir(), 'instrumentation-bench-'));
  const app = await buildApp({ database: t.db, devIssuer: issuer, logger: pino({ level: 'silent' }), config: { dataDir }, ledgerBackground: false, jobsBackground: false, instrumentActions });
  process.on('message', (n: number) => {
    void (async () => {
      if (n === 0) {
        await app.close();
        await t.close();
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      }
      const cpu = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < n; i++) {
        const res = await app.inject({ method: 'GET', url: '/api/v1/subjects', headers: { authorization: `Bearer ${token}` } });
        if (res.statusCode !== 200) throw new Error(`unexpected ${res.statusCode}: ${res.body}`);
      }
      const used = process.cpuUsage(cpu);
      process.send!({ wallUs: (performance.now() - started) * 1000, cpuUs: used.user + used.system } satisfies BlockTimes);
    })();
  });
  process.send!('ready');
} else {
  await main();
}

async function main(): Promise<void> {
  type Name = 'plain' | 'plain (control)' | 'instrumented';
  const names: Name[] = ['plain', 'plain (control)', 'instrumented'];
  const self = fileURLToPath(import.meta.url);
  const servers = {} as Record<Name, ChildProcess>;
  for (const name of names) {
    const child = fork(self, ['--serve', ...(name === 'instrumented' ? ['--instrumented'] : [])], { execArgv: ['--import', 'tsx'] });
    await new Promise((resolve) => child.once('message', resolve));
    servers[name] = child;
  }
  const block = (name: Name, n: number) =>
    new Promise<BlockTimes>((resolve) => {
      servers[name].once('message', (m: BlockTimes) => resolve(m));
      servers[name].send(n);
    });
  const totals = Object.fromEntries(names.map((n) => [n, { wallUs: 0, cpuUs: 0, requests: 0 }])) as Record<Name, BlockTimes & { requests: number }>;

  // Warm-up: JIT, the policy compile and the first receipts of each server.
  for (const name of names) await block(name, 300);
  for (let round = 0; round * BLOCK < REQUESTS; round++) {
    // Each server goes first, second and third in turn.
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      const times = await block(name, BLOCK);
      totals[name].wallUs += times.wallUs;
      totals[name].cpuUs += times.cpuUs;
      totals[name].requests += BLOCK;
    }
  }
  for (const name of names) servers[name].send(0);

  const per = (name: Name, key: keyof BlockTimes) => totals[name][key] / totals[name].requests;
  const pct = (a: number, b: number) => (((a - b) / b) * 100).toFixed(1);
  console.log(`governed action GET /api/v1/subjects, ${totals.plain.requests} requests per server in blocks of ${BLOCK}, taking turns`);
  for (const key of ['wallUs', 'cpuUs'] as const) {
    const label = key === 'wallUs' ? 'wall' : 'CPU ';
    const [a, b, inst] = [per('plain', key), per('plain (control)', key), per('instrumented', key)];
    console.log(
      `  ${label} µs/request   plain ${a.toFixed(0)} / ${b.toFixed(0)}   instrumented ${inst.toFixed(0)}   overhead ${pct(inst, (a + b) / 2)}%   (noise floor: the plain pair differ by ${Math.abs(Number(pct(a, b))).toFixed(1)}%)`,
    );
  }
  const plainCpu = (per('plain', 'cpuUs') + per('plain (control)', 'cpuUs')) / 2;
  await instrumentationAloneUs(10_000);
  const aloneUs = await instrumentationAloneUs(20_000);
  console.log(`  instrumentation alone: ${aloneUs.toFixed(1)} CPU µs/request = ${((aloneUs / plainCpu) * 100).toFixed(2)}% of a plain request's CPU`);
  console.log('  target: overhead < 5%');
}

// The instrumentation of one request, alone: a request span and five step spans, the decision
// and action histograms with exemplars, the receipt and usage counters and the metering delay.
async function instrumentationAloneUs(n: number): Promise<number> {
  const { signals } = new Metrics();
  const tracing = new Tracing();
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const trace = tracing.startAction('subject.list', `bench-${i}`);
    trace.annotate({ 'companyos.tenant_id': 'pilot-a' });
    for (const step of ['authenticate', 'tenant', 'decide', 'run', 'receipt'] as const) await trace.step(step, async () => undefined);
    trace.end(200);
    signals.decision({ package: 'companyos.authz', allow: true, seconds: 0.001, traceId: trace.traceId });
    signals.action({ action: 'subject.list', outcome: 'allowed', tenant: 'pilot-a', seconds: 0.01, traceId: trace.traceId });
    signals.committed({ action: 'subject.list', decidedAt: new Date(), committedAt: new Date() });
  }
  const used = process.cpuUsage(cpu);
  await tracing.shutdown();
  return (used.user + used.system) / n;
}
