import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations } from './support/browser.ts';
import { startConsoleServer, type ConsoleServer } from './support/console-server.ts';
import { startFakeIssuer, type FakeIssuer } from './support/fake-oidc-issuer.ts';

let issuer: FakeIssuer;
let server: ConsoleServer;
let browser: Browser;
let page: Page;

before(async () => {
  issuer = await startFakeIssuer({ sub: 'user-admin', tenant_id: 'pilot-a', name: 'Ada Admin' });
  [server, browser] = await Promise.all([
    startConsoleServer({ devIssuer: false, oidc: { issuer: issuer.issuer, audience: 'switchboard-console', jwksUrl: undefined } }),
    launchBrowser(),
  ]);
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
});
after(async () => {
  await browser?.close();
  await server?.close();
  await issuer?.close();
});

test('single sign-on: authorization code with PKCE, then the API accepts the session', async () => {
  await page.goto(`${server.url}/sign-in`);
  const button = page.getByRole('button', { name: 'Sign in with single sign-on' });
  await button.waitFor();
  // The development sign-in is off on this server, so it is not offered.
  assert.equal(await page.getByRole('form', { name: 'Development sign-in' }).count(), 0);
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, '11-sso-sign-in');

  await button.click();
  await page.waitForURL('**/tenants/pilot-a/config');
  await page.getByRole('group', { name: 'Quotas' }).waitFor();
  assert.match((await page.locator('header').textContent()) ?? '', /Ada Admin/);

  const [auth] = issuer.authorizations;
  assert.ok(auth !== undefined);
  assert.equal(auth.get('response_type'), 'code');
  assert.equal(auth.get('code_challenge_method'), 'S256');
  assert.equal(auth.get('client_id'), 'switchboard-console');
  assert.equal(auth.get('redirect_uri'), `${server.url}/auth/callback`);
  assert.match(auth.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
});

test('a callback that does not match the sign-in in progress is refused', async () => {
  await page.goto(`${server.url}/auth/callback?code=stolen&state=forged`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', /no sign-in is in progress/);
  assert.deepEqual(await seriousViolations(page), []);
});

/** Rotates pilot-a's signing key from the Keys screen, as the signed-in user of `on`. */
async function rotateKey(on: Page): Promise<void> {
  await on.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Keys', exact: true }).click();
  await on.waitForURL('**/tenants/pilot-a/keys');
  await on.getByRole('button', { name: 'Rotate signing key' }).click();
  await on.getByRole('dialog', { name: 'Rotate the signing key?' }).getByRole('button', { name: 'Rotate key' }).click();
}

/** The issuer was asked for a fresh login with the step-up ACR the API recognises. */
function assertStepUpRequested(auth: URLSearchParams | undefined): void {
  assert.ok(auth !== undefined);
  assert.equal(auth.get('prompt'), 'login');
  assert.equal(auth.get('max_age'), '0');
  assert.equal(auth.get('acr_values'), 'urn:companyos:acr:step-up');
  assert.equal(auth.get('code_challenge_method'), 'S256');
}

test('a step-up action of a single sign-on session re-authenticates in a popup and then succeeds', async () => {
  await page.goto(`${server.url}/tenants/pilot-a/config`);
  await page.getByRole('group', { name: 'Quotas' }).waitFor();
  const asked = issuer.authorizations.length;
  // Rotating keys needs a recent step-up; the single sign-on above was a plain login.
  await rotateKey(page);
  const confirm = page.getByRole('dialog', { name: 'Confirm it is you' });
  await confirm.getByText('Your identity provider opens in a new window').waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  await screenshot(page, '12-sso-step-up');

  const [popup] = await Promise.all([page.waitForEvent('popup'), confirm.getByRole('button', { name: 'Confirm identity' }).click()]);
  await popup.waitForEvent('close');
  await page.getByRole('status').filter({ hasText: /is now active; \d+ retired\./ }).waitFor();
  assert.equal(issuer.authorizations.length, asked + 1);
  assertStepUpRequested(issuer.authorizations.at(-1));
  // The console now holds the stronger token: the next step-up action needs no new prompt.
  await page.getByRole('button', { name: 'Rotate signing key' }).click();
  await page.getByRole('dialog', { name: 'Rotate the signing key?' }).getByRole('button', { name: 'Rotate key' }).click();
  await page.getByRole('status').filter({ hasText: /is now active; [1-9]\d* retired\./ }).waitFor();
  assert.equal(await page.getByRole('dialog', { name: 'Confirm it is you' }).count(), 0);
  assert.equal(issuer.authorizations.length, asked + 1);
});

test('with popups blocked the step-up goes to the issuer and back to the same screen, asking to repeat the action', async () => {
  issuer.endSession();
  const blocked = await browser.newPage();
  blocked.setDefaultTimeout(10_000);
  await blocked.addInitScript(() => {
    window.open = () => null;
  });
  try {
    await blocked.goto(`${server.url}/sign-in`);
    await blocked.getByRole('button', { name: 'Sign in with single sign-on' }).click();
    await blocked.waitForURL('**/tenants/pilot-a/config');
    await rotateKey(blocked);
    await blocked.getByRole('dialog', { name: 'Confirm it is you' }).getByRole('button', { name: 'Confirm identity' }).click();

    const back = blocked.getByRole('dialog', { name: 'Identity confirmed' });
    await back.getByText('repeat it now').waitFor();
    assert.match(blocked.url(), /\/tenants\/pilot-a\/keys$/);
    assertStepUpRequested(issuer.authorizations.at(-1));
    assert.deepEqual(await seriousViolations(blocked), []);
    await back.getByRole('button', { name: 'OK' }).click();

    await blocked.getByRole('button', { name: 'Rotate signing key' }).click();
    await blocked.getByRole('dialog', { name: 'Rotate the signing key?' }).getByRole('button', { name: 'Rotate key' }).click();
    await blocked.getByRole('status').filter({ hasText: /is now active/ }).waitFor();
  } finally {
    await blocked.close();
  }
});
