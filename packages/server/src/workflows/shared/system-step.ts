import { auditEventStatement } from '../../audit/audit-events.ts';
import { runBatch } from '../../db/statement.ts';
import { usageEventStatement } from '../../finops/usage-events.ts';
import { buildReceipt, receiptStatement } from '../../ledger/receipts.ts';

// A step a workflow's job takes by itself (no request, no person): its receipt, audit event and
// usage event, written in the job's current transaction as the pipeline writes an action's.

export interface SystemStep {
  actor: string;
  action: string;
  target: string;
  at: Date;
  jobId: string;
  /** The tenant bundle the step is recorded under (archived by the caller's `citeBundle`). */
  bundleHash: string;
  auditType: string;
  details: Record<string, unknown>;
  /** More evidence references besides the target and the job. */
  evidence?: string[];
}

/** Writes the step's receipt, audit event and usage event; returns the receipt id. */
export async function recordSystemStep(s: SystemStep): Promise<string> {
  const requestId = `job:${s.jobId}`;
  const receipt = buildReceipt(
    { actor: s.actor, action: s.action, target: s.target, decision: 'allow', bundle_hash: s.bundleHash, evidence_refs: [s.target, requestId, ...(s.evidence ?? [])], request_id: requestId },
    s.at,
  );
  await runBatch([
    receiptStatement(receipt),
    auditEventStatement({
      type: s.auditType,
      actor: s.actor,
      action: s.action,
      target: s.target,
      decision: 'allow',
      requestId,
      details: { job_id: s.jobId, receipt_id: receipt.body.receipt_id, ...s.details },
      at: s.at,
    }),
    // Counted like every transition, so metering sees the server's own steps too.
    usageEventStatement({ action: s.action, meter: 'workflow_run', quota: null, at: s.at, subject: null, key: `receipt:${receipt.body.receipt_id}`, source: 'job' }),
  ]);
  return receipt.body.receipt_id;
}
