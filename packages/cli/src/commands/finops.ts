// `companyos finops ...`: usage, meter readings, invoices and estimates through the HTTP API, so
// each read and each rating is decided, receipted and audited as from the console.

import { callApi } from '../api-client.ts';
import { parse, required, UsageError } from '../args.ts';
import { downloadPack } from '../download-pack.ts';
import { printTable } from '../table.ts';
import { COMMAND_USAGE } from '../usage.ts';

const common = {
  url: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
} as const;


interface Line {
  line_no: number;
  description: string;
  amount: number;
}

interface Invoice {
  invoice_id: string;
  number: string;
  period: string;
  status: string;
  currency: string;
  total: number;
  summary: string;
  lines: Line[];
}

const print = (x: unknown) => console.log(JSON.stringify(x, null, 2));

function query(values: Record<string, string | boolean | undefined>, keys: string[]): string {
  const q = new URLSearchParams();
  for (const k of keys) if (typeof values[k] === 'string') q.set(k, values[k] as string);
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

function showInvoice(i: Invoice): void {
  console.log(`${i.number} (${i.period}, ${i.status}): ${i.summary}`);
  printTable(['#', 'LINE', 'AMOUNT'], i.lines.map((l) => [String(l.line_no), l.description, `${l.amount} ${i.currency}`]), '  ');
}

/** Downloads a finalised invoice's signed evidence pack (the usage behind its lines included). */
async function invoiceEvidence(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { url: common.url, token: common.token, out: { type: 'string', short: 'o' } }, true);
  const id = positionals[0];
  if (id === undefined) throw new UsageError(`finops invoices evidence needs an invoice id\n${COMMAND_USAGE.finops!}`);
  await downloadPack(`/api/v1/finops/invoices/${encodeURIComponent(id)}/evidence`, values, values.out ?? `evidence-invoice-${id}.tar.gz`);
  return 0;
}

export async function finopsCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'usage': {
      const { values } = parse(rest, { ...common, meter: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, limit: { type: 'string' } });
      const r = (await callApi('GET', `/api/v1/finops/usage${query(values, ['meter', 'from', 'to', 'limit'])}`, values)) as { events: Array<Record<string, unknown>> };
      if (values.json === true) print(r);
      else printTable(['OCCURRED', 'METER', 'QUANTITY', 'SUBJECT', 'SOURCE', 'KEY'], r.events.map((e) => [e.occurred_at, e.meter, e.quantity, e.subject ?? '', e.source, e.idempotency_key].map(String)));
      return 0;
    }
    case 'readings': {
      const { values } = parse(rest, { ...common, meter: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } });
      const r = (await callApi('GET', `/api/v1/finops/meter-readings${query(values, ['meter', 'from', 'to'])}`, values)) as { readings: Array<Record<string, unknown>> };
      if (values.json === true) print(r);
      else printTable(['DAY', 'METER', 'QUANTITY', 'EVENTS'], r.readings.map((x) => [x.day, x.meter, x.quantity, x.events].map(String)));
      return 0;
    }
    case 'invoices': {
      if (rest[0] === 'evidence') return invoiceEvidence(rest.slice(1));
      const { values, positionals } = parse(rest, common, true);
      if (positionals[0] !== undefined) {
        const i = (await callApi('GET', `/api/v1/finops/invoices/${encodeURIComponent(positionals[0])}`, values)) as Invoice;
        if (values.json === true) print(i);
        else showInvoice(i);
        return 0;
      }
      const r = (await callApi('GET', '/api/v1/finops/invoices', values)) as { invoices: Invoice[] };
      if (values.json === true) print(r);
      else printTable(['ID', 'NUMBER', 'PERIOD', 'STATUS', 'TOTAL'], r.invoices.map((i) => [i.invoice_id, i.number, i.period, i.status, `${i.total} ${i.currency}`]));
      return 0;
    }
    case 'rate': {
      const { values } = parse(rest, { ...common, period: { type: 'string' } });
      const r = (await callApi('POST', '/api/v1/finops/invoices/rate', values, { period: required(values.period, 'period') })) as { changed: boolean; invoice: Invoice };
      if (values.json === true) print(r);
      else showInvoice(r.invoice);
      return 0;
    }
    case 'estimate': {
      const { values, positionals } = parse(rest, { ...common, plan: { type: 'string' }, period: { type: 'string' }, internal: { type: 'boolean' } }, true);
      const usage: Record<string, number> = {};
      for (const p of positionals) {
        const m = /^([a-z][a-z0-9_]*)=(\d+)$/.exec(p);
        if (m === null) throw new UsageError(`"${p}" is not METER=QUANTITY\n${COMMAND_USAGE.finops!}`);
        usage[m[1]!] = Number(m[2]);
      }
      const body = { plan_id: required(values.plan, 'plan'), usage, ...(values.period !== undefined ? { period: values.period } : {}), ...(values.internal === true ? { internal: true } : {}) };
      const r = (await callApi('POST', '/api/v1/finops/estimate', values, body)) as { currency: string; total: number; summary: string; lines: Line[] };
      if (values.json === true) print(r);
      else {
        console.log(r.summary);
        printTable(['#', 'LINE', 'AMOUNT'], r.lines.map((l) => [String(l.line_no), l.description, `${l.amount} ${r.currency}`]), '  ');
      }
      return 0;
    }
    default:
      throw new UsageError(COMMAND_USAGE.finops!);
  }
}
