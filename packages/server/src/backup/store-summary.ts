import type { Database } from '../db/database.ts';
import { withPlatformTransaction, withTenantTransaction } from '../db/tenant-tx.ts';
import { currentTx } from '../context.ts';
import { listTenants } from '../tenancy/tenants.ts';
import type { BackupTenantSummary } from './backup-manifest.ts';

// What a store holds, read the way the app reads it (platform role for the registry, each
// tenant's own context for its receipts): the same figures before a backup and after a restore.

export async function schemaVersion(db: Database): Promise<string> {
  const [row] = await db.query<{ v: string | null }>(`SELECT max(version) AS v FROM schema_migrations`);
  return row?.v ?? '';
}

export async function tenantIds(db: Database): Promise<string[]> {
  return withPlatformTransaction(db, async () => (await listTenants()).map((t) => t.tenant_id));
}

export async function summarizeTenants(db: Database): Promise<BackupTenantSummary[]> {
  const out: BackupTenantSummary[] = [];
  for (const tenantId of await tenantIds(db)) {
    const [row] = await withTenantTransaction(db, tenantId, () =>
      currentTx().query<{ n: number; newest: Date | string | null }>(`SELECT count(*)::float8 AS n, max(issued_at) AS newest FROM receipts`),
    );
    out.push({ tenant_id: tenantId, receipts: row?.n ?? 0, newest_receipt_at: row?.newest == null ? null : new Date(row.newest).toISOString() });
  }
  return out;
}

/** The newest receipt of the whole store: how far back a restore of it takes every tenant. */
export function newestReceiptAt(tenants: readonly BackupTenantSummary[]): string | null {
  const times = tenants.flatMap((t) => (t.newest_receipt_at === null ? [] : [t.newest_receipt_at])).sort();
  return times.at(-1) ?? null;
}
