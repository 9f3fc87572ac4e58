import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendAuditEvent, listAuditEvents } from '../src/audit/audit-events.ts';
import { withPlatformTransaction, withTenantTransaction } from '../src/db/tenant-tx.ts';
import { enqueue, getJob, JobRunner, type JobContext } from '../src/jobs/index.ts';
import { LedgerIntegrator } from '../src/ledger/integrator.ts';
import { lapsedLeases } from '../src/ledger/ledger-lease.ts';
import { ledgerServices } from '../src/ledger/ledger-runtime.ts';
import { verifyTenantLedger } from '../src/ledger/verify-ledger.ts';
import { createLogger } from '../src/logger.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Singletons across a fleet: each tenant's ledger integrator and each job run on one server at a
// time, hand over when their holder dies, and a holder that lost its lease cannot write. Two
// integrators (or runners) on one database stand in for two server processes.
let h: TestApp;
const log = createLogger({ level: 'silent' });
const integrators: LedgerIntegrator[] = [];
before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
});
after(async () => {
  for (const i of integrators) await i.stop();
  await h.close();
});

/** An integrator of its own ("another server"), taking one receipt per step so work is left over. */
function server(leaseMs: number): LedgerIntegrator {
  const i = new LedgerIntegrator({ db: h.t.db, keys: ledgerServices().keys, clock: h.clock, log, checkpointEvery: 1_000, checkpointIntervalMs: 60_000, batchLimit: 1, leaseMs });
  integrators.push(i);
  return i;
}

