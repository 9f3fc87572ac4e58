import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { policyRuntime } from '../../server/src/policy/policy-runtime.ts';
import { assertAccessible as assertPageAccessible, openConsolePage, type ConsolePage } from './support/console-page.ts';
import type { ConsoleServer } from './support/console-server.ts';

// The Security screen end to end: an engineer asks for temporary read access, a team lead and a
// security officer approve it, the engineer executes, reads the table with the credentials shown
// once, and revokes; the server's job takes the role away. The governed database is a fresh
// PostgreSQL database of the local server (these tests fail, never skip, without it).
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `companyos_web_hr_${randomBytes(4).toString('hex')}`;
const governedUrl = `postgres://postgres@127.0.0.1:5432/${database}`;
const SCHEMA = 'incident';

let consolePage: ConsolePage;
let server: ConsoleServer;
let page: Page;
let requestId = '';
let grantedRole = '';

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => {});
  try {
    await c.connect();
  } catch (err) {
    throw new Error(`the security workspace test needs PostgreSQL at ${url}: ${(err as Error).message}`);
  }
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

before(async () => {
  await withClient(ADMIN_URL, (c) => c.query(`CREATE DATABASE ${database}`));
  await withClient(governedUrl, async (c) => {
    await c.query(`CREATE SCHEMA ${SCHEMA}`);
    await c.query(`CREATE TABLE ${SCHEMA}.orders (id int PRIMARY KEY, note text)`);
    await c.query(`INSERT INTO ${SCHEMA}.orders VALUES (42, 'stuck refund')`);
  });
  consolePage = await openConsolePage({ highRiskDatabaseUrl: governedUrl });
  ({ server, page } = consolePage);
});

after(async () => {
  await consolePage?.close();
  await withClient(ADMIN_URL, async (c) => {
    // The revert drops the role; should a step above have failed, no role may outlive the test.
    if (grantedRole !== '') await c.query(`DROP ROLE IF EXISTS ${grantedRole}`).catch(() => undefined);
    await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });
});

const assertAccessible = (name: string) => assertPageAccessible(page, name);

async function signInAs(subject: string): Promise<void> {
  const signOut = page.getByRole('button', { name: 'Sign out' });
  if (await signOut.isVisible()) await signOut.click();
  else await page.goto(`${server.url}/sign-in`);
  const form = page.getByRole('form', { name: 'Development sign-in' });
  await form.getByLabel('Tenant').fill('pilot-a');
  await form.getByLabel('User').fill(subject);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/tenants/pilot-a/config');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Security', exact: true }).click();
  await page.waitForURL('**/tenants/pilot-a/security');
  await page.getByRole('heading', { name: 'Security', level: 1 }).waitFor();
}

const detail = () => page.getByRole('region', { name: /^Request [0-9a-f-]{36}$/ });
const requestsTable = () => page.getByRole('table', { name: /^Requests \(\d+\)$/ });

async function openFromList(): Promise<void> {
  await requestsTable().getByRole('button', { name: `Open request ${requestId}` }).click();
  await detail().waitFor();
}

