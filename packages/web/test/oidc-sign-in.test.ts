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
