import { currentTenantId, currentTx } from '../context.ts';
import { mirrorEntity } from '../graph/mirror.ts';

// The current tenant's runbooks: one row per slug naming its current version, and every saved
// version kept unchanged beside it.

export interface Runbook {
  slug: string;
  title: string;
  current_version: number;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

export interface RunbookVersion {
  slug: string;
  version: number;
  title: string;
  body: string;
  message: string | null;
  author: string;
  created_at: string;
}

/** The runbook's graph entity and audit target: `runbook:<slug>`. */
export const runbookTarget = (slug: string): string => `runbook:${slug}`;

const iso = (v: unknown): string => new Date(v as string).toISOString();
const toRunbook = (r: Record<string, unknown>): Runbook => ({ ...(r as unknown as Runbook), created_at: iso(r.created_at), updated_at: iso(r.updated_at) });
const toVersion = (r: Record<string, unknown>): RunbookVersion => ({ ...(r as unknown as RunbookVersion), created_at: iso(r.created_at) });

const RUNBOOK_COLUMNS = 'slug, title, current_version, created_by, created_at, updated_by, updated_at';

export async function getRunbook(slug: string, o: { lock?: boolean } = {}): Promise<Runbook | undefined> {
  const rows = await currentTx().query<Record<string, unknown>>(`SELECT ${RUNBOOK_COLUMNS} FROM runbooks WHERE tenant_id = $1 AND slug = $2${o.lock === true ? ' FOR UPDATE' : ''}`, [currentTenantId(), slug]);
  return rows[0] === undefined ? undefined : toRunbook(rows[0]);
}

/** Runbooks by slug, after `after` (keyset paging). */
export async function listRunbooks(o: { after?: string | undefined; limit: number }): Promise<Runbook[]> {
  const rows = await currentTx().query<Record<string, unknown>>(
    `SELECT ${RUNBOOK_COLUMNS} FROM runbooks WHERE tenant_id = $1 AND ($2::text IS NULL OR slug > $2) ORDER BY slug LIMIT $3`,
    [currentTenantId(), o.after ?? null, o.limit],
  );
  return rows.map(toRunbook);
}

export async function getVersion(slug: string, version: number): Promise<RunbookVersion | undefined> {
  const rows = await currentTx().query<Record<string, unknown>>(
    `SELECT slug, version, title, body, message, author, created_at FROM runbook_versions WHERE tenant_id = $1 AND slug = $2 AND version = $3`,
    [currentTenantId(), slug, version],
  );
  return rows[0] === undefined ? undefined : toVersion(rows[0]);
}

/** Every version of a runbook, newest first, without their bodies. */
export async function listVersions(slug: string): Promise<Array<Omit<RunbookVersion, 'body'>>> {
  const rows = await currentTx().query<Record<string, unknown>>(
    `SELECT slug, version, title, message, author, created_at FROM runbook_versions WHERE tenant_id = $1 AND slug = $2 ORDER BY version DESC`,
    [currentTenantId(), slug],
  );
  return rows.map(toVersion);
}

/** Saves a new version (the first one creates the runbook) and mirrors the runbook into the graph. */
export async function saveVersion(before: Runbook | undefined, v: Omit<RunbookVersion, 'version' | 'slug'> & { slug: string }, at: Date): Promise<RunbookVersion> {
  const version = (before?.current_version ?? 0) + 1;
  const tx = currentTx();
  if (before === undefined) {
    await tx.query(`INSERT INTO runbooks (tenant_id, ${RUNBOOK_COLUMNS}) VALUES ($1, $2, $3, 1, $4, $5, $4, $5)`, [currentTenantId(), v.slug, v.title, v.author, v.created_at]);
  } else {
    await tx.query(`UPDATE runbooks SET title = $3, current_version = $4, updated_by = $5, updated_at = $6 WHERE tenant_id = $1 AND slug = $2`, [currentTenantId(), v.slug, v.title, version, v.author, v.created_at]);
  }
  await tx.query(`INSERT INTO runbook_versions (tenant_id, slug, version, title, body, message, author, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
    currentTenantId(),
    v.slug,
    version,
    v.title,
    v.body,
    v.message,
    v.author,
    v.created_at,
  ]);
  await mirrorEntity({ entity_id: runbookTarget(v.slug), type: 'Runbook', properties: { name: v.title, slug: v.slug, version }, owner: before?.created_by ?? v.author, source: 'runbooks' }, at);
  return { ...v, version };
}
