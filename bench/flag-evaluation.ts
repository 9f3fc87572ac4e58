// Benchmark of feature-flag evaluation: the pure evaluator (targeting rules and a percentage
// rollout) and the service path code uses (tenant settings from the per-process cache, bundle
// veto check, metrics counter), p50/p99 per evaluation.
//   node --import tsx bench/flag-evaluation.ts [--iterations N]

import { PgliteDatabase } from '../packages/server/src/db/pglite-database.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { withTenantTransaction } from '../packages/server/src/db/tenant-tx.ts';
import { evaluateFlag } from '../packages/server/src/flags/evaluate.ts';
import { flagDefinitions } from '../packages/server/src/flags/flag-definitions.ts';
import { FlagService } from '../packages/server/src/flags/flag-service.ts';
import { loadBundleDir } from '../packages/server/src/policy/bundle.ts';
import { defaultPolicyDir } from '../packages/server/src/config.ts';
import { seedDemo } from '../packages/server/src/seed/seed-demo.ts';
import { FakeClock } from '../packages/server/src/util/clock.ts';

const i = process.argv.indexOf('--iterations');
const ITERATIONS = Math.max(10_000, i > 0 ? Number(process.argv[i + 1]) : 100_000);
const TARGET_PURE_P50_US = 5;
const TARGET_SERVICE_P50_US = 25;

function percentiles(samples: number[]): { p50: number; p99: number } {
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length * 0.5)]!, p99: samples[Math.floor(samples.length * 0.99)]! };
}

async function time(fn: (n: number) => unknown): Promise<{ p50: number; p99: number }> {
  for (let n = 0; n < 5_000; n++) await fn(n);
  const samples: number[] = [];
  for (let n = 0; n < ITERATIONS; n++) {
    const t0 = process.hrtime.bigint();
    await fn(n);
    samples.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  return percentiles(samples);
}

const def = flagDefinitions().get('console.audit-view')!;
const setting = {
  targeting: [
    { attribute: 'subject.roles', op: 'in' as const, values: ['auditor', 'security'], variant: 'timeline' },
    { attribute: 'subject.attributes.country', op: 'in' as const, values: ['FR', 'IT'], variant: 'timeline' },
  ],
  rollout: { variant: 'timeline', percent: 30 },
};
const subject = { id: 'u', roles: ['engineer'], attributes: { country: 'DE' } };
const pure = await time((n) => evaluateFlag(def, { tenantId: 'pilot-a', targetingKey: `user-${n}`, subject, context: {}, setting, veto: undefined }));

const db = await PgliteDatabase.open();
await migrate(db);
const clock = new FakeClock();
await seedDemo(db, { clock });
const base = loadBundleDir(defaultPolicyDir);
const service = new FlagService({ db, clock, bundleFor: () => base });
const viaService = await withTenantTransaction(db, 'pilot-a', () => time((n) => service.evaluate('console.audit-view', { targetingKey: `user-${n}`, subject })));
await service.settled();
await db.close();

const fmt = (x: number) => x.toFixed(2).padStart(8);
console.log(`flag evaluation, ${ITERATIONS} timed calls each (µs)`);
console.log('path                    p50       p99');
console.log(`pure evaluator     ${fmt(pure.p50)} ${fmt(pure.p99)}`);
console.log(`FlagService cached ${fmt(viaService.p50)} ${fmt(viaService.p99)}`);
console.log(`pure p50 ≤ ${TARGET_PURE_P50_US} µs: ${pure.p50 <= TARGET_PURE_P50_US ? 'ok' : 'MISSED'}`);
console.log(`service p50 ≤ ${TARGET_SERVICE_P50_US} µs: ${viaService.p50 <= TARGET_SERVICE_P50_US ? 'ok' : 'MISSED'}`);
