import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, openConsolePage, type ConsolePage } from './support/console-page.ts';
import type { ConsoleServer } from './support/console-server.ts';

// Every screen the navigation offers, for each role, checked with axe; and the command palette
// from the keyboard alone.
let consolePage: ConsolePage;
let server: ConsoleServer;
let page: Page;
let requestId = '';

before(async () => {
  consolePage = await openConsolePage();
  ({ server, page } = consolePage);
  const signIn = await server.app.inject({ method: 'POST', url: '/api/v1/dev/sign-in', payload: { tenant_id: 'pilot-a', subject_id: 'user-engineer' } });
  const created = await server.app.inject({
    method: 'POST',
    url: '/api/v1/high-risk-ops/requests',
    headers: { authorization: `Bearer ${signIn.json().token as string}` },
    payload: { operation: 'TEMP_DB_READ_ACCESS', target: { database: 'test', schema: 'public', tables: ['orders'] }, duration_minutes: 30, rationale: 'refund 42 is stuck' },
  });
  assert.equal(created.statusCode, 201, created.body);
  requestId = created.json().request_id;
});
after(() => consolePage?.close());

const nav = () => page.getByRole('navigation', { name: 'Screens' });

async function signIn(tenant: string, subject: string): Promise<void> {
  const signOut = page.getByRole('button', { name: 'Sign out' });
  if (await signOut.isVisible()) await signOut.click();
  else await page.goto(`${server.url}/sign-in`);
  const form = page.getByRole('form', { name: 'Development sign-in' });
  await form.getByLabel('Tenant').fill(tenant);
  await form.getByLabel('User').fill(subject);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await nav().getByRole('link').first().waitFor();
}

/** Waits until no "Loading …" status is left on the screen. */
async function settled(): Promise<void> {
  await page.waitForFunction(() => ![...document.querySelectorAll('[role="status"]')].some((e) => /^Loading/.test(e.textContent ?? '')));
}

for (const [tenant, subject] of [
  ['pilot-a', 'user-admin'],
  ['pilot-a', 'user-engineer'],
  ['internal', 'user-platform-operator'],
] as const) {
  test(`every screen offered to ${subject} has no serious or critical axe finding`, async () => {
    await signIn(tenant, subject);
    const links = await nav().getByRole('link').all();
    const hrefs = await Promise.all(links.map((l) => l.getAttribute('href')));
    assert.ok(hrefs.length > 0);
    for (const href of hrefs) {
      await nav().locator(`a[href="${href}"]`).click();
      await page.waitForURL(`**${href!}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await settled();
      await assertAccessible(page, `70-${subject}-${href!.split('/').at(-1)!}`);
    }
  });
}

test('the command palette opens with Ctrl-K and jumps to screens and records from the keyboard', async () => {
  await signIn('pilot-a', 'user-security');
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog');
  const input = palette.getByRole('combobox');
  await input.waitFor();
  await input.fill('audit log');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/tenants/pilot-a/audit');
  await palette.waitFor({ state: 'detached' });

  await page.keyboard.press('Control+k');
  await input.fill(requestId.slice(-12));
  await palette.getByRole('option', { name: /TEMP_DB_READ_ACCESS by user-engineer/ }).waitFor();
  await assertAccessible(page, '71-palette');
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/tenants/pilot-a/security?request=${requestId}`);
  await page.getByRole('region', { name: `Request ${requestId}` }).waitFor();

  await page.keyboard.press('Control+k');
  await input.fill('policy');
  await page.keyboard.press('Escape');
  await palette.waitFor({ state: 'detached' });
});
