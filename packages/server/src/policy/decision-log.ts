import type { Logger } from 'pino';
import { currentTenantId, currentTx } from '../context.ts';
import { mirrorDecisionsStatements } from '../graph/mirror.ts';
import type { Database } from '../db/database.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import { batchAtCommit, runBatchCounting, type Statement } from '../db/statement.ts';
import { BACKGROUND_SLICE_ROWS, inBackground } from '../db/work-priority.ts';
import { usageEventsStatement } from '../finops/usage-events.ts';
import { storedFormsOf } from '../identity/actor-pseudonyms.ts';
import { systemClock, type Clock } from '../util/clock.ts';
import type { Bundle } from './bundle.ts';
import type { BundleArchive } from './bundle-archive.ts';
import { pseudonymousDecisions, shownDecisions } from './decision-pseudonyms.ts';
import { openDecisionInputs } from './sealed-decision-input.ts';

/** One logged decision, in the columns of `policy_decisions` (input already masked). */
export interface DecisionRecord {
  decision_id: string;
  tenant_id: string;
  timestamp: string;
  actor: string | null;
  action: string | null;
  allow: boolean;
  reasons: string[];
  bundle_hash: string;
  path: string;
  input: unknown;
  result: unknown;
  latency_ns: number;
  /** The decision service that made the decision; absent or null for this server's own. */
  source?: string | null;
  /** OPA's error object, for an evaluation that failed. */
  error?: unknown;
}

export interface DecisionFilter {
  from?: string | undefined;
  to?: string | undefined;
  action?: string | undefined;
  subject?: string | undefined;
  allow?: boolean | undefined;
  limit: number;
}

interface PendingDecision {
  record: DecisionRecord;
  bundle: Bundle;
}

/**
 * Collects decisions in memory and writes them per tenant in batches, off the request path: on a
 * short timer, when a batch is full, and on close (so a graceful shutdown loses none). The bundles
 * they cite are archived just before them (a denied request's own transaction is rolled back).
 */
export class DecisionLogWriter {
  private pending: PendingDecision[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
    private readonly archive: BundleArchive,
    private readonly options: { flushMs: number; maxBatch: number } = { flushMs: 250, maxBatch: 500 },
    private readonly clock: Clock = systemClock,
  ) {}

  /** Queues a decision made with `bundle` (the one its `bundle_hash` names). */
  append(bundle: Bundle, record: DecisionRecord): void {
    this.pending.push({ record, bundle });
    if (this.pending.length >= this.options.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.options.flushMs).unref();
  }

