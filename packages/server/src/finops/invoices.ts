import { currentTenantId, currentTx } from '../context.ts';
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
  const rows = await currentTx().query<Row>(`SELECT ${COLUMNS} FROM invoices WHERE tenant_id = $1 AND period = $2${lock ? ' FOR UPDATE' : ''}`, [currentTenantId(), period]);
  return rows[0] === undefined ? undefined : toInvoice(rows[0]);
}

export async function getInvoice(invoiceId: string): Promise<Invoice | undefined> {
  const rows = await currentTx().query<Row>(`SELECT ${COLUMNS} FROM invoices WHERE tenant_id = $1 AND invoice_id = $2`, [currentTenantId(), invoiceId]);
  return rows[0] === undefined ? undefined : toInvoice(rows[0]);
}

export async function listInvoices(limit = 120): Promise<Invoice[]> {
  const rows = await currentTx().query<Row>(`SELECT ${COLUMNS} FROM invoices WHERE tenant_id = $1 ORDER BY period DESC LIMIT $2`, [currentTenantId(), limit]);
  return rows.map(toInvoice);
}

/** Writes a draft and its lines (replacing the previous draft's lines). */
export async function saveDraft(doc: InvoiceDocument, sha256: string, at: Date): Promise<void> {
  const tx = currentTx();
  const tenant = currentTenantId();
  await tx.query(
    `INSERT INTO invoices (tenant_id, invoice_id, number, period, status, currency, subtotal, tax, total, document, sha256, rated_at)
     VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (tenant_id, invoice_id) DO UPDATE SET currency = EXCLUDED.currency, subtotal = EXCLUDED.subtotal, tax = EXCLUDED.tax, total = EXCLUDED.total,
       document = EXCLUDED.document, sha256 = EXCLUDED.sha256, rated_at = EXCLUDED.rated_at WHERE invoices.status = 'draft'`,
    [tenant, doc.invoice_id, doc.number, doc.period, doc.currency, doc.subtotal, doc.tax, doc.total, JSON.stringify(doc), sha256, at.toISOString()],
  );
  await tx.query('DELETE FROM rated_usage WHERE tenant_id = $1 AND invoice_id = $2', [tenant, doc.invoice_id]);
  const column = <T>(f: (l: RatedLine) => T): T[] => doc.lines.map(f);
  await tx.query(
    `INSERT INTO rated_usage (tenant_id, invoice_id, line_no, kind, meter, plan_id, plan_version, segment_from, segment_to, quantity, billable, amount, description)
     SELECT $1, $2, * FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::date[], $9::date[], $10::bigint[], $11::bigint[], $12::bigint[], $13::text[])`,
    [
      tenant,
      doc.invoice_id,
      column((l) => l.line_no),
      column((l) => l.kind),
      column((l) => l.meter),
      column((l) => l.plan_id),
      column((l) => l.plan_version),
      column((l) => l.segment_from),
      column((l) => l.segment_to),
      column((l) => l.quantity),
      column((l) => l.billable),
      column((l) => l.amount),
      column((l) => l.description),
    ],
  );
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
