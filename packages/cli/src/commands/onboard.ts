// `companyos onboard --batch FILE`: onboards a cohort of partner tenants from a CSV file. The whole
// file is validated first (nothing is sent while a row is bad); then each tenant's steps run on
// the server one at a time until it is verified or a step fails, with a bar per tenant. The server
// records every step, so running the command again skips what is done and resumes the rest.

import { chmod, readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseRoster, type RosterRow } from '@companyos/server';
import { callApi } from '../api-client.ts';
import { parse, required, UsageError } from '../args.ts';
import { printTable } from '../table.ts';
import { COMMAND_USAGE } from '../usage.ts';

const STEPS = ['tenant', 'admin', 'template', 'webhook', 'evidence'];
/** How long one tenant's first evidence pack is waited for. */
const EVIDENCE_WAIT_MS = 180_000;

interface StepAnswer {
  step: string | null;
  outcome: 'done' | 'failed' | 'pending' | 'skipped';
  detail: Record<string, unknown>;
  webhook_secret?: string;
  done: string[];
  next: string | null;
}

interface CohortReport {
  cohort: string;
  tenants: Array<{ tenant_id: string; state: string; done: string[]; failed_step: string | null; error: string | null; time_to_first_verify_ms: number | null }>;
  totals: { tenants: number; onboarded: number; verified: number; failed: number; in_progress: number };
  time_to_first_verify_ms: { p50: number | null; max: number | null };
  alert: { raised: boolean; message: string | null };
}

const seconds = (ms: number | null): string => (ms === null ? '-' : `${(ms / 1000).toFixed(1)} s`);

function bar(id: string, width: number, done: number, label: string): string {
  return `${id.padEnd(width)} [${'#'.repeat(done * 4)}${'.'.repeat((STEPS.length - done) * 4)}] ${done}/${STEPS.length} ${label}`;
}

/** A cohort name from the file's name: tenants-2026-q2.csv → tenants-2026-q2. */
function cohortOf(file: string): string {
  const name = basename(file, extname(file)).replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return name.slice(0, 64) || 'cohort';
}

async function saveSecret(file: string, tenant: string, secret: string): Promise<void> {
  const known = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, string>;
  known[tenant] = secret;
  await writeFile(file, `${JSON.stringify(known, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
}

async function onboardTenant(r: RosterRow, o: { cohort: string; api: { url?: string | undefined; token?: string | undefined }; secrets: string; pollMs: number; width: number; tty: boolean }): Promise<void> {
  const { line: _line, id, ...row } = r;
  const show = (a: StepAnswer | undefined, label: string) => {
    const text = bar(id, o.width, a?.done.length ?? 0, label);
    if (o.tty) process.stderr.write(`\r${text.padEnd(o.width + 60)}`);
    return text;
  };
  let waitedFrom: number | undefined;
  for (;;) {
    const a = (await callApi('POST', `/api/v1/onboarding/tenants/${encodeURIComponent(id)}/steps`, o.api, { cohort: o.cohort, row })) as StepAnswer;
    if (a.webhook_secret !== undefined) await saveSecret(o.secrets, id, a.webhook_secret);
    if (a.next === null) {
      show(a, a.outcome === 'skipped' ? 'already verified' : 'verified');
      break;
    }
    if (a.outcome === 'failed') {
      show(a, `${a.step} failed: ${String(a.detail.error ?? '')}`);
      break;
    }
    if (a.outcome === 'pending') {
      waitedFrom ??= Date.now();
      if (Date.now() - waitedFrom > EVIDENCE_WAIT_MS) {
        show(a, `${a.step} still pending; run again to resume`);
        break;
      }
      show(a, `${a.step} pending`);
      await new Promise((resolve) => setTimeout(resolve, o.pollMs));
    } else show(a, `${a.step} ${a.outcome}`);
  }
  if (o.tty) process.stderr.write('\n');
}

function printReport(r: CohortReport, elapsedMs: number | null): void {
  printTable(
    ['TENANT', 'STATE', 'STEPS', 'FIRST VERIFY', 'ERROR'],
    r.tenants.map((t) => [t.tenant_id, t.state, `${t.done.length}/${STEPS.length}`, seconds(t.time_to_first_verify_ms), t.error === null ? '' : `${t.failed_step}: ${t.error}`]),
  );
  const x = r.totals;
  console.log(
    `cohort ${r.cohort}: ${x.tenants} tenants, ${x.onboarded} onboarded, ${x.verified} verified, ${x.failed} failed; time to first verify p50 ${seconds(r.time_to_first_verify_ms.p50)}, max ${seconds(r.time_to_first_verify_ms.max)}${elapsedMs === null ? '' : `; this run ${seconds(elapsedMs)}`}`,
  );
  if (r.alert.raised) console.log(`ALERT: ${r.alert.message ?? ''}`);
}

export async function onboardCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    batch: { type: 'string' },
    cohort: { type: 'string' },
    status: { type: 'boolean' },
    secrets: { type: 'string' },
    'poll-ms': { type: 'string' },
    url: { type: 'string' },
    token: { type: 'string' },
  });
  const api = { url: values.url, token: values.token };
  const pollMs = Number(values['poll-ms'] ?? 500);
  if (!Number.isInteger(pollMs) || pollMs < 10) throw new UsageError('--poll-ms must be an integer of at least 10');
  if (values.status === true) {
    const cohort = required(values.cohort ?? (values.batch === undefined ? undefined : cohortOf(values.batch)), 'cohort');
    const report = (await callApi('GET', `/api/v1/onboarding/cohorts/${encodeURIComponent(cohort)}`, api)) as CohortReport;
    printReport(report, null);
    return report.alert.raised || report.totals.failed > 0 ? 1 : 0;
  }
  if (values.batch === undefined) throw new UsageError(COMMAND_USAGE.onboard!);
  const file = values.batch;
  const { rows, errors } = parseRoster(await readFile(file, 'utf8'));
  if (errors.length > 0) {
    for (const e of errors) console.error(`${file}:${e.line}: ${e.column === undefined ? '' : `${e.column}: `}${e.message}`);
    console.error(`${errors.length} problem${errors.length === 1 ? '' : 's'} in ${file}; nothing was onboarded`);
    return 1;
  }
  const cohort = values.cohort ?? cohortOf(file);
  const secrets = values.secrets ?? `${file}.secrets.json`;
  const width = Math.max(...rows.map((r) => r.id.length));
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  console.log(`cohort ${cohort}: ${rows.length} tenants from ${file}`);
  for (const r of rows) await onboardTenant(r, { cohort, api, secrets, pollMs, width, tty });
  const report = (await callApi('GET', `/api/v1/onboarding/cohorts/${encodeURIComponent(cohort)}`, api)) as CohortReport;
  printReport(report, Date.now() - started);
  console.log(`webhook signing secrets (new ones only) are in ${secrets}`);
  return report.alert.raised || report.totals.failed > 0 ? 1 : 0;
}
