import { currentTenantId, currentTx } from '../../context.ts';
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
  /** Where the subject still appears, unreadable only once sealing is in place (ADR 0025). */
  retained: string[];
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
const toRequest = (r: Row): PurgeRequest => ({ ...r, purge_id: String(r.purge_id), created_at: new Date(r.created_at).toISOString(), updated_at: new Date(r.updated_at).toISOString() });

export const purgeTarget = (id: string): string => `purge:${id}`;

const history = workflowHistory<PurgeStep, PurgeState>({ table: 'purge_history', idColumn: 'purge_id', auditType: 'purge.step', target: purgeTarget, stepAction });

export const appendPurgeHistory = history.append;
export const getPurgeHistory = history.list;

export async function insertPurgeRequest(r: Omit<PurgeRequest, 'status' | 'updated_at' | 'manifest'>): Promise<PurgeRequest> {
  const rows = await currentTx().query<Row>(
    `INSERT INTO purge_requests (tenant_id, purge_id, scope, subject, requester, rationale, status, approver_roles, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'requested', $7, $8, $8) RETURNING ${COLUMNS}`,
    [currentTenantId(), r.purge_id, r.scope, r.subject, r.requester, r.rationale, JSON.stringify(r.approver_roles), r.created_at],
  );
  return toRequest(rows[0]!);
}

export async function getPurgeRequest(id: string, o: { lock?: boolean } = {}): Promise<PurgeRequest | undefined> {
  const rows = await currentTx().query<Row>(`SELECT ${COLUMNS} FROM purge_requests WHERE tenant_id = $1 AND purge_id = $2${o.lock === true ? ' FOR UPDATE' : ''}`, [currentTenantId(), id]);
  return rows[0] === undefined ? undefined : toRequest(rows[0]);
}

export async function listPurgeRequests(o: { status?: PurgeState | undefined; limit: number }): Promise<PurgeRequest[]> {
  const rows = await currentTx().query<Row>(
    `SELECT ${COLUMNS} FROM purge_requests WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY created_at DESC, purge_id DESC LIMIT $3`,
    [currentTenantId(), o.status ?? null, o.limit],
  );
  return rows.map(toRequest);
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
