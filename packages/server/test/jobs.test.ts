import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentTenantId } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { enqueue, getJob, JobRunner, PermanentJobError, type Job, type JobKind } from '../src/jobs/index.ts';
import { claimJob } from '../src/jobs/job-store.ts';
import { createLogger } from '../src/logger.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { FakeClock } from '../src/util/clock.ts';
import { asRole, createTestDatabase, type TestDatabase } from './support/test-database.ts';

let t: TestDatabase;
const clock = new FakeClock('2026-04-01T00:00:00.000Z');
const log = createLogger({ level: 'silent' });
let n = 0;

before(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, { clock });
});
after(() => t.close());

/** A runner with one kind registered under a name unique to the test. */
function runnerWith(kind: JobKind<any>, options: { leaseMs?: number } = {}): { runner: JobRunner; name: string } {
  const runner = new JobRunner({ db: t.db, clock, log, ...options });
  const name = `test.kind${++n}`;
  runner.register(name, kind);
  return { runner, name };
}

const add = (tenant: string, kind: string, payload: unknown = {}, o: { runAt?: Date; idempotencyKey?: string; maxAttempts?: number } = {}) =>
  withTenantTransaction(t.db, tenant, () => enqueue(kind, payload, { now: clock.now(), ...o }));

const read = (tenant: string, id: string): Promise<Job | undefined> => withTenantTransaction(t.db, tenant, () => getJob(id));

test('a job exists only when the transaction that queued it commits', async () => {
  let queued: Job | undefined;
  await assert.rejects(
    withTenantTransaction(t.db, 'pilot-a', async () => {
      queued = await enqueue('test.rollback', {}, { now: clock.now() });
      throw new Error('the action failed');
    }),
  );
  assert.equal(await read('pilot-a', queued!.job_id), undefined);
  const kept = await add('pilot-a', 'test.commit');
  assert.equal((await read('pilot-a', kept.job_id))?.status, 'queued');
});

test('a due job runs once in its tenant context and is marked done', async () => {
  const seen: Array<{ tenant: string; payload: unknown }> = [];
  const { runner, name } = runnerWith({ run: async (payload) => void seen.push({ tenant: currentTenantId(), payload }) });
  const job = await add('pilot-b', name, { x: 1 });
  assert.ok((await runner.runDue()) >= 1);
  assert.deepEqual(seen, [{ tenant: 'pilot-b', payload: { x: 1 } }]);
  const done = await read('pilot-b', job.job_id);
  assert.equal(done?.status, 'done');
  assert.equal(done?.attempts, 1);
  assert.equal(done?.finished_at, clock.now().toISOString());
  assert.equal(await runner.runDue(), 0);
});

test('runAt delays a job until the clock reaches it', async () => {
  let runs = 0;
  const { runner, name } = runnerWith({ run: async () => void runs++ });
  await add('pilot-a', name, {}, { runAt: new Date(clock.now().getTime() + 60_000) });
  await runner.runDue();
  assert.equal(runs, 0);
  clock.advance(60_000);
  await runner.runDue();
  assert.equal(runs, 1);
});

test('a failing job is retried with exponential backoff and its errors are recorded', async () => {
  let runs = 0;
  const { runner, name } = runnerWith({
    backoffMs: 1_000,
    run: async () => {
      runs++;
      if (runs < 3) throw new Error(`boom ${runs}`);
    },
  });
  const job = await add('pilot-a', name);
  await runner.runDue();
  assert.equal(runs, 1);
  clock.advance(999);
  await runner.runDue();
  assert.equal(runs, 1, 'not before the first backoff (1 s)');
  clock.advance(1);
  await runner.runDue();
  assert.equal(runs, 2);
  clock.advance(1_999);
  await runner.runDue();
  assert.equal(runs, 2, 'the second backoff is doubled (2 s)');
  clock.advance(1);
  await runner.runDue();
  const done = await read('pilot-a', job.job_id);
  assert.equal(done?.status, 'done');
  assert.equal(done?.attempts, 3);
  assert.deepEqual(
    done?.errors.map((e) => [e.attempt, e.error]),
    [
      [1, 'boom 1'],
      [2, 'boom 2'],
    ],
  );
});