test('an engineer sees the empty workspace, the form checks and the policy refusal, then asks for access', async () => {
  await signInAs('user-engineer');
  await page.getByText('No requests yet.').waitFor();
  await page.getByText('Nothing waits for your approval.').waitFor();
  await page.getByText('No revert has failed.').waitFor();
  // The engineer's roles do not include the receipt check: a note, not an alert.
  await page.getByText('Your roles do not include the receipt check.').waitFor();
  await assertAccessible('40-security-empty');

  const form = page.getByRole('form', { name: 'Request access' });
  await form.getByLabel('Duration (minutes)').fill('0');
  await form.getByRole('button', { name: 'Send request' }).click();
  await form.getByText('4 fields need attention.').waitFor();
  const tables = form.getByLabel('Tables');
  assert.equal(await tables.getAttribute('aria-invalid'), 'true');
  assert.match((await form.textContent()) ?? '', /Name the database.*Name at least one table\..*A whole number of minutes from 1 to 1440.*Say why the access is needed/);
  await assertAccessible('41-security-form-invalid');

  await form.getByLabel('Database').fill(database);
  await form.getByLabel('Schema').fill(SCHEMA);
  await tables.fill('orders');
  await form.getByLabel('Duration (minutes)').fill('121');
  await form.getByLabel('Rationale', { exact: true }).fill('refund 42 is stuck; read the order row');
  await form.getByRole('button', { name: 'Send request' }).click();
  const refusal = form.getByRole('alert');
  await refusal.getByText('TEMP_DB_READ_ACCESS may last at most 120 minutes, not 121').waitFor();
  await assertAccessible('42-security-policy-refusal');
  await page.getByText('No requests yet.').waitFor();

  await form.getByLabel('Duration (minutes)').fill('30');
  await form.getByRole('button', { name: 'Send request' }).click();
  await detail().waitFor();
  requestId = /Request ([0-9a-f-]{36})/.exec((await detail().getByRole('heading', { level: 2 }).textContent()) ?? '')![1]!;
  await detail().getByText('requested', { exact: true }).waitFor();
  assert.match((await detail().textContent()) ?? '', /Missing approvals\s*security_officer, team_lead/);
  await detail().getByRole('row').filter({ hasText: 'user-engineer' }).getByText('refund 42 is stuck; read the order row').waitFor();
  await requestsTable().getByRole('button', { name: `Open request ${requestId}` }).waitFor();
  await assertAccessible('43-security-requested');
});

test('a team lead and a security officer approve from their queue with a rationale', async () => {
  for (const [subject, rationale, after] of [
    ['user-team-lead', 'on call for the refund incident', /Missing approvals\s*security_officer/],
    ['user-security', 'scoped to one table, 30 minutes', /Status:\s*approved/],
  ] as const) {
    await signInAs(subject);
    const queue = page.getByRole('list', { name: 'Requests to approve' });
    const item = queue.getByRole('listitem').filter({ hasText: 'TEMP_DB_READ_ACCESS for user-engineer' });
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /Missing approvals/);
    await assertAccessible(`44-security-queue-${subject}`);
    await item.getByLabel('Your rationale').fill(rationale);
    await item.getByRole('button', { name: /^Approve request/ }).click();
    await page.getByText('Nothing waits for your approval.').waitFor();
    await openFromList();
    await detail().getByRole('row').filter({ hasText: subject }).getByText(rationale).waitFor();
    assert.match((await detail().textContent()) ?? '', after);
  }
});

