import { currentTenantId, currentTx } from '../context.ts';
import { byTenant } from './by-tenant.ts';
import type { RatedLine } from './rating.ts';

export interface Invoice {
  invoice_id: string;
  number: string;
  period: string;
  status: 'draft' | 'finalized';
  currency: string;
  subtotal: number;
  tax: number;
  total: number;
  /** The invoice as hashed: canonical JSON of this document is `sha256`. */
  document: InvoiceDocument;
  sha256: string;
  rated_at: string;
  finalized_at: string | null;
  receipt_id: string | null;
}

export interface InvoiceDocument {
  invoice_id: string;
  number: string;
  tenant_id: string;
  period: string;
  period_from: string;
  period_to: string;
  currency: string;
  summary: string;
  lines: RatedLine[];
  subtotal: number;
  tax: number;
  total: number;
  /** Daily readings the usage lines were computed from, per meter. */
  usage: Record<string, number>;
}

type Row = Omit<Invoice, 'subtotal' | 'tax' | 'total' | 'rated_at' | 'finalized_at'> & {
  subtotal: string | number;
  tax: string | number;
  total: string | number;
  rated_at: Date | string;
  finalized_at: Date | string | null;
};

const COLUMNS = 'invoice_id, number, period, status, currency, subtotal, tax, total, document, sha256, rated_at, finalized_at, receipt_id';

const toInvoice = (r: Row): Invoice => ({
  ...r,
  invoice_id: String(r.invoice_id),
  receipt_id: r.receipt_id === null ? null : String(r.receipt_id),
  subtotal: Number(r.subtotal),
  tax: Number(r.tax),
  total: Number(r.total),
  rated_at: new Date(r.rated_at).toISOString(),
  finalized_at: r.finalized_at === null ? null : new Date(r.finalized_at).toISOString(),
});

export async function invoiceForPeriod(period: string, lock = false): Promise<Invoice | undefined> {
  return (await invoicesForPeriod([currentTenantId()], period, lock)).get(currentTenantId());
}

/**
 * The invoices of a month of several tenants (as many as row-level security lets the transaction
 * read), by tenant. `lock` holds them until the transaction ends, taken in tenant order so two
 * batches never wait on each other in a circle.
 */
export async function invoicesForPeriod(tenantIds: string[], period: string, lock = false): Promise<Map<string, Invoice>> {
  const rows = await currentTx().query<Row & { tenant_id: string }>(
    `SELECT tenant_id, ${COLUMNS} FROM invoices WHERE tenant_id = ANY ($1::text[]) AND period = $2 ORDER BY tenant_id${lock ? ' FOR UPDATE' : ''}`,
    [tenantIds, period],
  );
  return new Map([...byTenant(rows, toInvoice)].map(([tenant, [invoice]]): [string, Invoice] => [tenant, invoice!]));
}

export async function getInvoice(invoiceId: string): Promise<Invoice | undefined> {
  const rows = await currentTx().query<Row>(`SELECT ${COLUMNS} FROM invoices WHERE tenant_id = $1 AND invoice_id = $2`, [currentTenantId(), invoiceId]);
  return rows[0] === undefined ? undefined : toInvoice(rows[0]);
}

export async function listInvoices(limit = 120): Promise<Invoice[]> {
  const rows = await currentTx().query<Row>(`SELECT ${COLUMNS} FROM invoices WHERE tenant_id = $1 ORDER BY period DESC LIMIT $2`, [currentTenantId(), limit]);
  return rows.map(toInvoice);
}

/** A draft to store: its document and hash; `replacing` says a draft of its period is stored already (its lines are replaced). */
export interface Draft {
  doc: InvoiceDocument;
  sha256: string;
  replacing: boolean;
}

/**
 * Writes drafts with their lines, of one tenant or several (as row-level security lets the
 * transaction write), in three statements whatever their number; returns them in order.
 */