test('after its last attempt a job fails and onFailed runs in its tenant transaction', async () => {
  const failed: string[] = [];
  const { runner, name } = runnerWith({
    backoffMs: 10,
    run: async () => {
      throw new Error('always');
    },
    onFailed: async (_p, error) => void failed.push(`${currentTenantId()}: ${error}`),
  });
  const job = await add('pilot-a', name, {}, { maxAttempts: 2 });
  await runner.runDue();
  clock.advance(10);
  await runner.runDue();
  const row = await read('pilot-a', job.job_id);
  assert.equal(row?.status, 'failed');
  assert.equal(row?.attempts, 2);
  assert.deepEqual(failed, ['pilot-a: always']);
  clock.advance(3_600_000);
  assert.equal(await runner.runDue(), 0);
});

test('a PermanentJobError fails the job without retrying', async () => {
  const { runner, name } = runnerWith({
    run: async () => {
      throw new PermanentJobError('bad payload');
    },
  });
  const job = await add('pilot-a', name);
  await runner.runDue();
  const row = await read('pilot-a', job.job_id);
  assert.equal(row?.status, 'failed');
  assert.equal(row?.errors[0]?.error, 'bad payload');
});

test('an idempotency key returns the job already queued', async () => {
  const first = await add('pilot-a', 'test.idem', { a: 1 }, { idempotencyKey: 'k1' });
  const second = await add('pilot-a', 'test.idem', { a: 2 }, { idempotencyKey: 'k1' });
  assert.equal(second.job_id, first.job_id);
  assert.deepEqual(second.payload, { a: 1 });
  const other = await add('pilot-b', 'test.idem', { a: 3 }, { idempotencyKey: 'k1' });
  assert.notEqual(other.job_id, first.job_id);
});

test('a job claimed by a runner that died is reclaimed after the lease expires', async () => {
  let runs = 0;
  const { runner, name } = runnerWith({ run: async () => void runs++ }, { leaseMs: 60_000 });
  const job = await add('pilot-a', name);
  const now = clock.now();
  const claimed = await withTenantTransaction(t.db, 'pilot-a', () => claimJob(job.job_id, 'dead-runner', now, new Date(now.getTime() + 60_000)));
  assert.equal(claimed?.status, 'running');
  await runner.runDue();
  assert.equal(runs, 0, 'held by the lease');
  clock.advance(60_000);
  await runner.runDue();
  assert.equal(runs, 1);
  const row = await read('pilot-a', job.job_id);
  assert.equal(row?.status, 'done');
  assert.equal(row?.attempts, 2);
});

test('stopping the runner puts the running job back without counting the attempt', async () => {
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const { runner, name } = runnerWith({
    run: (_p, ctx) =>
      new Promise<void>((_resolve, reject) => {
        started();
        ctx.signal.addEventListener('abort', () => reject(new Error('aborted')));
      }),
  });
  const job = await add('pilot-a', name);
  const pass = runner.runDue();
  await running;
  await runner.stop();
  await pass;
  const row = await read('pilot-a', job.job_id);
  assert.equal(row?.status, 'queued');
  assert.equal(row?.attempts, 0);
  assert.equal(row?.errors.length, 0);
  let resumed = 0;
  const next = new JobRunner({ db: t.db, clock, log });
  next.register(name, { run: async () => void resumed++ });
  await next.runDue();
  assert.equal(resumed, 1);
});

test('a job of an unknown kind fails with a clear error', async () => {
  const job = await add('pilot-a', 'test.nobody');
  await new JobRunner({ db: t.db, clock, log }).runDue();
  const row = await read('pilot-a', job.job_id);
  assert.equal(row?.status, 'failed');
  assert.match(row!.errors[0]!.error, /no handler for job kind test\.nobody/);
});

test("a tenant cannot see or change another tenant's jobs", async () => {
  const job = await add('pilot-a', 'test.private');
  const seen = await asRole(t.db, 'companyos_app', 'pilot-b', (q) => q<{ job_id: string }>('SELECT job_id FROM jobs WHERE job_id = $1', [job.job_id]));
  assert.deepEqual(seen, []);
  const changed = await asRole(t.db, 'companyos_app', 'pilot-b', (q) => q(`UPDATE jobs SET status = 'done' WHERE job_id = $1 RETURNING 1`, [job.job_id]));
  assert.deepEqual(changed, []);
  await assert.rejects(
    asRole(t.db, 'companyos_app', 'pilot-b', (q) =>
      q(`INSERT INTO jobs (tenant_id, job_id, kind, payload, status, due_at, max_attempts, created_at, updated_at)
         VALUES ('pilot-a', gen_random_uuid(), 'x', '{}', 'queued', now(), 1, now(), now())`),
    ),
    /row-level security/,
  );
});
