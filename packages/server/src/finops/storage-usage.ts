import type { Statement } from '../db/statement.ts';
import type { Receipt } from '../ledger/receipts.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { usageEventsStatement } from './usage-events.ts';

/**
 * The `evidence_storage_bytes` usage of a stored evidence pack and the receipt that records it:
 * one event each, keyed by what was stored, so a retried completion counts them once.
 */
export function storedEvidenceUsage(o: { packKey: string; packBytes: number; receipt: Receipt; at: Date }): Statement {
  const receiptBytes = Buffer.byteLength(canonicalJson(o.receipt.body));
  const base = { meter: 'evidence_storage_bytes', occurredAt: o.at, subject: null, source: 'job', action: o.receipt.body.action };
  return usageEventsStatement(
    [
      { ...base, quantity: o.packBytes, idempotencyKey: `stored:${o.packKey}`, properties: { stored: 'pack', key: o.packKey } },
      { ...base, quantity: receiptBytes, idempotencyKey: `stored:receipt:${o.receipt.body.receipt_id}`, properties: { stored: 'receipt', receipt_id: o.receipt.body.receipt_id } },
    ],
    o.at,
  );
}
