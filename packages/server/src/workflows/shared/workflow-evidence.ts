import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { auditEventRecord, bundleRecord, decisionRecord, provenReceipts } from '../../audit/export-sources.ts';
import { currentTenantId, currentTx } from '../../context.ts';
import { writePack, type AuditEventRecord, type BundleRecord, type DecisionRecord, type PackManifest, type ReceiptRecord } from '../../evidence/index.ts';
import type { MeterReadingRecord, UsageEventRecord } from '../../evidence/records.ts';
import { Problem } from '../../http/problem.ts';
import { ledgerServices } from '../../ledger/ledger-runtime.ts';
import { findCheckpoint } from '../../ledger/ledger-store.ts';
import type { ReceiptEntry } from '../../ledger/receipt-format.ts';
import { RawReply } from '../../pipeline/define-action.ts';

// The evidence pack of one workflow instance, in the audit export's format: the audit events
// naming it (its history with every rationale and snapshot), its receipts proven against the
// newest checkpoint, the logged decisions of those receipts' requests and the policy bundles they
// cite. Small enough to be written in the action's transaction.

/** How soon a checkpoint covers a new receipt when the ledger integrates in the background. */
const CHECKPOINT_RETRY_S = 5;

export interface WorkflowPackSubject {
  /** The audit and receipt targets the instance is known by (a deal spans its lead, opportunity, quotes and contract). */
  targets: string[];
  /** The actions of the instance's steps: a receipt of one of them not yet under a checkpoint makes the pack wait. */
  stepActions: Set<string>;
  /** When the instance began (the pack's window starts there at the latest). */
  since: string;
  /**
   * Only the steps' receipts and audit events, not those of later reads: the same instance then
   * gives the same records, however often it was looked at.
   */
  stepsOnly?: boolean;
  /**
   * The usage behind the subject (an invoice's), carried in the pack's usage files; `until` is
   * where the usage's window ends. The events are read as the pack is written (there may be millions).
   */
  usage?: { meter_readings: MeterReadingRecord[]; usage_events: AsyncIterable<UsageEventRecord>; until: string };
}

export interface WorkflowPack {
  bytes: Buffer;
  manifest: PackManifest;
}

const retryLater = (detail: string) => new Problem('conflict', detail, { retry_after: CHECKPOINT_RETRY_S }, { 'retry-after': String(CHECKPOINT_RETRY_S) });

/**
 * The receipts naming the instance, integrated under the checkpoint of `size`. A step whose
 * receipt is not under it yet makes the pack wait (a 409 to retry): a pack missing a step would
 * not be evidence. Later reads are simply left out.
 */
async function receiptRecords(s: WorkflowPackSubject, size: number): Promise<ReceiptRecord[]> {
  const rows = await currentTx().query<{ i: number | null; body: ReceiptEntry }>(
    `SELECT l.leaf_index::float8 AS i, r.body FROM receipts r LEFT JOIN ledger_leaves l ON l.tenant_id = r.tenant_id AND l.receipt_id = r.receipt_id
     WHERE r.tenant_id = $1 AND r.target = ANY($2) ORDER BY l.leaf_index NULLS LAST, r.issued_at`,
    [currentTenantId(), s.targets],
  );
  const pending = rows.filter((row) => (row.i === null || row.i >= size) && s.stepActions.has(row.body.action));
  if (pending.length > 0) throw retryLater(`receipt ${pending[0]!.body.receipt_id} (${pending[0]!.body.action}) is not yet under a checkpoint; retry shortly`);
  const proven = rows.filter((row): row is { i: number; body: ReceiptEntry } => row.i !== null && row.i < size && (s.stepsOnly !== true || s.stepActions.has(row.body.action)));
  return provenReceipts(proven, size);
}

async function auditRecords(s: WorkflowPackSubject): Promise<AuditEventRecord[]> {
  const rows = await currentTx().query<AuditEventRecord & { occurred_at: Date | string }>(
    `SELECT event_id, tenant_id, occurred_at, type, actor, action, target, decision, reasons, request_id, details FROM audit_events
     WHERE tenant_id = $1 AND target = ANY($2) ORDER BY occurred_at, event_id`,
    [currentTenantId(), s.targets],
  );
  return rows.filter((e) => s.stepsOnly !== true || (e.action !== null && s.stepActions.has(e.action))).map(auditEventRecord);
}

/** The logged decisions of the requests (API calls) the receipts record. */
async function decisionRecords(requestIds: string[]): Promise<DecisionRecord[]> {
  const rows = await currentTx().query<DecisionRecord & { timestamp: Date | string; latency_ns: string | number }>(
    `SELECT decision_id, tenant_id, "timestamp", actor, action, allow, reasons, bundle_hash, path, input, result, latency_ns FROM policy_decisions
     WHERE tenant_id = $1 AND input->'context'->>'request_id' = ANY($2) ORDER BY "timestamp", decision_id`,
    [currentTenantId(), requestIds],
  );
  return rows.map(decisionRecord);
}

/** Every bundle a decision or receipt cites. */
async function bundleRecords(hashes: Set<string>): Promise<BundleRecord[]> {
  const records: BundleRecord[] = [];
  for (const hash of [...hashes].sort()) records.push(await bundleRecord(hash));
  return records;
}

/** Writes the instance's pack, dated `now`, signed with the tenant's key. */
export async function workflowPack(s: WorkflowPackSubject, now: Date): Promise<WorkflowPack> {
  const checkpoint = await findCheckpoint();
  if (checkpoint === undefined) throw retryLater('the tenant ledger has no checkpoint yet; retry shortly');
  const receipts = await receiptRecords(s, checkpoint.size);
  const audit = await auditRecords(s);
  const decisions = await decisionRecords([...new Set(receipts.flatMap((x) => x.receipt.request_id ?? []))]);
  const bundles = await bundleRecords(new Set([...decisions.map((d) => d.bundle_hash), ...receipts.map((x) => x.receipt.bundle_hash)]));
  // The window spans the records: from the instance's start to just after the last of them.
  const times = [s.since, ...(s.usage === undefined ? [] : [new Date(Date.parse(s.usage.until) - 1).toISOString()]), ...receipts.map((x) => x.receipt.issued_at), ...audit.map((e) => e.occurred_at), ...decisions.map((d) => d.timestamp)].map(Date.parse);
  const window = { from: new Date(Math.min(...times)).toISOString(), to: new Date(Math.max(...times) + 1).toISOString() };
  const { keys } = ledgerServices();
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const manifest = await writePack(out, {
    tenant: currentTenantId(),
    window,
    sources: { bundles, decisions, receipts, audit_events: audit, ...(s.usage === undefined ? {} : { meter_readings: s.usage.meter_readings, usage_events: s.usage.usage_events }) },
    signer: await keys.signer(now),
    jwks: await keys.jwks(),
    checkpoint: checkpoint.note,
    clock: { now: () => now },
  });
  return { bytes: Buffer.concat(chunks), manifest };
}

/** A pack as the API sends it: a download named `filename`, with its SHA-256 for the client to check. */
export function packReply(pack: WorkflowPack, filename: string): RawReply {
  return new RawReply(pack.bytes, {
    'content-type': 'application/gzip',
    'content-disposition': `attachment; filename="${filename}"`,
    'x-pack-sha256': createHash('sha256').update(pack.bytes).digest('hex'),
  });
}
