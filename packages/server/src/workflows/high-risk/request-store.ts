import { currentTenantId, currentTx } from '../../context.ts';
import { olderThan } from '../../db/keyset.ts';
import type { Statement } from '../../db/statement.ts';
import { entityStatement, entityWithLinksStatements, mirrorEntity, type MirroredEntity } from '../../graph/mirror.ts';
import { workflowHistory, type HistoryEntry as WorkflowHistoryEntry, type StoredEntry } from '../shared/history.ts';
import type { AccessTarget } from './pg-access-adapter.ts';
import { stepAction, type RequestState, type Step } from './state-machine.ts';

// The current tenant's high-risk requests and their append-only history.

export interface HighRiskRequest {
  request_id: string;
  operation: string;
  requester: string;
  target: AccessTarget & { database: string };
  duration_minutes: number;
  rationale: string;
  status: RequestState;
  approver_roles: string[];
  created_at: string;
  updated_at: string;
  pending_until: string;
  role_name: string | null;
  active_until: string | null;
}

export type HistoryEntry = WorkflowHistoryEntry<Step, RequestState>;

/** A request as the API shows it one at a time: with the approvals it awaits and its history. */
export interface HighRiskDetail extends HighRiskRequest {
  missing_approvals: string[];
  history: HistoryEntry[];
}

type Timestamps<T, K extends keyof T> = Omit<T, K> & { [P in K]: Date | string | (null extends T[P] ? null : never) };
type RequestRow = Timestamps<HighRiskRequest, 'created_at' | 'updated_at' | 'pending_until' | 'active_until'>;

const iso = (v: Date | string): string => new Date(v).toISOString();
const isoOrNull = (v: Date | string | null): string | null => (v === null ? null : iso(v));

const COLUMNS = `request_id, operation, requester, target, duration_minutes, rationale, status, approver_roles, created_at, updated_at, pending_until, role_name, active_until`;

const toRequest = (r: RequestRow): HighRiskRequest => ({
  ...r,
  request_id: String(r.request_id),
  created_at: iso(r.created_at),
  updated_at: iso(r.updated_at),
  pending_until: iso(r.pending_until),
  active_until: isoOrNull(r.active_until),
});

/**
 * A new request with its first history entry (`seq` 0) and its audit event, its entity and the
 * requester's REQUESTED edge to it, and the caller's `alongside` writes (its expiry job): one round
 * trip. Returns the request and its history as a read would give them.
 */
export async function insertRequest(
  r: Omit<HighRiskRequest, 'status' | 'updated_at' | 'role_name' | 'active_until'>,
  first: Omit<HistoryEntry, 'seq'>,
  o: { alongside: Statement[] },
): Promise<{ request: HighRiskRequest; history: HistoryEntry[] }> {
  const request: HighRiskRequest = { ...r, status: 'requested', updated_at: r.created_at, role_name: null, active_until: null };
  const insert: Statement = {
    sql: `INSERT INTO high_risk_requests (tenant_id, request_id, operation, requester, target, duration_minutes, rationale, status, approver_roles, created_at, updated_at, pending_until)
          VALUES ($1, $2, $3, $4, $5, $6, $7, 'requested', $8, $9, $9, $10)`,
    params: [currentTenantId(), r.request_id, r.operation, r.requester, JSON.stringify(r.target), r.duration_minutes, r.rationale, JSON.stringify(r.approver_roles), r.created_at, r.pending_until],
  };
  const graph = entityWithLinksStatements(requestEntity(request), [{ from_id: `subject:${r.requester}`, type: 'REQUESTED', to_id: requestTarget(r.request_id) }], new Date(r.created_at));
  await requestHistory.append(r.request_id, first, { seq: 0, snapshot: { key: 'request', value: request }, alongside: [insert, ...graph, ...o.alongside] });
  return { request, history: [requestHistory.asStored({ seq: 0, ...first })] };
}

/** The request as a HighRiskOperationRequest entity (its id is the request's audit target). */
const requestEntity = (r: Pick<HighRiskRequest, 'request_id' | 'operation' | 'status' | 'requester'>): MirroredEntity => ({
  entity_id: requestTarget(r.request_id),
  type: 'HighRiskOperationRequest',
  properties: { request_id: r.request_id, operation: r.operation, status: r.status, requester: r.requester },
  owner: r.requester,
  source: 'high_risk',
});

function mirrorRequest(r: Pick<HighRiskRequest, 'request_id' | 'operation' | 'status' | 'requester'>, at: Date): Promise<void> {
  return mirrorEntity(requestEntity(r), at);
}

/** An approval as an Approval entity that APPROVED the request and was DECIDED_BY its approver, as statements. */
function approvalGraph(requestId: string, seq: number, e: Omit<HistoryEntry, 'seq'>): Statement[] {
  const id = `approval:${requestId}:${seq}`;
  const entity: MirroredEntity = { entity_id: id, type: 'Approval', properties: { request_id: requestId, approver: e.actor, rationale: e.rationale }, owner: e.actor, source: 'high_risk' };
  const links = [
    { from_id: id, type: 'APPROVED', to_id: requestTarget(requestId) },
    { from_id: id, type: 'DECIDED_BY', to_id: `subject:${e.actor}` },
  ];
  return entityWithLinksStatements(entity, links, new Date(e.at));
}

