import { currentTenantId, currentTx } from '../../context.ts';
import { prepareActors, shownActors, storedActor } from '../../identity/actor-pseudonyms.ts';
import { openFields, sealAuthored } from '../../keys/sealing.ts';
import { workflowHistory, type HistoryEntry as WorkflowHistoryEntry } from '../shared/history.ts';
import { stepAction, type PurgeScope, type PurgeState, type PurgeStep } from './state-machine.ts';

// The current tenant's purge requests and their append-only history.

/** What a purge removed: per table the rows and a SHA-256 over their sorted keys. */
export interface PurgeManifest {
  purge_id: string;
  scope: PurgeScope;
  subject: string;
  completed_at: string;
  deleted: Array<{ table: string; rows: number; keys_sha256: string }>;
  /** A subject purge: the mutable records that named the subject and now name its pseudonym, per column. */
  rewritten?: Array<{ table: string; column: string; rows: number; keys_sha256: string }>;
  /** The data keys destroyed: what was sealed under them can no longer be read (ADR 0025). */
  shredded_keys: string[];
  /** A tenant purge: the blobs deleted from the blob store (packs, exports), whichever store holds them. */
  blobs?: { store: 'postgres' | 's3'; deleted: number; keys_sha256: string };
  /** Append-only records that still name the subject in plain text (written before sealing, or unsealed columns), per table. */
  not_shreddable: Array<{ table: string; rows: number }>;
  /** Append-only tables whose records stay, their sealed fields unreadable without the keys. */
  retained: string[];
  /** Copies a purge cannot reach. */
  beyond_reach: string[];
}

export interface PurgeRequest {
  purge_id: string;
  scope: PurgeScope;
  subject: string;
  requester: string;
  rationale: string;
  status: PurgeState;
  approver_roles: string[];
  created_at: string;
  updated_at: string;
  manifest: PurgeManifest | null;
}

export type PurgeHistoryEntry = WorkflowHistoryEntry<PurgeStep, PurgeState>;

type Row = Omit<PurgeRequest, 'created_at' | 'updated_at'> & { created_at: Date | string; updated_at: Date | string };
const COLUMNS = 'purge_id, scope, subject, requester, rationale, status, approver_roles, created_at, updated_at, manifest';
// The rationale is the requester's free text, stored sealed under the requester's data key (ADR 0025).
const RATIONALE = { kind: 'purge_requests', field: 'rationale' };

async function toRequests(rows: Row[]): Promise<PurgeRequest[]> {
  const rationales = await openFields(rows.map((r) => ({ value: r.rationale, ref: RATIONALE })));
  // A subject purge, once done, names its subject (and a requester it purged) by a pseudonym that reads as [purged].
  const people = await shownActors(rows.flatMap((r) => [r.subject, r.requester]));
  return rows.map((r, i) => ({ ...r, subject: people.get(r.subject) ?? r.subject, requester: people.get(r.requester) ?? r.requester, rationale: rationales[i]!, purge_id: String(r.purge_id), created_at: new Date(r.created_at).toISOString(), updated_at: new Date(r.updated_at).toISOString() }));
}

export const purgeTarget = (id: string): string => `purge:${id}`;

const history = workflowHistory<PurgeStep, PurgeState>({ table: 'purge_history', idColumn: 'purge_id', auditType: 'purge.step', target: purgeTarget, stepAction });

export const appendPurgeHistory = history.append;
export const getPurgeHistory = history.list;

export async function insertPurgeRequest(r: Omit<PurgeRequest, 'status' | 'updated_at' | 'manifest'>): Promise<PurgeRequest> {
  const rows = await currentTx().query<Row>(
    `INSERT INTO purge_requests (tenant_id, purge_id, scope, subject, requester, rationale, status, approver_roles, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'requested', $7, $8, $8) RETURNING ${COLUMNS}`,
    [currentTenantId(), r.purge_id, r.scope, r.subject, r.requester, await sealAuthored(r.rationale, r.requester, RATIONALE, new Date(r.created_at)), JSON.stringify(r.approver_roles), r.created_at],
  );
  return (await toRequests(rows))[0]!;
}

export async function getPurgeRequest(id: string, o: { lock?: boolean } = {}): Promise<PurgeRequest | undefined> {
  const rows = await currentTx().query<Row>(`SELECT ${COLUMNS} FROM purge_requests WHERE tenant_id = $1 AND purge_id = $2${o.lock === true ? ' FOR UPDATE' : ''}`, [currentTenantId(), id]);
  return (await toRequests(rows))[0];
}

export async function listPurgeRequests(o: { status?: PurgeState | undefined; limit: number }): Promise<PurgeRequest[]> {
  const rows = await currentTx().query<Row>(
    `SELECT ${COLUMNS} FROM purge_requests WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY created_at DESC, purge_id DESC LIMIT $3`,
    [currentTenantId(), o.status ?? null, o.limit],
  );
  return toRequests(rows);
}

export async function setPurgeStatus(id: string, status: PurgeState, at: Date, manifest?: PurgeManifest): Promise<void> {
  await currentTx().query(`UPDATE purge_requests SET status = $3, updated_at = $4, manifest = coalesce($5, manifest) WHERE tenant_id = $1 AND purge_id = $2`, [
    currentTenantId(),
    id,
    status,
    at.toISOString(),
    manifest === undefined ? null : JSON.stringify(manifest),
  ]);
}

/**
 * The request as its audit event's snapshot holds it, in the append-only trail: the people it
 * names by pseudonym (ADR 0029), the subject of a subject purge included.
 */
export async function purgeSnapshot(r: PurgeRequest, at: Date): Promise<PurgeRequest> {
  const people = r.scope === 'subject' ? [r.requester, r.subject] : [r.requester];
  await prepareActors(people, at);
  return { ...r, requester: storedActor(r.requester), subject: r.scope === 'subject' ? storedActor(r.subject) : r.subject };
}
