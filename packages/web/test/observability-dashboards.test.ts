import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { policyRuntime } from '../../server/src/policy/policy-runtime.ts';
import { assertAccessible as assertPageAccessible, openConsolePage, type ConsolePage } from './support/console-page.ts';
import type { ConsoleServer } from './support/console-server.ts';

// The operator home and the High-Risk Ops dashboard, from live data: traffic goes through the
// API first (a temporary-access request approved by a team lead and a security officer), then
// the screens show what the server computes from its stored records and counters.

let consolePage: ConsolePage;
let server: ConsoleServer;
let page: Page;

before(async () => {
  // Requests name the governed database; nothing here executes one, so no grant is made.
  consolePage = await openConsolePage({ highRiskDatabaseUrl: 'postgres://postgres@127.0.0.1:5432/test' });
  ({ server, page } = consolePage);
});
after(() => consolePage?.close());

const assertAccessible = (name: string) => assertPageAccessible(page, name);

async function tokenOf(tenant: string, subject: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant_id: tenant, subject_id: subject }) });
  assert.equal(res.status, 200, await res.clone().text());
  return ((await res.json()) as { token: string }).token;
}

async function call(token: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

async function signIn(tenant: string, subject: string, lands: string): Promise<void> {
  const signOut = page.getByRole('button', { name: 'Sign out' });
  if (await signOut.isVisible()) await signOut.click();
  else await page.goto(`${server.url}/sign-in`);
  const form = page.getByRole('form', { name: 'Development sign-in' });
  await form.getByLabel('Tenant').fill(tenant);
  await form.getByLabel('User').fill(subject);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`**${lands}`);
}

test('traffic: a temporary-access request goes through approval', async () => {
  const engineer = await tokenOf('pilot-a', 'user-engineer');
  const lead = await tokenOf('pilot-a', 'user-team-lead');
  const security = await tokenOf('pilot-a', 'user-security');
  const admin = await tokenOf('pilot-a', 'user-admin');
  await call(admin, 'POST', '/subjects', { subject_id: 'sam-officer', display_name: 'Sam Officer', roles: ['security_officer'] });
  const officer = await tokenOf('pilot-a', 'sam-officer');
  const created = await call(engineer, 'POST', '/high-risk-ops/requests', {
    operation: 'TEMP_DB_READ_ACCESS',
    target: { database: 'test', schema: 'incident', tables: ['orders'] },
    duration_minutes: 30,
    rationale: 'investigate a stuck refund',
  });
  const id = String(created.request_id);
  await call(lead, 'POST', `/high-risk-ops/requests/${id}/approve`, { rationale: 'on call this week' });
  const approved = await call(officer, 'POST', `/high-risk-ops/requests/${id}/approve`, { rationale: 'scoped to one table' });
  assert.equal(approved.status, 'approved');
  for (let i = 0; i < 5; i++) await call(security, 'GET', '/high-risk-ops/requests');
  await policyRuntime().engine.flushDecisions();
});

test('the operator home shows every SLO with its state and the error budget left', async () => {
  await signIn('internal', 'user-platform-operator', '/operator/tenants');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Operator home', exact: true }).click();
  await page.waitForURL('**/operator/home');
  const table = page.getByRole('table', { name: 'Service level objectives' });
  await table.waitFor();
  const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name} `) }) });
  for (const name of ['decision-latency', 'decision-latency-tight', 'api-availability', 'receipts-completeness']) await row(name).waitFor();
  // After the traffic above: stored decisions are counted (how many were slow depends on the
  // machine), and no request failed, so the availability budget is whole.
  assert.match((await row('decision-latency').textContent()) ?? '', /7d[1-9]\d* \(\d+ bad\)[\d.]+%-?\d+%(Met|At risk|Breached)$/);
  assert.match((await row('api-availability').textContent()) ?? '', /\d+ \(0 bad\)100\.00%100%Met$/);
  // The chart's numbers are in a table behind it.
  await page.getByRole('table', { name: 'Error budget left per SLO (%)' }).getByRole('rowheader', { name: 'api-availability' }).waitFor({ state: 'attached' });
  await page.locator('.chart-canvas canvas').waitFor();
  await assertAccessible('60-operator-home');
});

test('the High-Risk Ops dashboard shows the request that went through approval and the 7-day promise', async () => {
  await signIn('pilot-a', 'user-security', '/tenants/pilot-a/config');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'High-Risk Ops', exact: true }).click();
  await page.waitForURL('**/tenants/pilot-a/high-risk-ops');
  const stats = page.getByRole('definition');
  await stats.first().waitFor();
  const stat = async (term: string) => (await page.locator('.stats div').filter({ has: page.getByText(term, { exact: true }) }).locator('dd').textContent()) ?? '';
  assert.equal(await stat('Requests'), '1');
  assert.equal(await stat('Approved'), '1');
  assert.equal(await stat('Executed'), '0');
  assert.equal(await stat('Missing receipts'), '0');
  assert.match(await stat('Average approval time'), /^\d+ s$/);
  // Whether the p95 stays under 500 ms depends on the machine; the line says which, and no receipt is missing.
  const promise = (await page.locator('p').filter({ hasText: /^Last 7 days:/ }).textContent()) ?? '';
  const [, p95, comparison, verdict] = /^Last 7 days: policy decisions p95 ([\d.]+) ms (<|≥) 500 ms, no missing receipts — (kept|not kept)\.$/.exec(promise) ?? [];
  assert.ok(p95 !== undefined, promise);
  assert.equal(comparison, Number(p95) < 500 ? '<' : '≥');
  assert.equal(verdict, Number(p95) < 500 ? 'kept' : 'not kept');
  const perDay = page.getByRole('table', { name: 'Requests per day, last 30 days' });
  assert.match((await perDay.locator('tbody tr').first().textContent()) ?? '', /^\d{4}-\d{2}-\d{2}1100$/);
  await assertAccessible('61-high-risk-ops');
});
