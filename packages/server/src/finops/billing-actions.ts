import { Type } from '@sinclair/typebox';
import { lockTenant } from '../db/tenant-locks.ts';
import { asTenant } from '../db/tenant-tx.ts';
import { Problem } from '../http/problem.ts';
import { toCsv } from '../http/csv.ts';
import { Nullable } from '../http/schema.ts';
import { defineAction, RawReply } from '../pipeline/define-action.ts';
import { findTenant } from '../tenancy/tenants.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { csvReply } from './csv-reply.ts';
import { packReply } from '../workflows/shared/workflow-evidence.ts';
import { invoicePack } from './invoice-evidence.ts';
import { finalizeInvoice, rateMonth } from './invoicing.ts';
import { getInvoice, listInvoices, ratedLines, type Invoice } from './invoices.ts';
import { aggregateUsage } from './meter-readings.ts';
import { finalizationTime } from './month-end.ts';
import { meterOf } from './meters.ts';
import { assignPlan, listAssignments } from './plan-assignments.ts';
import { Plan, planCatalog } from './plan-catalog.ts';
import { monthBounds, rate } from './rating.ts';

const Period = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'a month, YYYY-MM' });
const InvoiceId = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' }) });

const LineView = Type.Object({
  line_no: Type.Integer(),
  kind: Type.String(),
  meter: Nullable(Type.String()),
  plan_id: Type.String(),
  plan_version: Type.Integer(),
  segment_from: Type.String(),
  segment_to: Type.String(),
  quantity: Type.Integer(),
  billable: Type.Integer(),
  amount: Type.Integer({ description: 'minor units' }),
  description: Type.String(),
});

const InvoiceView = Type.Object({
  invoice_id: Type.String(),
  number: Type.String(),
  period: Type.String(),
  status: Type.String(),
  currency: Type.String(),
  subtotal: Type.Integer(),
  tax: Type.Integer({ description: 'a placeholder until tax rules exist: 0' }),
  total: Type.Integer(),
  summary: Type.String(),
  sha256: Type.String({ description: 'SHA-256 of the canonical JSON invoice document; a finalised invoice has it in a receipt' }),
  rated_at: Type.String({ format: 'date-time' }),
  finalized_at: Nullable(Type.String({ format: 'date-time' })),
  receipt_id: Nullable(Type.String()),
  lines: Type.Array(LineView),
});

const view = (i: Invoice) => ({
  invoice_id: i.invoice_id,
  number: i.number,
  period: i.period,
  status: i.status,
  currency: i.currency,
  subtotal: i.subtotal,
  tax: i.tax,
  total: i.total,
  summary: i.document.summary,
  sha256: i.sha256,
  rated_at: i.rated_at,
  finalized_at: i.finalized_at,
  receipt_id: i.receipt_id,
  lines: i.document.lines,
});

/** Invoices as CSV, one row per line of their documents (what was hashed, for a draft as for a final one). */
const invoiceLinesCsv = (invoices: Invoice[]): string =>
  toCsv(
    ['number', 'period', 'status', 'currency', 'line_no', 'kind', 'meter', 'quantity', 'billable', 'amount', 'description'],
    invoices.flatMap((i) => i.document.lines.map((l) => [i.number, i.period, i.status, i.currency, l.line_no, l.kind, l.meter, l.quantity, l.billable, l.amount, l.description])),
  );

export const listPlans = defineAction({
  name: 'finops.plan.list',
  method: 'GET',
  path: '/finops/plans',
  summary: "The plans on offer (newest version of each) and the caller tenant's plan assignments",
  scope: 'tenant',
  response: Type.Object({ plans: Type.Array(Plan), assignments: Type.Array(Type.Record(Type.String(), Type.Unknown())) }),
  run: async () => ({ plans: planCatalog().list(), assignments: await listAssignments() }),
});

