import { currentTenantId, currentTx } from '../context.ts';
import type { Statement } from '../db/statement.ts';
import { mirrorEntity, mirrorLink, unlinkAll } from '../graph/mirror.ts';
import { rememberActorKey } from './actor-pseudonyms.ts';
import type { SubjectAttributes } from './principal.ts';

export interface Subject {
  subject_id: string;
  tenant_id: string;
  display_name: string;
  roles: string[];
  attributes: SubjectAttributes;
  status: 'active' | 'disabled';
  created_at: string;
  updated_at: string;
}

/** Where principals get their roles and attributes; always read in the current tenant's context. */
export interface SubjectStore {
  getSubject(subjectId: string): Promise<Subject | undefined>;
}

export interface SubjectRow {
  [key: string]: unknown;
  subject_id: string;
  tenant_id: string;
  display_name: string;
  roles: string[];
  attributes: SubjectAttributes;
  status: 'active' | 'disabled';
  created_at: Date;
  updated_at: Date;
}

const columns = 'subject_id, tenant_id, display_name, roles, attributes, status, created_at, updated_at';

export function toSubject(row: SubjectRow): Subject {
  return {
    ...row,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}

export async function getSubject(subjectId: string): Promise<Subject | undefined> {
  const rows = await currentTx().query<SubjectRow>(`SELECT ${columns} FROM subjects WHERE tenant_id = $1 AND subject_id = $2`, [
    currentTenantId(),
    subjectId,
  ]);
  return rows[0] === undefined ? undefined : toSubject(rows[0]);
}

/** A caller's subject, read with its live data key, whose id is the caller's pseudonym in what the transaction records. */
async function getPrincipalSubject(subjectId: string): Promise<Subject | undefined> {
  const rows = await currentTx().query<SubjectRow & { actor_key_id: string | null }>(
    `SELECT ${columns.replace(/(\w+)/g, 's.$1')}, k.key_id AS actor_key_id FROM subjects s
     LEFT JOIN subject_data_keys k ON k.tenant_id = s.tenant_id AND k.subject_id = s.subject_id AND k.shredded_at IS NULL
     WHERE s.tenant_id = $1 AND s.subject_id = $2`,
    [currentTenantId(), subjectId],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  const { actor_key_id: keyId, ...subject } = row;
  if (keyId !== null) rememberActorKey(subjectId, String(keyId));
  return toSubject(subject);
}

export const databaseSubjectStore: SubjectStore = { getSubject: getPrincipalSubject };

/** The read of the tenant's subjects, for a caller to send with other statements (runBatch); `toSubject` turns its rows into subjects. */
export const listSubjectsStatement = (): Statement => ({ sql: `SELECT ${columns} FROM subjects WHERE tenant_id = $1 ORDER BY subject_id`, params: [currentTenantId()] });

export async function listSubjects(): Promise<Subject[]> {
  const { sql, params } = listSubjectsStatement();
  const rows = await currentTx().query<SubjectRow>(sql, params);
  return rows.map(toSubject);
}

export interface NewSubject {
  subject_id: string;
  display_name: string;
  roles: string[];
  attributes: SubjectAttributes;
}

/** Inserts a subject; returns undefined when the id is taken (so seeding can be idempotent). */
export async function insertSubject(s: NewSubject, at: Date): Promise<Subject | undefined> {
  // The subject, its User entity and the removal of stale team edges are one statement (one round
  // trip); the entity is written only when the subject was, from the row as stored.
  const rows = await currentTx().query<SubjectRow>(
    `WITH s AS (
       INSERT INTO subjects (tenant_id, subject_id, display_name, roles, attributes, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (tenant_id, subject_id) DO NOTHING RETURNING ${columns}
     ), entity AS (
       INSERT INTO entities (tenant_id, entity_id, type, properties, owner, source, created_at, updated_at)
       SELECT tenant_id, $7, 'User', jsonb_build_object('subject_id', subject_id, 'name', display_name, 'roles', to_jsonb(roles), 'status', status), NULL, 'identity', $6, $6 FROM s
       ON CONFLICT (tenant_id, entity_id) DO UPDATE SET type = EXCLUDED.type, properties = EXCLUDED.properties, owner = EXCLUDED.owner, updated_at = EXCLUDED.updated_at
     ), unlinked AS (
       DELETE FROM relationships WHERE tenant_id = $1 AND from_id = $7 AND type = 'MEMBER_OF' AND source = 'identity' AND EXISTS (SELECT 1 FROM s)
     )
     SELECT * FROM s`,
    [currentTenantId(), s.subject_id, s.display_name, s.roles, JSON.stringify(s.attributes), at.toISOString(), subjectEntityId(s.subject_id)],
  );
  if (rows[0] === undefined) return undefined;
  const subject = toSubject(rows[0]);
  await linkTeam(subject, at);
  return subject;
}

/** A department's team id: its slug (the graph migration's backfill makes the same). */
export function teamEntityId(department: string): string | undefined {
  const slug = department.toLowerCase().replace(/[^a-z0-9._@-]+/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 100);
  return slug === '' ? undefined : `team:${slug}`;
}

const subjectEntityId = (subjectId: string): string => `subject:${subjectId}`;

/** The subject as a User entity, a member of its department's Team, in the graph. */
async function mirrorSubject(s: Subject, at: Date): Promise<void> {
  const id = subjectEntityId(s.subject_id);
  await mirrorEntity({ entity_id: id, type: 'User', properties: { subject_id: s.subject_id, name: s.display_name, roles: s.roles, status: s.status }, source: 'identity' }, at);
  await unlinkAll(id, 'MEMBER_OF', 'identity');
  await linkTeam(s, at);
}

/** Links a subject's User entity to its department's Team (made when missing), when it has a department. */
async function linkTeam(s: Subject, at: Date): Promise<void> {
  const department = s.attributes.department;
  const team = typeof department === 'string' ? teamEntityId(department) : undefined;
  if (team === undefined) return;
  await mirrorEntity({ entity_id: team, type: 'Team', properties: { name: department }, source: 'identity' }, at);
  await mirrorLink(subjectEntityId(s.subject_id), 'MEMBER_OF', team, 'identity', at);
}

export interface SubjectPatch {
  display_name?: string | undefined;
  roles?: string[] | undefined;
  attributes?: SubjectAttributes | undefined;
  status?: 'active' | 'disabled' | undefined;
}

export async function updateSubject(subjectId: string, patch: SubjectPatch, at: Date): Promise<Subject | undefined> {
  const rows = await currentTx().query<SubjectRow>(
    `UPDATE subjects SET
       display_name = COALESCE($3, display_name),
       roles = COALESCE($4, roles),
       attributes = COALESCE($5::jsonb, attributes),
       status = COALESCE($6, status),
       updated_at = $7
     WHERE tenant_id = $1 AND subject_id = $2 RETURNING ${columns}`,
    [
      currentTenantId(),
      subjectId,
      patch.display_name ?? null,
      patch.roles ?? null,
      patch.attributes === undefined ? null : JSON.stringify(patch.attributes),
      patch.status ?? null,
      at.toISOString(),
    ],
  );
  if (rows[0] === undefined) return undefined;
  const subject = toSubject(rows[0]);
  await mirrorSubject(subject, at);
  return subject;
}
