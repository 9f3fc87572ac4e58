import type { Database } from '../db/database.ts';
import { tenantsByDatabase, withTenantBatch } from '../db/tenant-tx.ts';
import { rateMonths, type MonthRating } from './invoicing.ts';
import type { PlanCatalog } from './plan-catalog.ts';

/** Tenants rated per transaction: a few statements each, whatever the number of tenants in it. */
export const RATE_BATCH = 250;

/** A tenant whose work failed, with why. */
export interface TenantFailure {
  tenantId: string;
  error: unknown;
}

/**
 * Runs `work` for many tenants, `batchSize` of them per transaction (withTenantBatch); the
 * tenants of each region's database are batched apart, in their own database. A batch that fails
 * is run again tenant by tenant, each in a batch of its own, so one tenant's failure costs only
 * its own work and is returned with the others' results. `beforeBatch` runs before each
 * transaction (a job's heartbeat: a lost lease or a shutdown stops the work between two).
 * Results come in the order of `tenantIds`.
 */
export async function inTenantBatches<R extends { tenantId: string }>(
  db: Database,
  tenantIds: string[],
  batchSize: number,
  work: (batch: string[]) => Promise<R[]>,
  beforeBatch?: () => Promise<void>,
): Promise<{ results: R[]; failures: TenantFailure[] }> {
  const done = new Map<string, R>();
  const failures: TenantFailure[] = [];
  for (const group of await tenantsByDatabase(db, tenantIds)) {
    for (let i = 0; i < group.tenantIds.length; i += batchSize) {
      const batch = group.tenantIds.slice(i, i + batchSize);
      await beforeBatch?.();
      try {
        for (const r of await withTenantBatch(db, batch, () => work(batch))) done.set(r.tenantId, r);
      } catch (error) {
        if (batch.length === 1) {
          failures.push({ tenantId: batch[0]!, error });
          continue;
        }
        for (const tenantId of batch) {
          try {
            for (const r of await withTenantBatch(db, [tenantId], () => work([tenantId]))) done.set(r.tenantId, r);
          } catch (error) {
            failures.push({ tenantId, error });
          }
        }
      }
    }
  }
  return { results: tenantIds.flatMap((t) => done.get(t) ?? []), failures };
}

/**
 * Rates one month for many tenants, RATE_BATCH tenants per transaction (rateMonths). A tenant
 * that cannot be rated (a plan missing from the catalog, a tenant that does not exist) costs only
 * its own invoice; the failures are raised together once every other tenant is rated. Results
 * come in the order of `tenantIds`.
 */
export async function rateTenants(db: Database, catalog: PlanCatalog, tenantIds: string[], period: string, now: Date, batchSize = RATE_BATCH): Promise<MonthRating[]> {
  const { results, failures } = await inTenantBatches(db, tenantIds, batchSize, (batch) => rateMonths(catalog, batch, period, now));
  if (failures.length > 0) throw new AggregateError(failures.map((f) => f.error), `rating ${period} failed for ${failures.length} of ${tenantIds.length} tenants`);
  return results;
}
