// Benchmark of per-tenant policy bundles: the decision with a tenant's own bundle (100 tenants,
// each with its own compiled version, decision log included), the checks a proposal runs, and
// decision-log batch writes on the database.
//   node --import tsx bench/policy-bundles.ts [--decisions N]      (PGlite; add DATABASE_URL for PostgreSQL too)

import { performance } from 'node:perf_hooks';
import {
  checkBundle,
  DEMO_TENANTS,
  defaultPolicyDir,
  loadBundleDir,
  loadTestModules,
  openDatabase,
  seedDemo,
  type Database,
} from '@companyos/server';
import { createLogger } from '../packages/server/src/logger.ts';
import { composeBundle } from '../packages/server/src/policy/bundle-compose.ts';
import { DecisionLogWriter } from '../packages/server/src/policy/decision-log.ts';
import { BundleArchive } from '../packages/server/src/policy/bundle-archive.ts';
import { PolicyEngine, type DecisionInput } from '../packages/server/src/policy/policy-engine.ts';

const TENANTS = 100;
const DECISIONS = Math.max(10_000, Number(process.argv[process.argv.indexOf('--decisions') + 1]) || 20_000);
// Targets (see bench/README.md).
const TARGET_DECIDE_P50_US = 100;
const TARGET_PROPOSE_MS = 1_000;
const TARGET_LOG_ROWS_PER_S = 2_000;

const log = createLogger({ level: 'silent' });
const base = loadBundleDir(defaultPolicyDir);
const tests = loadTestModules(defaultPolicyDir);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

function input(tenant: string, i: number): DecisionInput {
  return {
    subject: { id: `user-${i % 50}`, tenant_id: tenant, roles: ['engineer'], attributes: { region: i % 7 === 0 ? 'us' : 'eu' } },
    action: 'tenant.config.get',
    resource: { id: i },
    tenant: { id: tenant, status: 'active', data_region: 'eu', allowed_regions: ['eu'], redaction_preset: 'strict' },
    context: { request_id: `r${i}`, time: new Date().toISOString(), step_up: false },
  };
}

// 1. The checks of a proposal: schema, compile, every base test.
const t0 = performance.now();
const { bundle: proposal } = composeBundle(base, base, { data_patch: { allowed_regions: ['eu', 'us'] } });
const check = checkBundle(proposal, tests);
const proposeMs = performance.now() - t0;
if (check.failures.length > 0) throw new Error(`the benchmark proposal fails its checks: ${check.failures.join('; ')}`);

// 2. Decisions with one tenant bundle, and with 100 (each tenant its own compiled version).
const engine = new PolicyEngine({ base, log });
const tenants = Array.from({ length: TENANTS }, (_, i) => `bench-${i}`);
const c0 = performance.now();
for (const [i, t] of tenants.entries()) engine.use(t, composeBundle(base, base, { data_patch: { allowed_regions: i % 2 === 0 ? ['eu'] : ['eu', 'us'] } }).bundle);
const compileMs = (performance.now() - c0) / TENANTS;

async function decideTimes(count: number): Promise<number[]> {
  for (let i = 0; i < 5_000; i++) await engine.decide(input(tenants[i % count]!, i));
  const times: number[] = [];
  for (let i = 0; i < DECISIONS; i++) {
    const s = performance.now();
    const d = await engine.decide(input(tenants[i % count]!, i));
    times.push((performance.now() - s) * 1000);
    // Even tenants allow only eu: a us subject there must be denied.
    if (i % 7 === 0 && (i % count) % 2 === 0 && d.allow) throw new Error('a us subject was allowed in an eu-only tenant');
  }
  return times.sort((a, b) => a - b);
}
const single = await decideTimes(1);
const times = await decideTimes(TENANTS);

// 3. Decision-log batch writes per engine.
async function logThroughput(db: Database): Promise<number> {
  await seedDemo(db);
  // The server's batch size: a write starts at every 500 appended decisions.
  const writer = new DecisionLogWriter(db, log, new BundleArchive(), { flushMs: 60_000, maxBatch: 500 });
  const ids = DEMO_TENANTS.map((t) => t.tenant_id);
  const at = new Date().toISOString();
  const s = performance.now();
  for (let i = 0; i < DECISIONS; i++) {
    const tenant = ids[i % ids.length]!;
    writer.append(base, {
      decision_id: crypto.randomUUID(), tenant_id: tenant, timestamp: at, actor: `user-${i % 50}`, action: 'tenant.config.get', allow: true, reasons: [],
      bundle_hash: base.hash, path: 'companyos/authz/decision', input: input(tenant, i), result: { allow: true, reasons: [] }, latency_ns: 12_345,
    });
  }
  await writer.flush();
  return DECISIONS / ((performance.now() - s) / 1000);
}

const engines: [string, Database][] = [['pglite', await openDatabase()]];
if (process.env.DATABASE_URL) engines.push(['postgres', await openDatabase({ databaseUrl: process.env.DATABASE_URL })]);
const rows: string[] = [];
for (const [name, db] of engines) {
  rows.push(`| decision-log rows/s (${name}) | ${Math.round(await logThroughput(db)).toLocaleString('en')} | ≥ ${TARGET_LOG_ROWS_PER_S.toLocaleString('en')} |`);
  await db.close();
}

const p50 = percentile(times, 0.5);
console.log(`| what | value | target |
| --- | --- | --- |
| proposal checks (schema, compile, ${check.tests.passed} tests) ms | ${proposeMs.toFixed(0)} | ≤ ${TARGET_PROPOSE_MS} |
| compile per tenant version ms | ${compileMs.toFixed(1)} | |
| decide p50 / p99 µs, 1 tenant bundle | ${percentile(single, 0.5).toFixed(1)} / ${percentile(single, 0.99).toFixed(1)} | |
| decide p50 / p99 µs, ${TENANTS} tenant bundles | ${p50.toFixed(1)} / ${percentile(times, 0.99).toFixed(1)} | p50 ≤ ${TARGET_DECIDE_P50_US} |
${rows.join('\n')}`);
const missed = [
  proposeMs > TARGET_PROPOSE_MS && 'proposal checks',
  p50 > TARGET_DECIDE_P50_US && 'decide p50',
  ...rows.filter((r) => Number(r.split('|')[2]!.replaceAll(',', '')) < TARGET_LOG_ROWS_PER_S).map((r) => r.split('|')[1]!.trim()),
].filter(Boolean);
console.log(missed.length === 0 ? 'targets: ok' : `targets MISSED: ${missed.join(', ')}`);