export async function saveDrafts(drafts: Draft[], at: Date): Promise<Invoice[]> {
  if (drafts.length === 0) return [];
  const tx = currentTx();
  const docs = drafts.map((d) => d.doc);
  const rows = await tx.query<Row & { tenant_id: string }>(
    `INSERT INTO invoices (tenant_id, invoice_id, number, period, status, currency, subtotal, tax, total, document, sha256, rated_at)
     SELECT tenant_id, invoice_id, number, period, 'draft', currency, subtotal, tax, total, document, sha256, $11
     FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::jsonb[], $10::text[])
       AS d (tenant_id, invoice_id, number, period, currency, subtotal, tax, total, document, sha256)
     ON CONFLICT (tenant_id, invoice_id) DO UPDATE SET currency = EXCLUDED.currency, subtotal = EXCLUDED.subtotal, tax = EXCLUDED.tax, total = EXCLUDED.total,
       document = EXCLUDED.document, sha256 = EXCLUDED.sha256, rated_at = EXCLUDED.rated_at WHERE invoices.status = 'draft'
     RETURNING tenant_id, ${COLUMNS}`,
    [
      docs.map((d) => d.tenant_id),
      docs.map((d) => d.invoice_id),
      docs.map((d) => d.number),
      docs.map((d) => d.period),
      docs.map((d) => d.currency),
      docs.map((d) => d.subtotal),
      docs.map((d) => d.tax),
      docs.map((d) => d.total),
      docs.map((d) => JSON.stringify(d)),
      drafts.map((d) => d.sha256),
      at.toISOString(),
    ],
  );
  const saved = new Map(rows.map(({ tenant_id, ...r }): [string, Invoice] => [`${tenant_id} ${String(r.invoice_id)}`, toInvoice(r)]));
  const invoices = docs.map((d) => {
    const invoice = saved.get(`${d.tenant_id} ${d.invoice_id}`);
    if (invoice === undefined) throw new Error(`invoice ${d.number} is no longer a draft`);
    return invoice;
  });
  const replaced = docs.filter((_, i) => drafts[i]!.replacing);
  if (replaced.length > 0) {
    await tx.query('DELETE FROM rated_usage WHERE (tenant_id, invoice_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))', [replaced.map((d) => d.tenant_id), replaced.map((d) => d.invoice_id)]);
  }
  const lines = docs.flatMap((d) => d.lines.map((l) => ({ tenant: d.tenant_id, invoice: d.invoice_id, l })));
  const column = <T>(f: (x: (typeof lines)[number]) => T): T[] => lines.map(f);
  await tx.query(
    `INSERT INTO rated_usage (tenant_id, invoice_id, line_no, kind, meter, plan_id, plan_version, segment_from, segment_to, quantity, billable, amount, description)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::date[], $9::date[], $10::bigint[], $11::bigint[], $12::bigint[], $13::text[])`,
    [
      column((x) => x.tenant),
      column((x) => x.invoice),
      column((x) => x.l.line_no),
      column((x) => x.l.kind),
      column((x) => x.l.meter),
      column((x) => x.l.plan_id),
      column((x) => x.l.plan_version),
      column((x) => x.l.segment_from),
      column((x) => x.l.segment_to),
      column((x) => x.l.quantity),
      column((x) => x.l.billable),
      column((x) => x.l.amount),
      column((x) => x.l.description),
    ],
  );
  return invoices;
}

export async function markFinalized(invoiceId: string, receiptId: string, at: Date): Promise<void> {
  await currentTx().query(`UPDATE invoices SET status = 'finalized', finalized_at = $3, receipt_id = $4 WHERE tenant_id = $1 AND invoice_id = $2 AND status = 'draft'`, [
    currentTenantId(),
    invoiceId,
    at.toISOString(),
    receiptId,
  ]);
}

/** The stored lines of an invoice (what `rated_usage` holds), in order. */
export async function ratedLines(invoiceId: string): Promise<RatedLine[]> {
  const rows = await currentTx().query<RatedLine & { quantity: string; billable: string; amount: string }>(
    `SELECT line_no, kind, meter, plan_id, plan_version, to_char(segment_from, 'YYYY-MM-DD') AS segment_from, to_char(segment_to, 'YYYY-MM-DD') AS segment_to,
       quantity, billable, amount, description FROM rated_usage WHERE tenant_id = $1 AND invoice_id = $2 ORDER BY line_no`,
    [currentTenantId(), invoiceId],
  );
  return rows.map((r) => ({ ...r, quantity: Number(r.quantity), billable: Number(r.billable), amount: Number(r.amount), plan_version: Number(r.plan_version) }));
}

export interface InvoiceTotal {
  status: Invoice['status'];
  currency: string;
  invoices: number;
  /** Minor units. */
  total: number;
}

/** The current tenant's invoice totals for some months, by status and currency. */
export async function invoiceTotals(months: string[]): Promise<InvoiceTotal[]> {
  const rows = await currentTx().query<{ status: Invoice['status']; currency: string; invoices: number; total: string | number }>(
    `SELECT status, currency, count(*)::int AS invoices, sum(total)::text AS total FROM invoices WHERE tenant_id = $1 AND period = ANY ($2::text[])
     GROUP BY status, currency ORDER BY status, currency`,
    [currentTenantId(), months],
  );
  return rows.map((r) => ({ ...r, total: Number(r.total) }));
}
