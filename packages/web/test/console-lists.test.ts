import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible as assertPageAccessible, devSignIn, openConsolePage, type ConsolePage } from './support/console-page.ts';
import type { ConsoleServer } from './support/console-server.ts';

// The console's lists share one pager over the server's keyset cursors, and each has its
// designed states: a page, the next page and back, nothing to show, and the server's problem.
let consolePage: ConsolePage;
let server: ConsoleServer;
let page: Page;

/** One more than a page of incidents (the list shows 20 a page). */
const INCIDENTS = 21;

before(async () => {
  consolePage = await openConsolePage();
  ({ server, page } = consolePage);
  const signIn = await server.app.inject({ method: 'POST', url: '/api/v1/dev/sign-in', payload: { tenant_id: 'pilot-a', subject_id: 'user-engineer' } });
  const headers = { authorization: `Bearer ${signIn.json().token as string}` };
  for (let i = 1; i <= INCIDENTS; i++) {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/incidents', headers, payload: { title: `Incident number ${i}`, severity: 'low' } });
    assert.equal(res.statusCode, 201, res.body);
  }
});
after(() => consolePage?.close());

const assertAccessible = (name: string) => assertPageAccessible(page, name);
const nav = () => page.getByRole('navigation', { name: 'Screens' });

const signIn = (subject: string) => devSignIn(page, server.url, 'pilot-a', subject);

test('a list pages forward and back through the server cursor; the focus follows the new page', async () => {
  await signIn('user-engineer');
  await nav().getByRole('link', { name: 'Incidents', exact: true }).click();
  const rows = page.getByRole('table', { name: 'Incidents, newest first' }).locator('tbody tr');
  const pager = page.getByRole('navigation', { name: 'Pages of incidents' });
  await pager.getByText('Page 1').waitFor();
  assert.equal(await rows.count(), 20);
  assert.equal(await rows.first().getByRole('link').textContent(), `Incident number ${INCIDENTS}`);
  assert.equal(await pager.getByRole('button', { name: 'Previous page' }).isDisabled(), true);
  await assertAccessible('80-list-page-1');

  await pager.getByRole('button', { name: 'Next page' }).click();
  await pager.getByText('Page 2').waitFor();
  assert.deepEqual(await rows.getByRole('link').allTextContents(), ['Incident number 1']);
  assert.equal(await pager.getByRole('button', { name: 'Next page' }).isDisabled(), true);
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'paged', 'the focus moved to the page it opened');
  await assertAccessible('81-list-page-2');

  // Keyboard only: back to the first page.
  await pager.getByRole('button', { name: 'Previous page' }).focus();
  await page.keyboard.press('Enter');
  await pager.getByText('Page 1').waitFor();
  assert.equal(await rows.count(), 20);
});

test('a list with nothing to show says so in its own words', async () => {
  await page.getByLabel('Status').selectOption('resolved');
  await page.getByText('No resolved incidents.').waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Pages of incidents' }).count(), 0);
  await assertAccessible('82-list-empty');
});

test("a list whose request the server refuses shows the problem's detail and offers to try again", async () => {
  await signIn('user-admin');
  await nav().getByRole('link', { name: 'Audit log', exact: true }).click();
  await page.getByRole('table', { name: /Audit events, page 1/ }).waitFor();
  await page.getByLabel('From', { exact: true }).fill('2026-03-02T10:00');
  await page.getByLabel('To', { exact: true }).fill('2026-03-01T10:00');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const problem = page.getByRole('alert');
  await problem.getByText('from must be earlier than to').waitFor();
  assert.match((await problem.textContent()) ?? '', /from: must be earlier than to/, 'the field the server names');
  await problem.getByRole('button', { name: 'Try again' }).waitFor();
  await assertAccessible('83-list-error');

  await page.getByRole('button', { name: 'Clear' }).click();
  await page.getByRole('table', { name: /Audit events, page 1/ }).waitFor();
});
