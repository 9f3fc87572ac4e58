import { auditEventStatement } from '../audit/audit-events.ts';
import { currentTenantId } from '../context.ts';
import { runBatch } from '../db/statement.ts';
import { buildReceipt, receiptStatements } from '../ledger/receipts.ts';
import { canonicalSha256 } from '../util/canonical-json.ts';
import { uuidv7 } from '../util/ids.ts';
import { invoicesForPeriod, markFinalized, saveDrafts, type Draft, type Invoice, type InvoiceDocument } from './invoices.ts';
import { readingsOfTenants, type MeterReading } from './meter-readings.ts';
import { meterOf } from './meters.ts';
import { assignmentsOf, spans, type PlanAssignment } from './plan-assignments.ts';
import type { PlanCatalog } from './plan-catalog.ts';
import { monthBounds, rate, type Segment } from './rating.ts';
import { queueDeliveries } from './webhooks.ts';
import { prepareActors } from '../identity/actor-pseudonyms.ts';

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

/** What rating a tenant's month did: its invoice, and whether this rating changed it. */
export interface MonthRating {
  tenantId: string;
  invoice: Invoice;
  changed: boolean;
}

/**
 * Rates the current tenant's month from its meter readings and stores the draft invoice with its
 * lines. Rating again with the same readings and plans changes nothing (same document, same
 * hash); a finalised invoice is never rated again.
 */
export async function rateMonth(catalog: PlanCatalog, period: string, now: Date): Promise<{ invoice: Invoice; changed: boolean }> {
  const [{ invoice, changed }] = (await rateMonths(catalog, [currentTenantId()], period, now)) as [MonthRating];
  return { invoice, changed };
}

/**
 * Rates a month of several tenants as rateMonth rates one, with a fixed number of statements
 * whatever their number: their invoices (locked), readings and plan assignments are read at once,
 * each tenant's month is rated in memory, and the changed drafts are written together. The
 * transaction must reach every tenant's billing rows (withTenantBatch); each invoice is built
 * from its own tenant's rows and hashed on its own. Results come in the order of `tenantIds`.
 */
export async function rateMonths(catalog: PlanCatalog, tenantIds: string[], period: string, now: Date): Promise<MonthRating[]> {
  const { from, to } = monthBounds(period);
  const existing = await invoicesForPeriod(tenantIds, period, true);
  const readings = await readingsOfTenants(tenantIds, from, to);
  const assignments = await assignmentsOf(tenantIds);
  const results: Array<MonthRating | Draft & { tenantId: string }> = tenantIds.map((tenantId) => {
    const invoice = existing.get(tenantId);
    if (invoice?.status === 'finalized') return { tenantId, invoice, changed: false };
    const doc = invoiceDocument(catalog, { tenantId, period, invoiceId: invoice?.invoice_id ?? uuidv7(now.getTime()), readings: readings.get(tenantId) ?? [], assignments: assignments.get(tenantId) ?? [] });
    const sha256 = canonicalSha256(doc);
    if (invoice?.sha256 === sha256) return { tenantId, invoice, changed: false };
    return { tenantId, doc, sha256, replacing: invoice !== undefined };
  });
  const drafts = results.filter((r): r is Draft & { tenantId: string } => 'doc' in r);
  const saved = new Map((await saveDrafts(drafts, now)).map((invoice, i): [string, Invoice] => [drafts[i]!.tenantId, invoice]));
  return results.map((r) => ('doc' in r ? { tenantId: r.tenantId, invoice: saved.get(r.tenantId)!, changed: true } : r));
}

/** A tenant's invoice document for a month, rated from its readings on the plans assigned over it. */
function invoiceDocument(catalog: PlanCatalog, m: { tenantId: string; period: string; invoiceId: string; readings: MeterReading[]; assignments: PlanAssignment[] }): InvoiceDocument {
  const { from, to, days } = monthBounds(m.period);
  const segments: Segment[] = spans(m.assignments, from, to).map((s) => {
    const plan = catalog.get(s.assignment.plan_id, s.assignment.plan_version);
    if (plan === undefined) throw new Error(`plan ${s.assignment.plan_id} version ${s.assignment.plan_version} is not in the catalog`);
    return { plan, internal: s.assignment.internal, from: s.from, to: s.to, quantities: periodQuantities(m.readings, s.from, s.to) };
  });
  const rated = rate(segments, days);
  return {
    invoice_id: m.invoiceId,
    number: `${m.tenantId}-${m.period}`,
    tenant_id: m.tenantId,
    period: m.period,
    period_from: from,
    period_to: to,
    currency: rated.currency,
    summary: rated.summary,
    lines: rated.lines,
    subtotal: rated.subtotal,
    tax: rated.tax,
    total: rated.total,
    usage: periodQuantities(m.readings, from, to),
  };
}

/** Finalises a draft: its hash goes into a receipt (and the audit trail), and its webhook deliveries are queued, in one transaction. */
export async function finalizeInvoice(invoice: Invoice, o: { actor: string; bundleHash: string; requestId: string; at: Date }): Promise<string> {
  const target = `invoice:${invoice.invoice_id}`;
  await prepareActors([o.actor], o.at);
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
