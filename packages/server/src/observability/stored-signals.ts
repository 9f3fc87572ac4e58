import { Gauge, type Registry } from 'prom-client';
import { currentTx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { acrossDatabases } from '../db/region-router.ts';
import { withPlatformTransaction, withTenantTransaction } from '../db/tenant-tx.ts';
import type { Clock } from '../util/clock.ts';
import { allowedWithoutReceipt } from './receipt-absent.ts';

/** A receipt not in its tenant's ledger this long after it was issued counts as missing (the completeness SLO). */
export const RECEIPT_DEADLINE_S = 60;
/** Allowed actions are checked for their receipt over this window (the SLO window). */
const RECEIPT_AUDIT_WINDOW_MS = 7 * 86_400_000;

export interface StoredState {
  jobs: Array<{ kind: string; status: string; count: number }>;
  oldestQueuedJobS: number;
  queuedReceipts: number;
  oldestQueuedReceiptS: number;
  /** Receipts past the deadline without a leaf, by action. */
  unintegrated: Map<string, number>;
  /** Allowed actions whose receipt row is absent, by action. */
  absent: Map<string, number>;
  /** Seconds since the last checkpoint of the tenant that has waited longest for one (0: none waits). */
  checkpointAgeS: number;
}

type At = Date | string | null;

const earliest = (times: At[]): At => times.reduce<At>((min, t) => (t === null ? min : min === null || new Date(t) < new Date(min) ? t : min), null);

interface Scan {
  jobs: StoredState['jobs'];
  oldestJob: At;
  queue: { n: number; oldest: At };
  late: Array<{ tenant_id: string; receipt_id: string }>;
  waiting: At;
  tenants: string[];
}

/** The scans of several databases as one: counts added, the oldest times kept, each tenant once (the registry repeats region tenants). */
function joinScans(scans: Scan[]): Scan {
  const jobs = new Map<string, StoredState['jobs'][number]>();
  for (const j of scans.flatMap((s) => s.jobs)) {
    const key = `${j.kind}\u0000${j.status}`;
    jobs.set(key, { ...j, count: (jobs.get(key)?.count ?? 0) + j.count });
  }
  return {
    jobs: [...jobs.values()],
    oldestJob: earliest(scans.map((s) => s.oldestJob)),
    queue: { n: scans.reduce((n, s) => n + s.queue.n, 0), oldest: earliest(scans.map((s) => s.queue.oldest)) },
    late: scans.flatMap((s) => s.late),
    waiting: earliest(scans.map((s) => s.waiting)),
    tenants: [...new Set(scans.flatMap((s) => s.tenants))],
  };
}

const ageS = (now: Date, at: Date | string | null): number => (at === null ? 0 : Math.max(0, (now.getTime() - new Date(at).getTime()) / 1000));

/**
 * Reads the state behind the stored-state gauges. Platform scans see ids, times and sizes only
 * (jobs, the ledger queue, leaves and checkpoints); the receipt check runs per tenant, in that
 * tenant's own transaction.
 */
export async function readStoredState(db: Database, clock: Clock): Promise<StoredState> {
  const now = clock.now();
  // With a database per region, each holds its own tenants' jobs and ledgers: the scans are joined.
  const scans = await acrossDatabases(db, async (each) => [await withPlatformTransaction(each, async () => {
    const tx = currentTx();
    const jobs = await tx.query<{ kind: string; status: string; count: number }>(
      `SELECT kind, status, count(*)::int AS count FROM jobs WHERE status IN ('queued', 'running', 'failed') GROUP BY kind, status`,
    );
    const [oldestJob] = await tx.query<{ at: Date | string | null }>(`SELECT min(due_at) AS at FROM jobs WHERE status = 'queued' AND due_at <= $1`, [now.toISOString()]);
    const [queue] = await tx.query<{ n: number; oldest: Date | string | null }>('SELECT count(*)::int AS n, min(queued_at) AS oldest FROM ledger_queue');
    const late = await tx.query<{ tenant_id: string; receipt_id: string }>('SELECT tenant_id, receipt_id FROM ledger_queue WHERE queued_at < $1', [
      new Date(now.getTime() - RECEIPT_DEADLINE_S * 1000).toISOString(),
    ]);
    // Tenants whose log has grown past its newest checkpoint (or has none yet), with that checkpoint's time.
    const [waiting] = await tx.query<{ oldest: Date | string | null }>(
      `SELECT min(coalesce(c.created_at, 'epoch'::timestamptz)) AS oldest
       FROM (SELECT tenant_id, max(leaf_index) + 1 AS size FROM ledger_leaves GROUP BY tenant_id) l
       LEFT JOIN (SELECT tenant_id, max(tree_size) AS size, max(created_at) AS created_at FROM ledger_checkpoints GROUP BY tenant_id) c
         ON c.tenant_id = l.tenant_id
       WHERE c.size IS NULL OR l.size > c.size`,
    );
    const tenants = await tx.query<{ tenant_id: string }>('SELECT tenant_id FROM tenants');
    return { jobs, oldestJob: oldestJob?.at ?? null, queue: queue!, late, waiting: waiting?.oldest ?? null, tenants: tenants.map((t) => t.tenant_id) };
  })]);
  const scan = joinScans(scans);

  const unintegrated = new Map<string, number>();
  const absent = new Map<string, number>();
  const lateByTenant = new Map<string, string[]>();
  for (const r of scan.late) lateByTenant.set(r.tenant_id, [...(lateByTenant.get(r.tenant_id) ?? []), r.receipt_id]);
  const since = new Date(now.getTime() - RECEIPT_AUDIT_WINDOW_MS).toISOString();
  for (const tenantId of scan.tenants) {
    const late = lateByTenant.get(tenantId) ?? [];
    await withTenantTransaction(db, tenantId, async () => {
      const tx = currentTx();
      if (late.length > 0) {
        const rows = await tx.query<{ action: string; n: number }>(
          'SELECT action, count(*)::int AS n FROM receipts WHERE tenant_id = $1 AND receipt_id = ANY ($2::uuid[]) GROUP BY action',
          [tenantId, late],
        );
        for (const r of rows) unintegrated.set(r.action, (unintegrated.get(r.action) ?? 0) + r.n);
      }
      // Every allowed action names the receipt written with it; one that is gone is lost evidence.
      const rows = await tx.query<{ action: string; n: number }>(
        `SELECT m.action, count(*)::int AS n FROM ${allowedWithoutReceipt('a.tenant_id = $1 AND a.occurred_at > $2')} m GROUP BY m.action`,
        [tenantId, since],
      );
      for (const r of rows) absent.set(r.action, (absent.get(r.action) ?? 0) + r.n);
    });
  }
  return {
    jobs: scan.jobs,
    oldestQueuedJobS: ageS(now, scan.oldestJob),
    queuedReceipts: scan.queue.n,
    oldestQueuedReceiptS: ageS(now, scan.queue.oldest),
    unintegrated,
    absent,
    checkpointAgeS: ageS(now, scan.waiting),
  };
}

/**
 * Gauges of stored state, read from the database when scraped, at most once per `sampleMs`
 * (scrapes in between see the last reading): a fleet's servers all report the same totals.
 */
export function registerStoredSignals(registry: Registry, o: { db: Database; clock: Clock; sampleMs: number; onError: (err: unknown) => void }): void {
  let last: { at: number; state: Promise<StoredState | undefined> } | undefined;
  const read = (): Promise<StoredState | undefined> => {
    const at = Date.now();
    if (last === undefined || at - last.at >= o.sampleMs) {
      const state = readStoredState(o.db, o.clock).catch((err: unknown) => {
        o.onError(err);
        return undefined;
      });
      last = { at, state };
    }
    return last.state;
  };
  const registers = [registry];
  const gauge = (name: string, help: string, labelNames: string[], fill: (g: Gauge, s: StoredState) => void) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers,
      async collect() {
        const state = await read();
        // An unreadable database leaves the series out rather than reporting stale or zero values.
        this.reset();
        if (state !== undefined) fill(this, state);
      },
    });

  gauge('companyos_jobs', 'Durable jobs by kind and status (queued, running, failed)', ['kind', 'status'], (g, s) => {
    for (const status of ['queued', 'running', 'failed']) g.set({ kind: 'all', status }, 0);
    for (const j of s.jobs) {
      g.set({ kind: j.kind, status: j.status }, j.count);
      g.inc({ kind: 'all', status: j.status }, j.count);
    }
  });
  gauge('companyos_jobs_oldest_queued_age_seconds', 'How long the oldest due job has waited to run', [], (g, s) => g.set(s.oldestQueuedJobS));
  gauge('companyos_ledger_queue_receipts', 'Committed receipts waiting for their leaf in the tenant ledger', [], (g, s) => g.set(s.queuedReceipts));
  gauge('companyos_ledger_queue_oldest_age_seconds', 'Age of the oldest receipt waiting for its leaf', [], (g, s) => g.set(s.oldestQueuedReceiptS));
  gauge('companyos_ledger_checkpoint_age_seconds', 'Age of the newest checkpoint of the tenant whose log has waited longest for one', [], (g, s) =>
    g.set(s.checkpointAgeS),
  );
  gauge(
    'companyos_receipts_missing',
    `Privileged actions without their receipt: absent (the receipt row is gone) or unintegrated (not in the ledger ${RECEIPT_DEADLINE_S} s after issue)`,
    ['action', 'reason'],
    (g, s) => {
      g.set({ action: 'all', reason: 'absent' }, 0);
      g.set({ action: 'all', reason: 'unintegrated' }, 0);
      for (const [reason, byAction] of [['absent', s.absent], ['unintegrated', s.unintegrated]] as const) {
        for (const [action, n] of byAction) {
          g.set({ action, reason }, n);
          g.inc({ action: 'all', reason }, n);
        }
      }
    },
  );
}
