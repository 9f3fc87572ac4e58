import { Type, type TSchema } from '@sinclair/typebox';
import { getExport, listExports, type AuditExport } from '../audit/export-store.ts';
import { packDownload, ExportParams } from '../audit/export-actions.ts';
import { requestedPeriod } from '../board/actions.ts';
import { revenueOf, serviceFigures } from '../board/board-figures.ts';
import { monthsOf } from '../board/period.ts';
import { BrandingView } from '../branding/branding-model.ts';
import { currentBrandingView } from '../branding/branding-view.ts';
import { invoiceTotals, listInvoices } from '../finops/invoices.ts';
import { listReadings } from '../finops/meter-readings.ts';
import { Nullable } from '../http/schema.ts';
import { evidenceCoverage } from '../ledger/coverage.ts';
import { latestCheckpointStatus } from '../ledger/verify-ledger.ts';
import { serviceDays } from '../observability/service-samples.ts';
import { defineAction } from '../pipeline/define-action.ts';
import { activeVersion } from '../policy/bundle-store.ts';
import { currentDigest, verifyArtefact } from '../supply-chain/provenance.ts';
import { supplyChain } from '../supply-chain/supply-chain.ts';
import { masked, refuse, visibleFields } from './presentation.ts';

// What a portal viewer sees of the tenant. Every answer is cut on the server to the fields the
// tenant's presentation policy shows the viewer's role, purpose and legal basis, and names them.

/** A record schema whose every field may be withheld. */
const Masked = <T extends Record<string, TSchema>>(fields: T) => Type.Partial(Type.Object(fields));
const Visible = Type.Array(Type.String(), { description: 'the fields the presentation policy shows this viewer; the others are withheld' });
const Money = Type.Record(Type.String(), Type.Integer(), { description: 'minor units by currency' });
const DAY_MS = 86_400_000;
/** The window of the overview's recent figures. */
export const RECENT_DAYS = 30;

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

const OverviewRecord = Masked({
  display_name: Type.String(),
  bundle_hash: Type.String(),
  bundle_version: Nullable(Type.Integer()),
  checkpoint_size: Nullable(Type.Integer()),
  checkpoint_root: Nullable(Type.String()),
  checkpoint_key: Nullable(Type.String()),
  checkpoint_at: Nullable(Type.String({ format: 'date-time' })),
  checkpoint_signature: Type.Union([Type.Literal('verified'), Type.Literal('failed'), Type.Literal('none')]),
  evidence_coverage: Nullable(Type.Number()),
  receipts_30d: Type.Integer(),
  allowed_actions_30d: Type.Integer(),
});

export const portalOverview = defineAction({
  name: 'portal.overview.get',
  method: 'GET',
  path: '/portal/overview',
  summary: "The tenant's trust posture for a portal viewer: latest ledger checkpoint and whether its signature verifies, active bundle, evidence coverage",
  scope: 'tenant',
  response: Type.Object({ overview: OverviewRecord, visible_fields: Visible, branding: BrandingView }),
  run: async (ctx) => {
    const visible = visibleFields(ctx, 'portal_overview');
    const checkpoint = await latestCheckpointStatus();
    const coverage = await evidenceCoverage(new Date(ctx.now.getTime() - RECENT_DAYS * DAY_MS), ctx.now);
    const overview = {
      display_name: ctx.tenant.config.display_name,
      bundle_hash: ctx.bundleHash,
      bundle_version: (await activeVersion())?.version ?? null,
      checkpoint_size: checkpoint?.size ?? null,
      checkpoint_root: checkpoint?.rootHash ?? null,
      checkpoint_key: checkpoint?.kid ?? null,
      checkpoint_at: checkpoint?.createdAt ?? null,
      checkpoint_signature: checkpoint === undefined ? ('none' as const) : checkpoint.signatureOk ? ('verified' as const) : ('failed' as const),
      evidence_coverage: ratio(coverage.inLedger, coverage.allowed),
      receipts_30d: coverage.receipts,
      allowed_actions_30d: coverage.allowed,
    };
    return { overview: masked(overview, visible), visible_fields: visible, branding: (await currentBrandingView())!.view };
  },
});

