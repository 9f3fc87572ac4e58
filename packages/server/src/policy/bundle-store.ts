import { currentTenantId, currentTx } from '../context.ts';
import { uuidv7 } from '../util/ids.ts';
import { bundleFromFiles, type Bundle, type BundleFile } from './bundle.ts';

/** Notified (with the tenant id) when a tenant's active bundle changes; delivered on commit. */
export const POLICY_CHANNEL = 'companyos_policy';

export interface VersionSummary {
  version: number;
  hash: string;
  parent_hash: string | null;
  author: string;
  message: string;
  created_at: string;
}

export interface StoredVersion extends VersionSummary {
  bundle: Bundle;
}

export interface Activation {
  version: number;
  hash: string;
  kind: 'activate' | 'rollback';
  actor: string;
  activated_at: string;
}

interface VersionRow extends Omit<VersionSummary, 'created_at'> {
  created_at: Date;
  files?: BundleFile[];
}

const summaryColumns = 'version, hash, parent_hash, author, message, created_at';

const toSummary = (r: VersionRow): VersionSummary => ({
  version: r.version,
  hash: r.hash,
  parent_hash: r.parent_hash,
  author: r.author,
  message: r.message,
  created_at: new Date(r.created_at).toISOString(),
});

const toStored = (r: VersionRow): StoredVersion => ({ ...toSummary(r), bundle: bundleFromFiles(r.files ?? []) });

/** Stores a new version as the next number; undefined when the tenant already has one with this hash. */
export async function insertVersion(v: { bundle: Bundle; parent_hash: string | null; author: string; message: string }, at: Date): Promise<VersionSummary | undefined> {
  const rows = await currentTx().query<VersionRow>(
    `INSERT INTO policy_bundle_versions (tenant_id, version, hash, parent_hash, author, message, files, created_at)
     SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6, $7 FROM policy_bundle_versions WHERE tenant_id = $1
     ON CONFLICT (tenant_id, hash) DO NOTHING RETURNING ${summaryColumns}`,
    [currentTenantId(), v.bundle.hash, v.parent_hash, v.author, v.message, JSON.stringify(v.bundle.files), at.toISOString()],
  );
  return rows[0] === undefined ? undefined : toSummary(rows[0]);
}

export async function listVersions(): Promise<VersionSummary[]> {
  const rows = await currentTx().query<VersionRow>(`SELECT ${summaryColumns} FROM policy_bundle_versions WHERE tenant_id = $1 ORDER BY version DESC`, [currentTenantId()]);
  return rows.map(toSummary);
}

export async function getVersion(version: number): Promise<StoredVersion | undefined> {
  const rows = await currentTx().query<VersionRow>(`SELECT ${summaryColumns}, files FROM policy_bundle_versions WHERE tenant_id = $1 AND version = $2`, [
    currentTenantId(),
    version,
  ]);
  return rows[0] === undefined ? undefined : toStored(rows[0]);
}

export async function getVersionByHash(hash: string): Promise<StoredVersion | undefined> {
  const rows = await currentTx().query<VersionRow>(`SELECT ${summaryColumns}, files FROM policy_bundle_versions WHERE tenant_id = $1 AND hash = $2`, [
    currentTenantId(),
    hash,
  ]);
  return rows[0] === undefined ? undefined : toStored(rows[0]);
}

/** The tenant's active version (the latest activation), or undefined when it runs the base bundle. */
export async function activeVersion(): Promise<Activation | undefined> {
  const rows = await currentTx().query<Activation & { activated_at: Date }>(
    `SELECT version, hash, kind, actor, activated_at FROM policy_activations WHERE tenant_id = $1
     ORDER BY activated_at DESC, activation_id DESC LIMIT 1`,
    [currentTenantId()],
  );
  return rows[0] === undefined ? undefined : { ...rows[0], activated_at: new Date(rows[0].activated_at).toISOString() };
}

/** The tenant's activations and rollbacks, newest first. */
export async function activationHistory(limit: number): Promise<Activation[]> {
  const rows = await currentTx().query<Activation & { activated_at: Date }>(
    `SELECT version, hash, kind, actor, activated_at FROM policy_activations WHERE tenant_id = $1
     ORDER BY activated_at DESC, activation_id DESC LIMIT $2`,
    [currentTenantId(), limit],
  );
  return rows.map((r) => ({ ...r, activated_at: new Date(r.activated_at).toISOString() }));
}

/** Records an activation and tells every server process (on commit) to load the tenant's new bundle. */
export async function insertActivation(a: Omit<Activation, 'activated_at'>, at: Date): Promise<Activation> {
  const tx = currentTx();
  // Ordered by time first: the id is time-ordered too, so two activations in one millisecond keep their order.
  await tx.query(
    `INSERT INTO policy_activations (tenant_id, activation_id, version, hash, kind, actor, activated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [currentTenantId(), uuidv7(at.getTime()), a.version, a.hash, a.kind, a.actor, at.toISOString()],
  );
  await tx.query('SELECT pg_notify($1, $2)', [POLICY_CHANNEL, currentTenantId()]);
  return { ...a, activated_at: at.toISOString() };
}

/** Platform scope: every tenant's active version and hash (not the files: they stay tenant-scoped). */
export async function activeVersions(): Promise<Map<string, { version: number; hash: string }>> {
  const rows = await currentTx().query<{ tenant_id: string; version: number; hash: string }>(
    `SELECT DISTINCT ON (tenant_id) tenant_id, version, hash FROM policy_activations ORDER BY tenant_id, activated_at DESC, activation_id DESC`,
  );
  return new Map(rows.map((r) => [r.tenant_id, { version: r.version, hash: r.hash }]));
}

/** Platform scope: every tenant's active hash. */
export async function activeHashes(): Promise<Map<string, string>> {
  return new Map([...(await activeVersions())].map(([tenant, active]) => [tenant, active.hash]));
}

/** Whether a version was ever active: only those are rollback targets. */
export async function wasActive(version: number): Promise<boolean> {
  const rows = await currentTx().query('SELECT 1 FROM policy_activations WHERE tenant_id = $1 AND version = $2 LIMIT 1', [currentTenantId(), version]);
  return rows.length > 0;
}
