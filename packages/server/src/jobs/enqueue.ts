import type { Statement } from '../db/statement.ts';
import { insertJob, insertJobStatement, type Job, type NewJob } from './job-store.ts';

export interface EnqueueOptions {
  /** The caller's clock reading (the job's creation time). */
  now: Date;
  /** Not before this time (default: now). */
  runAt?: Date | undefined;
  /** A second enqueue with the same key (per tenant and kind) returns the first job. */
  idempotencyKey?: string | undefined;
  /** Attempts before the job fails for good (default 5). */
  maxAttempts?: number | undefined;
}

const KIND = /^[a-z][a-z0-9_.]{0,63}$/;

/** Queues a job in the current tenant transaction; it exists only if that transaction commits. */
export async function enqueue(kind: string, payload: unknown, o: EnqueueOptions): Promise<Job> {
  const { job } = await insertJob(newJob(kind, payload, o));
  return job;
}

/**
 * The statement that queues a job, for a caller to send with its own writes in one round trip
 * (runBatch): what `enqueue` does, without the job read back.
 */
export function enqueueStatement(kind: string, payload: unknown, o: EnqueueOptions): Statement {
  return insertJobStatement(newJob(kind, payload, o));
}

function newJob(kind: string, payload: unknown, o: EnqueueOptions): NewJob {
  if (!KIND.test(kind)) throw new Error(`invalid job kind ${kind}`);
  const maxAttempts = o.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error('maxAttempts must be a positive integer');
  return { kind, payload, now: o.now, runAt: o.runAt ?? o.now, idempotencyKey: o.idempotencyKey, maxAttempts };
}