const EvidencePackRecord = Masked({
  export_id: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  status: Type.String(),
  window_from: Type.String({ format: 'date-time' }),
  window_to: Type.String({ format: 'date-time' }),
  sha256: Type.String(),
  size: Type.Integer(),
  counts: Type.Record(Type.String(), Type.Integer()),
  requested_by: Type.String(),
  download: Type.String({ description: 'where this viewer downloads the pack' }),
});

const packRecord = (e: AuditExport) => ({
  export_id: e.export_id,
  created_at: e.created_at,
  status: e.status,
  window_from: e.window.from,
  window_to: e.window.to,
  sha256: e.pack_sha256!,
  size: e.pack_size!,
  counts: { ...e.counts },
  requested_by: e.requested_by,
  download: `/api/v1/portal/audit/${e.export_id}/download`,
});

export const portalAudit = defineAction({
  name: 'portal.audit.list',
  method: 'GET',
  path: '/portal/audit',
  summary: "The tenant's finished evidence packs a portal viewer may see, with a download link where the policy allows it",
  scope: 'tenant',
  response: Type.Object({ evidence_packs: Type.Array(EvidencePackRecord), visible_fields: Visible }),
  run: async (ctx) => {
    const visible = visibleFields(ctx, 'evidence_pack');
    const done = (await listExports(100)).filter((e) => e.status === 'done' && e.pack_sha256 !== null);
    return { evidence_packs: done.map((e) => masked(packRecord(e), visible)), visible_fields: visible };
  },
});

export const portalAuditDownload = defineAction({
  name: 'portal.audit.download',
  method: 'GET',
  path: '/portal/audit/:id/download',
  summary: 'Download a finished evidence pack as a portal viewer, when the presentation policy shows the viewer its download',
  scope: 'tenant',
  params: ExportParams,
  resource: (ctx) => getExport(ctx.params.id),
  target: (ctx) => `export:${ctx.params.id}`,
  run: async (ctx, _input, e) => {
    if (!visibleFields(ctx, 'evidence_pack').includes('download')) throw refuse(ctx, "the tenant's presentation policy does not show this viewer the download of evidence packs");
    return packDownload(ctx.tenantId, e);
  },
});

