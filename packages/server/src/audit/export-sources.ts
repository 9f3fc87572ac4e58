import { currentTenantId, currentTx } from '../context.ts';
import type { AuditEventRecord, BundleRecord, DecisionRecord, PackFilters, PackWindow, ReceiptRecord } from '../evidence/index.ts';
import { DbNodeStore } from '../ledger/db-node-store.ts';
import type { NodeKey, NodeReader } from '../ledger/merkle/nodes.ts';
import { inclusionProof } from '../ledger/merkle/proofs.ts';
import { receiptLeafHash, type ReceiptEntry } from '../ledger/receipt-format.ts';
import { archivedBundle } from '../policy/bundle-archive.ts';

// The records of an export, read from the database in keyset-paged short transactions (memory
// stays flat and PGlite's one connection is never held for long), in a stable order so the same
// inputs always give the same pack.

export interface ExportQuery {
  window: PackWindow;
  filters: PackFilters;
  /** Only receipts with a leaf index below this size (the checkpoint they are proven against). */
  checkpointSize: number;
}

/** Runs a page query in a transaction of the export's tenant. */
export type InTx = <T>(fn: () => Promise<T>) => Promise<T>;

const PAGE = 2_000;
const b64 = (h: Uint8Array): string => Buffer.from(h).toString('base64');
const iso = (v: Date | string): string => new Date(v).toISOString();

/** Audit event rows as pack records: ids as text, times as ISO strings. */
export const auditEventRecord = (r: AuditEventRecord & { occurred_at: Date | string }): AuditEventRecord => ({ ...r, event_id: String(r.event_id), occurred_at: iso(r.occurred_at) });

/** Decision rows as pack records: ids as text, times as ISO strings, latency as a number. */
export const decisionRecord = (r: DecisionRecord & { timestamp: Date | string; latency_ns: string | number }): DecisionRecord => ({
  ...r,
  decision_id: String(r.decision_id),
  timestamp: iso(r.timestamp),
  latency_ns: Number(r.latency_ns),
});

/**
 * A cited bundle with its content, from the tenant's bundle archive (where every cited bundle is
 * stored by hash, the base bundle included). A hash not found there fails the pack: a decision
 * whose policy cannot be shown is not evidence.
 */
export async function bundleRecord(hash: string): Promise<BundleRecord> {
  const archived = await archivedBundle(hash);
  if (archived !== undefined) return { bundle_hash: hash, version: archived.version, files: archived.bundle.files };
  throw new Error(`the evidence cites policy bundle ${hash}, whose content is no longer available`);
}

/** Receipts at known leaf indexes, each with its inclusion proof under the checkpoint of `size`. */
export async function provenReceipts(rows: Array<{ i: number; body: ReceiptEntry }>, size: number): Promise<ReceiptRecord[]> {
  const proofs = await inclusionProofs(
    rows.map((r) => r.i),
    size,
  );
  return rows.map((r, k) => ({ receipt: r.body, leaf_index: r.i, leaf_hash: b64(receiptLeafHash(r.body)), inclusion_proof: proofs[k]!.map(b64) }));
}

/** Filter parameters shared by every query: $1 tenant, $2-$3 window, $4 actors, $5 actions. */
function baseParams(q: ExportQuery): unknown[] {
  return [currentTenantId(), q.window.from, q.window.to, q.filters.actors ?? null, q.filters.actions ?? null];
}

/** A page of records and the keyset position of its last row (as the database holds it). */
interface Page<T, C> {
  records: T[];
  last: C | undefined;
}

async function* paged<T, C>(tx: InTx, fetch: (after: C | undefined) => Promise<Page<T, C>>): AsyncGenerator<T> {
  let after: C | undefined;
  for (;;) {
    const page = await tx(() => fetch(after));
    yield* page.records;
    if (page.records.length < PAGE || page.last === undefined) return;
    after = page.last;
  }
}

/** Rows carry their time as text too: an ISO string keeps milliseconds, the database microseconds. */
function timePage<R extends { at_text: string }, T>(rows: R[], id: (r: R) => string, record: (r: R) => T): Page<T, [string, string]> {
  const last = rows.at(-1);
  return { records: rows.map(record), last: last === undefined ? undefined : [last.at_text, id(last)] };
}

const auditWhere = `tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3 AND ($4::text[] IS NULL OR actor = ANY($4)) AND ($5::text[] IS NULL OR action = ANY($5))
  AND ($6::text IS NULL OR decision = $6)`;
const decisionWhere = `tenant_id = $1 AND "timestamp" >= $2 AND "timestamp" < $3 AND ($4::text[] IS NULL OR actor = ANY($4)) AND ($5::text[] IS NULL OR action = ANY($5))
  AND ($6::boolean IS NULL OR allow = $6)`;
const receiptWhere = `r.tenant_id = $1 AND r.issued_at >= $2 AND r.issued_at < $3 AND ($4::text[] IS NULL OR r.actor = ANY($4)) AND ($5::text[] IS NULL OR r.action = ANY($5))
  AND ($6::text IS NULL OR r.body->>'decision' = $6) AND l.leaf_index < $7`;

// The keyset always has a position (the window start before the first page) and repeats it as a
// plain bound, so each page is an index range scan starting where the previous one ended.
const start = (q: ExportQuery): [string, string] => [q.window.from, '00000000-0000-0000-0000-000000000000'];

