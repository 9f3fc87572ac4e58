import { currentTenantId, currentTx } from '../context.ts';
import type { Allocation } from './cost-attribution.ts';

export type StoredAllocation = Omit<Allocation, 'tenant_id'>;

/** Replaces the current tenant's attributed cost of a period with `allocations`. */
export async function replaceAllocations(period: string, importId: string, allocations: StoredAllocation[], at: Date): Promise<void> {
  const tx = currentTx();
  const tenant = currentTenantId();
  await tx.query('DELETE FROM cost_allocations WHERE tenant_id = $1 AND period = $2', [tenant, period]);
  if (allocations.length === 0) return;
  const column = <T>(f: (a: StoredAllocation) => T): T[] => allocations.map(f);
  await tx.query(
    `INSERT INTO cost_allocations (tenant_id, period, service, import_id, driver, share, amount, currency, created_at)
     SELECT $1, $2, *, $8::timestamptz FROM unnest($3::text[], $4::uuid[], $5::text[], $6::numeric[], $7::bigint[], $9::text[])`,
    [tenant, period, column((a) => a.service), column(() => importId), column((a) => a.driver), column((a) => a.share), column((a) => a.amount), at.toISOString(), column((a) => a.currency)],
  );
}

/** The current tenant's attributed cost of a period. */
export async function listAllocations(period: string): Promise<StoredAllocation[]> {
  const rows = await currentTx().query<{ service: string; period: string; driver: string; share: string; amount: string; currency: string }>(
    'SELECT service, period, driver, share::text AS share, amount, currency FROM cost_allocations WHERE tenant_id = $1 AND period = $2 ORDER BY service',
    [currentTenantId(), period],
  );
  return rows.map((r) => ({ ...r, share: Number(r.share), amount: Number(r.amount) }));
}
