import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { acrossDatabases } from '../db/region-router.ts';
import { withPlatformTransaction, withTenantTransaction } from '../db/tenant-tx.ts';
import { BACKGROUND_SLICE_ROWS, inBackground, isBackgroundWork } from '../db/work-priority.ts';
import { currentTx } from '../context.ts';
import { batchAtCommit, type Statement } from '../db/statement.ts';
import type { TenantKeys } from '../keys/tenant-keys.ts';
import type { Clock } from '../util/clock.ts';
import { ed25519NoteSigner } from './checkpoint/ed25519-note-keys.ts';
import { signCheckpoint } from './checkpoint/signed-checkpoint.ts';
import { DbNodeStore } from './db-node-store.ts';
import { INTEGRATION_STATE_READ, insertCheckpointStatement, integrationState, queuedOf, queuedReceiptsStatement, recordLeavesStatements, treeStateOf, treeStateStatement, type StoredCheckpoint } from './ledger-store.ts';
import { appendLeaves, frontierRoot, readFrontier } from './merkle/frontier.ts';
import { rootAt } from './merkle/proofs.ts';
import { ledgerOrigin } from './origin.ts';
import { acquireLeaseStatement, lapsedLeases, leaseToken, lockLeaseRowStatements, releaseLease, releaseLeaseStatement } from './ledger-lease.ts';
import { uuidv7 } from '../util/ids.ts';
import { receiptLeafHash } from './receipt-format.ts';
import type { Signals } from '../observability/signals.ts';

export interface IntegratorOptions {
  db: Database;
  keys: TenantKeys;
  clock: Clock;
  log: Logger;
  /** Cut a checkpoint once this many leaves are past the last one. */
  checkpointEvery: number;
  /** ... or once this long has passed since the last one and there are new leaves. */
  checkpointIntervalMs: number;
  /** Most receipts given indexes in one transaction. */
  batchLimit?: number;
  /**
   * How long a poke waits before looking at the queue (default 250 ms): under load the receipts of
   * many requests share one integration instead of each paying for its own (a step is about seven
   * statements per tenant, whether it takes one receipt or a hundred).
   */
  pokeDelayMs?: number;
  /** How long this integrator holds a tenant's lease without renewing it (default 10 s). */
  leaseMs?: number;
  /** Where integration delays and failed steps are counted. */
  signals?: Signals | undefined;
}

/** Sent with a tenant id to wake the holder of its lease: another server committed receipts. */
export const LEDGER_CHANNEL = 'companyos_ledger';
const POKE_DELAY_MS = 250;
/** At most one wake-up per tenant in this interval (the holder also looks every tick). */
const WAKE_INTERVAL_MS = 100;
/**
 * After finding a tenant's lease live on another server, this one only wakes that holder for so
 * long (at most until the lease would lapse) instead of opening a step to look again.
 */
const HELD_ELSEWHERE_MS = 1_000;
/** How long a draining integrator may spend finishing the tenants it holds. */
const DRAIN_BUDGET_MS = 5_000;

export interface IntegrationResult {
  integrated: number;
  /** The batch was full: more receipts may be queued. */
  more: boolean;
  size: number;
  /** Tree size of the newest checkpoint after the step. */
  checkpointSize: number;
  checkpoint?: StoredCheckpoint;
  /** Another server holds the tenant's lease: this step did nothing. */
  skipped?: boolean;
  /** When skipped: how long the other server's lease stays live unless renewed or released. */
  heldForMs?: number;
}

export interface IntegrationStats {
  integrated: number;
  checkpoints: number;
  /** Time from a receipt's issue to its leaf index, over the receipts integrated so far (ms). */
  lastDelayMs: number;
  maxDelayMs: number;
}

/**
 * Gives committed receipts their leaf indexes, extends the tree and cuts signed checkpoints, in
 * transactions of its own after the actions committed. All state is in the database. Across a
 * fleet, one server at a time integrates a tenant: the holder of its lease (ledger_leases), which
 * every background step takes or renews under the lease row's lock; others leave the tenant to it
 * and wake it with a notification. A lease whose holder died lapses and is taken over, with a
 * new fencing token. On-demand flushes lock the same row without taking the lease, so no two
 * steps ever extend one tenant's log at once: the log cannot fork.
 */