test('the engineer executes, reads the table with the credentials shown once, watches the countdown and revokes', async () => {
  await signInAs('user-engineer');
  await page.getByLabel('Status', { exact: true }).selectOption('approved');
  await openFromList();
  await detail().getByRole('button', { name: 'Execute' }).click();

  const dialog = page.getByRole('dialog', { name: 'Your temporary credentials' });
  await dialog.waitFor();
  await dialog.getByText('Shown once.').waitFor();
  const username = (await dialog.getByTestId('credential-username').textContent()) ?? '';
  const password = (await dialog.getByTestId('credential-password').textContent()) ?? '';
  grantedRole = username;
  assert.match(username, /^hr_[0-9a-f]{32}$/);
  await assertAccessible('45-security-credentials');
  await dialog.getByRole('button', { name: 'I have copied them' }).click();
  await dialog.waitFor({ state: 'detached' });
  // Once closed, the password is nowhere on the page.
  assert.ok(!((await page.content()).includes(password)));

  const timer = page.getByRole('timer', { name: 'Time until the access is reverted' });
  const seconds = async () => {
    const [m, s] = ((await timer.textContent()) ?? '').split(':').map(Number);
    return m! * 60 + s!;
  };
  const first = await seconds();
  assert.ok(first > 28 * 60 && first <= 30 * 60, `about 30 minutes left, not ${first}s`);
  await page.waitForFunction((shown) => document.querySelector('[role="timer"]')?.textContent !== shown, await timer.textContent());
  assert.ok((await seconds()) < first, 'the countdown goes down');
  await detail().getByText('active', { exact: true }).waitFor();
  await assertAccessible('46-security-active');

  const login = new URL(governedUrl);
  login.username = username;
  login.password = password;
  const rows = await withClient(login.toString(), async (c) => (await c.query(`SELECT id, note FROM ${SCHEMA}.orders`)).rows);
  assert.deepEqual(rows, [{ id: 42, note: 'stuck refund' }]);

  await detail().getByRole('button', { name: 'Revoke' }).click();
  const confirm = page.getByRole('dialog', { name: 'Revoke this access?' });
  await confirm.waitFor();
  await assertAccessible('47-security-confirm-revoke');
  await confirm.getByRole('button', { name: 'Revoke access' }).click();
  await detail().getByText('Revoke requested; the access is being removed.').waitFor();
  // The server's job runner drops the role; the detail follows the request until it says so.
  await detail().getByText('reverted', { exact: true }).waitFor({ timeout: 20_000 });
  assert.equal(await timer.count(), 0, 'no countdown once reverted');
  await detail().getByRole('row').filter({ hasText: 'system:high-risk' }).getByText('revert: active → reverted').waitFor();
  const roles = await withClient(ADMIN_URL, async (c) => (await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [username])).rowCount);
  assert.equal(roles, 0, 'the role is gone');
  await assertAccessible('48-security-reverted');
});

test('security sees the calm receipt check and downloads the evidence pack of the reverted request', async () => {
  await signInAs('user-security');
  await page.getByText('Every executed request has all its receipts.').waitFor();
  await page.getByText('No revert has failed.').waitFor();
  await openFromList();
  await detail().getByText('reverted', { exact: true }).waitFor();
  // A pack is served once a checkpoint covers every step (the revert's included) and the decisions are written.
  await server.app.ledger.flush('pilot-a');
  await policyRuntime().engine.flushDecisions();
  const [download] = await Promise.all([page.waitForEvent('download'), detail().getByRole('button', { name: 'Evidence pack' }).click()]);
  assert.equal(download.suggestedFilename(), `evidence-pilot-a-high-risk-${requestId}.tar.gz`);
  const pack = await download.createReadStream();
  const bytes: Buffer[] = [];
  for await (const chunk of pack) bytes.push(chunk as Buffer);
  // A gzip stream.
  assert.deepEqual([...Buffer.concat(bytes).subarray(0, 2)], [0x1f, 0x8b]);
  await detail().getByText(/^Downloaded evidence-pilot-a-high-risk-.*\(SHA-256 [0-9a-f]{64}\)/).waitFor();
  await assertAccessible('49-security-evidence');
});

test('the engineer cancels a request before it is executed', async () => {
  await signInAs('user-engineer');
  const form = page.getByRole('form', { name: 'Request access' });
  await form.getByLabel('Database').fill(database);
  await form.getByLabel('Schema').fill(SCHEMA);
  await form.getByLabel('Tables').fill('orders');
  await form.getByLabel('Rationale', { exact: true }).fill('asked by mistake');
  await form.getByRole('button', { name: 'Send request' }).click();
  await detail().getByText('requested', { exact: true }).waitFor();
  await detail().getByRole('button', { name: 'Cancel request' }).click();
  const confirm = page.getByRole('dialog', { name: 'Cancel this request?' });
  await confirm.getByRole('button', { name: 'Cancel request' }).click();
  await detail().getByText('cancelled', { exact: true }).waitFor();
  await detail().getByText('Request cancelled.').waitFor();
  assert.equal(await detail().getByRole('button', { name: 'Cancel request' }).count(), 0, 'nothing left to do');
  await page.getByLabel('Status', { exact: true }).selectOption('cancelled');
  await page.getByRole('table', { name: 'Requests (1)' }).getByRole('cell', { name: 'cancelled' }).waitFor();
});
