// `companyos revops ...`: the deal desk through the HTTP API, so every lead, quote, approval and
// activation is decided, receipted and audited as it is from the console.

import type { Lead, Opportunity, Quote, QuoteDetail } from '@companyos/server';
import { callApi } from '../api-client.ts';
import { parse, required, UsageError } from '../args.ts';
import { downloadPack } from '../download-pack.ts';
import { printTable } from '../table.ts';
import { COMMAND_USAGE } from '../usage.ts';

const common = {
  url: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
  // Prints only the new record's id, for scripts.
  quiet: { type: 'boolean', short: 'q' },
} as const;


const BASE = '/api/v1/revops';

export async function revopsCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'leads':
      return rest[0] === 'create' ? createLead(rest.slice(1)) : rest[0] === 'list' ? listLeads(rest.slice(1)) : usage();
    case 'opportunities':
      return listOpportunities(rest);
    case 'quotes':
      return rest[0] === 'create' ? createQuote(rest.slice(1)) : rest[0] === 'list' ? listQuotes(rest.slice(1)) : rest[0] === 'show' ? showQuote(rest.slice(1)) : usage();
    case 'submit':
    case 'approve':
    case 'reject':
    case 'cancel':
      return decide(verb, rest);
    case 'activate':
      return activate(rest);
    case 'evidence':
      return evidence(rest);
    case 'impact':
      return impact(rest);
    default:
      return usage();
  }
}

function usage(): never {
  throw new UsageError(COMMAND_USAGE.revops!);
}

function wholeNumber(value: string, name: string): number {
  if (!/^(0|[1-9][0-9]*)$/.test(value)) throw new UsageError(`--${name} must be a whole number (amounts are integer minor units)`);
  return Number(value);
}

const money = (minor: number, currency: string): string => `${minor} ${currency}`;
const percent = (bp: number): string => `${bp / 100}%`;

async function createLead(args: string[]): Promise<number> {
  const { values } = parse(args, {
    ...common,
    company: { type: 'string' },
    'contact-name': { type: 'string' },
    'contact-email': { type: 'string' },
    segment: { type: 'string' },
    region: { type: 'string' },
    value: { type: 'string' },
    currency: { type: 'string' },
  });
  const body = {
    company: required(values.company, 'company'),
    contact: { name: required(values['contact-name'], 'contact-name'), email: required(values['contact-email'], 'contact-email') },
    segment: required(values.segment, 'segment'),
    region: required(values.region, 'region'),
    estimated_value_minor: wholeNumber(required(values.value, 'value'), 'value'),
    currency: required(values.currency, 'currency'),
  };
  const r = (await callApi('POST', `${BASE}/leads`, values, body)) as { lead: Lead; opportunity: Opportunity | null };
  if (values.json === true) print(r);
  else if (values.quiet === true) console.log(r.opportunity?.opportunity_id ?? r.lead.lead_id);
  else console.log(`lead ${r.lead.lead_id}: routed to ${r.lead.team} (${r.lead.owner})${r.opportunity === null ? '' : `; opportunity ${r.opportunity.opportunity_id}`}`);
  return 0;
}

function query(values: Record<string, unknown>, names: string[]): string {
  const q = new URLSearchParams();
  for (const n of names) if (typeof values[n] === 'string') q.set(n, values[n]);
  return q.size > 0 ? `?${q}` : '';
}

async function listLeads(args: string[]): Promise<number> {
  const { values } = parse(args, { ...common, team: { type: 'string' }, owner: { type: 'string' }, segment: { type: 'string' }, status: { type: 'string' } });
  const { leads } = (await callApi('GET', `${BASE}/leads${query(values, ['team', 'owner', 'segment', 'status'])}`, values)) as { leads: Lead[] };
  if (values.json === true) print({ leads });
  else printTable(['ID', 'COMPANY', 'SEGMENT', 'REGION', 'TEAM', 'OWNER', 'STATUS', 'OPPORTUNITY'], leads.map((l) => [l.lead_id, l.company, l.segment, l.region, l.team, l.owner, l.status, l.opportunity_id ?? '-']));
  return 0;
}