const ReadingRecord = Masked({ meter: Type.String(), day: Type.String({ format: 'date' }), quantity: Type.Number(), events: Type.Integer() });
const InvoiceRecord = Masked({
  invoice_id: Type.String(),
  number: Type.String(),
  period: Type.String(),
  status: Type.String(),
  currency: Type.String(),
  subtotal: Type.Integer(),
  tax: Type.Integer(),
  total: Type.Integer(),
  sha256: Type.String(),
});
const Month = Type.String({ pattern: '^[1-9][0-9]{3}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });

/** The first day of the month after a YYYY-MM month. */
function nextMonthStart(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
}

export const portalBilling = defineAction({
  name: 'portal.billing.get',
  method: 'GET',
  path: '/portal/billing',
  summary: "The tenant's daily meter readings of a month and its invoices, as its presentation policy shows them to a portal viewer",
  scope: 'tenant',
  query: Type.Object({ month: Type.Optional(Month) }, { additionalProperties: false }),
  response: Type.Object({
    month: Month,
    meter_readings: Type.Array(ReadingRecord),
    invoices: Type.Array(InvoiceRecord),
    visible_fields: Type.Object({ meter_reading: Visible, invoice: Visible }),
  }),
  run: async (ctx) => {
    const month = ctx.query.month ?? ctx.now.toISOString().slice(0, 7);
    const readingFields = visibleFields(ctx, 'meter_reading');
    const invoiceFields = visibleFields(ctx, 'invoice');
    const readings = await listReadings({ from: `${month}-01`, to: nextMonthStart(month) });
    const invoices = await listInvoices(24);
    return {
      month,
      meter_readings: readings.map((r) => masked({ meter: r.meter, day: r.day, quantity: r.quantity, events: r.events }, readingFields)),
      invoices: invoices.map((i) =>
        masked({ invoice_id: i.invoice_id, number: i.number, period: i.period, status: i.status, currency: i.currency, subtotal: i.subtotal, tax: i.tax, total: i.total, sha256: i.sha256 }, invoiceFields),
      ),
      visible_fields: { meter_reading: readingFields, invoice: invoiceFields },
    };
  },
});

const FinanceRecord = Masked({
  period: Type.String(),
  revenue: Money,
  draft_revenue: Money,
  requests: Type.Integer(),
  availability: Nullable(Type.Number()),
  p95_ms: Nullable(Type.Number()),
  sla_days_met: Type.Integer(),
  sla_days_total: Type.Integer(),
  sla_compliance: Nullable(Type.Number()),
});

const currentQuarter = (now: Date): string => `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;

export const portalFinance = defineAction({
  name: 'portal.finance.get',
  method: 'GET',
  path: '/portal/finance',
  summary: "The tenant's revenue (its invoices) and SLA compliance (its stored service samples) for a period, as the board pack computes them",
  scope: 'tenant',
  query: Type.Object({ period: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'as for board packs (default: the current quarter)' })) }, { additionalProperties: false }),
  response: Type.Object({ finance: FinanceRecord, visible_fields: Visible }),
  run: async (ctx) => {
    const period = requestedPeriod(ctx.query.period ?? currentQuarter(ctx.now), ctx.now, 'query');
    const visible = visibleFields(ctx, 'finance_summary');
    const service = serviceFigures(await serviceDays(period.from, period.to));
    const revenue = revenueOf(await invoiceTotals(monthsOf(period)));
    const finance = {
      period: period.text,
      revenue: revenue.finalized,
      draft_revenue: revenue.draft,
      requests: service.requests,
      availability: service.availability,
      p95_ms: service.p95Ms,
      sla_days_met: service.slaDays.met,
      sla_days_total: service.slaDays.total,
      sla_compliance: ratio(service.slaDays.met, service.slaDays.total),
    };
    return { finance: masked(finance, visible), visible_fields: visible };
  },
});

const ArtefactRecord = Masked({
  name: Type.String(),
  digest: Type.String({ description: 'SHA-256 of the file' }),
  builder: Type.String(),
  build_type: Type.String(),
  statement: Type.Object(
    { payloadType: Type.String(), payload: Type.String(), signatures: Type.Array(Type.Object({ keyid: Type.String(), sig: Type.String() })) },
    { description: 'the DSSE envelope of its in-toto statement (SLSA provenance v1), signed by the platform key' },
  ),
  signed_at: Type.String({ format: 'date-time' }),
  verified: Type.Boolean({ description: 'the signature holds under the platform JWKS and the file still has the digest the statement names' }),
});

export const portalSupplyChain = defineAction({
  name: 'portal.supply_chain.get',
  method: 'GET',
  path: '/portal/supply-chain',
  summary: "The platform's release artefacts with their signed SLSA provenance statements, each checked against the platform key and the file as served",
  scope: 'tenant',
  response: Type.Object({
    artefacts: Type.Array(ArtefactRecord),
    visible_fields: Visible,
    platform_jwks: Type.Object({ keys: Type.Array(Type.Record(Type.String(), Type.Unknown())) }, { description: 'verifies every statement' }),
  }),
  run: async (ctx) => {
    const visible = visibleFields(ctx, 'supply_chain_artefact');
    const chain = supplyChain();
    const jwks = chain.jwks();
    const artefacts = (await chain.artefacts()).map((a) =>
      masked(
        { name: a.name, digest: a.sha256, builder: a.builder, build_type: a.build_type, statement: a.statement, signed_at: a.signed_at, verified: verifyArtefact(a.statement, jwks, currentDigest(a.path)).ok },
        visible,
      ),
    );
    return { artefacts, visible_fields: visible, platform_jwks: jwks };
  },
});

export const portalViewActions = [portalOverview, portalAudit, portalAuditDownload, portalBilling, portalFinance, portalSupplyChain];
