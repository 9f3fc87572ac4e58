import { PassThrough } from 'node:stream';
import { currentTenantId, currentTx } from '../../context.ts';
import { writePack, type AuditEventRecord, type BundleRecord, type DecisionRecord, type PackManifest, type ReceiptRecord } from '../../evidence/index.ts';
import { Problem } from '../../http/problem.ts';
import { ledgerServices } from '../../ledger/ledger-runtime.ts';
import { findCheckpoint } from '../../ledger/ledger-store.ts';
import type { ReceiptEntry } from '../../ledger/receipt-format.ts';
import { auditEventRecord, bundleRecord, decisionRecord, provenReceipts } from '../../audit/export-sources.ts';
import { getHistory, requestTarget, type HighRiskRequest } from './request-store.ts';
import { stepAction } from './state-machine.ts';

// The evidence pack of one request, in the audit export's format: its audit events (the history,
// with the request and every rationale, and the system's execution and revert records), its
// receipts proven against the newest checkpoint, the logged decisions of those receipts' requests
// and the policy bundles they cite. Small enough to be written in the action's transaction.

/** How soon a checkpoint covers a new receipt when the ledger integrates in the background. */
const CHECKPOINT_RETRY_S = 5;


export interface RequestPack {
  bytes: Buffer;
  manifest: PackManifest;
}

/**
 * The receipts naming the request and integrated under the checkpoint of `size`. A step of the
 * history whose receipt is not under it yet makes the pack wait (a 409 to retry): a pack missing
 * a step would not be evidence. Later reads of the request are simply left out.
 */
async function receiptRecords(r: HighRiskRequest, size: number): Promise<ReceiptRecord[]> {
  const rows = await currentTx().query<{ i: number | null; body: ReceiptEntry }>(
    `SELECT l.leaf_index::float8 AS i, r.body FROM receipts r LEFT JOIN ledger_leaves l ON l.tenant_id = r.tenant_id AND l.receipt_id = r.receipt_id
     WHERE r.tenant_id = $1 AND r.target = $2 ORDER BY l.leaf_index NULLS LAST, r.issued_at`,
    [currentTenantId(), requestTarget(r.request_id)],
  );
  const steps = new Set((await getHistory(r.request_id)).map((h) => stepAction(h.transition)));
  const pending = rows.filter((row) => (row.i === null || row.i >= size) && steps.has(row.body.action));
  if (pending.length > 0) {
    throw new Problem(
      'conflict',
      `receipt ${pending[0]!.body.receipt_id} (${pending[0]!.body.action}) is not yet under a checkpoint; retry shortly`,
      { retry_after: CHECKPOINT_RETRY_S },
      { 'retry-after': String(CHECKPOINT_RETRY_S) },
    );
  }
  const proven = rows.filter((row): row is { i: number; body: ReceiptEntry } => row.i !== null && row.i < size);
  return provenReceipts(proven, size);
}

async function auditRecords(r: HighRiskRequest): Promise<AuditEventRecord[]> {
  const rows = await currentTx().query<AuditEventRecord & { occurred_at: Date | string }>(
    `SELECT event_id, tenant_id, occurred_at, type, actor, action, target, decision, reasons, request_id, details FROM audit_events
     WHERE tenant_id = $1 AND target = $2 ORDER BY occurred_at, event_id`,
    [currentTenantId(), requestTarget(r.request_id)],
  );
  return rows.map(auditEventRecord);
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

/** Writes the request's pack, dated `now`, signed with the tenant's key. */
export async function requestPack(r: HighRiskRequest, now: Date): Promise<RequestPack> {
  const checkpoint = await findCheckpoint();
  if (checkpoint === undefined) {
    throw new Problem('conflict', 'the tenant ledger has no checkpoint yet; retry shortly', { retry_after: CHECKPOINT_RETRY_S }, { 'retry-after': String(CHECKPOINT_RETRY_S) });
  }
  const receipts = await receiptRecords(r, checkpoint.size);
  const audit = await auditRecords(r);
  const decisions = await decisionRecords([...new Set(receipts.flatMap((x) => x.receipt.request_id ?? []))]);
  const bundles = await bundleRecords(new Set([...decisions.map((d) => d.bundle_hash), ...receipts.map((x) => x.receipt.bundle_hash)]));
  // The window spans the records: from the request's creation to just after the last of them.
  const times = [r.created_at, ...receipts.map((x) => x.receipt.issued_at), ...audit.map((e) => e.occurred_at), ...decisions.map((d) => d.timestamp)].map(Date.parse);
  const window = { from: new Date(Math.min(...times)).toISOString(), to: new Date(Math.max(...times) + 1).toISOString() };
  const { keys } = ledgerServices();
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const manifest = await writePack(out, {
    tenant: currentTenantId(),
    window,
    sources: { bundles, decisions, receipts, audit_events: audit },
    signer: await keys.signer(now),
    jwks: await keys.jwks(),
    checkpoint: checkpoint.note,
    clock: { now: () => now },
  });
  return { bytes: Buffer.concat(chunks), manifest };
}
