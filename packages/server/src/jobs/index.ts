/**
 * Durable jobs: work that must happen after an action commits, survive restarts and retry.
 *
 *   // In an action's run (the pipeline's transaction is in the context):
 *   await enqueue('audit.export', { exportId }, { now: ctx.now, idempotencyKey: exportId });
 *   // The job row commits or rolls back with the action: a job exists iff its action committed.
 *
 *   // At start (see installJobs): one runner per process, kinds registered by name.
 *   runner.register('audit.export', { run: async (payload, ctx) => ..., onFailed, backoffMs });
 *
 * - `enqueue(kind, payload, { now, runAt?, idempotencyKey?, maxAttempts? })` inserts a queued
 *   job in the current tenant transaction; `runAt` (default `now`) delays it; a repeated
 *   idempotency key (per tenant and kind) returns the existing job instead of a new one.
 * - `JobRunner.runDue()` claims every job due at the injected clock's now and runs it in its
 *   tenant's context (`ctx.tx(fn)` opens a tenant transaction); tests call it after moving a
 *   FakeClock instead of sleeping. `start()` polls in the background; `stop()` (on app close)
 *   interrupts the running job through `ctx.signal`, puts it back without counting the attempt,
 *   and waits for it.
 * - Claiming is `FOR UPDATE SKIP LOCKED` in the job's tenant transaction, so several processes on
 *   PostgreSQL never run one job twice; PGlite (one connection, one process) runs the same SQL.
 *   A claim leases the job for `leaseMs` (COMPANYOS_JOB_LEASE_MS); the runner renews it every
 *   third of that while the handler runs, so a job whose runner died is retried by another once
 *   the lease lapses. Every `ctx.tx` checks the lease first (owner and attempt are the fencing
 *   token): a runner that lost its job cannot commit a second outcome.
 * - A thrown error re-queues the job with exponential backoff (`backoffMs` × 2^(attempt-1)) and is
 *   recorded in `errors`; after `maxAttempts` (default 5) or a `PermanentJobError` the job is
 *   `failed` and the kind's `onFailed` runs in the same transaction. Success marks it `done`.
 *   Handlers must be safe to run again: an attempt may be interrupted at any point.
 */
export { enqueue, enqueueStatement, type EnqueueOptions } from './enqueue.ts';
export { JobRunner, PermanentJobError, LeaseLostError, type JobContext, type JobKind, type JobRunnerOptions } from './job-runner.ts';
export { getJob, type Job, type JobError, type JobStatus } from './job-store.ts';
export { installJobs } from './install-jobs.ts';