  /** Writes everything appended so far; resolves once it is stored. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    // Batches are written one after another, so a flush also waits for those before it.
    this.writing = this.writing.then(() => inBackground(() => this.write(batch)));
    return this.writing;
  }

  private async write(batch: PendingDecision[]): Promise<void> {
    const byTenant = new Map<string, PendingDecision[]>();
    for (const p of batch) {
      const pending = byTenant.get(p.record.tenant_id);
      if (pending === undefined) byTenant.set(p.record.tenant_id, [p]);
      else pending.push(p);
    }
    for (const [tenant, pending] of byTenant) {
      // On a database of one connection a tenant's decisions go in slices, each a short transaction a request may come before.
      const slice = this.db.engine === 'pglite' ? BACKGROUND_SLICE_ROWS : pending.length;
      for (let from = 0; from < pending.length; from += slice) await this.writeTenant(tenant, pending.slice(from, from + slice));
    }
  }

  private async writeTenant(tenant: string, pending: PendingDecision[]): Promise<void> {
    const records = pending.map((p) => p.record);
    const bundles = new Map(pending.map((p) => [p.bundle.hash, p.bundle]));
    const at = new Date(records[0]!.timestamp);
    try {
      // Each bundle not yet known stored is archived first, in a transaction that holds nothing
      // else; then the decisions. A request archives its bundle early and writes its decision's
      // graph entity at commit, so one transaction holding both a decision and a bundle could
      // wait on a request in a circle. Committed first, the bundle is stored before any decision
      // citing it.
      for (const bundle of bundles.values()) {
        if (!this.archive.knows(tenant, bundle.hash)) await withTenantTransaction(this.db, tenant, () => this.archive.keep(bundle, at));
      }
      await withTenantTransaction(this.db, tenant, () => insertDecisionsAtCommit(records, this.clock.now()));
    } catch (error) {
      this.log.error({ err: error, tenant_id: tenant, decisions: records.length }, 'decision log write failed');
    }
  }
}

/**
 * Inserts decisions of the current tenant; one already logged (a retried upload) is skipped.
 * Returns how many were new.
 */
export async function insertDecisions(given: DecisionRecord[], recordedAt: Date): Promise<number> {
  const statements = await decisionStatements(given, recordedAt);
  return statements.length === 0 ? 0 : runBatchCounting(statements);
}

/**
 * Inserts decisions of the current tenant as the transaction's last statement, sent with its
 * COMMIT: the log written in the background needs no count, so it saves the round trip.
 */
async function insertDecisionsAtCommit(given: DecisionRecord[], recordedAt: Date): Promise<void> {
  batchAtCommit(await decisionStatements(given, recordedAt));
}

/**
 * The statements that log decisions: column arrays through unnest, about three times faster than
 * rows of JSON. Each decision is metered (a `policy_decision` usage event keyed by its id) in the
 * same statement, so a decision is logged and counted together or not at all. People are stored
 * by pseudonym (ADR 0029), looked up first.
 */
async function decisionStatements(given: DecisionRecord[], recordedAt: Date): Promise<Statement[]> {
  const records = await pseudonymousDecisions(given, recordedAt);
  const column = <T>(f: (r: DecisionRecord) => T): T[] => records.map(f);
  const decisions: Statement = {
    sql: `INSERT INTO policy_decisions (tenant_id, decision_id, "timestamp", actor, action, allow, reasons, bundle_hash, path, input, result, latency_ns, source, error)
       SELECT $1, * FROM unnest($2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::boolean[], $7::jsonb[], $8::text[], $9::text[],
         $10::jsonb[], $11::jsonb[], $12::bigint[], $13::text[], $14::jsonb[])
       ON CONFLICT (tenant_id, decision_id) DO NOTHING`,
    params: [
      currentTenantId(),
      column((r) => r.decision_id),
      column((r) => r.timestamp),
      column((r) => r.actor),
      column((r) => r.action),
      column((r) => r.allow),
      column((r) => JSON.stringify(r.reasons)),
      column((r) => r.bundle_hash),
      column((r) => r.path),
      column((r) => JSON.stringify(r.input)),
      column((r) => JSON.stringify(r.result)),
      column((r) => r.latency_ns),
      column((r) => r.source ?? null),
      column((r) => (r.error === undefined || r.error === null ? null : JSON.stringify(r.error))),
    ],
  };
  const usage = usageEventsStatement(
    records.map((r) => ({
      meter: 'policy_decision',
      quantity: 1,
      idempotencyKey: `decision:${r.decision_id}`,
      occurredAt: new Date(r.timestamp),
      subject: r.actor,
      source: r.source ?? 'server',
      action: r.action ?? r.path,
      properties: { package: r.path, allow: r.allow },
    })),
    recordedAt,
  );
  // The decisions, their usage events and their graph entities (each a PolicyDecision governed by
  // its bundle's Policy entity) are one statement: one round trip per batch.
  return records.length === 0 ? [] : [decisions, usage, ...mirrorDecisionsStatements(records)];
}

/**
 * The current tenant's logged decisions, newest first, sealed rationales opened and people shown.
 * A filter by subject matches its id (older records) and its live pseudonym.
 */
export async function listDecisions(f: DecisionFilter): Promise<DecisionRecord[]> {
  const actors = f.subject === undefined ? null : await storedFormsOf([f.subject]);
  const rows = await currentTx().query<DecisionRecord & { timestamp: Date; latency_ns: string | number }>(
    `SELECT decision_id, tenant_id, "timestamp", actor, action, allow, reasons, bundle_hash, path, input, result, latency_ns, source, error
     FROM policy_decisions
     WHERE tenant_id = $1 AND ($2::timestamptz IS NULL OR "timestamp" >= $2) AND ($3::timestamptz IS NULL OR "timestamp" < $3)
       AND ($4::text IS NULL OR action = $4) AND ($5::text[] IS NULL OR actor = ANY($5::text[])) AND ($6::boolean IS NULL OR allow = $6)
     ORDER BY "timestamp" DESC, decision_id DESC LIMIT $7`,
    [currentTenantId(), f.from ?? null, f.to ?? null, f.action ?? null, actors, f.allow ?? null, f.limit],
  );
  return shownDecisions(await openDecisionInputs(rows.map((r) => ({ ...r, decision_id: String(r.decision_id), timestamp: new Date(r.timestamp).toISOString(), latency_ns: Number(r.latency_ns) }))));
}
