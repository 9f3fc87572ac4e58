import { currentTenantId, currentTx } from '../context.ts';
import type { MeterReadingRecord, UsageEventRecord } from '../evidence/records.ts';
import { Problem } from '../http/problem.ts';
import { workflowPack, type WorkflowPack } from '../workflows/shared/workflow-evidence.ts';
import type { Invoice } from './invoices.ts';
import { INVOICE_FINALIZED_ACTION } from './invoicing.ts';

/** The governed action that finalises an invoice on request (the finalisation job records only INVOICE_FINALIZED_ACTION). */
const FINALIZE_ACTION = 'finops.invoice.finalize';

/**
 * The usage events of the invoice's period recorded by its finalisation: what its last rating
 * read. Events recorded later (late usage of a finalised month) are not part of it.
 */
async function usageEvents(invoice: Invoice, asOf: string): Promise<UsageEventRecord[]> {
  const rows = await currentTx().query<{ event_id: string; meter: string; quantity: string | number; occurred_at: Date | string; recorded_at: Date | string; idempotency_key: string; subject: string | null; source: string; action: string }>(
    `SELECT event_id, meter, quantity, occurred_at, recorded_at, idempotency_key, subject, source, action FROM usage_events
     WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3 AND recorded_at <= $4 ORDER BY occurred_at, event_id`,
    [currentTenantId(), `${invoice.document.period_from}T00:00:00Z`, `${invoice.document.period_to}T00:00:00Z`, asOf],
  );
  return rows.map((r) => ({
    event_id: String(r.event_id),
    tenant_id: currentTenantId(),
    meter: r.meter,
    quantity: Number(r.quantity),
    occurred_at: new Date(r.occurred_at).toISOString(),
    recorded_at: new Date(r.recorded_at).toISOString(),
    idempotency_key: r.idempotency_key,
    subject: r.subject,
    source: r.source,
    action: r.action,
  }));
}

/**
 * The daily readings of those events by the aggregation's rules (a day's sum; seats: the distinct
 * subjects of the day), so a reader can recompute each from the pack's events.
 */
export function readingsOf(events: UsageEventRecord[]): MeterReadingRecord[] {
  const sums = new Map<string, MeterReadingRecord>();
  const subjects = new Map<string, Set<string>>();
  for (const e of events) {
    const day = e.occurred_at.slice(0, 10);
    const key = `${day} ${e.meter}`;
    const r = sums.get(key) ?? { tenant_id: e.tenant_id, meter: e.meter, day, quantity: 0, events: 0 };
    r.quantity += e.quantity;
    r.events += 1;
    sums.set(key, r);
    if (typeof e.subject === 'string') subjects.set(day, (subjects.get(day) ?? new Set()).add(e.subject));
  }
  const tenant = events[0]?.tenant_id ?? '';
  for (const [day, s] of subjects) sums.set(`${day} seat`, { tenant_id: tenant, meter: 'seat', day, quantity: s.size, events: s.size });
  return [...sums.values()].sort((a, b) => (a.day + a.meter < b.day + b.meter ? -1 : 1));
}

/**
 * The evidence pack of a finalised invoice: its finalisation receipt (the invoice hash), the audit
 * event holding the invoice document, and the usage behind its lines. Dated at finalisation and
 * made of records that no longer change, so the same invoice gives the same content.
 */
export async function invoicePack(invoice: Invoice): Promise<WorkflowPack> {
  if (invoice.status !== 'finalized' || invoice.finalized_at === null) {
    throw new Problem('conflict', `invoice ${invoice.number} is a draft: its usage may still change; finalise it first`);
  }
  const events = await usageEvents(invoice, invoice.finalized_at);
  return workflowPack(
    {
      targets: [`invoice:${invoice.invoice_id}`],
      stepActions: new Set([FINALIZE_ACTION, INVOICE_FINALIZED_ACTION]),
      since: `${invoice.document.period_from}T00:00:00.000Z`,
      stepsOnly: true,
      usage: { usage_events: events, meter_readings: readingsOf(events), until: `${invoice.document.period_to}T00:00:00.000Z` },
    },
    new Date(invoice.finalized_at),
  );
}
