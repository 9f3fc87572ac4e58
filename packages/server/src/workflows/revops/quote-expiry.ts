import type { Statement } from '../../db/statement.ts';
import { enqueueStatement, type JobRunner } from '../../jobs/index.ts';
import { recordSystemStep } from '../shared/system-step.ts';
import { getQuote, quoteHistory, quoteTarget, updateQuote, type Quote } from './deal-store.ts';
import { quoteMachine, quoteStepAction } from './quote-machine.ts';

// A quote past its validity date expires: a durable job per validity date moves it to `expired`
// with its history entry, receipt, audit and usage event, so the list shows what can still be won.

export const QUOTE_EXPIRE_JOB = 'revops.quote.expire';
/** The actor of the steps the deal desk takes by itself. */
export const REVOPS_SYSTEM_ACTOR = 'system:revops';

interface ExpirePayload {
  quote_id: string;
}

/**
 * The statement that schedules the quote's expiry at its validity date, sent with the step's other
 * writes. An edit sets a new date and schedules again (one job per date); a job that finds the date
 * moved does nothing.
 */
export function expiryStatement(q: Pick<Quote, 'quote_id' | 'valid_until'>, now: Date): Statement {
  return enqueueStatement(QUOTE_EXPIRE_JOB, { quote_id: q.quote_id } satisfies ExpirePayload, { now, runAt: new Date(q.valid_until), idempotencyKey: `${q.quote_id}@${q.valid_until}` });
}

export function installQuoteExpiry(runner: JobRunner): void {
  runner.register<ExpirePayload>(QUOTE_EXPIRE_JOB, {
    run: async ({ quote_id }, ctx) => {
      await ctx.tx(async () => {
        const q = await getQuote(quote_id, { lock: true });
        const at = ctx.clock.now();
        if (q === undefined || Date.parse(q.valid_until) > at.getTime() || !quoteMachine.allowed(q.status, 'expire')) return;
        await expire(q, at, ctx.job.job_id);
      });
    },
  });
}

async function expire(q: Quote, at: Date, jobId: string): Promise<void> {
  const expired: Quote = { ...q, status: quoteMachine.next(q.status, 'expire'), updated_at: at.toISOString() };
  await updateQuote(expired);
  const details = { valid_until: q.valid_until, version: q.version, job_id: jobId };
  await quoteHistory.append(
    q.quote_id,
    { at: at.toISOString(), actor: REVOPS_SYSTEM_ACTOR, transition: 'expire', from_state: q.status, to_state: expired.status, rationale: null, details },
    { auditRequestId: `job:${jobId}` },
  );
  await recordSystemStep({
    actor: REVOPS_SYSTEM_ACTOR,
    action: quoteStepAction('expire'),
    target: quoteTarget(q.quote_id),
    auditType: 'revops.quote.expired',
    at,
    jobId,
    details: { quote_id: q.quote_id, from: q.status, to: expired.status, valid_until: q.valid_until },
  });
}
