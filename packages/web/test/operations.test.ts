import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible as assertPageAccessible, openConsolePage, type ConsolePage } from './support/console-page.ts';
import type { ConsoleServer } from './support/console-server.ts';

// The operator's tenant page, and an incident opened by an alert, linked to a runbook and
// resolved with a rationale. One browser and one server; the steps build on each other.
let consolePage: ConsolePage;
let server: ConsoleServer;
let page: Page;

before(async () => {
  consolePage = await openConsolePage();
  ({ server, page } = consolePage);
});
after(() => consolePage?.close());

const assertAccessible = (name: string) => assertPageAccessible(page, name);

async function signIn(tenant: string, subject: string): Promise<void> {
  const signOut = page.getByRole('button', { name: 'Sign out' });
  if (await signOut.isVisible()) await signOut.click();
  else await page.goto(`${server.url}/sign-in`);
  const form = page.getByRole('form', { name: 'Development sign-in' });
  await form.getByLabel('Tenant').fill(tenant);
  await form.getByLabel('User').fill(subject);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

/** A call to the API as someone, outside the browser (an alert arriving, a runbook saved by a script). */
async function api(tenant: string, subject: string, method: string, path: string, body?: unknown, o: { stepUp?: boolean } = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const signIn = await fetch(`${server.url}/api/v1/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant_id: tenant, subject_id: subject, step_up: o.stepUp === true }) });
  const { token } = (await signIn.json()) as { token: string };
  const res = await fetch(`${server.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

test("the operator opens a tenant's page from the list and sees its status, plan, bundle, flags, keys, quotas and audit", async () => {
  await signIn('internal', 'user-platform-operator');
  await page.waitForURL('**/operator/tenants');
  const list = page.getByRole('table', { name: /All tenants/ });
  await list.getByRole('link', { name: 'pilot-a', exact: true }).click();
  await page.waitForURL('**/operator/tenants/pilot-a');
  await page.getByRole('heading', { name: 'Tenant pilot-a', level: 1 }).waitFor();
  for (const heading of ['Status', 'Policy bundle', 'Flags', 'Signing keys', 'Quotas and usage']) await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
  await page.getByRole('table', { name: /Recent audit events/ }).waitFor();
  await page.getByText('tenancy.region-change', { exact: true }).waitFor();
  await page.getByText(/Action runs \(last hour\)/).waitFor();
  // Times are relative, with the absolute time as their tooltip.
  const created = page.locator('time').first();
  assert.match((await created.getAttribute('title')) ?? '', /\d{4}/);
  await assertAccessible('60-operator-tenant-page');
});

test('the platform tenant offers no Disable, in the list or on its page', async () => {
  await page.getByRole('link', { name: '← All tenants' }).click();
  const internalRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'internal', exact: true }) });
  await internalRow.getByText('your platform tenant').waitFor();
  assert.equal(await internalRow.getByRole('button', { name: /Disable/ }).count(), 0);
  await page.getByRole('link', { name: 'internal', exact: true }).click();
  await page.getByText('This is the platform tenant you operate from: it cannot be disabled.').waitFor();
  assert.equal(await page.getByRole('button', { name: /Disable tenant/ }).count(), 0);
  await assertAccessible('61-operator-platform-tenant');
  // The server refuses it on its own, too.
  const refused = await api('internal', 'user-platform-operator', 'POST', '/tenants/internal/disable', { reason: 'trying' }, { stepUp: true });
  assert.equal(refused.status, 409);
  assert.equal(refused.json.type, 'https://companyos.dev/problems/platform-tenant-protected');
});

