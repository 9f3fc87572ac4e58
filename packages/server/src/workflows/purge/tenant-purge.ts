import { currentTenantId, currentTx } from '../../context.ts';
import { asTenant } from '../../db/tenant-tx.ts';
import { setTenantStatus } from '../../tenancy/tenants.ts';

// A whole-tenant purge (ADR 0029): the tenant's people (subjects and their API keys) and its
// graph are deleted, its data keys destroyed (so every sealed field and pseudonym it holds names
// nobody), and the tenant ends `purged`. The append-only records stay, as for any purge. The same
// steps run again when a backup from before the purge is restored.

export const PURGE_MANIFEST_PAYLOAD_TYPE = 'application/vnd.companyos.purge-manifest+json';

/** The keys a statement about the current tenant returns (as `key`). */
const keysOf = async (sql: string): Promise<string[]> => (await currentTx().query<{ key: string }>(sql, [currentTenantId()])).map((r) => String(r.key));

/** Deletes the current tenant's people and graph; returns per table the keys of what went. */
export async function eraseTenantRows(): Promise<Array<{ table: string; keys: string[] }>> {
  // API keys name their subject, so they go first.
  const apiKeys = await keysOf(`DELETE FROM api_keys WHERE tenant_id = $1 RETURNING key_id AS key`);
  const subjects = await keysOf(`DELETE FROM subjects WHERE tenant_id = $1 RETURNING subject_id AS key`);
  const { entities, relationships } = await eraseTenantGraph();
  return [
    { table: 'api_keys', keys: apiKeys },
    { table: 'subjects', keys: subjects },
    { table: 'entities', keys: entities },
    { table: 'relationships', keys: relationships },
  ];
}

/**
 * Deletes the current tenant's graph (relationships go with their entities, ON DELETE CASCADE).
 * Run again once the purge's own receipts are written, which the graph mirrors.
 */
export async function eraseTenantGraph(): Promise<{ entities: string[]; relationships: string[] }> {
  const relationships = await keysOf(`SELECT relationship_id AS key FROM relationships WHERE tenant_id = $1`);
  return { relationships, entities: await keysOf(`DELETE FROM entities WHERE tenant_id = $1 RETURNING entity_id AS key`) };
}

/** Marks the current tenant purged, as the platform, in the same transaction. */
export async function markTenantPurged(at: Date): Promise<void> {
  const tenantId = currentTenantId();
  await asTenant(tenantId, () => setTenantStatus(tenantId, 'purged', at), { scope: 'platform' });
}