/** One request, locked for the rest of the transaction, with its history rows in the same read. */
export async function lockRequestWithHistory(requestId: string): Promise<{ request: HighRiskRequest; history: StoredEntry[] } | undefined> {
  const locked = await requestHistory.lockWithRows<RequestRow>('high_risk_requests', COLUMNS, requestId);
  return locked === undefined ? undefined : { request: toRequest(locked.instance), history: locked.rows };
}

/**
 * An approval after the `before` history its caller read under the request's lock: the entry, its
 * audit event, its Approval entity and edges, and the request's move to `to_state` (with its
 * entity) when the approvals suffice, in one round trip. Returns the request and history as they
 * now stand.
 */
export async function recordApproval(
  r: HighRiskRequest,
  before: HistoryEntry[],
  e: Omit<HistoryEntry, 'seq' | 'transition' | 'from_state'>,
): Promise<{ request: HighRiskRequest; history: HistoryEntry[] }> {
  const seq = (before.at(-1)?.seq ?? -1) + 1;
  const appended: Omit<HistoryEntry, 'seq'> = { ...e, transition: 'approve', from_state: r.status };
  const moved: HighRiskRequest = e.to_state === r.status ? r : { ...r, status: e.to_state, updated_at: e.at };
  const move: Statement[] =
    moved === r
      ? []
      : [
          { sql: `UPDATE high_risk_requests SET status = $3, updated_at = $4 WHERE tenant_id = $1 AND request_id = $2`, params: [currentTenantId(), r.request_id, moved.status, e.at] },
          entityStatement(requestEntity(moved), new Date(e.at)),
        ];
  await requestHistory.append(r.request_id, appended, { seq, alongside: [...move, ...approvalGraph(r.request_id, seq, appended)] });
  return { request: moved, history: [...before, requestHistory.asStored({ seq, ...appended })] };
}

/** One request, locked for the rest of the transaction so concurrent transitions queue up. */
export async function getRequest(requestId: string, o: { lock?: boolean } = {}): Promise<HighRiskRequest | undefined> {
  const rows = await currentTx().query<RequestRow>(
    `SELECT ${COLUMNS} FROM high_risk_requests WHERE tenant_id = $1 AND request_id = $2${o.lock === true ? ' FOR UPDATE' : ''}`,
    [currentTenantId(), requestId],
  );
  return rows[0] === undefined ? undefined : toRequest(rows[0]);
}

export interface RequestFilters {
  status?: RequestState | undefined;
  requester?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** The last id of the page before. */
  before?: string | undefined;
  limit: number;
}

export async function listRequests(f: RequestFilters): Promise<HighRiskRequest[]> {
  const rows = await currentTx().query<RequestRow>(
    `SELECT ${COLUMNS} FROM high_risk_requests WHERE tenant_id = $1
       AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR requester = $3)
       AND ($4::timestamptz IS NULL OR created_at >= $4) AND ($5::timestamptz IS NULL OR created_at < $5)
       AND ${olderThan('high_risk_requests', 'request_id', 7)}
     ORDER BY created_at DESC, request_id DESC LIMIT $6`,
    [currentTenantId(), f.status ?? null, f.requester ?? null, f.from ?? null, f.to ?? null, f.limit, f.before ?? null],
  );
  return rows.map(toRequest);
}

export async function setStatus(requestId: string, status: RequestState, at: Date, access?: { roleName: string; activeUntil: Date }): Promise<void> {
  const rows = await currentTx().query<Pick<HighRiskRequest, 'request_id' | 'operation' | 'status' | 'requester'>>(
    `UPDATE high_risk_requests SET status = $3, updated_at = $4, role_name = coalesce($5, role_name), active_until = coalesce($6, active_until)
     WHERE tenant_id = $1 AND request_id = $2 RETURNING request_id::text, operation, status, requester`,
    [currentTenantId(), requestId, status, at.toISOString(), access?.roleName ?? null, access?.activeUntil.toISOString() ?? null],
  );
  if (rows[0] !== undefined) await mirrorRequest(rows[0], at);
}

/** The audit target of a request: its receipts and audit events name it. */
export function requestTarget(requestId: string): string {
  return `high-risk-request:${requestId}`;
}

/** A request's history: its steps, each with its audit event. */
export const requestHistory = workflowHistory<Step, RequestState>({
  table: 'high_risk_history',
  idColumn: 'request_id',
  auditType: 'high_risk.history',
  target: requestTarget,
  stepAction,
});

/**
 * Appends a history entry and, in the same transaction, a `high_risk.history` audit event holding
 * it. The event's request id is the action's, or `auditRequestId` (a job's). Approvals are
 * recorded by `recordApproval`.
 */
export async function appendHistory(requestId: string, e: Omit<HistoryEntry, 'seq'>, o: { auditRequestId?: string } = {}): Promise<void> {
  await requestHistory.append(requestId, e, o.auditRequestId !== undefined ? { auditRequestId: o.auditRequestId } : {});
}

export const getHistory = (requestId: string): Promise<HistoryEntry[]> => requestHistory.list(requestId);
