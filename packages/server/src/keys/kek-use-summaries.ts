import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { currentTenantId, currentTx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import { enqueue, type JobRunner } from '../jobs/index.ts';
import type { Clock } from '../util/clock.ts';
import { recordSystemStep } from '../workflows/shared/system-step.ts';
import type { KekUse, KekUseTally } from './kek-use.ts';

// Key use receipted (ADR 0030): every so often each server hands what it counted of a tenant's
// KEK use to a durable job, queued in the tenant's transaction, which writes the summary receipt
// (`keys.kek.used`) and its audit event there. Counts that cannot be queued stay in memory for
// the next summary; the job retries on its own once queued.

export const KEK_USE_JOB = 'keys.kek_use_summary';
export const KEK_USE_ACTION = 'keys.kek.used';
export const KEK_USE_AUDIT_TYPE = 'keys.kek_used';
const ACTOR = 'system:keys';

interface KekUsePayload {
  version: number;
  unwraps: number;
  from: string;
  to: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Summaries of tenant KEK use: `flush()` queues what this server counted so far. */
    kekUse: { flush(): Promise<number> };
  }
}

/**
 * Queues a summary job per tenant and KEK version for the counts taken from `tally`, each tenant
 * in a transaction of its own; returns how many were queued. A tenant whose transaction fails
 * keeps its counts for the next flush.
 */
export async function flushKekUse(db: Database, tally: KekUseTally, now: Date, log: Logger): Promise<number> {
  const byTenant = new Map<string, KekUse[]>();
  for (const use of tally.take()) byTenant.set(use.tenantId, [...(byTenant.get(use.tenantId) ?? []), use]);
  let queued = 0;
  for (const [tenantId, uses] of byTenant) {
    try {
      await withTenantTransaction(db, tenantId, async () => {
        for (const u of uses) {
          const payload: KekUsePayload = { version: u.version, unwraps: u.unwraps, from: u.from.toISOString(), to: u.to.toISOString() };
          await enqueue(KEK_USE_JOB, payload, { now, maxAttempts: 10 });
        }
      });
      queued += uses.length;
    } catch (err) {
      tally.putBack(uses);
      log.warn({ err, tenant_id: tenantId }, 'queueing the summary of KEK use failed; the counts wait for the next summary');
    }
  }
  return queued;
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
 * Registers the summary job and `app.kekUse`; with `background`, summaries are queued every
 * `everyMs` and once more when the app closes (before its database does), so counts outlive a
 * graceful stop.
 */
export function installKekUseSummaries(app: FastifyInstance, runner: JobRunner, o: { db: Database; clock: Clock; log: Logger; tally: KekUseTally; everyMs: number; background: boolean }): void {
  runner.register<KekUsePayload>(KEK_USE_JOB, {
    backoffMs: 30_000,
    run: (payload, ctx) => ctx.tx(() => writeSummary(payload, ctx.job.job_id, ctx.clock.now())),
  });
  const flush = () => flushKekUse(o.db, o.tally, o.clock.now(), o.log);
  app.decorate('kekUse', { flush });
  if (!o.background) return;
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => void flush(), o.everyMs).unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await flush();
  });
}
