import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible as assertPageAccessible, openConsolePage, type ConsolePage } from './support/console-page.ts';
import type { ConsoleServer } from './support/console-server.ts';

// The graph in the console: the Related pane of a high-risk request lists what the request is
// linked to (and how much the viewer's policy hides), its links lead to the entity explorer, the
// explorer expands a node in its drawing and its table, and the table lists the same neighbours
// as the pane. A team lead is the viewer: it may read the graph but not Invoice entities. A
// subject's page (roles, attributes, teams, entitlements, recent receipts) is reached from the
// graph, the audit log and the command palette.

let consolePage: ConsolePage;
let server: ConsoleServer;
let page: Page;
let requestId = '';

async function api(subject: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<any> {
  const signIn = await fetch(`${server.url}/api/v1/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant_id: 'pilot-a', subject_id: subject }) });
  const { token } = (await signIn.json()) as { token: string };
  const res = await fetch(`${server.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const json: unknown = await res.json();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

before(async () => {
  consolePage = await openConsolePage();
  ({ server, page } = consolePage);
  const created = await api('user-engineer', 'POST', '/high-risk-ops/requests', {
    operation: 'TEMP_DB_READ_ACCESS',
    target: { database: 'warehouse', schema: 'public', tables: ['orders'] },
    duration_minutes: 30,
    rationale: 'refund 42 is stuck; read the order row',
  });
  requestId = created.request_id;
  await api('user-team-lead', 'POST', `/high-risk-ops/requests/${requestId}/approve`, { rationale: 'on call for the refund incident' });
  // An invoice billed to the request: in the graph, but not for a team lead's eyes.
  const invoice = await api('user-admin', 'POST', '/entities', { type: 'Invoice', properties: { name: 'INV-7' } });
  await api('user-admin', 'POST', '/relationships', { from: invoice.entity_id, to: `high-risk-request:${requestId}`, type: 'BILLS_TO' });
});

after(async () => {
  await consolePage?.close();
});

const assertAccessible = (name: string) => assertPageAccessible(page, name);
const related = () => page.getByRole('region', { name: /^Request / }).getByRole('region', { name: 'Related' });

async function signInAs(subject: string): Promise<void> {
  await page.goto(`${server.url}/sign-in`);
  const form = page.getByRole('form', { name: 'Development sign-in' });
  await form.getByLabel('Tenant').fill('pilot-a');
  await form.getByLabel('User').fill(subject);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/tenants/pilot-a/config');
}

/** The names of the links in a list or table, sorted. */
async function linkNames(scope: ReturnType<Page['getByRole']>): Promise<string[]> {
  return (await scope.getByRole('link').allTextContents()).filter((t) => t !== 'Explore in the graph').sort();
}

test('the Related pane of a high-risk request lists its neighbours by type, counts the hidden one, and navigates', async () => {
  await signInAs('user-team-lead');
  await page.goto(`${server.url}/tenants/pilot-a/security?request=${requestId}`);
  const pane = related();
  await pane.getByRole('link', { name: 'Eli Engineer' }).waitFor();
  const text = (await pane.textContent()) ?? '';
  assert.match(text, /Approval \(1\)/);
  assert.match(text, /User \(1\)/);
  assert.match(text, /← REQUESTED/);
  assert.match(text, /1 hidden: your role may not see it\./);
  assert.doesNotMatch(text, /Invoice|INV-7/);
  await assertAccessible('60-graph-related-pane');

  // A user opens on its subject page, whose own Related pane leads on to the explorer.
  await pane.getByRole('link', { name: 'Eli Engineer' }).click();
  await page.waitForURL('**/tenants/pilot-a/subjects/user-engineer');
  const teams = page.getByRole('heading', { name: 'Teams and entitlements' }).locator('..');
  await teams.getByRole('link', { name: 'engineering' }).waitFor();
  assert.match((await teams.textContent()) ?? '', /Teams \(1\)engineering.*Entitled to \(0\)/);
  await page.getByText('Your role may not read the audit trail.').waitFor();
  await page.getByRole('region', { name: 'Related' }).getByRole('link', { name: 'Explore in the graph' }).click();
  await page.waitForURL(/\/tenants\/pilot-a\/graph\?entity=subject%3Auser-engineer$/);
  await page.getByRole('heading', { name: 'User: Eli Engineer', level: 2 }).waitFor();
});

test('the explorer draws the neighbourhood, its table lists the same neighbours as the Related pane, and a node expands', async () => {
  const table = page.getByRole('table', { name: /^Neighbours of Eli Engineer \(\d+\)$/ });
  await table.waitFor();
  const canvas = page.locator('.graph-canvas');
  await canvas.waitFor();
  const rows = await table.locator('tbody tr').count();
  assert.equal(Number(await canvas.getAttribute('data-node-count')), rows + 1, 'the drawing shows the focus and every row');

  const pane = page.getByRole('region', { name: 'Related' });
  await pane.getByRole('link', { name: 'engineering' }).waitFor();
  assert.deepEqual(await linkNames(table), await linkNames(pane));
  assert.ok((await linkNames(table)).includes('engineering'));
  await table.getByRole('row').filter({ hasText: 'engineering' }).getByText('← MEMBER_OF subject:user-engineer').waitFor();
  await assertAccessible('61-graph-explorer');

  // The engineering team's members join the graph one level further out.
  await table.getByRole('button', { name: 'Expand engineering' }).click();
  const tara = table.getByRole('row').filter({ hasText: 'Tara Team Lead' });
  await tara.waitFor();
  assert.equal((await tara.getByRole('cell').nth(3).textContent())?.trim(), '2');
  await table.getByRole('row').filter({ hasText: 'engineering' }).getByText('shown').waitFor();
  assert.ok(Number(await page.locator('.graph-canvas').getAttribute('data-node-count')) > rows + 1, 'the drawing grew with the expansion');
  await assertAccessible('62-graph-expanded');
});

test('the explorer walks by depth and relationship type, and a request opens in the security workspace', async () => {
  const walk = page.getByRole('form', { name: 'Walk options' });
  await walk.getByRole('checkbox', { name: 'REQUESTED' }).check();
  await walk.getByRole('button', { name: 'Show' }).click();
  const table = page.getByRole('table', { name: 'Neighbours of Eli Engineer (1)' });
  await table.waitFor();
  const request = table.getByRole('link', { name: 'TEMP_DB_READ_ACCESS' });
  await request.click();
  await page.waitForURL(`**/tenants/pilot-a/security?request=${requestId}`);
  await page.getByRole('region', { name: `Request ${requestId}` }).getByText('TEMP_DB_READ_ACCESS').waitFor();
});

test('the explorer finds entities by type and name', async () => {
  await page.goto(`${server.url}/tenants/pilot-a/graph`);
  const find = page.getByRole('form', { name: 'Find entities' });
  await find.getByLabel('Type').selectOption('Team');
  await find.getByLabel('Name (exact)').fill('engineering');
  await find.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('list', { name: 'Found entities' }).getByRole('link', { name: 'engineering' }).click();
  await page.getByRole('heading', { name: 'Team: engineering', level: 2 }).waitFor();
  await assertAccessible('63-graph-find');
});

test("a subject's page shows who it is, its teams and entitlements and its recent receipts, reached from the audit log and the palette", async () => {
  const asset = await api('user-admin', 'POST', '/entities', { type: 'Asset', properties: { name: 'orders-replica' } });
  await api('user-admin', 'POST', '/entitlements', { subject_id: 'user-engineer', entity_id: asset.entity_id });
  await signInAs('user-admin');
  await page.goto(`${server.url}/tenants/pilot-a/audit`);
  const filters = page.getByRole('form', { name: 'Filter audit events' });
  await filters.getByLabel('Actor').fill('user-engineer');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  const audit = page.getByRole('region', { name: /^Audit events, page 1/ });
  await audit.getByRole('link', { name: 'user-engineer' }).first().click();
  await page.waitForURL('**/tenants/pilot-a/subjects/user-engineer');
  await page.getByRole('heading', { name: 'Eli Engineer user-engineer', level: 1 }).waitFor();
  const who = page.getByRole('heading', { name: 'Who' }).locator('..');
  await who.getByText('engineer', { exact: true }).waitFor();
  assert.match((await who.textContent()) ?? '', /departmentengineering/);
  const teams = page.getByRole('heading', { name: 'Teams and entitlements' }).locator('..');
  await teams.getByRole('link', { name: 'orders-replica' }).waitFor();
  assert.match((await teams.textContent()) ?? '', /Entitled to \(1\)orders-replica/);
  const receipts = page.getByRole('list', { name: 'Recent receipts of user-engineer' });
  await receipts.getByText('high_risk.request.create').waitFor();
  const receiptLink = receipts.getByRole('link', { name: /^receipt / }).first();
  const href = (await receiptLink.getAttribute('href')) ?? '';
  assert.match(href, /^\/tenants\/pilot-a\/receipts\/[0-9a-f-]{36}$/);
  await page.getByRole('region', { name: 'Related' }).getByText('Team (1)').waitFor();
  await assertAccessible('64-subject-page');

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog');
  await palette.getByRole('combobox').fill('Tara');
  await palette.getByRole('option', { name: 'Tara Team Lead (user-team-lead)' }).click();
  await page.waitForURL('**/tenants/pilot-a/subjects/user-team-lead');
  await page.getByRole('heading', { name: 'Tara Team Lead user-team-lead', level: 1 }).waitFor();
});
