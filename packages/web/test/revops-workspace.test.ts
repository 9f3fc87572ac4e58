import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { verifyPack } from '../../server/src/evidence/index.ts';
import { policyRuntime } from '../../server/src/policy/policy-runtime.ts';
import { assertAccessible as assertPageAccessible, devSignIn, openConsolePage, type ConsolePage } from './support/console-page.ts';
import type { ConsoleServer } from './support/console-server.ts';

// The RevOps workspace end to end: an account executive creates a lead and a 30% quote and submits
// it; a sales manager and finance approve it from the screens the policy offers them; the executive
// activates it; the dashboard counts it; the deal's evidence pack downloads and verifies offline.

let consolePage: ConsolePage;
let server: ConsoleServer;
let page: Page;
let quoteId = '';
const dir = mkdtempSync(join(tmpdir(), 'revops-web-'));

/** The script files the page has asked for, to show the chart code loads only with a chart. */
const scripts: string[] = [];

before(async () => {
  consolePage = await openConsolePage();
  ({ server, page } = consolePage);
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
});
after(async () => {
  await consolePage?.close();
  rmSync(dir, { recursive: true, force: true });
});

const assertAccessible = (name: string) => assertPageAccessible(page, name);
const nav = () => page.getByRole('navigation', { name: 'Screens' });
const detail = () => page.getByRole('region', { name: /^Quote [0-9a-f-]{36}$/ });

async function signInAs(subject: string, screen = 'RevOps'): Promise<void> {
  // Each lands on the first screen the policy offers them (not the same for every role).
  await devSignIn(page, server.url, 'pilot-a', subject);
  await nav().getByRole('link', { name: screen, exact: true }).click();
  await page.getByRole('heading', { name: screen, level: 1 }).waitFor();
}

async function openQuote(status: string): Promise<void> {
  await page.getByLabel('Status', { exact: true }).selectOption(status);
  await page.getByRole('table', { name: /^Quotes \(\d+\)$/ }).getByRole('button', { name: `Open quote ${quoteId}` }).click();
  await detail().waitFor();
  // Loaded: its total shows, and with it the steps the caller may take.
  await detail().getByText('€8,400.00').first().waitFor();
}

const buttons = async () => (await detail().getByRole('button').allTextContents()).filter((b) => b !== 'Close' && b !== 'Deal evidence pack');

test('an account executive creates a lead and a 30% quote and submits it with a rationale', async () => {
  await signInAs('user-ae');
  await page.getByText('No quotes yet.').waitFor();
  await assertAccessible('60-revops-empty');

  const lead = page.getByRole('form', { name: 'New lead' });
  await lead.getByRole('button', { name: 'Create lead' }).click();
  await lead.getByText(/Fill in company/).waitFor();
  await lead.getByLabel('Company').fill('Globex AG');
  await lead.getByLabel('Contact name').fill('Hank Scorpio');
  await lead.getByLabel('Contact e-mail').fill('hank@globex.example.com');
  await lead.getByLabel('Estimated value').fill('150000.00');
  await lead.getByRole('button', { name: 'Create lead' }).click();
  await page.getByText(/Lead routed to enterprise \(user-ae\); promoted to an opportunity\./).waitFor();
  await page.getByRole('table', { name: /^Leads, newest first/ }).getByRole('cell', { name: 'Globex AG' }).waitFor();

  await page.getByRole('button', { name: 'New quote for Globex AG' }).click();
  const form = page.getByRole('form', { name: 'New quote for Globex AG' });
  await form.getByLabel('Product').fill('platform-seat');
  await form.getByLabel('Quantity').fill('10');
  await form.getByLabel(/List price per unit/).fill('1200.00');
  await form.getByLabel('Discount (%)').fill('30');
  await assertAccessible('61-revops-quote-form');
  await form.getByRole('button', { name: 'Create quote' }).click();
  await detail().waitFor();
  quoteId = /Quote ([0-9a-f-]{36})/.exec((await detail().getByRole('heading', { level: 2 }).textContent()) ?? '')![1]!;
  // The quote's page loads after its heading shows.
  await detail().getByText('€8,400.00').first().waitFor();
  assert.match((await detail().textContent()) ?? '', /Discount30%Total€8,400\.00/);
  await detail().getByRole('button', { name: 'Submit for approval' }).waitFor();
  assert.deepEqual(await buttons(), ['Submit for approval', 'Edit quote', 'Cancel quote']);

  await detail().getByRole('button', { name: 'Submit for approval' }).click();
  await detail().getByText('Give a rationale of at least 3 characters.').waitFor();
  await assertAccessible('62-revops-rationale-missing');
  await detail().getByLabel('Rationale (required)').fill('competitive displacement of the incumbent');
  await detail().getByRole('button', { name: 'Submit for approval' }).click();
  await detail().getByText('Submitted for approval.').waitFor();
  await detail().getByText('finance: may be given by user-finance').waitFor();
  await detail().getByText('sales_manager: may be given by user-sales-manager').waitFor();
  // The owner may not approve their own quote: the screen does not offer it.
  assert.deepEqual(await buttons(), ['Edit quote', 'Cancel quote']);
  await assertAccessible('63-revops-submitted');
  assert.ok(scripts.length > 0 && !scripts.some((u) => u.includes('chart')), `no chart code before a chart is shown: ${scripts.join(', ')}`);
});

