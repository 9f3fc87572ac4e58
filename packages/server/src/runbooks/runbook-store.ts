import { currentTenantId, currentTx } from '../context.ts';
import { mirrorEntity } from '../graph/mirror.ts';
import { prepareActors, shownActors, storedActor } from '../identity/actor-pseudonyms.ts';
import { authorSealer, openFields, tenantSealer, type FieldRef } from '../keys/sealing.ts';

// The current tenant's runbooks: one row per slug naming its current version, and every saved
// version kept unchanged beside it. A version is append-only, so what it holds is sealed (ADR
// 0025): the author's message under the author's key, the title and body — the tenant's text,
// naming no one — under the tenant-wide key; the author is stored by pseudonym (ADR 0029).

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
const SEALED_FIELDS = ['title', 'body', 'message'] as const;
const ref = (field: string): FieldRef => ({ kind: 'runbook_versions', field });

/** Stored versions as readers see them: sealed fields opened, the author shown by subject id. */
async function toVersions<T extends Partial<RunbookVersion>>(rows: Array<Record<string, unknown>>): Promise<T[]> {
  const fields = SEALED_FIELDS.filter((f) => rows[0] !== undefined && f in rows[0]);
  const opened = await openFields(rows.flatMap((r) => fields.map((f) => ({ value: r[f] as string | null, ref: ref(f) }))));
  const shown = await shownActors(rows.map((r) => r.author as string));
  return rows.map((r, i) => {
    const open = Object.fromEntries(fields.map((f, j) => [f, opened[i * fields.length + j]]));
    return { ...r, ...open, author: shown.get(r.author as string) ?? r.author, created_at: iso(r.created_at) } as unknown as T;
  });
}

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
  return (await toVersions<RunbookVersion>(rows))[0];
}

/** Every version of a runbook, newest first, without their bodies. */
export async function listVersions(slug: string): Promise<Array<Omit<RunbookVersion, 'body'>>> {
  const rows = await currentTx().query<Record<string, unknown>>(
    `SELECT slug, version, title, message, author, created_at FROM runbook_versions WHERE tenant_id = $1 AND slug = $2 ORDER BY version DESC`,
    [currentTenantId(), slug],
  );
  return toVersions(rows);
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
  await prepareActors([v.author], at);
  const tenantText = tenantSealer(at);
  await tx.query(`INSERT INTO runbook_versions (tenant_id, slug, version, title, body, message, author, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
    currentTenantId(),
    v.slug,
    version,
    await tenantText(v.title, ref('title')),
    await tenantText(v.body, ref('body')),
    v.message === null ? null : await authorSealer(v.author, at)(v.message, ref('message')),
    storedActor(v.author),
    v.created_at,
  ]);
  await mirrorEntity({ entity_id: runbookTarget(v.slug), type: 'Runbook', properties: { name: v.title, slug: v.slug, version }, owner: before?.created_by ?? v.author, source: 'runbooks' }, at);
  return { ...v, version };
}