export class LedgerIntegrator {
  readonly stats: IntegrationStats = { integrated: 0, checkpoints: 0, lastDelayMs: 0, maxDelayMs: 0 };
  private readonly nodes = new DbNodeStore();
  private readonly dirty = new Set<string>();
  /** Tenants with leaves past their last checkpoint: the timer revisits them for time-based cuts. */
  private readonly awaitingCheckpoint = new Set<string>();
  private readonly running = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private poked = false;
  private stopped = false;
  /** This integrator's name in the lease table. */
  readonly holder = `integrator-${uuidv7()}`;
  /** Fencing token of each tenant lease this integrator holds (or last held). */
  readonly leases = new Map<string, string>();
  private readonly woken = new Map<string, number>();
  /** Tenants whose lease another server was found holding, until when (this clock) to leave them to it. */
  private readonly heldElsewhere = new Map<string, number>();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(private readonly o: IntegratorOptions) {}

  /**
   * One integration step for a tenant: at most one batch, and a checkpoint when one is due. A
   * background step (the default) needs the tenant's lease; `onDemand` waits for the holder's
   * step instead and then runs without the lease.
   */
  async integrateTenant(tenantId: string, options: { forceCheckpoint?: boolean; onDemand?: boolean } = {}): Promise<IntegrationResult> {
    let issued: string[] = [];
    const now = this.o.clock.now();
    // A background step looks at the lease, the queue and the tree in the round trip that opens its transaction.
    const opening = options.onDemand === true ? {} : { opening: INTEGRATION_STATE_READ };
    const result = await withTenantTransaction(
      this.o.db,
      tenantId,
      async (opened): Promise<IntegrationResult> => {
        // Background work on a database of one connection takes a short slice: a request may be waiting.
        const slice = isBackgroundWork() && this.o.db.engine === 'pglite' ? BACKGROUND_SLICE_ROWS : Infinity;
        // No batch runs past a checkpoint boundary, so none takes more than `checkpointEvery`.
        const most = Math.min(this.o.batchLimit ?? 5_000, slice, this.o.checkpointEvery);
        let hold: Statement[];
        if (options.onDemand === true) hold = lockLeaseRowStatements();
        else {
          const seen = integrationState(opened);
          const othersLive = seen.lease?.live === true && seen.lease.holder !== this.holder;
          // Nothing queued and no checkpoint due: the step would write nothing, so it touches nothing
          // (not even the lease).
          if (!othersLive && options.forceCheckpoint !== true && seen.queued === 0 && !this.checkpointDue(seen.size, seen.last, now, false)) {
            return { integrated: 0, more: false, size: seen.size, checkpointSize: seen.last?.size ?? 0 };
          }
          if (othersLive) {
            this.leases.delete(tenantId);
            return { integrated: 0, more: false, size: 0, checkpointSize: 0, skipped: true, heldForMs: seen.lease!.msLeft };
          }
          hold = [acquireLeaseStatement(this.holder, this.o.leaseMs ?? 10_000)];
        }
        // One round trip: the lease row's lock, then the tree and the queue read again under it (a
        // step that held it before may have extended the log), each statement after the one before.
        const rows = await currentTx().queryEach([...hold, treeStateStatement(), queuedReceiptsStatement(most)]);
        if (options.onDemand !== true) {
          const token = leaseToken(rows[0]!);
          if (token === undefined) {
            this.leases.delete(tenantId);
            return { integrated: 0, more: false, size: 0, checkpointSize: 0, skipped: true, heldForMs: 0 };
          }
          this.leases.set(tenantId, token);
        }
        const state = treeStateOf(rows.at(-2)!);
        const last = state.last;
        let size = state.size;
        const lastSize = last?.size ?? 0;
        const every = this.o.checkpointEvery;
        // A batch stops at the next multiple of `every`, so a log that catches up still gets a
        // checkpoint every `every` leaves.
        const limit = Math.min(every - ((size - lastSize) % every), most);
        const read = queuedOf(rows.at(-1)!);
        const queued = read.slice(0, limit);
        const more = read.length >= limit;
        // The step's writes go in one statement with its COMMIT.
        const writes: Statement[] = [];
        let root: Uint8Array | undefined;
        if (queued.length > 0) {
          const appended = appendLeaves(await readFrontier(this.nodes, size), queued.map((q) => receiptLeafHash(q.entry)));
          writes.push(this.nodes.putNodesStatement(appended.nodes), ...recordLeavesStatements(size, queued.map((q) => q.receiptId)));
          size = appended.frontier.size;
          root = frontierRoot(appended.frontier);
          issued = queued.map((q) => q.entry.issued_at);
        }
        const due = this.checkpointDue(size, last, now, options.forceCheckpoint === true);
        const checkpoint = due ? await this.cut(tenantId, size, root ?? (await rootAt(this.nodes, size)), now) : undefined;
        if (checkpoint !== undefined) writes.push(insertCheckpointStatement(checkpoint));
        const step: IntegrationResult = checkpoint !== undefined ? { integrated: queued.length, more, size, checkpointSize: size, checkpoint } : { integrated: queued.length, more, size, checkpointSize: lastSize };
        // Nothing left to do: the lease is let go, and the next server with receipts takes it.
        if (options.onDemand !== true && queued.length === 0 && step.size === step.checkpointSize) writes.push(releaseLeaseStatement(this.holder, true));
        batchAtCommit(writes);
        return step;
      },
      opening,
    );
    // Counted once committed.
    this.recordDelays(issued, this.o.clock.now());
    if (result.checkpoint !== undefined) this.stats.checkpoints++;
    return result;
  }

