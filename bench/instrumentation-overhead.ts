// What per-action instrumentation (the action and decision histograms, receipt and usage
// counters, and one span per pipeline step, not exported) adds to a governed action. Three apps on
// one PGlite database serve the same allowed action (GET /api/v1/subjects: decision, receipt,
// audit and usage event) through the full HTTP stack (light-my-request): one instrumented and two
// built alike without instrumentation. They take turns in short blocks, in a rotating order, so
// the database's growth, the JIT and load from other processes reach all three alike; the two
// plain apps differ only by chance, and that difference is printed as the run's noise floor.
//   node --import tsx bench/instrumentation-overhead.ts [--requests N] [--block N]
// Prints the wall and CPU time per request of each app and the overhead against the plain pair.
// The instrumentation's own work per request (the same spans and series, run alone) is timed too.

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
const REQUESTS = arg('--requests', 3000);
const BLOCK = arg('--block', 10);

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
type Name = 'plain' | 'plain (control)' | 'instrumented';
const apps: Record<Name, FastifyInstance> = { plain: await build(false), 'plain (control)': await build(false), instrumented: await build(true) };
const names = Object.keys(apps) as Name[];
const totals = Object.fromEntries(names.map((n) => [n, { wallUs: 0, cpuUs: 0, requests: 0 }])) as Record<Name, { wallUs: number; cpuUs: number; requests: number }>;

async function block(name: Name, n: number, count: boolean): Promise<void> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const res = await apps[name].inject({ method: 'GET', url: '/api/v1/subjects', headers: { authorization: `Bearer ${token}` } });
    if (res.statusCode !== 200) throw new Error(`unexpected ${res.statusCode}: ${res.body}`);
  }
  if (!count) return;
  const used = process.cpuUsage(cpu);
  totals[name].wallUs += (performance.now() - started) * 1000;
  totals[name].cpuUs += used.user + used.system;
  totals[name].requests += n;
}

// Warm-up: JIT, the policy compile and the first receipts of each app.
for (const name of names) await block(name, 200, false);
for (let round = 0; round * BLOCK < REQUESTS; round++) {
  // Each app goes first, second and third in turn.
  for (let k = 0; k < names.length; k++) await block(names[(round + k) % names.length]!, BLOCK, true);
}
const per = (name: Name, key: 'wallUs' | 'cpuUs') => totals[name][key] / totals[name].requests;
const pct = (a: number, b: number) => (((a - b) / b) * 100).toFixed(1);
console.log(`governed action GET /api/v1/subjects, ${totals.plain.requests} requests per app in blocks of ${BLOCK}, taking turns`);
for (const key of ['wallUs', 'cpuUs'] as const) {
  const label = key === 'wallUs' ? 'wall' : 'CPU ';
  const [a, b, inst] = [per('plain', key), per('plain (control)', key), per('instrumented', key)];
  const plain = (a + b) / 2;
  console.log(
    `  ${label} µs/request   plain ${a.toFixed(0)} / ${b.toFixed(0)}   instrumented ${inst.toFixed(0)}   overhead ${pct(inst, plain)}%   (noise floor: the plain pair differ by ${Math.abs(Number(pct(a, b))).toFixed(1)}%)`,
  );
}
const plainCpu = (per('plain', 'cpuUs') + per('plain (control)', 'cpuUs')) / 2;

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
console.log('  target: overhead < 5%');

for (const app of Object.values(apps)) await app.close();
await t.close();
rmSync(dataDir, { recursive: true, force: true });
