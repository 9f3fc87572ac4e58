import { createRequire } from 'node:module';
import type { BoardFigures, TenantFigures } from './board-figures.ts';
import { SLA } from './board-figures.ts';
import { INPUT_SOURCES, type InputName } from './board-inputs.ts';
import type { Period } from './period.ts';

export interface BoardPdfInput {
  period: Period;
  figures: BoardFigures;
  digests: Record<InputName, string>;
  generatedAt: Date;
  generatedBy: string;
  /** Where the console and the API are reached, for the links. */
  baseUrl: string;
  /** How long reading the inputs took. */
  readMs: number;
}

const pct = (x: number | null, digits = 2): string => (x === null ? 'no data' : `${(x * 100).toFixed(digits)}%`);
const ms = (x: number | null): string => (x === null ? 'no data' : `${x.toFixed(1)} ms`);
const day = (d: Date): string => d.toISOString().slice(0, 10);

/** Minor units as an amount of the currency, with its own number of decimals. */
export function money(minor: number, currency: string): string {
  const f = new Intl.NumberFormat('en-GB', { style: 'currency', currency, currencyDisplay: 'code' });
  // A plain space after the code: the PDF's standard fonts have no no-break space.
  return f.format(minor / 10 ** (f.resolvedOptions().maximumFractionDigits ?? 2)).replace(/\u00a0/g, ' ');
}

const amounts = (byCurrency: Record<string, number>): string => {
  const entries = Object.entries(byCurrency).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length === 0 ? 'none' : entries.map(([c, n]) => money(n, c)).join(', ');
};

// The PDF library is loaded on the first board pack, not by every process that loads the app.
const require = createRequire(import.meta.url);

/** Renders the board pack; resolves with the PDF's bytes. */
export function renderBoardPdf(o: BoardPdfInput): Promise<Buffer> {
  const PDFDocument = require('pdfkit') as typeof import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `CompanyOS board pack ${o.period.text}`, Author: o.generatedBy, Subject: 'Trust, evidence, service and revenue figures', CreationDate: o.generatedAt, ModDate: o.generatedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const f = o.figures;
  const heading = (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(14).text(text).moveDown(0.3).font('Helvetica').fontSize(10);
  const row = (label: string, value: string) => doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  const mono = (text: string) => doc.font('Courier').fontSize(8).text(text).font('Helvetica').fontSize(10);

  doc.font('Helvetica-Bold').fontSize(20).text(`Board pack ${o.period.text}`);
  doc.font('Helvetica').fontSize(10);
  doc.text(`Period ${day(o.period.from)} to ${o.period.to.toISOString()} (end exclusive)${o.period.partial ? ', cut at generation time: the period is still running' : ''}.`);
  doc.text(`Generated ${o.generatedAt.toISOString()} by ${o.generatedBy}. Every figure is computed from stored data at that time; the appendix names each source and its SHA-256.`);

  heading('Headline figures');
  row('North-star: receipted governed actions', `${f.northStar.receipts} receipts (${f.northStar.inLedger} of ${f.northStar.allowedActions} allowed actions already in a tenant ledger)`);
  row('Evidence coverage', `${pct(f.coverage)} of allowed actions have their receipt in the ledger`);
  row('Uptime (request-based)', `${pct(f.uptime, 3)} of ${f.requests} governed requests answered without a server error (${f.errors} errors)`);
  row('API p95 latency', ms(f.p95Ms));
  row('Partners', `${f.partners.total} partner tenants, ${f.partners.active} active, ${f.partners.createdInPeriod} new in the period`);
  row('Onboarding status', Object.entries(f.partners.byStage).map(([stage, n]) => `${n} ${stage}`).join(', '));
  row('Revenue (finalised invoices)', amounts(f.revenue.finalized));
  row('Invoices still in draft', amounts(f.revenue.draft));
  row('SLA compliance', `${pct(f.sla.compliance, 1)} (${f.sla.met} of ${f.sla.total} tenant-days with traffic met availability >= ${SLA.availability * 100}% and p95 <= ${SLA.p95Ms} ms)`);

  heading('Tenants');
  for (const t of f.tenants) tenantBlock(doc, t, row, mono);

  heading('Links');
  doc.text(`Console: ${o.baseUrl}/`);
  for (const t of f.tenants) doc.text(`${t.tenant_id} public keys: ${o.baseUrl}/api/v1/tenants/${t.tenant_id}/jwks.json`);
  doc.text(`Newest checkpoint of a tenant (as that tenant): ${o.baseUrl}/api/v1/provenance/checkpoint`);
  doc.text(`Receipt of this pack (as the operator): ${o.baseUrl}/api/v1/provenance/receipts/<x-receipt-id>`);

  doc.addPage();
  heading('Appendix: data sources');
  doc.text(`Inputs read in ${o.readMs} ms. Each source below is hashed as canonical JSON (RFC 8785); the receipt of this pack records these digests and the SHA-256 of this file.`);
  for (const [name, what] of Object.entries(INPUT_SOURCES) as Array<[InputName, string]>) {
    doc.moveDown(0.4);
    row(name, what);
    mono(`sha256 ${o.digests[name]}`);
  }
  doc.end();
  return done;
}

function tenantBlock(doc: PDFKit.PDFDocument, t: TenantFigures, row: (l: string, v: string) => unknown, mono: (s: string) => unknown): void {
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11).text(`${t.tenant_id} - ${t.display_name}${t.platform ? ' (platform)' : ''}`).font('Helvetica').fontSize(10);
  row('Status', `${t.status}; onboarding: ${t.onboarding}`);
  row('Active policy bundle', t.bundle.version === null ? 'the base bundle' : `version ${t.bundle.version}`);
  mono(`bundle sha256 ${t.bundle.hash}`);
  if (t.checkpoint === null) row('Latest ledger checkpoint', 'none yet');
  else {
    row('Latest ledger checkpoint', `size ${t.checkpoint.size}, ${t.checkpoint.createdAt}, key ${t.checkpoint.kid}, signature ${t.checkpoint.signatureOk ? 'verifies' : 'DOES NOT VERIFY'}`);
    mono(`root ${t.checkpoint.rootHash}`);
  }
  row('Evidence', `${t.receipts} receipts; coverage ${pct(t.coverage)}`);
  row('Service', `${t.requests} requests; uptime ${pct(t.availability, 3)}; p95 ${ms(t.p95Ms)}; SLA days ${t.slaDays.met}/${t.slaDays.total}`);
  row('Revenue', amounts(t.revenue));
}
