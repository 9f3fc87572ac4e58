import type { FastifyInstance } from 'fastify';
import { Gauge } from 'prom-client';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { withPlatformTransaction, withTenantTransaction } from '../db/tenant-tx.ts';
import { enqueue, type JobRunner } from '../jobs/index.ts';
import type { Metrics } from '../observability/metrics.ts';
import { listTenants } from '../tenancy/tenants.ts';
import type { Clock } from '../util/clock.ts';
import type { Bundle } from '../policy/bundle.ts';
import { FINOPS_ACTOR, finalizeInvoice, rateMonth } from './invoicing.ts';
import { aggregateUsage, type AggregationResult } from './meter-readings.ts';
import { planCatalog } from './plan-catalog.ts';

export const AGGREGATE_JOB = 'finops.aggregate';
/** Rates a finished month one last time and finalises its invoice. */
export const FINALIZE_JOB = 'finops.finalize';
/** A month's invoice is finalised this long after it ends, so late usage still counts. */
export const FINALIZE_AFTER_MS = 24 * 3_600_000;
/** How often every tenant's usage is aggregated (one job per tenant and slot, whichever server queues it). */
export const AGGREGATE_EVERY_MS = 15 * 60_000;

export interface MeteringDeps {
  db: Database;
  clock: Clock;
  log: Logger;
  metrics: Metrics;
  bundleFor: (tenantId: string) => Bundle;
}

/** The month (YYYY-MM) of an instant, and of the month before it. */
export const monthOf = (at: Date): string => at.toISOString().slice(0, 7);
export const monthBefore = (at: Date): string => monthOf(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 0)));

/** Aggregates one tenant's usage in its own transaction (the job's, or a caller's such as rating). */
export type Aggregate = (tenantId: string) => Promise<AggregationResult>;

/**
 * Registers the aggregation job, the lag gauge and the scheduler that queues the job for every
 * tenant each slot. Returns the aggregation of one tenant, for rating and for tests.
 */
export function installMetering(app: FastifyInstance, runner: JobRunner, d: MeteringDeps, o: { background: boolean }): Aggregate {
  const lag = new Gauge({
    name: 'companyos_finops_aggregation_lag_seconds',
    help: 'How long the oldest usage event new to the last aggregation of a tenant waited for it',
    labelNames: ['tenant'] as const,
    registers: [d.metrics.registry],
  });
  const aggregate: Aggregate = async (tenantId) => {
    const result = await withTenantTransaction(d.db, tenantId, () => aggregateUsage(d.clock.now()));
    lag.set({ tenant: tenantId }, result.lagMs / 1000);
    return result;
  };
  runner.register(AGGREGATE_JOB, {
    backoffMs: 30_000,
    run: async (_payload, ctx) => {
      const result = await ctx.tx(() => aggregateUsage(ctx.clock.now()));
      lag.set({ tenant: ctx.job.tenant_id }, result.lagMs / 1000);
      // The running month's draft follows the readings, so its amount is current.
      if (result.readings > 0) await ctx.tx(() => rateMonth(planCatalog(), monthOf(ctx.clock.now()), ctx.clock.now()));
      ctx.log.info({ readings: result.readings, lag_ms: result.lagMs }, 'usage aggregated');
    },
  });
  runner.register<{ period: string }>(FINALIZE_JOB, {
    backoffMs: 60_000,
    run: async ({ period }, ctx) => {
      const now = ctx.clock.now();
      await ctx.tx(() => aggregateUsage(now));
      await ctx.tx(async () => {
        const { invoice } = await rateMonth(planCatalog(), period, now);
        if (invoice.status === 'draft') {
          await finalizeInvoice(invoice, { actor: FINOPS_ACTOR, bundleHash: d.bundleFor(ctx.job.tenant_id).hash, requestId: `job:${ctx.job.job_id}`, at: now });
        }
      });
    },
  });
  if (o.background) {
    let timer: NodeJS.Timeout | undefined;
    const tick = () => void scheduleAggregation(d.db, d.clock.now()).catch((err: unknown) => d.log.error({ err }, 'queueing usage aggregation failed'));
    // The first slot is queued one interval after the start: a start (or a test's app) writes nothing by itself.
    app.addHook('onReady', async () => {
      timer = setInterval(tick, AGGREGATE_EVERY_MS).unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  }
  return aggregate;
}

/**
 * Queues this slot's aggregation for every tenant, and, once the month before has been over for
 * FINALIZE_AFTER_MS, its finalisation. Keys make a slot or month queued by any server queue once.
 */
export async function scheduleAggregation(db: Database, now: Date): Promise<number> {
  const slot = new Date(Math.floor(now.getTime() / AGGREGATE_EVERY_MS) * AGGREGATE_EVERY_MS).toISOString();
  const previous = monthBefore(now);
  const finalizeDue = now.getTime() - Date.parse(`${monthOf(now)}-01T00:00:00Z`) >= FINALIZE_AFTER_MS;
  const tenants = await withPlatformTransaction(db, () => listTenants());
  for (const t of tenants) {
    await withTenantTransaction(db, t.tenant_id, async () => {
      await enqueue(AGGREGATE_JOB, {}, { now, idempotencyKey: `aggregate:${slot}`, maxAttempts: 3 });
      if (finalizeDue) await enqueue(FINALIZE_JOB, { period: previous }, { now, idempotencyKey: `finalize:${previous}`, maxAttempts: 10 });
    });
  }
  return tenants.length;
}
