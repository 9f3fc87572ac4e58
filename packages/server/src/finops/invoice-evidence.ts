import { currentTenantId, currentTx } from '../context.ts';
import type { MeterReadingRecord, UsageEventRecord } from '../evidence/records.ts';
import { Problem } from '../http/problem.ts';
import { workflowPack, type WorkflowPack } from '../workflows/shared/workflow-evidence.ts';
import type { Invoice } from './invoices.ts';
import { INVOICE_FINALIZED_ACTION } from './invoicing.ts';

/** The governed action that finalises an invoice on request (the finalisation job records only INVOICE_FINALIZED_ACTION). */
const FINALIZE_ACTION = 'finops.invoice.finalize';

/** Usage events read per query while a pack is written: a month of events is never held whole. */
const PAGE = 5_000;

/** What makes an invoice's usage: its period's events recorded by its finalisation (what its last rating read). */
export interface UsageScope {
  from: string;
  to: string;
  asOf: string;
}

const scopeOf = (invoice: Invoice, asOf: string): UsageScope => ({ from: `${invoice.document.period_from}T00:00:00Z`, to: `${invoice.document.period_to}T00:00:00Z`, asOf });

type EventRow = { event_id: string; meter: string; quantity: string | number; occurred_at: Date | string; page_at: string; recorded_at: Date | string; idempotency_key: string; subject: string | null; source: string; action: string };

/**
 * The usage events of the scope in (occurred_at, event_id) order, read `page` at a time, each
 * page after the last row of the one before. Events recorded later (late usage of a finalised
 * month) are not part of it.
 */
export async function* usageEvents(scope: UsageScope, page = PAGE): AsyncGenerator<UsageEventRecord> {
  const tx = currentTx();
  const tenant = currentTenantId();
  // The page key keeps occurred_at at full precision (a JavaScript date would round it to the millisecond).
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const rows: EventRow[] = await tx.query<EventRow>(
      `SELECT event_id, meter, quantity, occurred_at, occurred_at::text AS page_at, recorded_at, idempotency_key, subject, source, action FROM usage_events
       WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3 AND recorded_at <= $4
         AND ($5::timestamptz IS NULL OR (occurred_at, event_id) > ($5::timestamptz, $6::uuid))
       ORDER BY occurred_at, event_id LIMIT $7`,
      [tenant, scope.from, scope.to, scope.asOf, after?.at ?? null, after?.id ?? null, page],
    );
    for (const r of rows) {
      yield {
        event_id: String(r.event_id),
        tenant_id: tenant,
        meter: r.meter,
        quantity: Number(r.quantity),
        occurred_at: new Date(r.occurred_at).toISOString(),
        recorded_at: new Date(r.recorded_at).toISOString(),
        idempotency_key: r.idempotency_key,
        subject: r.subject,
        source: r.source,
        action: r.action,
      };
    }
    if (rows.length < page) return;
    const last: EventRow = rows[rows.length - 1]!;
    after = { at: last.page_at, id: String(last.event_id) };
  }
}

/** The usage events behind a finalised invoice: its period's events recorded by its finalisation, which are the ones it was rated on (month-end.ts). */
export function invoiceEvents(invoice: Invoice & { finalized_at: string }): AsyncGenerator<UsageEventRecord> {
  return usageEvents(scopeOf(invoice, invoice.finalized_at));
}

/**
 * The daily readings of the scope's events by the aggregation's rules (a day's sum; seats: the
 * distinct subjects of the day), so a reader can recompute each from the pack's events. Taken
 * in one grouped query, ordered by day and then meter.
 */
async function readingsOf(scope: UsageScope): Promise<MeterReadingRecord[]> {
  const tenant = currentTenantId();
  const rows = await currentTx().query<{ meter: string; day: string; quantity: string | number; events: string | number }>(
    `WITH e AS (
       SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, meter, quantity, subject FROM usage_events
       WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3 AND recorded_at <= $4
     )
     SELECT meter, day, quantity, events FROM (
       SELECT meter, day, sum(quantity)::bigint AS quantity, count(*)::bigint AS events FROM e GROUP BY day, meter
       UNION ALL
       SELECT 'seat', day, count(DISTINCT subject)::bigint, count(DISTINCT subject)::bigint FROM e WHERE subject IS NOT NULL GROUP BY day
     ) r ORDER BY day, meter COLLATE "C"`,
    [tenant, scope.from, scope.to, scope.asOf],
  );
  return rows.map((r) => ({ tenant_id: tenant, meter: r.meter, day: r.day, quantity: Number(r.quantity), events: Number(r.events) }));
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
  const scope = scopeOf(invoice, invoice.finalized_at);
  return workflowPack(
    {
      targets: [`invoice:${invoice.invoice_id}`],
      stepActions: new Set([FINALIZE_ACTION, INVOICE_FINALIZED_ACTION]),
      since: `${invoice.document.period_from}T00:00:00.000Z`,
      stepsOnly: true,
      usage: { usage_events: usageEvents(scope), meter_readings: await readingsOf(scope), until: `${invoice.document.period_to}T00:00:00.000Z` },
    },
    new Date(invoice.finalized_at),
  );
}
