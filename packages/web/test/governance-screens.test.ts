import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible as assertPageAccessible, openConsolePage, type ConsolePage } from './support/console-page.ts';
import type { ConsoleServer } from './support/console-server.ts';

// The tenant admin's governance screens: flags, export, keys, policy and the page colours. One
// browser and one server; the steps build on each other like a session of pilot-a's admin.
let consolePage: ConsolePage;
let server: ConsoleServer;
let page: Page;

before(async () => {
  consolePage = await openConsolePage();
  ({ server, page } = consolePage);
});
after(() => consolePage?.close());

const assertAccessible = (name: string) => assertPageAccessible(page, name);

/** Calls the API from outside the console, as pilot-a's admin (optionally stepped up). */
async function callApi(method: string, path: string, body?: unknown, stepUp = false): Promise<{ status: number; body: { type?: string } & Record<string, unknown> }> {
  const signIn = await fetch(`${server.url}/api/v1/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant_id: 'pilot-a', subject_id: 'user-admin', step_up: stepUp }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as { type?: string } & Record<string, unknown> };
}

const createAdminKey = () => callApi('POST', '/api-keys', { subject_id: 'user-admin', name: 'automation', roles: ['CompanyAdmin'] });

async function openScreen(name: string, path: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name, exact: true }).click();
  await page.waitForURL(`**/tenants/pilot-a/${path}`);
}

test('a tenant admin turns a flag off and the guarded behaviour stops; revert restores it', async () => {
  await page.goto(`${server.url}/sign-in`);
  const form = page.getByRole('form', { name: 'Development sign-in' });
  await form.getByLabel('Tenant').fill('pilot-a');
  await form.getByLabel('User').fill('user-admin');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/tenants/pilot-a/config');
  await openScreen('Flags', 'flags');

  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /identity\.api-key-admin-roles/ }) });
  const toggle = row.getByRole('switch', { name: 'On for identity.api-key-admin-roles' });
  await toggle.waitFor();
  assert.equal(await toggle.isChecked(), true, 'seeded on for pilot-a');
  assert.equal((await createAdminKey()).status, 201);
  await assertAccessible('11-flags');

  await toggle.click();
  await page.getByRole('status').filter({ hasText: 'Flag identity.api-key-admin-roles changed.' }).waitFor();
  await row.getByRole('cell', { name: /^DISABLED/ }).waitFor();
  assert.equal(await toggle.isChecked(), false);
  const refused = await createAdminKey();
  assert.equal(refused.status, 403);
  assert.match(refused.body.type ?? '', /feature-disabled$/);

  await row.getByRole('button', { name: 'Revert identity.api-key-admin-roles' }).click();
  await page.getByRole('status').filter({ hasText: 'Flag identity.api-key-admin-roles reverted.' }).waitFor();
  await row.getByText('(seed)').waitFor();
  assert.equal(await toggle.isChecked(), true);
  assert.equal((await createAdminKey()).status, 201);
});

test('the admin runs an export after a step-up, sees it complete with its digest and has it verified', async () => {
  await openScreen('Export', 'export');
  await page.getByText('No exports yet.').waitFor();
  await assertAccessible('12-export');

  await page.getByRole('button', { name: 'Start export' }).click();
  await page.getByRole('dialog', { name: 'Confirm it is you' }).waitFor();
  await assertAccessible('13-step-up-export');
  await page.getByRole('dialog', { name: 'Confirm it is you' }).getByRole('button', { name: 'Confirm identity' }).click();
  const current = page.getByRole('region', { name: 'Current export' });
  await current.getByText('Status: done').waitFor({ timeout: 30_000 });
  const digest = (await page.getByTestId('pack-digest').textContent()) ?? '';
  assert.match(digest, /^[0-9a-f]{64}$/);
  // The window ends now: it holds today's records, the sign-ins and flag changes above among them.
  assert.match((await current.textContent()) ?? '', /audit_events: [1-9]/);
  assert.match((await current.textContent()) ?? '', /companyos verify audit-export-[0-9a-f-]+\.tar\.gz --jwks http:\/\/127\.0\.0\.1:\d+\/api\/v1\/tenants\/pilot-a\/jwks\.json/);

  const [download] = await Promise.all([page.waitForEvent('download'), current.getByRole('button', { name: 'Download pack' }).click()]);
  assert.match(download.suggestedFilename(), /^audit-export-.*\.tar\.gz$/);
  await current.getByText('its SHA-256 matches the digest the server recorded').waitFor();

  await current.getByRole('button', { name: 'Verify pack on the server' }).click();
  await current.getByRole('status').filter({ hasText: /^Pack verified against the tenant's published keys/ }).waitFor();
  const checks = current.getByRole('list', { name: 'Checks' }).getByRole('listitem');
  assert.equal(await checks.count(), 6);
  assert.deepEqual(await checks.filter({ hasNotText: /^passed:/ }).allTextContents(), []);
  assert.match((await checks.allTextContents()).join('\n'), /inclusion proof/);
  await page.getByRole('table', { name: /Exports \(1\)/ }).waitFor();
  await assertAccessible('14-export-done');
});

test('the admin rotates the signing key after confirming', async () => {
  await openScreen('Keys', 'keys');
  await page.getByRole('heading', { name: 'Signing keys' }).waitFor();
  const table = page.getByRole('table', { name: /Published keys/ });
  // The export and the API keys above signed receipts: the tenant has its first key.
  await table.waitFor();
  assert.equal(await table.getByText('active').count(), 1);
  await assertAccessible('15-keys');

  await page.getByRole('button', { name: 'Rotate signing key' }).click();
  const confirm = page.getByRole('dialog', { name: 'Rotate the signing key?' });
  await assertAccessible('16-confirm-rotate');
  // No second prompt: the step-up of the export is recent enough.
  await confirm.getByRole('button', { name: 'Rotate key' }).click();
  const notice = page.getByRole('status').filter({ hasText: /is now active; 1 retired\./ });
  await notice.waitFor();
  const kid = /Key (\S+) is now active/.exec((await notice.textContent()) ?? '')![1]!;
  await table.getByRole('row').filter({ hasText: kid }).getByText('active').waitFor();
  await table.getByText('retired', { exact: true }).waitFor();
});

test('the policy screen shows the active bundle, simulates, compares and rolls back', async () => {
  // Two activated versions, so there is something to roll back to.
  for (const [n, regions] of [
    [1, ['eu']],
    [2, ['eu', 'uk']],
  ] as const) {
    const proposed = await callApi('POST', '/policy/versions', { message: `regions v${n}`, data_patch: { allowed_regions: regions } });
    assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
    assert.equal((await callApi('POST', `/policy/versions/${n}/activate`, undefined, true)).status, 200);
  }
  await openScreen('Policy', 'policy');
  const activeBundle = page.getByRole('region', { name: 'Active bundle' });
  await activeBundle.getByText(/^v2 \(/).waitFor();
  await assertAccessible('17-policy');

  await page.getByRole('button', { name: 'Simulate' }).click();
  const decision = page.getByRole('region', { name: 'Decision' });
  await decision.getByText('deny', { exact: true }).waitFor();
  assert.match((await decision.textContent()) ?? '', /no role of subject user-viewer grants action tenant\.config\.update/);

  await page.getByLabel('From').selectOption('1');
  await page.getByLabel('To').selectOption('2');
  await page.getByRole('button', { name: 'Compare' }).click();
  const changes = page.getByRole('list', { name: 'Data changes' });
  await changes.waitFor();
  assert.match((await changes.textContent()) ?? '', /allowed_regions/);
  await assertAccessible('18-policy-diff');

  await page.getByRole('button', { name: 'Roll back to v1' }).click();
  await page.getByRole('dialog', { name: 'Roll back to v1?' }).getByRole('button', { name: 'Roll back' }).click();
  await page.getByRole('status').filter({ hasText: 'Version 1 is active again.' }).waitFor();
  await activeBundle.getByText(/^v1 \(rollback/).waitFor();
});

test('branding re-colours the page background and text live', async () => {
  await openScreen('Branding', 'branding');
  await page.getByLabel('Background').waitFor();
  await page.getByLabel('Background').fill('#fdf6e3');
  await page.getByLabel('Text', { exact: true }).fill('#2b2118');
  await page.getByRole('button', { name: 'Save branding' }).click();
  await page.getByRole('status').filter({ hasText: 'Branding saved.' }).waitFor();
  assert.equal(await page.locator('html').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(253, 246, 227)');
  assert.equal(await page.locator('h1').evaluate((el) => getComputedStyle(el).color), 'rgb(43, 33, 24)');
  await assertAccessible('19-branding-page-colours');
});