async function listOpportunities(args: string[]): Promise<number> {
  const { values } = parse(args, { ...common, team: { type: 'string' }, owner: { type: 'string' }, stage: { type: 'string' } });
  const { opportunities } = (await callApi('GET', `${BASE}/opportunities${query(values, ['team', 'owner', 'stage'])}`, values)) as { opportunities: Opportunity[] };
  if (values.json === true) print({ opportunities });
  else printTable(['ID', 'NAME', 'TEAM', 'OWNER', 'AMOUNT', 'STAGE'], opportunities.map((o) => [o.opportunity_id, o.name, o.team, o.owner, money(o.amount_minor, o.currency), o.stage]));
  return 0;
}

/** `PRODUCT:QTY:UNIT_PRICE_MINOR`, e.g. `platform-seat:10:120000`. */
function line(spec: string): { product: string; quantity: number; unit_price_minor: number } {
  const m = /^(.+):([0-9]+):([0-9]+)$/.exec(spec);
  if (m === null) throw new UsageError(`--line ${spec}: expected PRODUCT:QTY:UNIT_PRICE_MINOR`);
  return { product: m[1]!, quantity: Number(m[2]), unit_price_minor: Number(m[3]) };
}

async function createQuote(args: string[]): Promise<number> {
  const { values } = parse(args, {
    ...common,
    opportunity: { type: 'string' },
    currency: { type: 'string' },
    line: { type: 'string', multiple: true },
    'discount-bp': { type: 'string' },
    'term-months': { type: 'string' },
    'payment-terms': { type: 'string' },
    'valid-days': { type: 'string' },
  });
  if (values.line === undefined) throw new UsageError('--line is required (repeat it for several lines)');
  const body = {
    opportunity_id: required(values.opportunity, 'opportunity'),
    currency: required(values.currency, 'currency'),
    lines: values.line.map(line),
    discount_bp: wholeNumber(required(values['discount-bp'], 'discount-bp'), 'discount-bp'),
    terms: {
      term_months: wholeNumber(values['term-months'] ?? '12', 'term-months'),
      payment_terms: values['payment-terms'] ?? 'net_30',
      valid_days: wholeNumber(values['valid-days'] ?? '30', 'valid-days'),
    },
  };
  const q = (await callApi('POST', `${BASE}/quotes`, values, body)) as QuoteDetail;
  if (values.json === true) print(q);
  else if (values.quiet === true) console.log(q.quote_id);
  else console.log(`quote ${q.quote_id}: ${q.status}, total ${money(q.total_minor, q.currency)} after ${percent(q.discount_bp)} off ${money(q.subtotal_minor, q.currency)}`);
  return 0;
}

async function listQuotes(args: string[]): Promise<number> {
  const { values } = parse(args, { ...common, status: { type: 'string' }, owner: { type: 'string' }, opportunity: { type: 'string' } });
  const q = query({ ...values, opportunity_id: values.opportunity }, ['status', 'owner', 'opportunity_id']);
  const { quotes } = (await callApi('GET', `${BASE}/quotes${q}`, values)) as { quotes: Quote[] };
  if (values.json === true) print({ quotes });
  else printTable(['ID', 'STATUS', 'OWNER', 'DISCOUNT', 'TOTAL', 'VERSION'], quotes.map((x) => [x.quote_id, x.status, x.owner, percent(x.discount_bp), money(x.total_minor, x.currency), String(x.version)]));
  return 0;
}

const quotePath = (id: string | undefined, verb: string): string => {
  if (id === undefined) throw new UsageError(`revops ${verb} needs a quote id`);
  return `${BASE}/quotes/${encodeURIComponent(id)}`;
};

