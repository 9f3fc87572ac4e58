import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible as assertPageAccessible, openConsolePage, type ConsolePage } from './support/console-page.ts';
import type { ConsoleServer } from './support/console-server.ts';

// The console as each role meets it: the navigation and the forms follow the policy's preflight,
// and the approvals inbox gathers items of two flows for one approver.
let consolePage: ConsolePage;
let server: ConsoleServer;
let page: Page;

const api = async (subject: string, method: 'GET' | 'POST', url: string, body?: unknown) => {
  const signIn = await server.app.inject({ method: 'POST', url: '/api/v1/dev/sign-in', payload: { tenant_id: 'pilot-a', subject_id: subject } });
  const headers = { authorization: `Bearer ${signIn.json().token as string}` };
  const res = await server.app.inject({ method, url, headers, ...(body !== undefined ? { payload: body as object } : {}) });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.body}`);
  return res.json();
};

before(async () => {
  consolePage = await openConsolePage();
  ({ server, page } = consolePage);
  // One approver the policies need in two flows: a team lead who is also a sales manager.
  await api('user-admin', 'POST', '/api/v1/subjects', { subject_id: 'user-approver', display_name: 'Pat Approver', roles: ['team_lead', 'sales_manager'] });
  const request = { operation: 'TEMP_DB_READ_ACCESS', target: { database: 'test', schema: 'public', tables: ['orders'] }, duration_minutes: 30, rationale: 'refund 42 is stuck' };
  await api('user-engineer', 'POST', '/api/v1/high-risk-ops/requests', request);
  const lead = { company: 'Globex', contact: { name: 'Jo Buyer', email: 'jo@globex.example.com' }, segment: 'enterprise', region: 'eu', estimated_value_minor: 1_200_000, currency: 'EUR' };
  const opportunityId = (await api('user-ae', 'POST', '/api/v1/revops/leads', lead)).opportunity.opportunity_id;
  const quote = await api('user-ae', 'POST', '/api/v1/revops/quotes', {
    opportunity_id: opportunityId,
    currency: 'EUR',
    lines: [{ product: 'platform-seat', quantity: 10, unit_price_minor: 120_000 }],
    discount_bp: 3000,
    terms: { term_months: 12, payment_terms: 'net_30', valid_days: 30 },
  });
  await api('user-ae', 'POST', `/api/v1/revops/quotes/${quote.quote_id as string}/submit-for-approval`, { rationale: 'multi-year commitment' });
});
after(() => consolePage?.close());

const assertAccessible = (name: string) => assertPageAccessible(page, name);
const nav = () => page.getByRole('navigation', { name: 'Screens' });

async function signIn(tenant: string, subject: string): Promise<void> {
  const signOut = page.getByRole('button', { name: 'Sign out' });
  if (await signOut.isVisible()) await signOut.click();
  else await page.goto(`${server.url}/sign-in`);
  const form = page.getByRole('form', { name: 'Development sign-in' });
  await form.getByLabel('Tenant').fill(tenant);
  await form.getByLabel('User').fill(subject);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

const navTitles = async (): Promise<string[]> => (await nav().getByRole('link').allTextContents()).map((t) => t.replace(/\d+ waiting$/, '').trim());

test('an engineer is offered only what the policy allows: no Policy, no Export, no Save', async () => {
  await signIn('pilot-a', 'user-engineer');
  await page.waitForURL('**/tenants/pilot-a/config');
  await nav().getByRole('link', { name: 'Security', exact: true }).waitFor();
  assert.deepEqual(await navTitles(), ['Configuration', 'Approvals', 'Security', 'Incidents', 'Runbooks']);
  await page.getByText('Read-only: your roles do not allow changing these settings.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Save configuration' }).count(), 0);
  assert.equal(await page.getByLabel('Home region').isDisabled(), true);
  await assertAccessible('60-engineer-home');
});

test('a tenant admin is offered the governance screens and the Save', async () => {
  await signIn('pilot-a', 'user-admin');
  await page.waitForURL('**/tenants/pilot-a/config');
  await nav().getByRole('link', { name: 'Policy', exact: true }).waitFor();
  for (const title of ['Configuration', 'Branding', 'Audit log', 'Keys', 'Policy', 'Flags', 'Export', 'Security']) assert.ok((await navTitles()).includes(title), title);
  await page.getByRole('button', { name: 'Save configuration' }).waitFor();
  await assertAccessible('61-admin-home');
});

test("an operator lands on the tenant list and is offered no tenant's own screens", async () => {
  await signIn('internal', 'user-platform-operator');
  await page.waitForURL('**/operator/tenants');
  await nav().getByRole('link', { name: 'Tenants', exact: true }).waitFor();
  const titles = await navTitles();
  assert.ok(!titles.includes('Policy') && !titles.includes('Configuration'), titles.join(', '));
  await assertAccessible('62-operator-home');
});

test('one approver decides items of two flows from one inbox, each with a rationale', async () => {
  await signIn('pilot-a', 'user-approver');
  await page.waitForURL('**/tenants/pilot-a/**');
  const badge = page.getByTestId('approvals-count');
  await badge.getByText('2', { exact: false }).waitFor();
  await nav().getByRole('link', { name: /^Approvals/ }).click();
  await page.waitForURL('**/tenants/pilot-a/approvals');
  const inbox = page.getByRole('list', { name: 'Waiting for your approval' });
  const access = inbox.getByRole('listitem').filter({ hasText: 'TEMP_DB_READ_ACCESS on public' }).first();
  const quote = inbox.getByRole('listitem').filter({ hasText: 'Quote v1 for' }).first();
  await access.waitFor();
  await quote.waitFor();
  assert.match((await access.textContent()) ?? '', /Who else must approve\s*someone with role security_officer/);
  assert.match((await access.textContent()) ?? '', /user-engineer\s*request.*refund 42 is stuck/);
  assert.match((await quote.textContent()) ?? '', /Approving allows\s*user-ae may activate the quote/);
  await assertAccessible('63-approvals-inbox');

  // A decision needs a rationale: the form says so before anything is sent.
  await access.getByRole('button', { name: /^Approve/ }).click();
  await access.getByText('Write at least 10 characters on why.').waitFor();
  await access.getByLabel('Your rationale (required)').fill('on call for the refund incident');
  await access.getByRole('button', { name: /^Approve/ }).click();
  await inbox.getByRole('listitem').filter({ hasText: 'TEMP_DB_READ_ACCESS' }).waitFor({ state: 'detached' });
  await badge.getByText('1', { exact: false }).waitFor();

  // Keyboard only: the rationale, then Tab to Approve and Tab to Deny.
  await quote.getByLabel('Your rationale (required)').focus();
  await page.keyboard.type('discount too deep for a one-year term');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByText('Nothing waits for your approval.').waitFor();
  await badge.waitFor({ state: 'detached' });
  await assertAccessible('64-approvals-empty');

  const hr = await api('user-engineer', 'GET', '/api/v1/high-risk-ops/requests?status=requested');
  assert.equal(hr.requests.length, 1, 'the access request still needs its security officer');
  const quotes = await api('user-ae', 'GET', '/api/v1/revops/quotes?status=rejected');
  assert.equal(quotes.quotes.length, 1);
  assert.equal(quotes.quotes[0].status, 'rejected');
});