test('the operator disables a tenant from its page with a reason, after a step-up; the reason is in its audit', async () => {
  await page.goto(`${server.url}/operator/tenants/summit-internal`);
  await page.getByRole('heading', { name: 'Tenant summit-internal', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Disable tenant…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Disable summit-internal?' });
  await dialog.getByLabel('Reason').fill('security review of the summit pilot');
  await assertAccessible('62-operator-disable-reason');
  await dialog.getByRole('button', { name: 'Disable tenant' }).click();
  await page.getByRole('dialog', { name: 'Confirm it is you' }).getByRole('button', { name: 'Confirm identity' }).click();
  await page.getByRole('status').filter({ hasText: 'Tenant summit-internal disabled.' }).waitFor();
  await page.getByRole('button', { name: 'Enable tenant…' }).waitFor();
  await page.getByRole('table', { name: /Recent audit events/ }).getByText('tenant.disable').first().waitFor();
  const audit = await api('internal', 'user-platform-operator', 'GET', '/tenants/summit-internal/overview');
  const event = (audit.json.recent_audit as Array<{ type: string; details: { reason?: string } }>).find((e) => e.type === 'tenant.status_changed');
  assert.equal(event?.details.reason, 'security review of the summit pilot');
});

test('an alert opens an incident; the on-call links the runbook, notes, and resolves it with a rationale', async () => {
  const saved = await api('pilot-a', 'user-team-lead', 'PUT', '/runbooks/receipts-missing', { title: 'Receipts missing', body: '# Receipts missing\n\n1. Check the **integrator** lease.\n\n<script>alert(1)</script>' });
  assert.equal(saved.status, 200);
  await api('pilot-a', 'user-team-lead', 'PUT', '/runbooks/api-down', { title: 'API down', body: 'Check the load balancer.' });
  const opened = await api('pilot-a', 'user-admin', 'POST', '/incidents/from-alert', {
    version: '4',
    status: 'firing',
    groupLabels: { alertname: 'ReceiptsMissing' },
    commonLabels: { alertname: 'ReceiptsMissing', severity: 'critical' },
    commonAnnotations: { summary: 'Actions ran without a receipt' },
    alerts: [{ status: 'firing', labels: { alertname: 'ReceiptsMissing', severity: 'critical' }, annotations: {} }],
  });
  assert.equal(opened.status, 200);

  await signIn('pilot-a', 'user-team-lead');
  await page.waitForURL('**/tenants/pilot-a/**');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Incidents', exact: true }).click();
  const table = page.getByRole('table', { name: 'Incidents, newest first' });
  await table.waitFor();
  await assertAccessible('63-incidents-list');
  await page.getByLabel('Status').selectOption('resolved');
  await page.getByText('No resolved incidents.').waitFor();
  await page.getByLabel('Status').selectOption('');
  await table.getByRole('link', { name: 'Actions ran without a receipt' }).click();
  await page.getByRole('heading', { name: 'Actions ran without a receipt', level: 1 }).waitFor();
  await page.getByText('from alert ReceiptsMissing').waitFor();

  await page.getByLabel('Runbook').selectOption('receipts-missing');
  await page.getByRole('button', { name: 'Link runbook' }).click();
  await page.getByRole('status').filter({ hasText: 'Runbook receipts-missing linked.' }).waitFor();
  await page.getByLabel('Add a note').fill('integrator lease held by a stopped server');
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.getByRole('status').filter({ hasText: 'Note added.' }).waitFor();
  await page.getByLabel('Affected entity').fill('subject:user-engineer');
  await page.getByRole('button', { name: 'Link entity' }).click();
  await page.getByRole('status').filter({ hasText: 'Entity subject:user-engineer linked.' }).waitFor();
  await assertAccessible('64-incident-detail');

  await page.getByRole('button', { name: 'Resolve…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Resolve the incident?' });
  await dialog.getByLabel('Rationale').fill('lease timeout shortened; receipts caught up');
  await assertAccessible('65-incident-resolve');
  await dialog.getByRole('button', { name: 'Resolve incident' }).click();
  await page.getByRole('status').filter({ hasText: 'Incident resolved.' }).waitFor();
  const timeline = page.getByRole('region', { name: /Timeline/ });
  await timeline.getByText('resolved it').waitFor();
  const text = (await timeline.textContent()) ?? '';
  assert.match(text, /opened the incident.*linked a runbook.*receipts-missing.*added a note.*integrator lease.*linked an affected entity.*resolved it \(open → resolved\).*lease timeout shortened/s);
  assert.equal(await page.getByRole('button', { name: 'Resolve…' }).count(), 0);
  await assertAccessible('66-incident-resolved');

  // The runbook opens at its stable address, rendered without the raw HTML.
  await page.getByRole('link', { name: 'Receipts missing' }).click();
  await page.waitForURL('**/tenants/pilot-a/runbooks/receipts-missing');
  await page.getByRole('heading', { name: 'Receipts missing', level: 1 }).waitFor();
  await page.locator('.markdown strong').filter({ hasText: 'integrator' }).waitFor();
  assert.equal(await page.locator('.markdown script').count(), 0);
  await assertAccessible('67-runbook-view');
});

test('a runbook is edited with a live preview; every save is a version that can be viewed', async () => {
  await page.getByRole('button', { name: 'Edit' }).click();
  const body = page.getByLabel('Markdown');
  await body.fill('# Receipts missing\n\n1. Check the integrator lease.\n2. Restart the integrator.');
  await page.getByRole('region', { name: 'Preview' }).getByText('Restart the integrator.').waitFor();
  await page.getByLabel('What changed (optional)').fill('restart step');
  await assertAccessible('68-runbook-edit');
  await page.getByRole('button', { name: 'Save version' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved version 2.' }).waitFor();
  const versions = page.getByRole('table', { name: 'Versions (2)' });
  await versions.getByText('restart step').waitFor();
  await versions.getByRole('button', { name: 'View version 1' }).click();
  await page.getByRole('heading', { name: 'Version 1', exact: true, level: 2 }).waitFor();
  const diff = page.getByRole('region', { name: 'Changes from version 1 to version 2' });
  await diff.getByText('+ 2. Restart the integrator.').waitFor();
  await diff.getByText('- <script>alert(1)</script>').waitFor();
  await assertAccessible('69-runbook-versions');

  await page.getByRole('link', { name: '← All runbooks' }).click();
  const list = page.getByRole('table', { name: 'Runbooks' });
  await list.getByRole('link', { name: 'receipts-missing' }).waitFor();
  await list.getByRole('link', { name: 'api-down' }).waitFor();
  await assertAccessible('70-runbooks-list');
});