test('a sales manager and finance approve with a rationale; each is offered only what the policy allows', async () => {
  for (const [subject, rationale] of [
    ['user-sales-manager', 'strategic logo in the region'],
    ['user-finance', 'margin stays above the floor'],
  ] as const) {
    await signInAs(subject);
    await openQuote('submitted');
    assert.deepEqual(await buttons(), ['Approve', 'Reject']);
    await assertAccessible(`64-revops-approve-${subject}`);
    await detail().getByLabel('Rationale (required)').fill(rationale);
    await detail().getByRole('button', { name: 'Approve' }).click();
    await detail().getByText('Approval recorded.').waitFor();
    await detail().getByRole('row').filter({ hasText: subject }).getByText(rationale).waitFor();
  }
  await detail().getByText('approved', { exact: true }).waitFor();
  // Finance may neither activate nor approve again.
  assert.deepEqual(await buttons(), []);
  await detail().getByText('There is nothing you may do to this quote now.').waitFor();
});

test('the executive activates the quote; the dashboard counts the deal and its approvers', async () => {
  await signInAs('user-ae');
  await openQuote('approved');
  assert.deepEqual(await buttons(), ['Activate', 'Cancel quote']);
  await detail().getByRole('button', { name: 'Activate' }).click();
  await detail().getByText('Quote activated; the contract is recorded.').waitFor();
  await detail().getByText('active', { exact: true }).waitFor();
  await detail().getByText(/effective \d{4}-\d{2}-\d{2}, €8,400\.00/).waitFor();
  await assertAccessible('65-revops-active');

  await nav().getByRole('link', { name: 'RevOps governance', exact: true }).click();
  await page.getByRole('heading', { name: 'RevOps governance', level: 1 }).waitFor();
  const deals = page.getByRole('table', { name: 'Deals per day' });
  const today = new Date().toISOString().slice(0, 10);
  const row = deals.getByRole('row').filter({ hasText: today });
  // The dashboard's tables fill once its data arrives.
  await row.waitFor({ state: 'attached' });
  assert.deepEqual(await row.getByRole('cell').allTextContents(), ['1', '1'], 'one opportunity opened and one contract activated today');
  const approvers = page.getByRole('table', { name: 'Approvals per approver' });
  await approvers.getByRole('row').filter({ hasText: 'user-finance' }).waitFor({ state: 'attached' });
  for (const who of ['user-finance', 'user-sales-manager']) assert.deepEqual(await approvers.getByRole('row').filter({ hasText: who }).getByRole('cell').allTextContents(), ['1', '0']);
  assert.deepEqual(await page.getByRole('table', { name: 'Routed leads per team' }).getByRole('row').filter({ hasText: 'enterprise' }).getByRole('cell').allTextContents(), ['1']);
  assert.match((await page.getByRole('region', { name: 'Approvals' }).textContent()) ?? '', /Submitted quotes1Needing approvals1 \(100\.0%\)/);
  // The charts are drawn (chart.js loaded on demand) beside their tables.
  await page.locator('.chart-canvas canvas').first().waitFor();
  assert.ok(scripts.some((u) => u.includes('chart')), 'the chart code arrived with the dashboard');
  await assertAccessible('66-revops-dashboard');
});

test('the deal evidence pack downloads and verifies offline against the tenant keys', async () => {
  await nav().getByRole('link', { name: 'RevOps', exact: true }).click();
  await openQuote('active');
  await server.app.ledger.flush('pilot-a');
  await policyRuntime().engine.flushDecisions();
  const [download] = await Promise.all([page.waitForEvent('download'), detail().getByRole('button', { name: 'Deal evidence pack' }).click()]);
  assert.match(download.suggestedFilename(), /^evidence-pilot-a-revops-deal-[0-9a-f-]{36}\.tar\.gz$/);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const file = join(dir, download.suggestedFilename());
  writeFileSync(file, Buffer.concat(chunks));
  const jwks = await (await fetch(`${server.url}/api/v1/tenants/pilot-a/jwks.json`)).json();
  const verified = await verifyPack(file, { trustedJwks: jwks });
  assert.equal(verified.ok, true, JSON.stringify(verified));
  await detail().getByText(/^Downloaded evidence-pilot-a-revops-deal-.*\(SHA-256 [0-9a-f]{64}\)/).waitFor();
  await assertAccessible('67-revops-evidence');
});

