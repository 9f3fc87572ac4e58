import { currentTenantId, currentTx } from '../context.ts';
import type { Statement } from '../db/statement.ts';
import { uuidv7 } from '../util/ids.ts';

// The current tenant's jobs. Every function runs on the transaction of the context.

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobError {
  attempt: number;
  at: string;
  error: string;
}

export interface Job {
  job_id: string;
  tenant_id: string;
  kind: string;
  payload: unknown;
  status: JobStatus;
  idempotency_key: string | null;
  due_at: string;
  attempts: number;
  max_attempts: number;
  lease_owner: string | null;
  errors: JobError[];
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

type JobRow = Omit<Job, 'due_at' | 'created_at' | 'updated_at' | 'finished_at'> & {
  due_at: Date | string;
  created_at: Date | string;
  updated_at: Date | string;
  finished_at: Date | string | null;
};

const iso = (v: Date | string): string => new Date(v).toISOString();

const toJob = (r: JobRow): Job => ({
  ...r,
  job_id: String(r.job_id),
  due_at: iso(r.due_at),
  created_at: iso(r.created_at),
  updated_at: iso(r.updated_at),
  finished_at: r.finished_at === null ? null : iso(r.finished_at),
});

const COLUMNS = 'job_id, tenant_id, kind, payload, status, idempotency_key, due_at, attempts, max_attempts, lease_owner, errors, created_at, updated_at, finished_at';
/** Errors kept per job: the latest ones, enough to see a pattern without growing without bound. */
const KEPT_ERRORS = 10;

export interface NewJob {
  kind: string;
  payload: unknown;
  runAt: Date;
  maxAttempts: number;
  idempotencyKey?: string | undefined;
  now: Date;
}

/** The insert of a job, doing nothing when its idempotency key is already used for its kind; batched by callers that need nothing back. */
export function insertJobStatement(j: NewJob): Statement {
  return {
    sql: `INSERT INTO jobs (tenant_id, job_id, kind, payload, status, idempotency_key, due_at, max_attempts, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'queued', $5, $6, $7, $8, $8)
     ON CONFLICT (tenant_id, kind, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING`,
    params: [currentTenantId(), uuidv7(j.now.getTime()), j.kind, JSON.stringify(j.payload), j.idempotencyKey ?? null, j.runAt.toISOString(), j.maxAttempts, j.now.toISOString()],
  };
}

/** Inserts a job; with an idempotency key already used for this kind, returns that job instead. */
export async function insertJob(j: NewJob): Promise<{ job: Job; created: boolean }> {
  const insert = insertJobStatement(j);
  const rows = await currentTx().query<JobRow>(`${insert.sql} RETURNING ${COLUMNS}`, insert.params);
  if (rows[0] !== undefined) return { job: toJob(rows[0]), created: true };
  const existing = await currentTx().query<JobRow>(`SELECT ${COLUMNS} FROM jobs WHERE tenant_id = $1 AND kind = $2 AND idempotency_key = $3`, [
    currentTenantId(),
    j.kind,
    j.idempotencyKey,
  ]);
  return { job: toJob(existing[0]!), created: false };
}

export async function getJob(jobId: string): Promise<Job | undefined> {
  const rows = await currentTx().query<JobRow>(`SELECT ${COLUMNS} FROM jobs WHERE tenant_id = $1 AND job_id = $2`, [currentTenantId(), jobId]);
  return rows[0] === undefined ? undefined : toJob(rows[0]);
}

/**
 * Takes a due job: locks its row (skipping one another runner holds), counts the attempt and
 * leases it to `owner` until `leaseUntil`. Undefined when it is no longer due or is locked.
 */
export async function claimJob(jobId: string, owner: string, now: Date, leaseUntil: Date): Promise<Job | undefined> {
  const rows = await currentTx().query<JobRow>(
    `UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_owner = $3, due_at = $5, updated_at = $4
     WHERE tenant_id = $1 AND job_id = (
       SELECT job_id FROM jobs WHERE tenant_id = $1 AND job_id = $2 AND status IN ('queued', 'running') AND due_at <= $4 FOR UPDATE SKIP LOCKED)
     RETURNING ${COLUMNS}`,
    [currentTenantId(), jobId, owner, now.toISOString(), leaseUntil.toISOString()],
  );
  return rows[0] === undefined ? undefined : toJob(rows[0]);
}

export interface Settlement {
  status: JobStatus;
  /** When a re-queued job may run again. */
  dueAt?: Date;
  error?: JobError;
  now: Date;
  /** Give back the attempt (the run was interrupted by a shutdown, not a failure). */
  refundAttempt?: boolean;
}

/**
 * Records how a claimed attempt ended. Only the lease holder of that attempt may: a runner whose
 * lease expired and whose job was reclaimed gets false and must not report anything else.
 */
export async function settleJob(jobId: string, owner: string, attempt: number, s: Settlement): Promise<boolean> {
  const final = s.status === 'done' || s.status === 'failed';
  const rows = await currentTx().query(
    `UPDATE jobs SET status = $5, due_at = coalesce($6, due_at), updated_at = $7, lease_owner = NULL,
       attempts = attempts - $8::int, finished_at = CASE WHEN $9 THEN $7::timestamptz END,
       errors = CASE WHEN $10::jsonb IS NULL THEN errors
                ELSE (SELECT coalesce(jsonb_agg(e ORDER BY n), '[]') FROM (
                       SELECT e, n FROM jsonb_array_elements(errors || jsonb_build_array($10::jsonb)) WITH ORDINALITY AS x(e, n)
                       ORDER BY n DESC LIMIT ${KEPT_ERRORS}) kept) END
     WHERE tenant_id = $1 AND job_id = $2 AND lease_owner = $3 AND attempts = $4 AND status = 'running' RETURNING 1`,
    [
      currentTenantId(),
      jobId,
      owner,
      attempt,
      s.status,
      s.dueAt?.toISOString() ?? null,
      s.now.toISOString(),
      s.refundAttempt === true ? 1 : 0,
      final,
      s.error === undefined ? null : JSON.stringify(s.error),
    ],
  );
  return rows.length === 1;
}

/**
 * Locks the job's row if `owner` still holds this attempt's lease (the owner and attempt number
 * are its fencing token), so a handler's writes commit only while its lease holds; false when
 * another runner has taken the job over.
 */
export async function holdLease(jobId: string, owner: string, attempt: number): Promise<boolean> {
  const rows = await currentTx().query(
    `SELECT 1 FROM jobs WHERE tenant_id = $1 AND job_id = $2 AND lease_owner = $3 AND attempts = $4 AND status = 'running' FOR UPDATE`,
    [currentTenantId(), jobId, owner, attempt],
  );
  return rows.length === 1;
}

/** Extends the lease of a running attempt; false when the runner no longer holds it. */
export async function extendLease(jobId: string, owner: string, attempt: number, until: Date): Promise<boolean> {
  const rows = await currentTx().query(
    `UPDATE jobs SET due_at = $5 WHERE tenant_id = $1 AND job_id = $2 AND lease_owner = $3 AND attempts = $4 AND status = 'running' RETURNING 1`,
    [currentTenantId(), jobId, owner, attempt, until.toISOString()],
  );
  return rows.length === 1;
}

/** Due jobs of every tenant, oldest due first; runs in platform scope (see the jobs_platform_scan policy). */
export async function dueJobs(now: Date, limit: number): Promise<Array<{ tenant_id: string; job_id: string }>> {
  const rows = await currentTx().query<{ tenant_id: string; job_id: string }>(
    `SELECT tenant_id, job_id FROM jobs WHERE status IN ('queued', 'running') AND due_at <= $1 ORDER BY due_at, job_id LIMIT $2`,
    [now.toISOString(), limit],
  );
  return rows.map((r) => ({ tenant_id: r.tenant_id, job_id: String(r.job_id) }));
}