  /** Integrates everything queued for the tenant and cuts a checkpoint over it (on demand). */
  async flush(tenantId: string): Promise<IntegrationResult> {
    let total = 0;
    for (;;) {
      const r = await this.integrateTenant(tenantId, { onDemand: true });
      total += r.integrated;
      if (r.integrated === 0) {
        const final = await this.integrateTenant(tenantId, { forceCheckpoint: true, onDemand: true });
        return { ...final, integrated: total };
      }
    }
  }

  /** Asks for the tenant's queue to be integrated soon (after an action committed a receipt). */
  nudge(tenantId: string): void {
    if (this.stopped) return;
    this.dirty.add(tenantId);
    if (this.running.has(tenantId)) return;
    const run = inBackground(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      try {
        while (this.dirty.delete(tenantId)) {
          // Under load every server's receipts poke it several times a second: while another
          // server's lease is known live, waking the holder is all a look would end in.
          if ((this.heldElsewhere.get(tenantId) ?? 0) > Date.now()) {
            await this.wakeHolder(tenantId);
            continue;
          }
          const r = await this.integrateTenant(tenantId);
          if (r.skipped === true) {
            this.heldElsewhere.set(tenantId, Date.now() + Math.min(r.heldForMs ?? 0, HELD_ELSEWHERE_MS));
            this.awaitingCheckpoint.delete(tenantId);
            await this.wakeHolder(tenantId);
            continue;
          }
          this.heldElsewhere.delete(tenantId);
          // A full batch may have left more queued: look again. Receipts committed meanwhile poke anew.
          if (r.more) this.dirty.add(tenantId);
          if (r.size > r.checkpointSize) this.awaitingCheckpoint.add(tenantId);
          else this.awaitingCheckpoint.delete(tenantId);
        }
      } catch (err) {
        this.o.signals?.evidenceWriteFailures.inc({ kind: 'ledger' });
        this.o.log.error({ err, tenant_id: tenantId }, 'ledger integration failed; retried on the next tick');
        this.dirty.add(tenantId);
      } finally {
        this.running.delete(tenantId);
      }
    });
    this.running.set(tenantId, run);
  }

  /**
   * Background work: catches up every tenant once, then integrates what is queued and cuts
   * time-based checkpoints on a timer, and whenever another server wakes it for a tenant it holds.
   */
  async start(tickMs = Math.min(this.o.checkpointIntervalMs, 1_000)): Promise<void> {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => void inBackground(() => this.tick()), tickMs);
    this.timer.unref();
    void inBackground(() => this.catchUp());
    // Wake-ups only hasten work the timer finds anyway: without them (a database not reachable yet) it goes on.
    this.unlisten = await this.o.db.listen(LEDGER_CHANNEL, (tenantId) => this.nudge(tenantId), () => this.poke()).catch((err: unknown) => {
      this.o.log.warn({ err }, 'ledger wake-ups are off: the timer alone finds queued receipts');
      return undefined;
    });
  }

  /** Stops, waits for the steps in progress, finishes what it holds, and hands its leases back. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.dirty.clear();
    this.awaitingCheckpoint.clear();
    await this.unlisten?.().catch(() => undefined);
    this.unlisten = undefined;
    await Promise.allSettled([...this.running.values()]);
    await this.finishHeld(Date.now() + DRAIN_BUDGET_MS);
    for (const tenantId of this.leases.keys()) {
      // Expired now, not idle: another server looks at once in case receipts were left.
      await withTenantTransaction(this.o.db, tenantId, () => releaseLease(this.holder, false)).catch((err: unknown) =>
        this.o.log.warn({ err, tenant_id: tenantId }, 'ledger lease could not be released; it lapses by itself'),
      );
    }
    this.leases.clear();
  }

  /** Waits for the integration work already started. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  /** A receipt was committed somewhere: look at the queue soon (the pokes of a burst share one look). */
  poke(): void {
    if (this.poked) return;
    this.poked = true;
    setTimeout(() => {
      this.poked = false;
      void inBackground(() => this.tick());
    }, this.o.pokeDelayMs ?? POKE_DELAY_MS).unref();
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    try {
      const scans = await acrossDatabases(this.o.db, async (db) => [
        await withPlatformTransaction(db, async () => ({
          pending: await currentTx().query<{ tenant_id: string }>('SELECT DISTINCT tenant_id FROM ledger_queue'),
          lapsed: await lapsedLeases(),
        })),
      ]);
      const pending = scans.flatMap((s) => s.pending);
      const lapsed = scans.flatMap((s) => s.lapsed);
      for (const r of pending) this.dirty.add(r.tenant_id);
      // A holder that died may have left leaves waiting for a time-based checkpoint.
      for (const tenantId of lapsed) {
        this.heldElsewhere.delete(tenantId);
        this.dirty.add(tenantId);
      }
      for (const tenantId of new Set([...this.dirty, ...this.awaitingCheckpoint])) this.nudge(tenantId);
    } catch (err) {
      this.o.log.error({ err }, 'ledger tick failed');
    }
  }

  // After a restart, leaves may wait for a time-based checkpoint: look at every tenant once.
  private async catchUp(): Promise<void> {
    try {
      const tenants = await withPlatformTransaction(this.o.db, () => currentTx().query<{ tenant_id: string }>('SELECT tenant_id FROM tenants'));
      for (const t of tenants) this.nudge(t.tenant_id);
    } catch (err) {
      this.o.log.error({ err }, 'ledger catch-up failed');
    }
  }

  /** Whether leaves past the last checkpoint call for a new one now: by count, by age, or on demand. */
  private checkpointDue(size: number, last: StoredCheckpoint | undefined, now: Date, force: boolean): boolean {
    const lastSize = last?.size ?? 0;
    return size > lastSize && (force || size - lastSize >= this.o.checkpointEvery || last === undefined || now.getTime() - last.createdAt.getTime() >= this.o.checkpointIntervalMs);
  }

  /** Draining: integrates and signs what is queued for the tenants this server holds, within the budget. */
  private async finishHeld(deadline: number): Promise<void> {
    for (const tenantId of this.leases.keys()) {
      try {
        while (Date.now() < deadline) {
          const r = await this.integrateTenant(tenantId);
          if (r.skipped === true || (r.integrated === 0 && r.size === r.checkpointSize)) break;
          if (r.integrated === 0) await this.integrateTenant(tenantId, { forceCheckpoint: true });
        }
      } catch (err) {
        this.o.log.warn({ err, tenant_id: tenantId }, 'ledger integration at shutdown failed; another server or the next start takes it over');
      }
    }
  }

  /** Tells the lease holder (on whichever server) that the tenant has receipts waiting. */
  private async wakeHolder(tenantId: string): Promise<void> {
    const now = Date.now();
    if (now - (this.woken.get(tenantId) ?? 0) < WAKE_INTERVAL_MS) return;
    this.woken.set(tenantId, now);
    await this.o.db.query('SELECT pg_notify($1, $2)', [LEDGER_CHANNEL, tenantId]);
  }

  /** A signed checkpoint over the tree at `size`, for the step to write. */
  private async cut(tenantId: string, size: number, rootHash: Uint8Array, now: Date): Promise<StoredCheckpoint> {
    const origin = ledgerOrigin(tenantId);
    const signer = await this.o.keys.signer(now);
    const note = signCheckpoint({ origin, size, rootHash }, [ed25519NoteSigner(origin, signer)]);
    return { size, rootHash: Buffer.from(rootHash), note, kid: signer.kid, createdAt: now };
  }

  private recordDelays(issued: string[], now: Date): void {
    for (const at of issued) {
      const delay = Math.max(0, now.getTime() - Date.parse(at));
      this.o.signals?.integrationDelay.observe(delay / 1000);
      this.stats.lastDelayMs = delay;
      if (delay > this.stats.maxDelayMs) this.stats.maxDelayMs = delay;
    }
    this.stats.integrated += issued.length;
  }
}
