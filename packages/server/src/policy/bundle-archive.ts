import { currentTenantId, currentTx } from '../context.ts';
import { bundleFromFiles, type Bundle, type BundleFile } from './bundle.ts';

/** A cited bundle's content, and its version number when it is one of the tenant's versions. */
export interface ArchivedBundle {
  bundle: Bundle;
  version: number | null;
}

/**
 * Stores the bundle's files under its hash for the current tenant, in the current transaction.
 * Returns true when this call wrote the row, false when it was already there.
 */
export async function archiveBundle(bundle: Bundle, at: Date): Promise<boolean> {
  const rows = await currentTx().query(
    `INSERT INTO policy_bundle_contents (tenant_id, hash, files, first_used_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, hash) DO NOTHING RETURNING 1`,
    [currentTenantId(), bundle.hash, JSON.stringify(bundle.files), at.toISOString()],
  );
  return rows.length > 0;
}

/** The current tenant's bundle of this hash, from the archive; undefined when it was never cited. */
export async function archivedBundle(hash: string): Promise<ArchivedBundle | undefined> {
  const rows = await currentTx().query<{ files: BundleFile[]; version: number | null }>(
    `SELECT c.files, v.version FROM policy_bundle_contents c
     LEFT JOIN policy_bundle_versions v ON v.tenant_id = c.tenant_id AND v.hash = c.hash
     WHERE c.tenant_id = $1 AND c.hash = $2`,
    [currentTenantId(), hash],
  );
  return rows[0] === undefined ? undefined : { bundle: bundleFromFiles(rows[0].files), version: rows[0].version };
}

/**
 * Keeps every bundle this process cites in the archive of its tenant. The archive is written in
 * the transaction that cites the bundle; this remembers which (tenant, hash) pairs are already
 * stored so the hot path skips the write. A pair is remembered only once the row was found
 * present: a row this transaction wrote could still be rolled back with it.
 */
export class BundleArchive {
  private readonly stored = new Set<string>();

  /** Whether the tenant's bundle of this hash was found stored. */
  knows(tenantId: string, hash: string): boolean {
    return this.stored.has(`${tenantId}\u0000${hash}`);
  }

  async keep(bundle: Bundle, at: Date): Promise<void> {
    if (this.knows(currentTenantId(), bundle.hash)) return;
    if (!(await archiveBundle(bundle, at))) this.stored.add(`${currentTenantId()}\u0000${bundle.hash}`);
  }
}
