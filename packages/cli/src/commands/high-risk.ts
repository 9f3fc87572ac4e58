// `companyos high-risk ...`: the temporary database access workflow through the HTTP API, so each
// request, approval and grant is decided, receipted and audited as it is from the console.

import type { HighRiskDetail, HighRiskRequest, RequestMissingReceipts } from '@companyos/server';
import { callApi } from '../api-client.ts';
import { downloadPack } from '../download-pack.ts';
import { parse, required, UsageError } from '../args.ts';
import { printTable } from '../table.ts';
import { COMMAND_USAGE } from '../usage.ts';

const common = {
  url: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
} as const;


const PATH = '/api/v1/high-risk-ops/requests';

interface Credentials {
  username: string;
  password: string;
  database: string;
  valid_until: string;
}

export async function highRiskCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'request':
      return request(rest);
    case 'list':
      return list(rest);
    case 'show': {
      const { values, positionals } = parse(rest, common, true);
      const r = (await callApi('GET', requestPath(positionals[0], verb), values)) as HighRiskDetail;
      if (values.json === true) print(r);
      else showDetail(r);
      return 0;
    }
    case 'approve':
    case 'deny':
    case 'cancel':
    case 'revoke': {
      const { values, positionals } = parse(rest, { ...common, rationale: { type: 'string' } }, true);
      // An approver's decision needs a reason; a cancel or revoke may give one.
      const rationale = verb === 'approve' || verb === 'deny' ? required(values.rationale, 'rationale') : values.rationale;
      const r = (await callApi('POST', `${requestPath(positionals[0], verb)}/${verb}`, values, rationale === undefined ? {} : { rationale })) as HighRiskDetail;
      if (values.json === true) print(r);
      else console.log(`${r.request_id}: ${verb === 'revoke' ? 'revoke queued, access is being removed' : r.status}${missingLine(r)}`);
      return 0;
    }
    case 'execute':
      return execute(rest);
    case 'evidence':
      return evidence(rest);
    case 'missing-receipts':
      return missingReceipts(rest);
    default:
      throw new UsageError(COMMAND_USAGE['high-risk']!);
  }
}

async function request(args: string[]): Promise<number> {
  const { values } = parse(args, {
    ...common,
    operation: { type: 'string' },
    database: { type: 'string' },
    schema: { type: 'string' },
    table: { type: 'string', multiple: true },
    minutes: { type: 'string' },
    rationale: { type: 'string' },
  });
  const minutes = required(values.minutes, 'minutes');
  if (!/^[1-9][0-9]*$/.test(minutes)) throw new UsageError('--minutes must be a whole number of minutes');
  if (values.table === undefined) throw new UsageError('--table is required (repeat it for several tables)');
  const body = {
    operation: required(values.operation, 'operation'),
    target: { database: required(values.database, 'database'), schema: required(values.schema, 'schema'), tables: values.table },
    duration_minutes: Number(minutes),
    rationale: required(values.rationale, 'rationale'),
  };
  const r = (await callApi('POST', PATH, values, body)) as HighRiskDetail;
  if (values.json === true) print(r);
  else console.log(`${r.request_id}: ${r.status}${missingLine(r)}`);
  return 0;
}

async function list(args: string[]): Promise<number> {
  const filters = { status: { type: 'string' }, requester: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } } as const;
  const { values } = parse(args, { ...common, ...filters });
  const query = new URLSearchParams();
  for (const name of Object.keys(filters) as (keyof typeof filters)[]) if (values[name] !== undefined) query.set(name, values[name]);
  const result = (await callApi('GET', `${PATH}${query.size > 0 ? `?${query}` : ''}`, values)) as { requests: HighRiskRequest[] };
  if (values.json === true) {
    print(result);
    return 0;
  }
  const rows = result.requests.map((r) => [r.request_id, r.status, r.requester, r.operation, tables(r), r.created_at, r.active_until ?? '-']);
  printTable(['ID', 'STATUS', 'REQUESTER', 'OPERATION', 'TABLES', 'CREATED', 'ACTIVE UNTIL'], rows);
  return 0;
}

