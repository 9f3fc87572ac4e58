import type { Logger } from 'pino';
import { runWithContext } from '../context.ts';
import type { Database } from '../db/database.ts';
import { acrossDatabases } from '../db/region-router.ts';
import { withPlatformTransaction, withTenantTransaction } from '../db/tenant-tx.ts';
import { inBackground } from '../db/work-priority.ts';
import type { Clock } from '../util/clock.ts';
import { uuidv7 } from '../util/ids.ts';
import { claimJob, dueJobs, extendLease, holdLease, settleJob, type Job } from './job-store.ts';

/** What a handler gets besides the payload. */
export interface JobContext {
  job: Job;
  /** The attempt being run, from 1. */
  attempt: number;
  now: Date;
  clock: Clock;
  log: Logger;
  /** Aborted when the runner stops (the job is put back and resumes after the restart) or the lease is lost. */
  signal: AbortSignal;
  /**
   * Runs `fn` in a transaction of the job's tenant (keep them short: PGlite has one connection).
   * The transaction first locks the job's row and checks the lease is still this attempt's, so
   * what a handler writes commits only while it holds the job: a runner that lost its lease to
   * another (it paused past the lease) fails with LeaseLostError instead of writing twice.
   */
  tx<T>(fn: () => Promise<T>): Promise<T>;
  /** Extends the lease (the runner also does so every third of the lease while the handler runs). */
  heartbeat(): Promise<void>;
}

export interface JobKind<P = unknown> {
  run(payload: P, ctx: JobContext): Promise<void>;
  /** Called in the job's tenant transaction when the job has failed for good. */
  onFailed?(payload: P, error: string, ctx: { job: Job; now: Date }): Promise<void>;
  /** Backoff after the first failed attempt, doubled after each further one (default 30 s). */
  backoffMs?: number;
}

/** A failure that retrying cannot fix: the job fails at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/** The attempt's lease passed to another runner: this attempt stops and records nothing. */
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
  constructor(jobId: string) {
    super(`the lease of job ${jobId} was lost to another runner`);
  }
}

export interface JobRunnerOptions {
  db: Database;
  clock: Clock;
  log: Logger;
  /** How long a claimed job is held without a heartbeat before another runner may reclaim it. */
  leaseMs?: number;
  /** How often the background loop looks for due jobs. */
  pollMs?: number;
  /** Most jobs claimed in one pass. */
  batch?: number;
  /** Longest backoff between attempts. */
  maxBackoffMs?: number;
}

const DEFAULT_LEASE_MS = 5 * 60_000;

/**
 * Claims due jobs of every tenant and runs them in their tenant's context. The state lives in
 * the `jobs` table only, so a restart (or a second process) picks up where things stopped.
 */
export class JobRunner {
  readonly owner = `runner-${uuidv7()}`;
  private readonly kinds = new Map<string, JobKind<never>>();
  private readonly leaseMs: number;
  private pass: Promise<number> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopping = new AbortController();

  constructor(private readonly o: JobRunnerOptions) {
    this.leaseMs = o.leaseMs ?? DEFAULT_LEASE_MS;
  }

  register<P>(kind: string, definition: JobKind<P>): void {
    if (this.kinds.has(kind)) throw new Error(`job kind ${kind} is registered twice`);
    this.kinds.set(kind, definition as JobKind<never>);
  }

  /** Runs every job due now, one after another; resolves with how many attempts ran. Passes never overlap. */
  runDue(): Promise<number> {
    const pass = (this.pass ?? Promise.resolve(0)).catch(() => 0).then(() => this.runPass());
    this.pass = pass;
    pass
      .finally(() => {
        if (this.pass === pass) this.pass = undefined;
      })
      .catch(() => undefined);
    return pass;
  }

  start(): void {
    if (this.timer !== undefined || this.stopping.signal.aborted) return;
    this.timer = setInterval(() => {
      if (this.pass === undefined) this.tick();
    }, this.o.pollMs ?? 1_000);
    this.timer.unref();
    this.tick();
  }

