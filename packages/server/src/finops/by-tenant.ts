/** Rows read for several tenants at once, grouped by tenant (without the tenant column), in the order read. */
export function byTenant<R extends { tenant_id: string }, T>(rows: R[], convert: (row: Omit<R, 'tenant_id'>) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const { tenant_id, ...row } of rows) {
    const list = out.get(tenant_id) ?? [];
    list.push(convert(row));
    out.set(tenant_id, list);
  }
  return out;
}
