import { currentTenantId, currentTx } from '../../context.ts';
import { asTenant } from '../../db/tenant-tx.ts';
import { setTenantStatus } from '../../tenancy/tenants.ts';

// A whole-tenant purge (ADR 0029): the tenant ends `purged`, every mutable record it owns is
// deleted (its people, their API keys, its graph, workflow requests, deals, incidents, runbooks,
// billing rows, settings, invitations, webhook targets, jobs), and its data keys are destroyed, so
// every sealed field and pseudonym in the append-only records that stay names nobody. The same
// steps run again when a backup from before the purge is restored.

export const PURGE_MANIFEST_PAYLOAD_TYPE = 'application/vnd.companyos.purge-manifest+json';

/**
 * The tenant's mutable records, children before parents (the foreign keys), each with the SQL of
 * its row's key for the manifest. The database lets the app delete most of them only once the
 * tenant is purged (migration 0034). The graph (`entities`, `relationships`) goes last.
 */
const RECORDS: ReadonlyArray<{ table: string; key: string }> = [
  { table: 'portal_invitation_mail', key: 'invitation_id::text' },
  { table: 'portal_invitations', key: 'invitation_id::text' },
  { table: 'webhook_deliveries', key: 'delivery_id::text' },
  { table: 'invoice_webhooks', key: 'webhook_id::text' },
  { table: 'rated_usage', key: "invoice_id || ':' || line_no" },
  { table: 'invoices', key: 'invoice_id::text' },
  { table: 'meter_readings', key: "meter || ':' || day" },
  { table: 'meter_aggregation_state', key: 'tenant_id' },
  { table: 'plan_assignments', key: 'effective_from::text' },
  { table: 'cost_allocations', key: "period || ':' || service" },
  { table: 'audit_exports', key: 'export_id::text' },
  { table: 'revops_contracts', key: 'contract_id::text' },
  { table: 'revops_quotes', key: 'quote_id::text' },
  { table: 'revops_opportunities', key: 'opportunity_id::text' },
  { table: 'revops_leads', key: 'lead_id::text' },
  { table: 'revops_routing_rules', key: 'rule_id' },
  { table: 'high_risk_requests', key: 'request_id::text' },
  { table: 'incidents', key: 'incident_id::text' },
  { table: 'runbooks', key: 'slug' },
  { table: 'purge_requests', key: 'purge_id::text' },
  { table: 'flag_settings', key: 'flag_id' },
  { table: 'flag_usage', key: 'flag_id' },
  { table: 'tenant_branding', key: 'tenant_id' },
  // The purge job empties the blob store first (manifest `blobs`); these catch rows a database
  // store left when S3 holds the blobs now, and a backup restored from before the purge.
  { table: 'blob_chunks', key: "blob_id || ':' || seq" },
  { table: 'blobs', key: 'blob_id::text' },
  { table: 'jobs', key: 'job_id::text' },
  { table: 'kek_wrapping_keys', key: 'wrapping_key_id::text' },
  // API keys name their subject, so they go first.
  { table: 'api_keys', key: 'key_id' },
  { table: 'subjects', key: 'subject_id' },
  { table: 'graph_types', key: "kind || ':' || type_name" },
];

/** The SQL of a mutable record's key, as the manifest hashes it. */
export function recordKey(table: string): string {
  const graph: Record<string, string> = { entities: 'entity_id', relationships: 'relationship_id::text' };
  const key = graph[table] ?? RECORDS.find((r) => r.table === table)?.key;
  if (key === undefined) throw new Error(`not a mutable record: ${table}`);
  return key;
}

/** Every table whose rows of the tenant a tenant purge deletes. */
export const TENANT_PURGE_DELETES: readonly string[] = [...RECORDS.map((r) => r.table), 'entities', 'relationships'];

/**
 * The tenant-owned tables whose rows stay, and why: append-only records (their sealed fields and
 * pseudonyms unreadable once the keys are gone), the ledger that keeps the tenant's receipts
 * verifiable, and the keys themselves, destroyed or public.
 */
