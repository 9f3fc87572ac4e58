import { parse } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import { planCatalog } from '../finops/plan-catalog.ts';

/** One partner tenant to onboard, as a row of the cohort file. */
export interface RosterRow {
  /** The line of the file the row is on (1: the header; a quoted value over several lines: its last). */
  line: number;
  id: string;
  name: string;
  region: string;
  owner: string;
  admin: string;
  admin_name: string;
  webhook_url: string;
  plan: string;
  env: 'dev' | 'staging' | 'prod';
}

export interface RosterError {
  line: number;
  column?: string;
  message: string;
}

export const REQUIRED_COLUMNS = ['id', 'name', 'region', 'owner', 'admin', 'webhook_url', 'plan'] as const;
export const OPTIONAL_COLUMNS = ['admin_name', 'env'] as const;
/** A cohort is onboarded in one go; a larger one is split into several files. */
export const MAX_ROWS = 500;
const REGIONS = ['eu', 'us', 'uk', 'apac'];
const ENVS = ['dev', 'staging', 'prod'];
// The same shapes the tenant and subject schemas of the API accept.
const TENANT_ID = /^[a-z][a-z0-9-]{1,62}$/;
const SUBJECT_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;
const EMAIL = /^[^\s@"<>]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$/;

function webhookProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http or https URL';
  if (url.username !== '' || url.password !== '') return 'must not carry credentials';
  return undefined;
}

/** Each problem of one row, by column. */
function rowProblems(r: Record<string, string>, plans: (id: string) => boolean): Array<{ column: string; message: string }> {
  const problems: Array<{ column: string; message: string }> = [];
  const check = (column: string, ok: boolean, message: string) => {
    if (!ok) problems.push({ column, message });
  };
  check('id', TENANT_ID.test(r.id!), `"${r.id}" is not a tenant id (a lower-case slug: a letter, then letters, digits or -, 2-63 long)`);
  check('name', r.name!.length >= 1 && r.name!.length <= 120, 'must be 1-120 characters');
  check('region', REGIONS.includes(r.region!), `"${r.region}" is not a region (${REGIONS.join(', ')})`);
  check('owner', r.owner!.length <= 254 && EMAIL.test(r.owner!), `"${r.owner}" is not an email address`);
  check('admin', SUBJECT_ID.test(r.admin!), `"${r.admin}" is not a subject id`);
  const hook = webhookProblem(r.webhook_url!);
  check('webhook_url', hook === undefined, hook ?? '');
  check('plan', plans(r.plan!), `"${r.plan}" is no plan of the catalog`);
  if (r.admin_name !== undefined && r.admin_name !== '') check('admin_name', r.admin_name.length <= 120, 'must be at most 120 characters');
  if (r.env !== undefined && r.env !== '') check('env', ENVS.includes(r.env), `"${r.env}" is not an environment (${ENVS.join(', ')})`);
  return problems;
}

/**
 * Reads a cohort file (CSV with a header row) and validates all of it before anything is done:
 * every bad row is named with its line and column, and so is every id given twice. Rows are
 * returned only when the whole file is good.
 */
export function parseRoster(text: string, plans: (id: string) => boolean = (id) => planCatalog().latest(id) !== undefined): { rows: RosterRow[]; errors: RosterError[] } {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  let header: string[] = [];
  try {
    records = parse(text, { columns: (h: string[]) => (header = h.map((c) => String(c).trim().toLowerCase())), info: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    if (e instanceof CsvError) return { rows: [], errors: [{ line: (e as CsvError & { lines?: number }).lines ?? 1, message: e.message }] };
    throw e;
  }
  if (header.length === 0) return { rows: [], errors: [{ line: 1, message: 'the file is empty: it needs a header row and a row per tenant' }] };
  const errors: RosterError[] = [];
  const known: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
  for (const c of REQUIRED_COLUMNS) if (!header.includes(c)) errors.push({ line: 1, column: c, message: `the header lacks the column ${c}` });
  for (const c of header) if (!known.includes(c)) errors.push({ line: 1, column: c, message: `unknown column "${c}" (columns: ${known.join(', ')})` });
  if (new Set(header).size !== header.length) errors.push({ line: 1, message: 'a column is named twice' });
  if (errors.length > 0) return { rows: [], errors };
  if (records.length === 0) return { rows: [], errors: [{ line: 2, message: 'the file has no tenants' }] };
  if (records.length > MAX_ROWS) return { rows: [], errors: [{ line: 1, message: `${records.length} tenants: at most ${MAX_ROWS} in one cohort file` }] };

  const rows: RosterRow[] = [];
  const seen = new Map<string, number>();
  for (const { record: r, info } of records) {
    const line = info.lines;
    for (const p of rowProblems(r, plans)) errors.push({ line, ...p });
    const first = seen.get(r.id!);
    if (first !== undefined) errors.push({ line, column: 'id', message: `tenant ${r.id} is already on line ${first}` });
    else seen.set(r.id!, line);
    rows.push({
      line,
      id: r.id!,
      name: r.name!,
      region: r.region!,
      owner: r.owner!,
      admin: r.admin!,
      admin_name: r.admin_name === undefined || r.admin_name === '' ? r.admin! : r.admin_name,
      webhook_url: r.webhook_url!,
      plan: r.plan!,
      env: (r.env === undefined || r.env === '' ? 'prod' : r.env) as RosterRow['env'],
    });
  }
  return errors.length > 0 ? { rows: [], errors } : { rows, errors };
}
