// What per-action instrumentation (the action and decision histograms, receipt and usage
// counters, and one span per pipeline step, not exported) adds to a governed action. Two apps on
// one PGlite database, one instrumented and one not, serve the same allowed action
// (GET /api/v1/subjects: decision, receipt, audit and usage event) through the full HTTP stack
// (light-my-request), in alternating series so load from other processes hits both alike.
//   node --import tsx bench/instrumentation-overhead.ts [--requests N] [--series N]
// Prints the median over the series of the mean wall and CPU time per request, and the overhead.
// The end-to-end difference drowns in noise on a busy machine, so the instrumentation's own work
// per request (the same spans and series, run alone) is timed too and set against a request's CPU.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
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
const REQUESTS = arg('--requests', 300);
const SERIES = arg('--series', 6);

const t = await createTestDatabase();
await seedDemo(t.db);
const issuer = DevIssuer.open();
const token = await issuer.mint({ tenant: 'pilot-a', subject: 'user-admin', ttl: 3600 });
const dataDir = mkdtempSync(join(tmpdir(), 'instrumentation-bench-'));
const build = (instrumentActions: boolean) =>
  buildApp({
    database: t.db,
    devIssuer: issuer,
    logger: pino({ level: 'silent' }),
    config: { dataDir },
    ledgerBackground: false,
    jobsBackground: false,
    instrumentActions,
  });
const apps: Record<'plain' | 'instrumented', FastifyInstance> = { plain: await build(false), instrumented: await build(true) };

async function series(app: FastifyInstance): Promise<{ wallUs: number; cpuUs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const res = await app.inject({ method: 'GET', url: '/api/v1/subjects', headers: { authorization: `Bearer ${token}` } });
    if (res.statusCode !== 200) throw new Error(`unexpected ${res.statusCode}: ${res.body}`);
  }
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallUs: (wall * 1000) / REQUESTS, cpuUs: (used.user + used.system) / REQUESTS };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

// Warm-up: JIT, the policy compile and the first receipts of each app.
await series(apps.plain);
await series(apps.instrumented);
const results: Record<'plain' | 'instrumented', Array<{ wallUs: number; cpuUs: number }>> = { plain: [], instrumented: [] };
for (let i = 0; i < SERIES; i++) {
  // Alternate which goes first, so neither always runs on the warmer (or busier) half.
  const order = i % 2 === 0 ? (['plain', 'instrumented'] as const) : (['instrumented', 'plain'] as const);
  for (const name of order) results[name].push(await series(apps[name]));
}
const plainWall = median(results.plain.map((r) => r.wallUs));
const instWall = median(results.instrumented.map((r) => r.wallUs));
const plainCpu = median(results.plain.map((r) => r.cpuUs));
const instCpu = median(results.instrumented.map((r) => r.cpuUs));
const pct = (a: number, b: number) => (((a - b) / b) * 100).toFixed(1);
console.log(`governed action GET /api/v1/subjects, ${SERIES} series x ${REQUESTS} requests per app (medians of series means)`);
console.log(`  wall µs/request   plain ${plainWall.toFixed(0)}   instrumented ${instWall.toFixed(0)}   overhead ${pct(instWall, plainWall)}%`);
console.log(`  CPU  µs/request   plain ${plainCpu.toFixed(0)}   instrumented ${instCpu.toFixed(0)}   overhead ${pct(instCpu, plainCpu)}%`);

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
await instrumentationAloneUs(10_000);
const aloneUs = await instrumentationAloneUs(20_000);
console.log(`  instrumentation alone: ${aloneUs.toFixed(1)} CPU µs/request = ${((aloneUs / plainCpu) * 100).toFixed(2)}% of a plain request's CPU`);
console.log('  target: overhead < 5% (end-to-end timings on a shared machine are noisy; the figure above is the steadier one)');

await apps.plain.close();
await apps.instrumented.close();
await t.close();
rmSync(dataDir, { recursive: true, force: true });
