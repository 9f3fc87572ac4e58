import { auditEventStatement } from '../audit/audit-events.ts';
import { currentTenantId, currentTx } from '../context.ts';
import { runBatch } from '../db/statement.ts';
import { scanEveryDatabase } from '../db/tenant-tx.ts';
import { buildReceipt, receiptStatements } from '../ledger/receipts.ts';
import { uuidv7 } from '../util/ids.ts';
import { prepareActors } from '../identity/actor-pseudonyms.ts';

export const STEPS = ['tenant', 'admin', 'template', 'webhook', 'evidence'] as const;
export type Step = (typeof STEPS)[number];
export type Outcome = 'done' | 'failed' | 'pending';

export interface OnboardingEvent {
  tenant_id: string;
  cohort: string;
  step: Step;
  outcome: Outcome;
  detail: Record<string, unknown>;
  duration_ms: number;
  occurred_at: string;
}

type Row = Omit<OnboardingEvent, 'occurred_at'> & { occurred_at: Date | string };
const toEvent = (r: Row): OnboardingEvent => ({ ...r, occurred_at: new Date(r.occurred_at).toISOString() });
const COLUMNS = 'tenant_id, cohort, step, outcome, detail, duration_ms, occurred_at';

/**
 * Records one step's outcome for the current tenant, and in its own trail: a done step as a
 * receipt and an audit event, a failed one as an audit event with the reason, so the tenant's
 * first evidence pack shows how it was set up.
 */
export async function recordStep(e: Omit<OnboardingEvent, 'tenant_id' | 'occurred_at'>, o: { actor: string; bundleHash: string; requestId: string; at: Date }): Promise<void> {
  const tenant = currentTenantId();
  await currentTx().query(
    `INSERT INTO onboarding_events (tenant_id, event_id, cohort, step, outcome, detail, duration_ms, occurred_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [tenant, uuidv7(o.at.getTime()), e.cohort, e.step, e.outcome, JSON.stringify(e.detail), e.duration_ms, o.at.toISOString()],
  );
  if (e.outcome === 'pending') return;
  await prepareActors([o.actor], o.at);
  const action = `onboarding.${e.step}`;
  const target = `tenant:${tenant}`;
  const details = { cohort: e.cohort, step: e.step };
  if (e.outcome === 'failed') {
    await runBatch([auditEventStatement({ type: 'onboarding.step.failed', actor: o.actor, action, target, decision: 'deny', reasons: [String(e.detail.error ?? 'failed')], requestId: o.requestId, details, at: o.at })]);
    return;
  }
  const receipt = buildReceipt({ actor: o.actor, action, target, decision: 'allow', bundle_hash: o.bundleHash, evidence_refs: [`onboarding-cohort:${e.cohort}`], request_id: o.requestId }, o.at);
  await runBatch([
    ...receiptStatements(receipt),
    auditEventStatement({ type: 'onboarding.step.done', actor: o.actor, action, target, decision: 'allow', requestId: o.requestId, details: { ...details, receipt_id: receipt.body.receipt_id }, at: o.at }),
  ]);
}

/** The current tenant's onboarding events, oldest first. */
export async function tenantEvents(): Promise<OnboardingEvent[]> {
  const rows = await currentTx().query<Row>(`SELECT ${COLUMNS} FROM onboarding_events WHERE tenant_id = $1 ORDER BY occurred_at, event_id`, [currentTenantId()]);
  return rows.map(toEvent);
}

/** Every event of a cohort, all tenants in every region's database (platform scope), by tenant and oldest first. */
export async function cohortEvents(cohort: string): Promise<OnboardingEvent[]> {
  const found = await scanEveryDatabase(() => currentTx().query<Row>(`SELECT ${COLUMNS} FROM onboarding_events WHERE cohort = $1 ORDER BY tenant_id, occurred_at, event_id`, [cohort]));
  // A tenant's events are all in its one database, already in order: a stable sort by tenant keeps them so.
  return found.flat().map(toEvent).sort((a, b) => (a.tenant_id < b.tenant_id ? -1 : a.tenant_id > b.tenant_id ? 1 : 0));
}
