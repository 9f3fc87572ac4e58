import { auditEventStatement } from '../audit/audit-events.ts';
import { currentTenantId } from '../context.ts';
import { runBatch } from '../db/statement.ts';
import { buildReceipt, receiptStatements } from '../ledger/receipts.ts';
import { canonicalSha256 } from '../util/canonical-json.ts';
import { uuidv7 } from '../util/ids.ts';
import { invoiceForPeriod, markFinalized, saveDraft, type Invoice, type InvoiceDocument } from './invoices.ts';
import { listReadings, type MeterReading } from './meter-readings.ts';
import { meterOf } from './meters.ts';
import { listAssignments, spans } from './plan-assignments.ts';
import type { PlanCatalog } from './plan-catalog.ts';
import { monthBounds, rate, type Segment } from './rating.ts';
import { queueDeliveries } from './webhooks.ts';

/** The receipt that records a finalised invoice's hash. */
export const INVOICE_FINALIZED_ACTION = 'finops.invoice.finalized';
export const FINOPS_ACTOR = 'system:finops';

/** A period's quantity per meter from its daily readings: summed, or the peak day (seats). */
export function periodQuantities(readings: MeterReading[], from: string, to: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of readings) {
    if (r.day < from || r.day >= to) continue;
    const peak = meterOf(r.meter)?.period === 'max';
    out[r.meter] = peak ? Math.max(out[r.meter] ?? 0, r.quantity) : (out[r.meter] ?? 0) + r.quantity;
  }
  return out;
}

/**
 * Rates the current tenant's month from its meter readings and stores the draft invoice with its
 * lines. Rating again with the same readings and plans changes nothing (same document, same
 * hash); a finalised invoice is never rated again.
 */
export async function rateMonth(catalog: PlanCatalog, period: string, now: Date): Promise<{ invoice: Invoice; changed: boolean }> {
  const existing = await invoiceForPeriod(period, true);
  if (existing?.status === 'finalized') return { invoice: existing, changed: false };
  const { from, to, days } = monthBounds(period);
  const readings = await listReadings({ from, to });
  const segments: Segment[] = spans(await listAssignments(), from, to).map((s) => {
    const plan = catalog.get(s.assignment.plan_id, s.assignment.plan_version);
    if (plan === undefined) throw new Error(`plan ${s.assignment.plan_id} version ${s.assignment.plan_version} is not in the catalog`);
    return { plan, internal: s.assignment.internal, from: s.from, to: s.to, quantities: periodQuantities(readings, s.from, s.to) };
  });
  const rated = rate(segments, days);
  const tenant = currentTenantId();
  const invoiceId = existing?.invoice_id ?? uuidv7(now.getTime());
  const doc: InvoiceDocument = {
    invoice_id: invoiceId,
    number: `${tenant}-${period}`,
    tenant_id: tenant,
    period,
    period_from: from,
    period_to: to,
    currency: rated.currency,
    summary: rated.summary,
    lines: rated.lines,
    subtotal: rated.subtotal,
    tax: rated.tax,
    total: rated.total,
    usage: periodQuantities(readings, from, to),
  };
  const sha256 = canonicalSha256(doc);
  if (existing?.sha256 === sha256) return { invoice: existing, changed: false };
  await saveDraft(doc, sha256, now);
  return { invoice: (await invoiceForPeriod(period))!, changed: true };
}

/** Finalises a draft: its hash goes into a receipt (and the audit trail), and its webhook deliveries are queued, in one transaction. */
export async function finalizeInvoice(invoice: Invoice, o: { actor: string; bundleHash: string; requestId: string; at: Date }): Promise<string> {
  const target = `invoice:${invoice.invoice_id}`;
  const receipt = buildReceipt(
    { actor: o.actor, action: INVOICE_FINALIZED_ACTION, target, decision: 'allow', bundle_hash: o.bundleHash, evidence_refs: [target, `sha256:${invoice.sha256}`], request_id: o.requestId },
    o.at,
  );
  await markFinalized(invoice.invoice_id, receipt.body.receipt_id, o.at);
  await queueDeliveries(invoice.invoice_id, o.at);
  await runBatch([
    ...receiptStatements(receipt),
    auditEventStatement({
      type: 'invoice.finalized',
      actor: o.actor,
      action: INVOICE_FINALIZED_ACTION,
      target,
      decision: 'allow',
      requestId: o.requestId,
      details: { invoice_id: invoice.invoice_id, number: invoice.number, period: invoice.period, total: invoice.total, currency: invoice.currency, sha256: invoice.sha256, receipt_id: receipt.body.receipt_id, document: invoice.document },
      at: o.at,
    }),
  ]);
  return receipt.body.receipt_id;
}