export const assignPlanAction = defineAction({
  name: 'finops.plan.assign',
  method: 'PUT',
  path: '/finops/tenants/:id/plan',
  summary: 'Put a tenant on a plan version from a day on (a change mid-month prorates by days; see docs/finops.md)',
  scope: 'platform',
  params: Type.Object({ id: Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$' }) }),
  input: Type.Object(
    {
      plan_id: Type.String({ minLength: 1, maxLength: 64 }),
      plan_version: Type.Optional(Type.Integer({ minimum: 1, description: 'default: the newest version' })),
      effective_from: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'first UTC day on the plan' }),
      internal: Type.Optional(Type.Boolean({ description: 'an internal tenant pays the internal base fee' })),
    },
    { additionalProperties: false },
  ),
  resource: (ctx) => findTenant(ctx.params.id),
  target: (ctx) => `tenant:${ctx.params.id}`,
  run: async (ctx, input) => {
    const plan = input.plan_version === undefined ? planCatalog().latest(input.plan_id) : planCatalog().get(input.plan_id, input.plan_version);
    if (plan === undefined) throw new Problem('invalid-request', `no plan ${input.plan_id}${input.plan_version === undefined ? '' : ` version ${input.plan_version}`}`, { errors: [{ in: 'body', field: 'plan_id', message: 'names no plan of the catalog' }] });
    if (Number.isNaN(Date.parse(`${input.effective_from}T00:00:00Z`))) throw new Problem('invalid-request', 'effective_from is not a calendar day', { errors: [{ in: 'body', field: 'effective_from', message: 'is not a calendar day' }] });
    return asTenant(ctx.params.id, () =>
      assignPlan({ effective_from: input.effective_from, plan_id: plan.id, plan_version: plan.version, internal: input.internal ?? false, assigned_by: ctx.principal.subjectId }, ctx.now),
    );
  },
});

export const rateInvoice = defineAction({
  name: 'finops.invoice.rate',
  method: 'POST',
  path: '/finops/invoices/rate',
  summary: "Aggregate the caller tenant's usage and rate a month now: the draft invoice with its lines (a finalised one is returned as it is)",
  scope: 'tenant',
  input: Type.Object({ period: Period }, { additionalProperties: false }),
  response: Type.Object({ changed: Type.Boolean(), invoice: InvoiceView }),
  target: (_ctx, input) => `invoice-period:${input.period}`,
  run: async (ctx, input) => {
    await aggregateUsage(ctx.now);
    const { invoice, changed } = await rateMonth(planCatalog(), input.period, ctx.now);
    return { changed, invoice: view(invoice) };
  },
});

export const listInvoicesAction = defineAction({
  name: 'finops.invoice.list',
  method: 'GET',
  path: '/finops/invoices',
  summary: "The caller tenant's invoices, newest month first (?format=csv: one row per invoice line)",
  scope: 'tenant',
  query: Type.Object({ format: Type.Optional(Type.Literal('csv')) }, { additionalProperties: false }),
  response: Type.Object({ invoices: Type.Array(InvoiceView) }),
  run: async (ctx) => {
    const invoices = await listInvoices();
    if (ctx.query.format === 'csv') return csvReply(`invoices-${ctx.tenantId}.csv`, invoiceLinesCsv(invoices));
    return { invoices: invoices.map(view) };
  },
});

export const getInvoiceAction = defineAction({
  name: 'finops.invoice.get',
  method: 'GET',
  path: '/finops/invoices/:id',
  summary: 'One invoice with its lines (?format=json: the hashed invoice document, as a download; ?format=csv: one row per line)',
  scope: 'tenant',
  params: InvoiceId,
  query: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])) }, { additionalProperties: false }),
  resource: (ctx) => getInvoice(ctx.params.id),
  target: (ctx) => `invoice:${ctx.params.id}`,
  run: async (ctx, _input, invoice) => {
    if (ctx.query.format === 'json') {
      return new RawReply(canonicalJson(invoice.document), {
        'content-type': 'application/json',
        'content-disposition': `attachment; filename="invoice-${invoice.number}.json"`,
        'x-invoice-sha256': invoice.sha256,
      });
    }
    if (ctx.query.format === 'csv') return csvReply(`invoice-${invoice.number}.csv`, invoiceLinesCsv([invoice]));
    return { ...view(invoice), lines: await ratedLines(invoice.invoice_id) };
  },
});

