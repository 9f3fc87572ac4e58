import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { callApi as api, devToken } from './support/console-api.ts';
import { assertAccessible as assertPageAccessible, openConsolePage, type ConsolePage } from './support/console-page.ts';
import type { ConsoleServer } from './support/console-server.ts';

// The FinOps dashboard on live data: demo-external's usage after governed actions, this month's
// rated amount and its breakdown, invoice downloads; then the operator's cost and margin per tenant.
let consolePage: ConsolePage;
let server: ConsoleServer;
let page: Page;
const period = new Date().toISOString().slice(0, 7);

before(async () => {
  consolePage = await openConsolePage();
  ({ server, page } = consolePage);
});
after(() => consolePage?.close());

const tokenOf = (tenant: string, subject: string) => devToken(server.url, tenant, subject);
const callApi = (token: string, method: string, path: string, body?: unknown, contentType?: string) => api(server.url, token, method, path, body, contentType);

async function signIn(tenant: string, subject: string): Promise<void> {
  const signOut = page.getByRole('button', { name: 'Sign out' });
  if (await signOut.isVisible()) await signOut.click();
  else await page.goto(`${server.url}/sign-in`);
  const form = page.getByRole('form', { name: 'Development sign-in' });
  await form.getByLabel('Tenant').fill(tenant);
  await form.getByLabel('User').fill(subject);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

test('the FinOps dashboard shows live usage after governed actions and the rated amount with its breakdown', async () => {
  const token = await tokenOf('demo-external', 'user-admin');
  // Governed actions: reads, and 37 workflow runs reported by a connector.
  for (let i = 0; i < 3; i++) assert.equal((await callApi(token, 'GET', '/subjects')).status, 200);
  const now = new Date().toISOString();
  const reported = await callApi(token, 'POST', '/finops/usage', [{ specversion: '1.0', id: 'browser-w1', source: 'test', type: 'workflow_run', time: now, data: { quantity: 37 } }], 'application/cloudevents-batch+json');
  assert.equal(reported.status, 200);

  await signIn('demo-external', 'user-admin');
  await page.waitForURL('**/tenants/demo-external/config');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'FinOps', exact: true }).click();
  await page.waitForURL('**/tenants/demo-external/finops');
  await page.getByRole('heading', { name: 'FinOps', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Aggregate and rate now' }).click();

  const usage = page.getByRole('table', { name: 'Usage per meter and day' });
  await usage.waitFor();
  const today = now.slice(0, 10);
  const workflowColumn = (await usage.getByRole('columnheader').allInnerTexts()).indexOf('workflow_run');
  assert.ok(workflowColumn > 0, 'a workflow_run column');
  const todayRow = usage.getByRole('row').filter({ has: page.getByRole('rowheader', { name: today }) });
  assert.equal(await todayRow.getByRole('cell').nth(workflowColumn - 1).innerText(), '37');
  // The chart is drawn from the same data once chart.js has loaded (on first use).
  await page.locator('canvas[data-chart="Usage per meter and day"]').waitFor();
  assert.equal(await page.locator('canvas[data-chart="Usage per meter and day"]').count(), 1, 'one chart of the usage');

  const breakdown = page.getByRole('table', { name: `Breakdown of demo-external-${period}` });
  await breakdown.waitFor();
  const lines = await breakdown.getByRole('rowheader').allInnerTexts();
  assert.ok(lines.some((l) => /base fee/i.test(l)), `lines: ${lines.join(' | ')}`);
  assert.ok(lines.some((l) => /37 workflow runs/.test(l)), `lines: ${lines.join(' | ')}`);
  assert.match(await page.getByTestId('period-total').innerText(), /^€\d/);
  await assertPageAccessible(page, '60-finops-dashboard');
});

test('an invoice downloads as JSON and, once final, as its evidence pack', async () => {
  const token = await tokenOf('demo-external', 'user-admin');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `JSON of demo-external-${period}` }).click()]);
  assert.equal(download.suggestedFilename(), `invoice-demo-external-${period}.json`);

  const { body } = await callApi(token, 'GET', '/finops/invoices');
  const invoice = (body.invoices as Array<{ invoice_id: string; period: string }>).find((i) => i.period === period)!;
  assert.equal((await callApi(token, 'POST', `/finops/invoices/${invoice.invoice_id}/finalize`)).status, 200);
  // The pack waits for the finalisation receipt to be under a checkpoint (the ledger cuts one within seconds).
  for (let i = 0; i < 40; i++) {
    const res = await fetch(`${server.url}/api/v1/finops/invoices/${invoice.invoice_id}/evidence`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (res.status === 200) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await page.reload();
  const [pack] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Evidence pack of demo-external-${period}` }).click()]);
  assert.equal(pack.suggestedFilename(), `evidence-invoice-demo-external-${period}.tar.gz`);
  await page.getByRole('status').filter({ hasText: 'Downloaded evidence-invoice' }).waitFor();
});

test('an operator sees cost, revenue and margin per tenant', async () => {
  const operator = await tokenOf('internal', 'user-platform-operator');
  const imported = await callApi(operator, 'POST', '/finops/cost/imports', { csv: `service,period,amount\ncompute,${period},120.00\nstorage,${period},30.00\n` });
  assert.equal(imported.status, 200, JSON.stringify(imported.body));
  await signIn('internal', 'user-platform-operator');
  await page.waitForURL('**/operator/tenants');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Cost and margin', exact: true }).click();
  await page.waitForURL('**/operator/margins');
  const table = page.getByRole('table', { name: `Cost, revenue and margin per tenant, ${period}` });
  await table.waitFor();
  assert.deepEqual(await table.getByRole('columnheader').allInnerTexts(), ['Tenant', 'Cost', 'Revenue', 'Margin']);
  const demo = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'demo-external' }) });
  const [cost, revenue, margin] = (await demo.getByRole('cell').allInnerTexts()).map((t) => Number(t.replace(/[^0-9.-]/g, '')));
  assert.ok(revenue! > 0, 'demo-external was invoiced');
  assert.ok(Math.abs(margin! - (revenue! - cost!)) < 0.001, 'margin is revenue minus cost');
  await assertPageAccessible(page, '61-finops-margins');
});