const auditOutcome = (q: ExportQuery) => (q.filters.outcome === undefined ? null : q.filters.outcome === 'allowed' ? 'allow' : 'deny');
const decisionOutcome = (q: ExportQuery) => (q.filters.outcome === undefined ? null : q.filters.outcome === 'allowed');

export function auditEventSource(tx: InTx, q: ExportQuery): AsyncGenerator<AuditEventRecord> {
  return paged(
    tx,
    async (after: [string, string] | undefined) => {
      const rows = await currentTx().query<AuditEventRecord & { occurred_at: Date | string; at_text: string }>(
        `SELECT event_id, tenant_id, occurred_at, occurred_at::text AS at_text, type, actor, action, target, decision, reasons, request_id, details FROM audit_events
         WHERE ${auditWhere} AND occurred_at >= $7 AND (occurred_at, event_id) > ($7, $8::uuid)
         ORDER BY occurred_at, event_id LIMIT ${PAGE}`,
        [...baseParams(q), auditOutcome(q), ...(after ?? start(q))],
      );
      return timePage(
        rows,
        (r) => String(r.event_id),
        ({ at_text: _, ...r }) => auditEventRecord(r),
      );
    },
  );
}

export function decisionSource(tx: InTx, q: ExportQuery): AsyncGenerator<DecisionRecord> {
  return paged(
    tx,
    async (after: [string, string] | undefined) => {
      const rows = await currentTx().query<DecisionRecord & { timestamp: Date | string; latency_ns: string | number; at_text: string }>(
        `SELECT decision_id, tenant_id, "timestamp", "timestamp"::text AS at_text, actor, action, allow, reasons, bundle_hash, path, input, result, latency_ns FROM policy_decisions
         WHERE ${decisionWhere} AND "timestamp" >= $7 AND ("timestamp", decision_id) > ($7, $8::uuid)
         ORDER BY "timestamp", decision_id LIMIT ${PAGE}`,
        [...baseParams(q), decisionOutcome(q), ...(after ?? start(q))],
      );
      return timePage(
        rows,
        (r) => String(r.decision_id),
        ({ at_text: _, ...r }) => decisionRecord(r),
      );
    },
  );
}

/** The bundles the matching decisions cite, with their content. */
export async function* bundleSource(tx: InTx, q: ExportQuery): AsyncGenerator<BundleRecord> {
  const hashes = await tx(() =>
    currentTx().query<{ bundle_hash: string }>(`SELECT DISTINCT bundle_hash FROM policy_decisions WHERE ${decisionWhere} ORDER BY bundle_hash`, [
      ...baseParams(q),
      decisionOutcome(q),
    ]),
  );
  for (const { bundle_hash: hash } of hashes) yield await tx(() => bundleRecord(hash));
}

export function receiptSource(tx: InTx, q: ExportQuery): AsyncGenerator<ReceiptRecord> {
  return paged(
    tx,
    async (after: number | undefined) => {
      const rows = await currentTx().query<{ i: number; body: ReceiptEntry }>(
        `SELECT l.leaf_index::float8 AS i, r.body FROM receipts r JOIN ledger_leaves l ON l.tenant_id = r.tenant_id AND l.receipt_id = r.receipt_id
         WHERE ${receiptWhere} AND l.leaf_index > $8 ORDER BY l.leaf_index LIMIT ${PAGE}`,
        [...baseParams(q), q.filters.outcome === undefined ? null : q.filters.outcome === 'allowed' ? 'allow' : 'deny', q.checkpointSize, after ?? -1],
      );
      return { records: await provenReceipts(rows, q.checkpointSize), last: rows.at(-1)?.i };
    },
  );
}

/** Matching records per file, for progress. */
export async function countRecords(q: ExportQuery): Promise<number> {
  const rows = await currentTx().query<{ n: number }>(
    `SELECT (SELECT count(*) FROM audit_events WHERE ${auditWhere})::float8
          + (SELECT count(*) FROM policy_decisions WHERE ${decisionWhere.replaceAll('$6', '$7')})::float8
          + (SELECT count(*) FROM receipts r JOIN ledger_leaves l ON l.tenant_id = r.tenant_id AND l.receipt_id = r.receipt_id
             WHERE ${receiptWhere.replace('$7', '$8')})::float8 AS n`,
    [...baseParams(q), auditOutcome(q), decisionOutcome(q), q.checkpointSize],
  );
  return rows[0]!.n;
}

const ZERO = new Uint8Array(32);
const keyOf = (k: NodeKey): string => `${k.level}:${k.index}`;

/**
 * Inclusion proofs for a page of leaves with one read of the node table: a first pass records
 * which nodes the proofs need (neighbouring leaves share most of them), a second computes them.
 */
async function inclusionProofs(indexes: number[], size: number): Promise<Uint8Array[][]> {
  const wanted = new Map<string, NodeKey>();
  const recorder: NodeReader = {
    getNodes: async (keys) => {
      for (const k of keys) wanted.set(keyOf(k), k);
      return keys.map(() => ZERO);
    },
  };
  for (const i of indexes) await inclusionProof(recorder, i, size);
  const keys = [...wanted.values()];
  const hashes = await new DbNodeStore().getNodes(keys);
  const nodes = new Map(keys.map((k, i) => [keyOf(k), hashes[i]]));
  const reader: NodeReader = { getNodes: async (ks) => ks.map((k) => nodes.get(keyOf(k))) };
  return Promise.all(indexes.map((i) => inclusionProof(reader, i, size)));
}