export const invoiceEvidenceAction = defineAction({
  name: 'finops.invoice.evidence',
  method: 'GET',
  path: '/finops/invoices/:id/evidence',
  summary: 'The signed evidence pack of a finalised invoice: its receipt, its document and the meter readings and usage events behind its lines (verify offline with `companyos verify`)',
  scope: 'tenant',
  params: InvoiceId,
  resource: (ctx) => getInvoice(ctx.params.id),
  target: (ctx) => `invoice:${ctx.params.id}`,
  run: async (ctx, _input, invoice) => packReply(await invoicePack(invoice), `evidence-${ctx.tenantId}-invoice-${invoice.number}.tar.gz`),
});

export const finalizeInvoiceAction = defineAction({
  name: 'finops.invoice.finalize',
  method: 'POST',
  path: '/finops/invoices/:id/finalize',
  summary: 'Finalise a draft invoice: it is rated one last time and its hash is recorded in a receipt; it never changes again',
  scope: 'tenant',
  params: InvoiceId,
  resource: (ctx) => getInvoice(ctx.params.id),
  target: (ctx) => `invoice:${ctx.params.id}`,
  run: async (ctx, _input, found) => {
    if (found.status === 'finalized') throw new Problem('conflict', `invoice ${found.number} is already finalised`);
    // As the month-end job closes a month: no usage write of the tenant commits in between (month-end.ts).
    await lockTenant('usage');
    const { watermark } = await aggregateUsage(ctx.now);
    const { invoice } = await rateMonth(planCatalog(), found.period, ctx.now);
    const at = finalizationTime(ctx.now, watermark);
    const receiptId = await finalizeInvoice(invoice, { actor: ctx.principal.subjectId, bundleHash: ctx.bundleHash, requestId: ctx.requestId, at });
    return view({ ...invoice, status: 'finalized', finalized_at: at.toISOString(), receipt_id: receiptId });
  },
});

export const estimate = defineAction({
  name: 'finops.estimate',
  method: 'POST',
  path: '/finops/estimate',
  summary: 'Price a hypothetical month of usage on any plan (nothing is stored)',
  scope: 'tenant',
  input: Type.Object(
    {
      plan_id: Type.String({ minLength: 1, maxLength: 64 }),
      plan_version: Type.Optional(Type.Integer({ minimum: 1 })),
      period: Type.Optional(Period),
      internal: Type.Optional(Type.Boolean()),
      usage: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }), Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }), { maxProperties: 20 }),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({ plan_id: Type.String(), plan_version: Type.Integer(), currency: Type.String(), subtotal: Type.Integer(), tax: Type.Integer(), total: Type.Integer(), summary: Type.String(), lines: Type.Array(LineView) }),
  run: async (ctx, input) => {
    const plan = input.plan_version === undefined ? planCatalog().latest(input.plan_id) : planCatalog().get(input.plan_id, input.plan_version);
    if (plan === undefined) throw new Problem('invalid-request', `no plan ${input.plan_id}`, { errors: [{ in: 'body', field: 'plan_id', message: 'names no plan of the catalog' }] });
    const unknown = Object.keys(input.usage).filter((m) => meterOf(m) === undefined);
    if (unknown.length > 0) throw new Problem('invalid-request', `usage names no meter: ${unknown.join(', ')}`, { errors: unknown.map((m) => ({ in: 'body', field: `usage.${m}`, message: 'is not a meter' })) });
    const { from, to, days } = monthBounds(input.period ?? ctx.now.toISOString().slice(0, 7));
    const rated = rate([{ plan, internal: input.internal ?? false, from, to, quantities: input.usage }], days);
    return { plan_id: plan.id, plan_version: plan.version, currency: rated.currency, subtotal: rated.subtotal, tax: rated.tax, total: rated.total, summary: rated.summary, lines: rated.lines };
  },
});

export const billingActions = [listPlans, assignPlanAction, rateInvoice, listInvoicesAction, getInvoiceAction, invoiceEvidenceAction, finalizeInvoiceAction, estimate];
