import { auditEventStatement } from '../../audit/audit-events.ts';
import { currentTenantId } from '../../context.ts';
import { runBatch } from '../../db/statement.ts';
import { meterForAction } from '../../finops/meters.ts';
import { usageEventStatement } from '../../finops/usage-events.ts';
import { buildReceipt, receiptStatements } from '../../ledger/receipts.ts';
import { policyRuntime } from '../../policy/policy-runtime.ts';

// A step a workflow's job takes by itself (an expiry, a revert, a purge): no request, no person
// and no decision, yet the same evidence as an action's step, in the job's tenant transaction.

export interface SystemStep {
  /** The system actor (`system:<workflow>`). */
  actor: string;
  action: string;
  target: string;
  auditType: string;
  at: Date;
  jobId: string;
  details: Record<string, unknown>;
  /** More evidence references besides the target and the job. */
  evidence?: string[];
}

/** Writes the step's receipt (citing the tenant's bundle, archived here), audit event and, for a workflow's step, usage event; returns the receipt id. */
export async function recordSystemStep(s: SystemStep): Promise<string> {
  const requestId = `job:${s.jobId}`;
  const bundleHash = await policyRuntime().engine.cite(currentTenantId(), s.at);
  const receipt = buildReceipt(
    { actor: s.actor, action: s.action, target: s.target, decision: 'allow', bundle_hash: bundleHash, evidence_refs: [s.target, requestId, ...(s.evidence ?? [])], request_id: requestId },
    s.at,
  );
  await runBatch([
    ...receiptStatements(receipt),
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
    // A step of a metered workflow (high-risk, RevOps) counts as a run whoever takes it; the
    // server's own housekeeping (purges, bundle upgrades, key-use summaries) is no tenant's usage.
    ...(meterForAction({ name: s.action, method: 'POST' }) === 'workflow_run'
      ? [usageEventStatement({ action: s.action, meter: 'workflow_run', quota: null, at: s.at, subject: null, key: `receipt:${receipt.body.receipt_id}`, source: 'job' })]
      : []),
  ]);
  return receipt.body.receipt_id;
}