async function execute(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...common, 'db-host': { type: 'string' } }, true);
  const r = (await callApi('POST', `${requestPath(positionals[0], 'execute')}/execute`, values, {})) as HighRiskDetail & { credentials: Credentials };
  if (values.json === true) {
    print(r);
    return 0;
  }
  const c = r.credentials;
  const host = values['db-host'] === undefined ? '' : ` -h ${values['db-host']}`;
  console.log(`${r.request_id}: ${r.status} until ${c.valid_until}, read access to ${tables(r)}`);
  console.log('These credentials are shown only once: CompanyOS does not keep the password.');
  console.log(`  user      ${c.username}\n  password  ${c.password}\n  database  ${c.database}`);
  // The password is base64url, so it needs no quoting in a shell.
  console.log(`Connect: PGPASSWORD=${c.password} psql${host} -U ${c.username} -d ${c.database}`);
  return 0;
}

/** Saves the request's evidence pack (the audit export's format). */
async function evidence(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { url: common.url, token: common.token, out: { type: 'string', short: 'o' } }, true);
  const id = requestId(positionals[0], 'evidence');
  await downloadPack(`/api/v1/evidence/high-risk-ops/${id}`, values, values.out ?? `evidence-high-risk-${id}.tar.gz`);
  return 0;
}

type MissingStep = RequestMissingReceipts['missing_steps'][number];

const missingStep = (m: MissingStep): string => `${m.expected} ${m.step} step(s) but ${m.found} ${m.action} receipt(s)`;

/** For a cron: exit 1 while an executed request lacks a receipt for a step of its history. */
async function missingReceipts(args: string[]): Promise<number> {
  const { values } = parse(args, common);
  const { requests } = (await callApi('GET', '/api/v1/high-risk-ops/missing-receipts', values)) as { requests: RequestMissingReceipts[] };
  if (values.json === true) print({ requests });
  else if (requests.length === 0) console.log('every executed high-risk request has a receipt for each step of its history');
  else for (const r of requests) console.log(`${r.request_id} ${r.status}, requested by ${r.requester}: ${r.missing_steps.map(missingStep).join('; ')}`);
  return requests.length === 0 ? 0 : 1;
}

function showDetail(r: HighRiskDetail): void {
  const fields: [string, string][] = [
    ['status', r.status],
    ['operation', r.operation],
    ['requester', r.requester],
    ['target', `database ${r.target.database}: ${tables(r)}`],
    ['duration', `${r.duration_minutes} minutes`],
    ['rationale', r.rationale],
    ['created', r.created_at],
    ['pending until', r.pending_until],
    ['active until', r.active_until ?? '-'],
    ['missing approvals', r.missing_approvals.length === 0 ? '-' : r.missing_approvals.join(', ')],
  ];
  console.log(`request ${r.request_id}`);
  for (const [name, value] of fields) console.log(`  ${name.padEnd(19)}${value}`);
  console.log('history');
  printTable(
    ['AT', 'ACTOR', 'TRANSITION', 'STATE', 'RATIONALE'],
    r.history.map((h) => [h.at, h.actor, h.transition, `${h.from_state ?? '-'} -> ${h.to_state}`, h.rationale ?? '-']),
    '  ',
  );
}

function missingLine(r: HighRiskDetail): string {
  return r.missing_approvals.length === 0 ? '' : ` (awaiting approval by: ${r.missing_approvals.join(', ')})`;
}

const tables = (r: HighRiskRequest): string => r.target.tables.map((t) => `${r.target.schema}.${t}`).join(', ');

function requestId(id: string | undefined, verb: string): string {
  if (id === undefined) throw new UsageError(`high-risk ${verb} needs a request id`);
  return encodeURIComponent(id);
}

const requestPath = (id: string | undefined, verb: string): string => `${PATH}/${requestId(id, verb)}`;

function print(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}
