import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { withPlatformTransaction, withTenantTransaction } from '../db/tenant-tx.ts';
import { currentTx } from '../context.ts';
import type { TenantKeys } from '../keys/tenant-keys.ts';
import { lockTenant } from '../db/tenant-locks.ts';
import type { Clock } from '../util/clock.ts';
import { ed25519NoteSigner } from './checkpoint/ed25519-note-keys.ts';
import { signCheckpoint } from './checkpoint/signed-checkpoint.ts';
import { DbNodeStore } from './db-node-store.ts';
import { findCheckpoint, insertCheckpoint, queuedReceipts, recordLeaves, treeSize, type StoredCheckpoint } from './ledger-store.ts';
import { appendLeaves, frontierRoot, readFrontier } from './merkle/frontier.ts';
import { rootAt } from './merkle/proofs.ts';
import { ledgerOrigin } from './origin.ts';
import { receiptLeafHash } from './receipt-format.ts';

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
   * How long a poke waits before looking at the queue (default 50 ms): under load the receipts of
   * many requests share one integration instead of each paying for its own.
   */
  pokeDelayMs?: number;
}

export interface IntegrationResult {
  integrated: number;
  /** The batch was full: more receipts may be queued. */
  more: boolean;
  size: number;
  /** Tree size of the newest checkpoint after the step. */
  checkpointSize: number;
  checkpoint?: StoredCheckpoint;
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
 * transactions of its own after the actions committed. All state is in the database; a
 * per-tenant advisory lock makes concurrent integrators (several processes) take turns.
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

  constructor(private readonly o: IntegratorOptions) {}

  /** One integration step for a tenant: at most one batch, and a checkpoint when one is due. */
  async integrateTenant(tenantId: string, options: { forceCheckpoint?: boolean } = {}): Promise<IntegrationResult> {
    let issued: string[] = [];
    const now = this.o.clock.now();
    const result = await withTenantTransaction(this.o.db, tenantId, async (): Promise<IntegrationResult> => {
      await lockTenant('ledger');
      let size = await treeSize();
      const last = await findCheckpoint();
      const lastSize = last?.size ?? 0;
      const every = this.o.checkpointEvery;
      // A batch stops at the next multiple of `every`, so a log that catches up still gets a
      // checkpoint every `every` leaves.
      const room = every - ((size - lastSize) % every);
      const limit = Math.min(room, this.o.batchLimit ?? 5_000);
      const queued = await queuedReceipts(limit);
      const more = queued.length === limit;
      let root: Uint8Array | undefined;
      if (queued.length > 0) {
        const appended = appendLeaves(await readFrontier(this.nodes, size), queued.map((q) => receiptLeafHash(q.entry)));
        await this.nodes.putNodes(appended.nodes);
        await recordLeaves(size, queued.map((q) => q.receiptId));
        size = appended.frontier.size;
        root = frontierRoot(appended.frontier);
        issued = queued.map((q) => q.entry.issued_at);
      }
      const due =
        size > lastSize &&
        (options.forceCheckpoint === true || size - lastSize >= every || last === undefined || now.getTime() - last.createdAt.getTime() >= this.o.checkpointIntervalMs);
      if (!due) return { integrated: queued.length, more, size, checkpointSize: lastSize };
      const checkpoint = await this.cut(tenantId, size, root ?? (await rootAt(this.nodes, size)), now);
      return { integrated: queued.length, more, size, checkpointSize: size, checkpoint };
    });
    // Counted once committed.
    this.recordDelays(issued, this.o.clock.now());
    if (result.checkpoint !== undefined) this.stats.checkpoints++;
    return result;
  }

  /** Integrates everything queued for the tenant and cuts a checkpoint over it (on demand). */
  async flush(tenantId: string): Promise<IntegrationResult> {
    let total = 0;
    for (;;) {
      const r = await this.integrateTenant(tenantId);
      total += r.integrated;
      if (r.integrated === 0) {
        const final = await this.integrateTenant(tenantId, { forceCheckpoint: true });
        return { ...final, integrated: total };
      }
    }
  }

  /** Asks for the tenant's queue to be integrated soon (after an action committed a receipt). */
  nudge(tenantId: string): void {
    if (this.stopped) return;
    this.dirty.add(tenantId);
    if (this.running.has(tenantId)) return;
    const run = (async () => {
      await new Promise((resolve) => setImmediate(resolve));
      try {
        while (this.dirty.delete(tenantId)) {
          const r = await this.integrateTenant(tenantId);
          // A full batch may have left more queued: look again. Receipts committed meanwhile poke anew.
          if (r.more) this.dirty.add(tenantId);
          if (r.size > r.checkpointSize) this.awaitingCheckpoint.add(tenantId);
          else this.awaitingCheckpoint.delete(tenantId);
        }
      } catch (err) {
        this.o.log.error({ err, tenant_id: tenantId }, 'ledger integration failed; retried on the next tick');
        this.dirty.add(tenantId);
      } finally {
        this.running.delete(tenantId);
      }
    })();
    this.running.set(tenantId, run);
  }

  /** Background work: catches up every tenant once, then cuts time-based checkpoints on a timer. */
  start(tickMs = Math.min(this.o.checkpointIntervalMs, 1_000)): void {
    if (this.timer !== undefined) return;
    void this.catchUp();
    this.timer = setInterval(() => void this.tick(), tickMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.dirty.clear();
    this.awaitingCheckpoint.clear();
    await Promise.allSettled([...this.running.values()]);
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
      void this.tick();
    }, this.o.pokeDelayMs ?? 50).unref();
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    try {
      const pending = await withPlatformTransaction(this.o.db, () => currentTx().query<{ tenant_id: string }>('SELECT DISTINCT tenant_id FROM ledger_queue'));
      for (const r of pending) this.dirty.add(r.tenant_id);
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

  private async cut(tenantId: string, size: number, rootHash: Uint8Array, now: Date): Promise<StoredCheckpoint> {
    const origin = ledgerOrigin(tenantId);
    const signer = await this.o.keys.signer(now);
    const note = signCheckpoint({ origin, size, rootHash }, [ed25519NoteSigner(origin, signer)]);
    const checkpoint: StoredCheckpoint = { size, rootHash: Buffer.from(rootHash), note, kid: signer.kid, createdAt: now };
    await insertCheckpoint(checkpoint);
    return checkpoint;
  }

  private recordDelays(issued: string[], now: Date): void {
    for (const at of issued) {
      const delay = Math.max(0, now.getTime() - Date.parse(at));
      this.stats.lastDelayMs = delay;
      if (delay > this.stats.maxDelayMs) this.stats.maxDelayMs = delay;
    }
    this.stats.integrated += issued.length;
  }
}
