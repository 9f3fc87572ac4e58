import type { FastifyInstance } from 'fastify';
import { Gauge } from 'prom-client';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { withPlatformTransaction, withTenantTransaction } from '../db/tenant-tx.ts';
import { inBackground } from '../db/work-priority.ts';
import { enqueue, type JobContext, type JobRunner } from '../jobs/index.ts';
import type { Metrics } from '../observability/metrics.ts';
import { listTenants } from '../tenancy/tenants.ts';
import type { Clock } from '../util/clock.ts';
import type { Bundle } from '../policy/bundle.ts';
import { canonicalSha256 } from '../util/canonical-json.ts';
import { rateMonth } from './invoicing.ts';
import { aggregateUsage, type AggregationResult } from './meter-readings.ts';
import { closeMonth, type MonthEndOptions } from './month-end.ts';
import { planCatalog } from './plan-catalog.ts';

export const AGGREGATE_JOB = 'finops.aggregate';
/** Closes a finished month for many tenants of one region: rates it one last time and finalises their invoices. */
export const MONTH_END_JOB = 'finops.month_end';
/** Closes a finished month for its tenant alone: a tenant the month-end job could not close is retried by it. */
export const FINALIZE_JOB = 'finops.finalize';
/** Tenants per month-end job: a few transactions of RATE_BATCH each, between which it can stop and resume. */
export const MONTH_END_TENANTS = 1_000;
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
  runner.register<{ period: string; tenants: string[] }>(MONTH_END_JOB, {
    backoffMs: 60_000,
    run: async ({ period, tenants }, ctx) => {
      const { finalized, failures } = await closeMonth(d.db, tenants, monthEndOptions(d, period, ctx));
      // Each tenant that failed is retried by a job of its own, which records its errors.
      for (const { tenantId, error } of failures) {
        ctx.log.error({ err: error, failed_tenant: tenantId, period }, 'closing the month failed for a tenant; it is retried on its own');
        await withTenantTransaction(d.db, tenantId, () => enqueue(FINALIZE_JOB, { period }, { now: ctx.clock.now(), idempotencyKey: `finalize:${period}`, maxAttempts: 10 }));
      }
      ctx.log.info({ period, tenants: tenants.length, finalized: finalized.length, failed: failures.length }, 'month closed');
    },
  });
  runner.register<{ period: string }>(FINALIZE_JOB, {
    backoffMs: 60_000,
    run: async ({ period }, ctx) => {
      const { failures } = await closeMonth(d.db, [ctx.job.tenant_id], monthEndOptions(d, period, ctx));
      if (failures[0] !== undefined) throw failures[0].error;
    },
  });
  if (o.background) {
    let timer: NodeJS.Timeout | undefined;
    const tick = () => void inBackground(() => scheduleAggregation(d.db, d.clock.now())).catch((err: unknown) => d.log.error({ err }, 'queueing usage aggregation failed'));
    // The first slot is queued one interval after the start: a start (or a test's app) writes nothing by itself.
    app.addHook('onReady', async () => {
      timer = setInterval(tick, AGGREGATE_EVERY_MS).unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  }
  return aggregate;
}

/** A month-end job's options: its clock, its receipts' request id, and a heartbeat (or stop) between two transactions. */
function monthEndOptions(d: MeteringDeps, period: string, ctx: JobContext): MonthEndOptions {
  return {
    catalog: planCatalog(),
    period,
    now: ctx.clock.now(),
    bundleHashOf: (tenantId) => d.bundleFor(tenantId).hash,
    requestId: `job:${ctx.job.job_id}`,
    beforeBatch: async () => {
      ctx.signal.throwIfAborted();
      await ctx.heartbeat();
    },
  };
}

/**
 * Queues this slot's aggregation for every tenant, and, once the month before has been over for
 * FINALIZE_AFTER_MS, its month-end jobs: one per MONTH_END_TENANTS tenants of a region, queued
 * in the first of them (so the job lives in the database it works on). Keys make a slot, or a
 * month's group of tenants, queued by any server queue once; a group that changes (a new
 * tenant) is a new job, which passes over the tenants already closed.
 */
export async function scheduleAggregation(db: Database, now: Date): Promise<number> {
  const slot = new Date(Math.floor(now.getTime() / AGGREGATE_EVERY_MS) * AGGREGATE_EVERY_MS).toISOString();
  const previous = monthBefore(now);
  const finalizeDue = now.getTime() - Date.parse(`${monthOf(now)}-01T00:00:00Z`) >= FINALIZE_AFTER_MS;
  const tenants = await withPlatformTransaction(db, () => listTenants());
  for (const t of tenants) {
    await withTenantTransaction(db, t.tenant_id, () => enqueue(AGGREGATE_JOB, {}, { now, idempotencyKey: `aggregate:${slot}`, maxAttempts: 3 }));
  }
  if (finalizeDue) {
    for (const group of monthEndGroups(tenants)) {
      const key = `month-end:${previous}:${canonicalSha256(group).slice(0, 32)}`;
      await withTenantTransaction(db, group[0]!, () => enqueue(MONTH_END_JOB, { period: previous, tenants: group }, { now, idempotencyKey: key, maxAttempts: 10 }));
    }
  }
  return tenants.length;
}

/** The tenants of each data region (in id order), in groups of at most MONTH_END_TENANTS. */
function monthEndGroups(tenants: Array<{ tenant_id: string; config: { data_region: string } }>): string[][] {
  const byRegion = new Map<string, string[]>();
  for (const t of tenants) {
    const ids = byRegion.get(t.config.data_region);
    if (ids === undefined) byRegion.set(t.config.data_region, [t.tenant_id]);
    else ids.push(t.tenant_id);
  }
  return [...byRegion.values()].flatMap((ids) => Array.from({ length: Math.ceil(ids.length / MONTH_END_TENANTS) }, (_, i) => ids.slice(i * MONTH_END_TENANTS, (i + 1) * MONTH_END_TENANTS)));
}