async function showQuote(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, common, true);
  const q = (await callApi('GET', quotePath(positionals[0], 'quotes show'), values)) as QuoteDetail;
  if (values.json === true) {
    print(q);
    return 0;
  }
  console.log(`quote ${q.quote_id} v${q.version}: ${q.status}, owner ${q.owner}`);
  printTable(['PRODUCT', 'QTY', 'UNIT PRICE', 'AMOUNT'], q.lines.map((l) => [l.product, String(l.quantity), String(l.unit_price_minor), String(l.amount_minor)]), '  ');
  console.log(`  subtotal ${money(q.subtotal_minor, q.currency)}, discount ${percent(q.discount_bp)} = ${q.discount_minor}, total ${money(q.total_minor, q.currency)}`);
  for (const m of q.missing_approvals) console.log(`  awaits ${m.role}: ${m.candidates.join(', ') || 'nobody eligible'}`);
  printTable(['AT', 'ACTOR', 'STEP', 'STATE', 'RATIONALE'], q.history.map((h) => [h.at, h.actor, h.transition, `${h.from_state ?? '-'} -> ${h.to_state}`, h.rationale ?? '-']), '  ');
  return 0;
}

async function decide(verb: 'submit' | 'approve' | 'reject' | 'cancel', args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...common, rationale: { type: 'string' } }, true);
  const rationale = verb === 'cancel' ? values.rationale : required(values.rationale, 'rationale');
  const path = `${quotePath(positionals[0], verb)}/${verb === 'submit' ? 'submit-for-approval' : verb}`;
  const q = (await callApi('POST', path, values, rationale === undefined ? {} : { rationale })) as QuoteDetail;
  if (values.json === true) print(q);
  else console.log(`${q.quote_id}: ${q.status}${q.missing_approvals.length === 0 ? '' : ` (awaiting approval by: ${q.missing_approvals.map((m) => m.role).join(', ')})`}`);
  return 0;
}

async function activate(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...common, 'effective-date': { type: 'string' } }, true);
  const body = values['effective-date'] === undefined ? {} : { effective_date: values['effective-date'] };
  const q = (await callApi('POST', `${quotePath(positionals[0], 'activate')}/activate`, values, body)) as QuoteDetail;
  if (values.json === true) print(q);
  else console.log(`${q.quote_id}: ${q.status}; contract ${q.contract?.contract_id ?? '-'} from ${q.contract?.effective_date ?? '-'}, ${q.contract?.term_months ?? '-'} months, ${money(q.total_minor, q.currency)}`);
  return 0;
}

async function evidence(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { url: common.url, token: common.token, out: { type: 'string', short: 'o' } }, true);
  const id = positionals[0];
  if (id === undefined) throw new UsageError('revops evidence needs a deal (opportunity) id');
  await downloadPack(`/api/v1/evidence/revops/deals/${encodeURIComponent(id)}`, values, values.out ?? `evidence-revops-deal-${id}.tar.gz`);
  return 0;
}

interface Impact {
  quotes: Array<{ quote_id: string; status: string; discount_bp: number; from: { required_approvals: string[]; self_approved: boolean }; to: { required_approvals: string[]; self_approved: boolean } }>;
}

async function impact(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...common, from: { type: 'string' } }, true);
  const to = positionals[0];
  if (to === undefined) throw new UsageError('revops impact needs the policy version to compare with (a number, active or base)');
  const r = (await callApi('POST', `${BASE}/policy-impact`, values, { to, ...(values.from === undefined ? {} : { from: values.from }) })) as Impact;
  const routing = (x: Impact['quotes'][number]['from']) => (x.self_approved ? 'self-approved' : x.required_approvals.join(' + ') || '-');
  if (values.json === true) print(r);
  else if (r.quotes.length === 0) console.log('no open quote would be re-routed');
  else printTable(['QUOTE', 'STATUS', 'DISCOUNT', 'NOW', 'THEN'], r.quotes.map((q) => [q.quote_id, q.status, percent(q.discount_bp), routing(q.from), routing(q.to)]));
  return 0;
}

function print(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}
