import type { Database } from '../db/database.ts';
import { withTenantBatch, withTenantTransaction } from '../db/tenant-tx.ts';
import { rateMonth, rateMonths, type MonthRating } from './invoicing.ts';
import type { PlanCatalog } from './plan-catalog.ts';

/** Tenants rated per transaction: a few statements each, whatever the number of tenants in it. */
export const RATE_BATCH = 250;

/**
 * Rates one month for many tenants, RATE_BATCH tenants per transaction (rateMonths). A batch
 * that fails is rated again tenant by tenant, each in its own tenant transaction, so one
 * tenant's failure (a plan missing from the catalog, a tenant that does not exist) costs only its
 * own invoice; the failures are raised together once every other tenant is rated. Results come
 * in the order of `tenantIds`.
 */
export async function rateTenants(db: Database, catalog: PlanCatalog, tenantIds: string[], period: string, now: Date, batchSize = RATE_BATCH): Promise<MonthRating[]> {
  const results: MonthRating[] = [];
  const failures: unknown[] = [];
  for (let i = 0; i < tenantIds.length; i += batchSize) {
    const batch = tenantIds.slice(i, i + batchSize);
    try {
      results.push(...(await withTenantBatch(db, batch, () => rateMonths(catalog, batch, period, now))));
    } catch {
      for (const tenantId of batch) {
        try {
          results.push({ tenantId, ...(await withTenantTransaction(db, tenantId, () => rateMonth(catalog, period, now))) });
        } catch (error) {
          failures.push(error);
        }
      }
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `rating ${period} failed for ${failures.length} of ${tenantIds.length} tenants`);
  return results;
}