  /** Stops polling and interrupts the running job (it is put back, not failed), then waits for it. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.stopping.abort();
    await this.pass?.catch(() => undefined);
  }

  private tick(): void {
    inBackground(() => this.runDue()).catch((err: unknown) => this.o.log.error({ err }, 'job pass failed'));
  }

  private async runPass(): Promise<number> {
    let ran = 0;
    for (;;) {
      if (this.stopping.signal.aborted) return ran;
      // Each job runs in the database it was found in: the tenant's own, or one that keeps a row for it (tenant-row-copy.ts).
      const due = await acrossDatabases(this.o.db, async (db) => (await withPlatformTransaction(db, () => dueJobs(this.o.clock.now(), this.o.batch ?? 20))).map((j) => ({ ...j, db })));
      let claimed = 0;
      for (const { tenant_id, job_id, db } of due) {
        if (this.stopping.signal.aborted) return ran;
        if (await this.runOne(tenant_id, job_id, db)) claimed++;
      }
      ran += claimed;
      // Stop when nothing more is due (or what is due is held by another runner).
      if (due.length === 0 || claimed === 0) return ran;
    }
  }

  private async runOne(tenantId: string, jobId: string, database: Database): Promise<boolean> {
    const { db, clock } = this.o;
    const tx = <T>(fn: () => Promise<T>) => withTenantTransaction(db, tenantId, fn, { context: { requestId: jobId }, database });
    const now = clock.now();
    const job = await tx(() => claimJob(jobId, this.owner, now, new Date(now.getTime() + this.leaseMs)));
    if (job === undefined) return false;
    const kind = this.kinds.get(job.kind);
    const log = this.o.log.child({ tenant_id: tenantId, job_id: jobId, job_kind: job.kind, attempt: job.attempts });
    const attempt = job.attempts;
    const settle = (s: Parameters<typeof settleJob>[3], onFailed?: () => Promise<void>) =>
      tx(async () => {
        const held = await settleJob(jobId, this.owner, attempt, s);
        if (held && onFailed !== undefined) await onFailed();
        if (!held) log.warn('job lease was lost before the attempt ended; its outcome is not recorded');
      });
    const fail = (message: string) => settle({ status: 'failed', now: clock.now(), error: { attempt, at: clock.now().toISOString(), error: message } }, () =>
      kind?.onFailed?.(job.payload as never, message, { job, now: clock.now() }) ?? Promise.resolve(),
    );

    if (kind === undefined) {
      await fail(`no handler for job kind ${job.kind}`);
      return true;
    }
    // A job whose lease expired on its last allowed attempt (its process died) is not run again.
    if (attempt > job.max_attempts) {
      await fail('the job was interrupted on its last attempt (lease expired)');
      return true;
    }
    const lost = new AbortController();
    const heartbeat = async () => {
      const at = clock.now();
      const held = await tx(() => extendLease(jobId, this.owner, attempt, new Date(at.getTime() + this.leaseMs)));
      if (!held) {
        lost.abort(new LeaseLostError(jobId));
        throw new LeaseLostError(jobId);
      }
    };
    const ctx: JobContext = {
      job,
      attempt,
      now,
      clock,
      log,
      signal: AbortSignal.any([this.stopping.signal, lost.signal]),
      tx: (fn) =>
        tx(async () => {
          if (!(await holdLease(jobId, this.owner, attempt))) {
            lost.abort(new LeaseLostError(jobId));
            throw new LeaseLostError(jobId);
          }
          return fn();
        }),
      heartbeat,
    };
    // Renewed on its own while the handler runs, so a live runner keeps its job and a dead one's
    // lease lapses within `leaseMs` for another runner to retry.
    const beat = setInterval(() => void heartbeat().catch((err: unknown) => log.warn({ err }, 'job heartbeat failed')), Math.max(100, Math.floor(this.leaseMs / 3)));
    beat.unref();
    try {
      await runWithContext({ tenantId, requestId: jobId }, () => kind.run(job.payload as never, ctx));
      clearInterval(beat);
      await settle({ status: 'done', now: clock.now() });
    } catch (err) {
      clearInterval(beat);
      const message = err instanceof Error ? err.message : String(err);
      if (lost.signal.aborted) {
        log.warn('job lease lost to another runner; this attempt stops without recording an outcome');
      } else if (this.stopping.signal.aborted) {
        log.info('job interrupted by shutdown; it resumes on the next start');
        await settle({ status: 'queued', dueAt: clock.now(), now: clock.now(), refundAttempt: true });
      } else if (err instanceof PermanentJobError || attempt >= job.max_attempts) {
        log.error({ err }, 'job failed');
        await fail(message);
      } else {
        const backoff = Math.min((kind.backoffMs ?? 30_000) * 2 ** (attempt - 1), this.o.maxBackoffMs ?? 3_600_000);
        log.warn({ err, retry_in_ms: backoff }, 'job attempt failed; retrying');
        const at = clock.now();
        await settle({ status: 'queued', dueAt: new Date(at.getTime() + backoff), now: at, error: { attempt, at: at.toISOString(), error: message } });
      }
    }
    return true;
  }
}