/** A call to the API as `subject` of pilot-a, for what the test needs in place before the screens. */
async function api(subject: string, method: 'GET' | 'POST', url: string, body?: unknown) {
  const signIn = await server.app.inject({ method: 'POST', url: '/api/v1/dev/sign-in', payload: { tenant_id: 'pilot-a', subject_id: subject } });
  const res = await server.app.inject({ method, url, headers: { authorization: `Bearer ${signIn.json().token as string}` }, ...(body === undefined ? {} : { payload: body as object }) });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.body}`);
  return res.json();
}

test('the executive edits a submitted 30% quote down to 10%: back in draft without its approvals, then submitted and self-approved', async () => {
  const lead = { company: 'Initech', contact: { name: 'Bill Lumbergh', email: 'bill@initech.example.com' }, segment: 'enterprise', region: 'eu', estimated_value_minor: 1_200_000, currency: 'EUR' };
  const opportunityId = (await api('user-ae', 'POST', '/api/v1/revops/leads', lead)).opportunity.opportunity_id;
  const terms = { term_months: 12, payment_terms: 'net_30', valid_days: 30 };
  const quote = await api('user-ae', 'POST', '/api/v1/revops/quotes', { opportunity_id: opportunityId, currency: 'EUR', lines: [{ product: 'platform-seat', quantity: 10, unit_price_minor: 120_000 }], discount_bp: 3000, terms });
  quoteId = quote.quote_id;
  await api('user-ae', 'POST', `/api/v1/revops/quotes/${quoteId}/submit-for-approval`, { rationale: 'three-year logo' });
  await api('user-sales-manager', 'POST', `/api/v1/revops/quotes/${quoteId}/approve`, { rationale: 'strategic account' });

  await signInAs('user-ae');
  await openQuote('submitted');
  await detail().getByRole('button', { name: 'Edit quote' }).click();
  const form = detail().getByRole('form', { name: 'Edit version 1' });
  await form.getByText('Saving sends the quote back to draft').waitFor();
  assert.equal(await form.getByLabel('Product').inputValue(), 'platform-seat');
  assert.equal(await form.getByLabel(/List price per unit \(EUR\)/).inputValue(), '1200.00');
  assert.equal(await form.getByLabel('Discount (%)').inputValue(), '30');
  await assertAccessible('68-revops-edit-form');

  // Amounts are checked as minor units of the quote's currency before anything is sent.
  await form.getByLabel(/List price per unit/).fill('1200.005');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await form.getByText('Line 1: the list price is an amount in EUR such as 1200.00.').waitFor();
  // What the server refuses shows as its problem, with the field it names.
  await form.getByLabel(/List price per unit/).fill('1200.00');
  await form.getByLabel('Quantity').fill('2000000');
  await form.getByRole('button', { name: 'Save changes' }).click();
  const problem = form.getByRole('alert').filter({ hasText: 'the request body is invalid' });
  await problem.waitFor();
  assert.match((await problem.textContent()) ?? '', /quantity/);

  await form.getByLabel('Quantity').fill('10');
  await form.getByLabel('Discount (%)').fill('10');
  await form.getByLabel('Why (optional, kept in the history)').fill('customer signs this quarter at list');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await detail().getByText('Saved as version 2, a draft. Approvals dropped: user-sales-manager; submit it again for approval.').waitFor();
  await detail().getByText('€10,800.00').first().waitFor();
  assert.match((await detail().textContent()) ?? '', /Statusdraft.*Version2.*Discount10%Total€10,800\.00/);
  await detail().getByText('None while the quote is draft.').waitFor();
  await detail().getByRole('row').filter({ hasText: 'customer signs this quarter at list' }).waitFor();
  assert.deepEqual(await buttons(), ['Submit for approval', 'Edit quote', 'Cancel quote']);
  await assertAccessible('69-revops-edited');

  // Within the 20% threshold the executive's own submit approves it.
  await detail().getByLabel('Rationale (required)').fill('ten percent for a signature this quarter');
  await detail().getByRole('button', { name: 'Submit for approval' }).click();
  await detail().getByText('Submitted for approval.').waitFor();
  await detail().getByText('approved', { exact: true }).waitFor();
  assert.deepEqual(await buttons(), ['Activate', 'Cancel quote']);
  const stored = await api('user-ae', 'GET', `/api/v1/revops/quotes/${quoteId}`);
  assert.deepEqual([stored.status, stored.version, stored.discount_bp, stored.total_minor], ['approved', 2, 1000, 1_080_000]);
});
