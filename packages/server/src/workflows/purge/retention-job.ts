import { currentTenantId, currentTx } from '../../context.ts';
import { enqueue, type JobContext, type JobRunner } from '../../jobs/index.ts';
import type { Retention } from '../../tenancy/tenant-config.ts';
import { getCurrentTenant } from '../../tenancy/tenants.ts';
import { uuidv7 } from '../../util/ids.ts';
import { recordSystemStep } from '../shared/system-step.ts';
import { PURGE_JOB } from './purge-job.ts';
import { retentionApproved, type RetentionInput } from './purge-policy.ts';
import { appendPurgeHistory, insertPurgeRequest, purgeSnapshot, purgeTarget, setPurgeStatus } from './purge-store.ts';
import { nextState } from './state-machine.ts';

// Retention (ADR 0025): once a day, per tenant, a durable job looks for records kept past the
// tenant's retention period for their data class and opens a purge of each, with the system actor
// as requester, approved by the policy's retention rule instead of two people. The purge then runs
// as any other (the purge job), and the opening is receipted like a step a job takes by itself.

export const RETENTION_JOB = 'purge.retention';
export const RETENTION_ACTOR = 'system:retention';
const DAY_MS = 86_400_000;
/** Purges opened per run at most; the rest wait for the next day. */
const BATCH = 100;

const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** Whether a tenant configuration sets a retention period for any data class. */
export const keepsRetention = (retention: Retention | undefined): boolean => Object.values(retention ?? {}).some((days) => days !== undefined);

/** Queues the sweep of the next day after `after` (one per tenant and day, however many servers ask). */
export async function scheduleRetention(after: Date): Promise<void> {
  const next = new Date((Math.floor(after.getTime() / DAY_MS) + 1) * DAY_MS);
  await enqueue(RETENTION_JOB, { day: dayOf(next) }, { now: after, runAt: next, idempotencyKey: `retention:${dayOf(next)}`, maxAttempts: 5 });
}

/** Disabled subjects whose last change is older than the period, and that no purge is under way for. */
async function formerSubjects(before: Date): Promise<Array<{ subject_id: string; updated_at: Date | string }>> {
  return currentTx().query<{ subject_id: string; updated_at: Date | string }>(
    `SELECT s.subject_id, s.updated_at FROM subjects s
     WHERE s.tenant_id = $1 AND s.status = 'disabled' AND s.updated_at <= $2
       AND NOT EXISTS (SELECT 1 FROM purge_requests p WHERE p.tenant_id = s.tenant_id AND p.scope = 'subject' AND p.subject = s.subject_id AND p.status IN ('requested', 'approved'))
     ORDER BY s.updated_at, s.subject_id LIMIT $3`,
    [currentTenantId(), before.toISOString(), BATCH],
  );
}

/** Opens, approves and queues the purge of one expired subject, when the retention rule allows it. */
async function openRetentionPurge(subjectId: string, retention: RetentionInput['retention'], at: Date, ctx: JobContext): Promise<boolean> {
  const input: RetentionInput = { requester: { id: RETENTION_ACTOR, roles: [] }, scope: 'subject', approvals: [], retention };
  if (!retentionApproved(currentTenantId(), input)) return false;
  const purgeId = uuidv7(at.getTime());
  const when = at.toISOString();
  // Sealed under the tenant-wide key, which outlives the purge: it does not name the subject.
  const rationale = `retention: ${retention.data_class} are kept ${retention.period_days} days; this one last changed ${retention.age_days} days ago`;
  const requestId = `job:${ctx.job.job_id}`;
  const r = await insertPurgeRequest({ purge_id: purgeId, scope: 'subject', subject: subjectId, requester: RETENTION_ACTOR, rationale, approver_roles: [], created_at: when });
  await appendPurgeHistory(purgeId, { at: when, actor: RETENTION_ACTOR, transition: 'request', from_state: null, to_state: 'requested', rationale, details: { retention } }, { auditRequestId: requestId, snapshot: { key: 'purge', value: await purgeSnapshot(r, at) } });
  const to = nextState(r.status, 'approve');
  const job = await enqueue(PURGE_JOB, { purge_id: purgeId }, { now: at, idempotencyKey: purgeId, maxAttempts: 5 });
  await setPurgeStatus(purgeId, to, at);
  await appendPurgeHistory(
    purgeId,
    { at: when, actor: RETENTION_ACTOR, transition: 'approve', from_state: r.status, to_state: to, rationale: null, details: { rule: 'companyos.purge.retention_approved', job_id: job.job_id } },
    { auditRequestId: requestId },
  );
  await recordSystemStep({
    actor: RETENTION_ACTOR,
    action: 'purge.retention.open',
    target: purgeTarget(purgeId),
    at,
    jobId: ctx.job.job_id,
    auditType: 'purge.retention_opened',
    details: { purge_id: purgeId, subject: subjectId, ...retention },
  });
  return true;
}

export function installRetention(runner: JobRunner): void {
  runner.register<{ day: string }>(RETENTION_JOB, {
    backoffMs: 60_000,
    run: async (_payload, ctx) => {
      await ctx.tx(async () => {
        const at = ctx.clock.now();
        const retention = (await getCurrentTenant())?.config.retention;
        const period = retention?.former_subjects;
        if (period !== undefined) {
          let opened = 0;
          for (const s of await formerSubjects(new Date(at.getTime() - period * DAY_MS))) {
            const ageDays = Math.floor((at.getTime() - new Date(s.updated_at).getTime()) / DAY_MS);
            if (await openRetentionPurge(s.subject_id, { data_class: 'former_subjects', period_days: period, age_days: ageDays }, at, ctx)) opened++;
          }
          ctx.log.info({ opened, period_days: period }, 'retention sweep');
        }
        // Each day queues the next while the tenant keeps a retention period; setting one queues the first.
        if (keepsRetention(retention)) await scheduleRetention(at);
      });
    },
  });
}