const receipts = async (tenant: string, n: number) => {
  for (let i = 0; i < n; i++) assert.equal((await h.call('GET', '/api/v1/subjects', { as: [tenant, 'user-admin'] })).statusCode, 200);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("one server at a time integrates a tenant's log; another takes over, with a higher fencing token, only once the lease lapses", async () => {
  // Long enough that a busy machine does not let it lapse between two steps.
  const a = server(3_000);
  const b = server(3_000);
  await receipts('pilot-a', 4);
  const first = await a.integrateTenant('pilot-a');
  assert.equal(first.integrated, 1);
  const tokenA = a.leases.get('pilot-a')!;
  assert.equal((await b.integrateTenant('pilot-a')).skipped, true, 'the lease is live: b leaves the tenant to a');
  assert.equal((await a.integrateTenant('pilot-a')).integrated, 1, 'a renews and goes on');
  // a "dies" with receipts left: after the lease lapses, b takes over.
  assert.deepEqual(await withPlatformTransaction(h.t.db, () => lapsedLeases()), []);
  await sleep(3_200);
  assert.ok((await withPlatformTransaction(h.t.db, () => lapsedLeases())).includes('pilot-a'), 'other servers see the lapsed lease');
  const taken = await b.integrateTenant('pilot-a');
  assert.equal(taken.integrated, 1);
  assert.equal(BigInt(b.leases.get('pilot-a')!), BigInt(tokenA) + 1n);
  // a comes back from its pause: the lease is b's now.
  assert.equal((await a.integrateTenant('pilot-a')).skipped, true);
  assert.equal(a.leases.has('pilot-a'), false);
  await b.flush('pilot-a');
  const report = await verifyTenantLedger(h.t.db, 'pilot-a');
  assert.ok(report.ok, report.errors.join('\n'));
  assert.equal(report.queued, 0);
});

test("while another server's lease is live, a nudged server wakes the holder instead of opening a step for each nudge", async () => {
  const holder = server(10_000);
  await receipts('demo-external', 3);
  assert.equal((await holder.integrateTenant('demo-external')).integrated, 1);
  // Another server, its transactions counted.
  let steps = 0;
  const counted = new Proxy(h.t.db, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (key === 'transaction') return (...args: Parameters<typeof target.transaction>) => (steps++, target.transaction(...args));
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const other = new LedgerIntegrator({ db: counted, keys: ledgerServices().keys, clock: h.clock, log, checkpointEvery: 1_000, checkpointIntervalMs: 60_000, batchLimit: 1 });
  integrators.push(other);
  const skipped = await other.integrateTenant('demo-external');
  assert.equal(skipped.skipped, true);
  assert.ok(skipped.heldForMs! > 0 && skipped.heldForMs! <= 10_000, `the holder's lease has ${skipped.heldForMs} ms left`);
  steps = 0;
  for (let i = 0; i < 5; i++) {
    other.nudge('demo-external');
    await other.idle();
  }
  assert.equal(steps, 1, 'one look finds the lease live; the nudges after it only wake the holder');
  await sleep(1_100);
  other.nudge('demo-external');
  await other.idle();
  assert.equal(steps, 2, 'after a second it looks again');
  assert.equal(other.leases.has('demo-external'), false);
  await holder.flush('demo-external');
  assert.equal((await verifyTenantLedger(h.t.db, 'demo-external')).queued, 0);
});

test('steps of several servers and on-demand flushes racing on one tenant never fork its log', async () => {
  const servers = [server(50), server(50), server(50)];
  await receipts('pilot-b', 12);
  const steps = servers.flatMap((s) => Array.from({ length: 6 }, () => s.integrateTenant('pilot-b')));
  await Promise.all([...steps, servers[0]!.flush('pilot-b'), h.app.ledger.flush('pilot-b')]);
  await h.app.ledger.flush('pilot-b');
  const report = await verifyTenantLedger(h.t.db, 'pilot-b');
  assert.ok(report.ok, report.errors.join('\n'));
  assert.equal(report.queued, 0);
});

test('a server that stops finishes and signs what it holds, then hands its leases back at once', async () => {
  const a = server(60_000);
  const b = server(60_000);
  await receipts('summit-internal', 3);
  assert.equal((await a.integrateTenant('summit-internal')).integrated, 1);
  assert.equal((await b.integrateTenant('summit-internal')).skipped, true);
  await a.stop();
  const drained = await verifyTenantLedger(h.t.db, 'summit-internal');
  assert.equal(drained.queued, 0);
  assert.equal(drained.unsigned, 0);
  // a's lease ran for a minute, yet b need not wait for it.
  await receipts('summit-internal', 1);
  assert.equal((await b.integrateTenant('summit-internal')).integrated, 1);
});

test('a job runner that lost its lease to another cannot write through its transactions; the job completes once', async () => {
  const kind = 'test.fenced';
  let paused!: () => void;
  const pausedAt = new Promise<void>((r) => (paused = r));
  let resume!: () => void;
  const resumed = new Promise<void>((r) => (resume = r));
  const effect = (ctx: JobContext) => ctx.tx(() => appendAuditEvent({ type: 'probe.effect', actor: ctx.job.lease_owner ?? 'x', action: kind, requestId: ctx.job.job_id, details: { attempt: ctx.attempt }, at: ctx.now }));
  // The first runner is "paused" (a long GC, a frozen VM) past its lease; it renews only hourly.
  const slow = new JobRunner({ db: h.t.db, clock: h.clock, log, leaseMs: 3_600_000 });
  let slowError: unknown;
  slow.register(kind, {
    run: async (_payload, ctx) => {
      paused();
      await resumed;
      try {
        await effect(ctx);
      } catch (error) {
        slowError = error;
        throw error;
      }
    },
  });
  const other = new JobRunner({ db: h.t.db, clock: h.clock, log, leaseMs: 60_000 });
  other.register(kind, { run: async (_payload, ctx) => effect(ctx) });
  const job = await withTenantTransaction(h.t.db, 'pilot-a', () => enqueue(kind, {}, { now: h.clock.now() }));
  const first = slow.runDue();
  await pausedAt;
  h.clock.advance(3_600_001);
  assert.equal(await other.runDue(), 1, 'the lapsed job is claimed by the other runner and run');
  resume();
  await first;
  assert.equal((slowError as Error | undefined)?.name, 'LeaseLostError');
  const done = await withTenantTransaction(h.t.db, 'pilot-a', () => getJob(job.job_id));
  assert.equal(done?.status, 'done');
  assert.equal(done?.attempts, 2);
  const effects = await withTenantTransaction(h.t.db, 'pilot-a', () => listAuditEvents({ type: 'probe.effect' }));
  assert.deepEqual(
    effects.filter((e) => e.request_id === job.job_id).map((e) => e.details.attempt),
    [2],
  );
});
