import { currentTenantId } from '../../context.ts';
import { PermanentJobError, type JobRunner } from '../../jobs/index.ts';
import { recordSystemStep } from '../shared/system-step.ts';
import { PgAccessAdapter } from './pg-access-adapter.ts';
import { appendHistory, getRequest, requestTarget, setStatus, type HighRiskRequest } from './request-store.ts';
import { allowed, nextState, type Transition } from './state-machine.ts';

/** Drops a request's role and ends its sessions (at the end of its window, or early on revoke). */
export const REVERT_JOB = 'high_risk.revert';
/** Ends a request still pending at its deadline. */
export const EXPIRE_JOB = 'high_risk.expire';
/** The actor of the steps the server takes by itself. */
export const SYSTEM_ACTOR = 'system:high-risk';

export interface RequestPayload {
  request_id: string;
}

export interface HighRiskSettings {
  /** The governed database (COMPANYOS_HIGH_RISK_DATABASE_URL); without it nothing can be executed. */
  adapter: PgAccessAdapter | undefined;
  /** The database name requests must target. */
  database: string | undefined;
  /** How long a request may wait for approvals and execution. */
  pendingMinutes: number;
  /** The hash of the tenant's bundle for a system step's receipt, archived in the current transaction. */
  citeBundle: (tenantId: string, at: Date) => Promise<string>;
}

let settings: HighRiskSettings | undefined;

export function highRiskSettings(): HighRiskSettings {
  if (settings === undefined) throw new Error('high-risk operations are not installed');
  return settings;
}

/** Registers the revert and expiry jobs with the app's runner. */
export function installHighRisk(runner: JobRunner, o: Pick<HighRiskSettings, 'pendingMinutes' | 'citeBundle'> & { databaseUrl: string | undefined }): void {
  settings = {
    adapter: o.databaseUrl === undefined ? undefined : new PgAccessAdapter(o.databaseUrl),
    database: o.databaseUrl === undefined ? undefined : decodeURIComponent(new URL(o.databaseUrl).pathname.slice(1)),
    pendingMinutes: o.pendingMinutes,
    citeBundle: o.citeBundle,
  };
  runner.register<RequestPayload>(REVERT_JOB, {
    backoffMs: 5_000,
    run: async ({ request_id }, ctx) => {
      const adapter = highRiskSettings().adapter;
      if (adapter === undefined) throw new Error('COMPANYOS_HIGH_RISK_DATABASE_URL is not set: the role cannot be dropped');
      const request = await ctx.tx(() => getRequest(request_id));
      if (request === undefined) throw new PermanentJobError(`high-risk request ${request_id} does not exist`);
      // Dropping runs every time (it is idempotent): a role must never outlive its request.
      const dropped = await adapter.revert(request_id);
      await ctx.tx(async () => {
        const current = await getRequest(request_id, { lock: true });
        if (current === undefined || !allowed(current.status, 'revert')) return;
        await systemStep(current, 'revert', ctx.clock.now(), ctx.job.job_id, { role: current.role_name, role_dropped: dropped });
      });
    },
    onFailed: async ({ request_id }, error, { job, now }) => {
      const request = await getRequest(request_id, { lock: true });
      if (request === undefined || !allowed(request.status, 'fail')) return;
      // The alert: an audit event of its own type, besides the failed state.
      await systemStep(request, 'fail', now, job.job_id, { error, alert: 'high_risk.revert.failed' });
    },
  });
  runner.register<RequestPayload>(EXPIRE_JOB, {
    run: async ({ request_id }, ctx) => {
      await ctx.tx(async () => {
        const request = await getRequest(request_id, { lock: true });
        if (request === undefined || !allowed(request.status, 'expire')) return;
        await systemStep(request, 'expire', ctx.clock.now(), ctx.job.job_id, { pending_until: request.pending_until });
      });
    },
  });
}

/** A transition the server makes itself: state, history, receipt, audit and usage event in the current transaction. */
async function systemStep(request: HighRiskRequest, transition: Transition, at: Date, jobId: string, details: Record<string, unknown>): Promise<void> {
  const to = nextState(request.status, transition);
  const action = `high_risk.request.${transition}`;
  const target = requestTarget(request.request_id);
  await setStatus(request.request_id, to, at);
  await appendHistory(
    request.request_id,
    { at: at.toISOString(), actor: SYSTEM_ACTOR, transition, from_state: request.status, to_state: to, rationale: null, details },
    { auditRequestId: `job:${jobId}` },
  );
  await recordSystemStep({
    actor: SYSTEM_ACTOR,
    action,
    target,
    at,
    jobId,
    bundleHash: await highRiskSettings().citeBundle(currentTenantId(), at),
    auditType: transition === 'fail' ? 'high_risk.revert.failed' : `high_risk.${to}`,
    details: { request_id: request.request_id, from: request.status, to, ...details },
  });
}
