import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible as assertPageAccessible, openConsolePage, type ConsolePage } from './support/console-page.ts';
import type { ConsoleServer } from './support/console-server.ts';

// The quote page's Related pane, a receipt's page reached from the command palette with its
// inclusion proof checked in the browser, and the operator's Cohorts and Board pack screens.

let consolePage: ConsolePage;
let server: ConsoleServer;
let page: Page;
let quoteId = '';
let receiptId = '';

async function call(as: [string, string], method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
  const signIn = await fetch(`${server.url}/api/v1/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant_id: as[0], subject_id: as[1] }) });
  const { token } = (await signIn.json()) as { token: string };
  return fetch(`${server.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

async function ok(res: Promise<Response>): Promise<any> {
  const r = await res;
  const json: unknown = await r.json();
  assert.ok(r.ok, `${r.status} ${JSON.stringify(json)}`);
  return json;
}

const ae: [string, string] = ['pilot-a', 'user-ae'];
const operator: [string, string] = ['internal', 'user-platform-operator'];

before(async () => {
  consolePage = await openConsolePage({ webhookTargets: { allowPrivate: false, allowHosts: ['127.0.0.1'] } });
  ({ server, page } = consolePage);
  const lead = await ok(call(ae, 'POST', '/revops/leads', { company: 'Initech AG', contact: { name: 'Jo Buyer', email: 'jo@initech.example.com' }, segment: 'enterprise', region: 'eu', estimated_value_minor: 1_200_000, currency: 'EUR' }));
  const created = await call(ae, 'POST', '/revops/quotes', {
    opportunity_id: lead.opportunity.opportunity_id,
    currency: 'EUR',
    lines: [{ product: 'platform-seat', quantity: 10, unit_price_minor: 120_000 }],
    discount_bp: 0,
    terms: { term_months: 12, payment_terms: 'net_30', valid_days: 30 },
  });
  quoteId = (await ok(Promise.resolve(created))).quote_id;
  receiptId = created.headers.get('x-receipt-id')!;
  // The log takes the receipt in shortly after the request; its page is opened once it is there.
  for (let i = 0; i < 200 && (await call(ae, 'GET', `/provenance/receipts/${receiptId}`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 50));
});
after(async () => {
  await consolePage?.close();
});

const assertAccessible = (name: string) => assertPageAccessible(page, name);

async function signIn([tenant, subject]: [string, string]): Promise<void> {
  const signOut = page.getByRole('button', { name: 'Sign out' });
  if (await signOut.isVisible()) await signOut.click();
  else await page.goto(`${server.url}/sign-in`);
  const form = page.getByRole('form', { name: 'Development sign-in' });
  await form.getByLabel('Tenant').fill(tenant);
  await form.getByLabel('User').fill(subject);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link').first().waitFor();
}

async function paletteJump(text: string, option: string | RegExp): Promise<void> {
  const palette = page.getByRole('dialog');
  await page.keyboard.press('Control+k');
  // A key press that lands while the page is still changing is lost; the header's button opens
  // the palette too (and leaves it open if the press got there after all).
  const opened = await palette.waitFor({ timeout: 3_000 }).then(
    () => true,
    () => false,
  );
  if (!opened) await page.getByRole('button', { name: /^Go to/ }).click();
  await palette.getByRole('combobox').fill(text);
  await palette.getByRole('option', { name: option }).click();
  await palette.waitFor({ state: 'detached' });
}

test("a quote's page shows what the graph links to it", async () => {
  await signIn(ae);
  await page.goto(`${server.url}/tenants/pilot-a/revops`);
  await page.getByLabel('Status', { exact: true }).selectOption('draft');
  await page.getByRole('table', { name: /^Quotes \(\d+\)$/ }).getByRole('button', { name: `Open quote ${quoteId}` }).click();
  const related = page.getByRole('region', { name: `Quote ${quoteId}` }).getByRole('region', { name: 'Related' });
  await related.getByRole('link', { name: 'Initech AG' }).waitFor();
  assert.match((await related.textContent()) ?? '', /Opportunity \(1\)Initech AG ← OWNS/);
  await assertAccessible('80-quote-related');
});

test('the palette opens a receipt by its id; its page checks the inclusion proof and lists what it concerns', async () => {
  const admin: [string, string] = ['pilot-a', 'user-admin'];
  await signIn(admin);
  await paletteJump(receiptId, `Open receipt ${receiptId}`);
  await page.waitForURL(`**/tenants/pilot-a/receipts/${receiptId}`);
  await page.getByText('Inclusion proof verified').waitFor();
  const facts = page.getByRole('heading', { name: 'What it attests' }).locator('..');
  assert.match((await facts.textContent()) ?? '', /revops\.quote\.create/);
  // The receipt as signed names the person by pseudonym (ADR 0029); the page shows who that is.
  assert.match((await facts.textContent()) ?? '', /Actoruser-ae/);
  const signed = (await ok(call(admin, 'GET', `/provenance/receipts/${receiptId}`))) as { receipt: { actor: string }; shown?: unknown };
  assert.match(signed.receipt.actor, /^pseudonym:[0-9a-f-]{36}$/);
  assert.equal(signed.shown, undefined, 'the bundle to verify carries nothing beside the receipt');
  await page.getByRole('region', { name: 'Related' }).getByText('Quote (1)').waitFor();
  await assertAccessible('81-receipt-page');

  await page.goto(`${server.url}/tenants/pilot-a/receipts/00000000-0000-7000-8000-000000000000`);
  await page.getByRole('alert').getByText(/no such resource/).waitFor();
  assert.doesNotMatch((await page.getByRole('main').textContent()) ?? '', /Inclusion proof/);
});

test("operators jump to a tenant's page from the palette and follow a cohort's onboarding", async () => {
  await signIn(operator);
  await paletteJump('pilot-a', /\(pilot-a\)/);
  await page.waitForURL('**/operator/tenants/pilot-a');

  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Cohorts', exact: true }).click();
  const lookup = page.getByRole('form', { name: 'Open a cohort' });
  await lookup.getByLabel('Cohort').fill('autumn');
  await lookup.getByRole('button', { name: 'Open' }).click();
  await page.waitForURL('**/operator/cohorts/autumn');
  await page.getByText('No tenant of this cohort has started onboarding yet.').waitFor();
  await assertAccessible('82-cohort-empty');

  // One partner through its first two steps: onboarding has begun, nothing verified yet.
  // Its webhook names a port of this machine where nothing listens (the server allows the address).
  const row = { name: 'Partner Umbrella', region: 'eu', owner: 'owner@umbrella.example.com', admin: 'admin-umbrella', webhook_url: 'http://127.0.0.1:9/umbrella', plan: 'pro' };
  for (let i = 0; i < 2; i++) await ok(call(operator, 'POST', '/onboarding/tenants/umbrella/steps', { cohort: 'autumn', row }));
  await page.reload();
  const table = page.getByRole('table', { name: 'Tenants of cohort autumn (1)' });
  const umbrella = table.getByRole('row').filter({ hasText: 'umbrella' });
  await umbrella.getByText('in progress').waitFor();
  assert.match((await umbrella.textContent()) ?? '', /tenant, admin/);
  assert.match((await page.getByRole('heading', { name: 'Totals' }).locator('..').textContent()) ?? '', /Failed0 \(0%, alert above 10%\)/);
  await assertAccessible('83-cohort');

  // Its template applied, its signed test event finds no one: the webhook step fails, and one
  // failed tenant of one is above the 10% that raises the cohort's alert.
  for (let i = 0; i < 2; i++) await ok(call(operator, 'POST', '/onboarding/tenants/umbrella/steps', { cohort: 'autumn', row }));
  await page.reload();
  await umbrella.getByText('failed', { exact: true }).waitFor();
  await page.getByRole('alert').filter({ hasText: /^1 of 1 tenants of cohort autumn failed \(100% > 10%\)/ }).waitFor();
  assert.match((await page.getByRole('heading', { name: 'Totals' }).locator('..').textContent()) ?? '', /Failed1 \(100%, alert above 10%\)/);
});

test('operators generate a board pack, download its PDF and see it listed with its digest', async () => {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Board pack', exact: true }).click();
  await page.getByText('No board pack has been generated yet.').waitFor();
  const form = page.getByRole('form', { name: 'Generate a board pack' });
  await form.getByLabel('Period').fill('2026-Q1');
  const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Generate and download' }).click()]);
  assert.equal(download.suggestedFilename(), 'board-2026-Q1.pdf');
  const notice = page.getByRole('status').filter({ hasText: 'Downloaded board-2026-Q1.pdf' });
  await notice.waitFor();
  const digest = /SHA-256 ([0-9a-f]{64})/.exec((await notice.textContent()) ?? '')![1]!;
  const listed = page.getByRole('table', { name: 'Board packs (1)' }).getByRole('row').filter({ hasText: '2026-Q1' });
  await listed.getByText(digest).waitFor();
  await assertAccessible('84-board-packs');

  await form.getByLabel('Period').fill('2031-Q1');
  await form.getByRole('button', { name: 'Generate and download' }).click();
  await page.getByRole('alert').getByText(/has not begun/).waitFor();
});
