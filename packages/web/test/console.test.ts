import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible as assertPageAccessible, openConsolePage, type ConsolePage } from './support/console-page.ts';
import type { ConsoleServer } from './support/console-server.ts';

// One browser and one server for the whole file; the steps build on each other like a session.
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
  const form = page.getByRole('form', { name: 'Development sign-in' });
  await form.getByLabel('Tenant').fill(tenant);
  await form.getByLabel('User').fill(subject);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

test('an operator signs in and sees every tenant', async () => {
  await page.goto(`${server.url}/`);
  await page.waitForURL('**/sign-in');
  await page.getByRole('heading', { name: 'Sign in to Switchboard' }).waitFor();
  await assertAccessible('01-sign-in');

  await signIn('internal', 'user-platform-operator');
  await page.waitForURL('**/operator/tenants');
  const table = page.getByRole('table', { name: /All tenants/ });
  await table.waitFor();
  for (const id of ['internal', 'pilot-a', 'pilot-b']) await table.getByRole('rowheader', { name: id, exact: true }).waitFor();
  // Each row shows the tenant's active bundle version with its tags, and the flags on for it (seeded).
  const rowOf = (id: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: id, exact: true }) });
  for (const shown of ['v1', 'pii', 'export']) await rowOf('demo-external').getByText(shown, { exact: true }).waitFor();
  await rowOf('pilot-a').getByText('tenancy.region-change', { exact: true }).waitFor();
  assert.equal(await rowOf('pilot-b').getByText('tenancy.region-change', { exact: true }).count(), 0);
  await assertAccessible('02-tenant-list');
});

test('the operator creates a tenant, then disables it after a step-up', async () => {
  await page.getByLabel('Tenant ID').fill('acme-web');
  await page.getByLabel('Name', { exact: true }).fill('Acme Web');
  await page.getByLabel('Owner contact').fill('owner@acme.example.com');
  await page.getByLabel('Data region').selectOption('uk');
  await page.getByRole('button', { name: 'Create tenant' }).click();
  await page.getByRole('status').filter({ hasText: 'Tenant acme-web created.' }).waitFor();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'acme-web', exact: true }) });
  await row.getByText('active').waitFor();
  assert.match((await row.textContent()) ?? '', /Acme Web.*owner@acme\.example\.com.*uk/);

  await row.getByRole('button', { name: 'Disable acme-web' }).click();
  const confirm = page.getByRole('dialog', { name: 'Disable acme-web?' });
  await confirm.waitFor();
  // The reason is required: the button stays off until one is given.
  assert.equal(await confirm.getByRole('button', { name: 'Disable tenant' }).isDisabled(), true);
  await confirm.getByLabel('Reason').fill('trial ended');
  await assertAccessible('03-confirm-disable');
  await confirm.getByRole('button', { name: 'Disable tenant' }).click();
  // The policy wants a recent strong sign-in for this action: the console asks for one.
  const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
  await stepUp.waitFor();
  await assertAccessible('04-step-up');
  await stepUp.getByRole('button', { name: 'Confirm identity' }).click();
  await page.getByRole('status').filter({ hasText: 'Tenant acme-web disabled.' }).waitFor();
  await row.getByText('disabled').waitFor();
  await row.getByRole('button', { name: 'Enable acme-web' }).waitFor();
});

test('the audit log shows the operator actions and filters them', async () => {
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.waitForURL('**/tenants/internal/audit');
  const table = page.getByRole('table', { name: /Audit events/ });
  await table.waitFor();
  const text = (await table.textContent()) ?? '';
  assert.match(text, /tenant\.create/);
  assert.match(text, /tenant\.disable/);
  // The first attempt, before the step-up, was denied with its reason.
  assert.match(text, /action\.denied.*tenant\.disable.*the action requires a recent step-up authentication/);
  await assertAccessible('05-audit-log');

  await page.getByLabel('Action').fill('tenant.create');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await table.filter({ hasNotText: 'tenant.disable' }).waitFor();
  assert.equal(await table.locator('tbody tr').count(), 1);

  await page.getByLabel('Action').fill('no.such.action');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByText('No audit events match these filters.').waitFor();
  await assertAccessible('06-audit-empty');
});

test('signing in to the disabled tenant is refused with the reason', async () => {
  await page.getByLabel('Active tenant').selectOption('__add__');
  await page.waitForURL('**/sign-in');
  await signIn('acme-web', 'user-admin');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', /tenant acme-web is disabled: its users cannot sign in/);
  await assertAccessible('07-sign-in-refused');
});

test('a tenant admin edits the configuration', async () => {
  await signIn('pilot-a', 'user-admin');
  await page.waitForURL('**/tenants/pilot-a/config');
  await page.getByRole('group', { name: 'Quotas' }).waitFor();
  await assertAccessible('08-tenant-config');

  await page.getByLabel('Exports per day').fill('7');
  await page.getByRole('group', { name: 'Default data classes' }).getByLabel('confidential').check();
  await page.getByRole('button', { name: 'Save configuration' }).click();
  await page.getByRole('status').filter({ hasText: 'Configuration saved.' }).waitFor();

  await page.reload();
  await page.getByLabel('Exports per day').waitFor();
  assert.equal(await page.getByLabel('Exports per day').inputValue(), '7');
  assert.equal(await page.getByRole('group', { name: 'Default data classes' }).getByLabel('confidential').isChecked(), true);
});

test('branding applies live, without a reload; illegible colours are refused with the reason', async () => {
  await page.getByRole('link', { name: 'Branding' }).click();
  await page.getByLabel('Product name').waitFor();
  // The tenant never set a brand: its display name, default colours.
  await page.getByTestId('product-name').filter({ hasText: 'Pilot A' }).waitFor();
  await assertAccessible('09-branding');
  await page.evaluate(() => Object.assign(window, { loadedOnce: true }));

  await page.getByLabel('Product name').fill('Pilot Console');
  await page.getByLabel('Primary colour').fill('#7a1f5c');
  await page.getByRole('button', { name: 'Save branding' }).click();
  await page.getByRole('status').filter({ hasText: 'Branding saved.' }).waitFor();
  await page.getByTestId('product-name').filter({ hasText: 'Pilot Console' }).waitFor();
  assert.equal(await page.title(), 'Pilot Console');
  assert.equal(await page.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(122, 31, 92)');
  assert.equal(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce), true, 'the page was not reloaded');
  await assertAccessible('10-branded');

  await page.getByLabel('Primary colour').fill('#f5f5f5');
  await page.getByRole('button', { name: 'Save branding' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', /hard to read.*colors\.on_primary/);
  assert.equal(await page.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(122, 31, 92)');
});

test('the tenant switcher moves between signed-in tenants, with each tenant its own branding', async () => {
  await page.getByLabel('Active tenant').selectOption('internal');
  await page.waitForURL('**/operator/tenants');
  await page.getByTestId('product-name').filter({ hasText: 'CompanyOS Internal' }).waitFor();
  await page.getByLabel('Active tenant').selectOption('pilot-a');
  await page.waitForURL('**/tenants/pilot-a/config');
  await page.getByTestId('product-name').filter({ hasText: 'Pilot Console' }).waitFor();
  assert.equal(await page.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(122, 31, 92)');
  // Keyboard: after a reload the session is still there; the skip link is the first stop and
  // moves focus to the content, and focus is visible.
  await page.reload();
  await page.getByRole('group', { name: 'Quotas' }).waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  assert.equal(outline, 'solid');
});