export const TENANT_PURGE_KEEPS: Readonly<Record<string, string>> = {
  tenants: "the tenant's row, status purged, so its id is never given again",
  receipts: 'append-only, the ledger',
  ledger_queue: 'the ledger: receipts waiting for their leaf',
  ledger_leaves: 'append-only, the ledger',
  ledger_nodes: 'append-only, the ledger',
  ledger_checkpoints: 'append-only, the ledger',
  ledger_leases: 'the ledger: who integrates its receipts',
  evidence_blobs: 'append-only, the evidence receipts cite',
  tenant_keys: 'public signing keys, so receipts and packs keep verifying',
  subject_data_keys: 'every key destroyed',
  tenant_keks: 'key-encryption keys, retired or revoked only',
  audit_events: 'append-only',
  usage_events: 'append-only',
  policy_decisions: 'append-only',
  policy_bundle_versions: 'append-only',
  policy_bundle_contents: 'append-only',
  policy_activations: 'append-only',
  flag_changes: 'append-only',
  high_risk_history: 'append-only',
  revops_quote_history: 'append-only',
  incident_history: 'append-only',
  runbook_versions: 'append-only',
  purge_history: 'append-only',
  service_samples: 'append-only',
  board_packs: 'append-only',
  onboarding_events: 'append-only',
};

/** What the running purge keeps of its own: its request (the manifest lands there) and its job (the sweep of its blobs is queued after the deletion). */
export interface RunningPurge {
  purgeId: string;
  jobId?: string | undefined;
}

/** The keys a statement about the current tenant returns (as `key`). */
const keysOf = async (sql: string, params: unknown[] = []): Promise<string[]> =>
  (await currentTx().query<{ key: string }>(sql, [currentTenantId(), ...params])).map((r) => String(r.key));

/**
 * Deletes the current tenant's mutable records (the tenant must be marked purged first); returns
 * per table the keys of what went. The running purge's request and job stay.
 */
export async function eraseTenantRows(running: RunningPurge): Promise<Array<{ table: string; keys: string[] }>> {
  const kept: Record<string, string | undefined> = { purge_requests: running.purgeId, jobs: running.jobId };
  const erased: Array<{ table: string; keys: string[] }> = [];
  for (const { table, key } of RECORDS) {
    const own = kept[table];
    const id = table === 'purge_requests' ? 'purge_id' : 'job_id';
    const keys = own === undefined ? await keysOf(`DELETE FROM ${table} WHERE tenant_id = $1 RETURNING ${key} AS key`) : await keysOf(`DELETE FROM ${table} WHERE tenant_id = $1 AND ${id} <> $2 RETURNING ${key} AS key`, [own]);
    erased.push({ table, keys });
  }
  const { entities, relationships } = await eraseTenantGraph();
  return [...erased, { table: 'entities', keys: entities }, { table: 'relationships', keys: relationships }];
}

/**
 * Deletes the current tenant's graph (relationships go with their entities, ON DELETE CASCADE).
 * Run again once the purge's own receipts are written, which the graph mirrors.
 */
export async function eraseTenantGraph(): Promise<{ entities: string[]; relationships: string[] }> {
  const relationships = await keysOf(`SELECT relationship_id AS key FROM relationships WHERE tenant_id = $1`);
  return { relationships, entities: await keysOf(`DELETE FROM entities WHERE tenant_id = $1 RETURNING entity_id AS key`) };
}

/** Marks the current tenant purged, as the platform, in the same transaction; its records may then be deleted. */
export async function markTenantPurged(at: Date): Promise<void> {
  const tenantId = currentTenantId();
  await asTenant(tenantId, () => setTenantStatus(tenantId, 'purged', at), { scope: 'platform' });
}

/** What a tenant purge's manifest says stays: the tables kept, and the purge's own request and job. */
export const tenantPurgeRetained = (): string[] => [
  ...Object.entries(TENANT_PURGE_KEEPS).map(([table, why]) => `${table} (${why})`),
  'purge_requests: this purge (its manifest)',
  'jobs: this purge and the sweep of its blobs',
];
