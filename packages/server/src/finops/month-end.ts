import type { Database } from '../db/database.ts';
import { lockTenantsExclusively } from '../db/tenant-locks.ts';
import { asTenant } from '../db/tenant-tx.ts';
import { invoicesForPeriod } from './invoices.ts';
import { FINOPS_ACTOR, finalizeInvoice, rateMonths } from './invoicing.ts';
import { aggregateUsage } from './meter-readings.ts';
import type { PlanCatalog } from './plan-catalog.ts';
import { inTenantBatches, RATE_BATCH, type TenantFailure } from './rate-tenants.ts';

/** How long a close waits for one tenant's usage transactions under way before its batch fails (and is retried). */
const USAGE_LOCK_WAIT_MS = 30_000;

export interface MonthEndOptions {
  catalog: PlanCatalog;
  /** The finished month, YYYY-MM. */
  period: string;
  now: Date;
  /** The hash of the policy bundle a tenant's finalisation receipt cites. */
  bundleHashOf: (tenantId: string) => string;
  /** The request id of the receipts and audit events (`job:<id>`). */
  requestId: string;
  batchSize?: number;
  /** Runs before each transaction (see inTenantBatches). */
  beforeBatch?: () => Promise<void>;
}

/** What closing a month did: the tenants whose invoice it finalised, and those it could not close. */
export interface MonthEnd {
  finalized: string[];
  failures: TenantFailure[];
}

/**
 * Closes a finished month for many tenants, RATE_BATCH per transaction: each tenant's usage is
 * aggregated, its month rated and its draft finalised (receipt, audit event, webhook deliveries)
 * in the transaction that rates it, so a batch commits whole or not at all. A tenant already
 * finalised is left alone: run again after a crash, it closes only the tenants left. One
 * tenant's failure fails only its own month (inTenantBatches).
 */
export async function closeMonth(db: Database, tenantIds: string[], o: MonthEndOptions): Promise<MonthEnd> {
  const { results, failures } = await inTenantBatches(db, tenantIds, o.batchSize ?? RATE_BATCH, (batch) => closeBatch(batch, o), o.beforeBatch);
  return { finalized: results.filter((r) => r.finalized).map((r) => r.tenantId), failures };
}

/**
 * In a batch transaction (withTenantBatch). The tenants' usage locks are taken first, exclusively:
 * a usage write begun before waits to commit and is aggregated here; one begun after waits for
 * this commit, and is recorded after the finalisation (usage-events.ts). So the events recorded
 * by `finalized_at`, which an invoice's evidence pack reads, are exactly the ones it was rated on.
 */
async function closeBatch(batch: string[], o: MonthEndOptions): Promise<Array<{ tenantId: string; finalized: boolean }>> {
  const finalized = await invoicesForPeriod(batch, o.period);
  const open = batch.filter((t) => finalized.get(t)?.status !== 'finalized');
  if (open.length === 0) return batch.map((tenantId) => ({ tenantId, finalized: false }));
  await lockTenantsExclusively('usage', open, USAGE_LOCK_WAIT_MS);
  const closedAt = new Map<string, Date>();
  for (const tenantId of open) {
    const { watermark } = await asTenant(tenantId, () => aggregateUsage(o.now));
    closedAt.set(tenantId, finalizationTime(o.now, watermark));
  }
  const rated = new Map((await rateMonths(o.catalog, open, o.period, o.now)).map((r): [string, typeof r] => [r.tenantId, r]));
  const out: Array<{ tenantId: string; finalized: boolean }> = [];
  for (const tenantId of batch) {
    const invoice = rated.get(tenantId)?.invoice;
    if (invoice?.status !== 'draft') {
      out.push({ tenantId, finalized: false });
      continue;
    }
    const at = closedAt.get(tenantId)!;
    await asTenant(tenantId, () => finalizeInvoice(invoice, { actor: FINOPS_ACTOR, bundleHash: o.bundleHashOf(tenantId), requestId: o.requestId, at }));
    out.push({ tenantId, finalized: true });
  }
  return out;
}

/**
 * When a month's close finalises, its usage aggregated up to `watermark` (the newest recording):
 * now, or that recording when a writer's clock ran ahead, so the events recorded by the
 * finalisation (what the evidence pack reads) are all the ones it counted.
 */
export function finalizationTime(now: Date, watermark: string | null): Date {
  return new Date(Math.max(now.getTime(), watermark === null ? 0 : Date.parse(watermark)));
}
