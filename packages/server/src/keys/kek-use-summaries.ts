import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { currentTenantId, currentTx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import { inBackground } from '../db/work-priority.ts';
import { enqueue, type JobRunner } from '../jobs/index.ts';
import type { Clock } from '../util/clock.ts';
import { recordSystemStep } from '../workflows/shared/system-step.ts';
import type { KekUse, KekUseTally } from './kek-use.ts';

// Key use receipted (ADR 0030): every few seconds each server adds what it counted of a tenant's
// KEK use to the tenant's pending summary job — a durable job due at the end of the summary
// period, created by the first count of the period — in the tenant's transaction. The job then
// writes the summary receipt (`keys.kek.used`) and its audit event. So a crash loses seconds of
// counts, not a period's, and the ledger still gets one receipt per period. Counts that cannot
// be added stay in memory for the next flush; the job retries on its own once queued.

export const KEK_USE_JOB = 'keys.kek_use_summary';
export const KEK_USE_ACTION = 'keys.kek.used';
export const KEK_USE_AUDIT_TYPE = 'keys.kek_used';
const ACTOR = 'system:keys';
/** How often counts leave memory: what a crash can lose. One statement or two per tenant with counts. */
export const KEK_USE_FLUSH_MS = 5_000;

interface KekUsePayload {
  version: number;
  unwraps: number;
  from: string;
  to: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Summaries of tenant KEK use: `flush()` adds what this server counted so far to the pending summaries. */
    kekUse: { flush(): Promise<number> };
  }
}

/**
 * Adds the counts taken from `tally` to each tenant's pending summary job of their KEK version,
 * or queues one due at `dueAt`, each tenant in a transaction of its own; returns how many counts
 * went. A tenant whose transaction fails keeps its counts for the next flush.
 */
export async function flushKekUse(db: Database, tally: KekUseTally, now: Date, log: Logger, dueAt: Date = now): Promise<number> {
  const byTenant = new Map<string, KekUse[]>();
  for (const use of tally.take()) byTenant.set(use.tenantId, [...(byTenant.get(use.tenantId) ?? []), use]);
  let queued = 0;
  for (const [tenantId, uses] of byTenant) {
    try {
      await withTenantTransaction(db, tenantId, async () => {
        for (const u of uses) await addToSummary(u, now, dueAt);
      });
      queued += uses.length;
    } catch (err) {
      tally.putBack(uses);
      log.warn({ err, tenant_id: tenantId }, 'queueing the summary of KEK use failed; the counts wait for the next flush');
    }
  }
  return queued;
}

/**
 * Adds one count to the pending summary of its version: a job not yet due and never attempted
 * (a runner claims only due jobs, and the row lock keeps a claim from passing the addition), or a
 * new job due at `dueAt`.
 */
async function addToSummary(u: KekUse, now: Date, dueAt: Date): Promise<void> {
  const [pending] = await currentTx().query<{ job_id: string; payload: KekUsePayload }>(
    `SELECT job_id, payload FROM jobs WHERE tenant_id = $1 AND kind = $2 AND status = 'queued' AND attempts = 0 AND due_at > $3 AND payload->>'version' = $4
     ORDER BY due_at LIMIT 1 FOR UPDATE`,
    [currentTenantId(), KEK_USE_JOB, now.toISOString(), String(u.version)],
  );
  if (pending === undefined) {
    const payload: KekUsePayload = { version: u.version, unwraps: u.unwraps, from: u.from.toISOString(), to: u.to.toISOString() };
    await enqueue(KEK_USE_JOB, payload, { now, runAt: dueAt, maxAttempts: 10 });
    return;
  }
  const p = pending.payload;
  const merged: KekUsePayload = { version: p.version, unwraps: p.unwraps + u.unwraps, from: p.from < u.from.toISOString() ? p.from : u.from.toISOString(), to: p.to > u.to.toISOString() ? p.to : u.to.toISOString() };
  await currentTx().query(`UPDATE jobs SET payload = $3, updated_at = $4 WHERE tenant_id = $1 AND job_id = $2`, [currentTenantId(), pending.job_id, JSON.stringify(merged), now.toISOString()]);
}

/** Writes one summary's receipt and audit event, unless this job already did (a retried attempt). */
async function writeSummary(p: KekUsePayload, jobId: string, at: Date): Promise<void> {
  const tenantId = currentTenantId();
  const [done] = await currentTx().query(`SELECT 1 FROM audit_events WHERE tenant_id = $1 AND type = $2 AND request_id = $3`, [tenantId, KEK_USE_AUDIT_TYPE, `job:${jobId}`]);
  if (done !== undefined) return;
  const [kek] = await currentTx().query<{ fingerprint: string }>(`SELECT fingerprint FROM tenant_keks WHERE tenant_id = $1 AND version = $2`, [tenantId, p.version]);
  await recordSystemStep({
    actor: ACTOR,
    action: KEK_USE_ACTION,
    target: `tenant:${tenantId}/kek/${p.version}`,
    auditType: KEK_USE_AUDIT_TYPE,
    at,
    jobId,
    details: { version: p.version, unwraps: p.unwraps, from: p.from, to: p.to },
    evidence: kek === undefined ? [] : [`kek-fingerprint:${kek.fingerprint}`],
  });
}

/**
 * Registers the summary job and `app.kekUse`; with `background`, counts are flushed every
 * `KEK_USE_FLUSH_MS` (or the period, when shorter) into summaries due `periodMs` after their first
 * count, and once more when the app closes (before its database does).
 */
export function installKekUseSummaries(app: FastifyInstance, runner: JobRunner, o: { db: Database; clock: Clock; log: Logger; tally: KekUseTally; periodMs: number; background: boolean }): void {
  runner.register<KekUsePayload>(KEK_USE_JOB, {
    backoffMs: 30_000,
    run: (payload, ctx) => ctx.tx(() => writeSummary(payload, ctx.job.job_id, ctx.clock.now())),
  });
  const flush = () => {
    const now = o.clock.now();
    return flushKekUse(o.db, o.tally, now, o.log, new Date(now.getTime() + o.periodMs));
  };
  app.decorate('kekUse', { flush });
  if (!o.background) return;
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => void inBackground(flush), Math.min(KEK_USE_FLUSH_MS, o.periodMs)).unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await inBackground(flush);
  });
}
