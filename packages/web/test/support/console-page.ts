import assert from 'node:assert/strict';
import type { Config } from '@companyos/server';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations } from './browser.ts';
import { startConsoleServer, type ConsoleServer, type ConsoleServerOptions } from './console-server.ts';

export interface ConsolePage {
  server: ConsoleServer;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** A server and a browser page on it (one per test file: the steps build on each other like a session). */
export async function openConsolePage(config: Partial<Config> = {}, options: ConsoleServerOptions = {}): Promise<ConsolePage> {
  const [server, browser] = await Promise.all([startConsoleServer(config, options), launchBrowser()]);
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
  page.setDefaultTimeout(10_000);
  return {
    server,
    browser,
    page,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** No serious or critical axe violations on the page as it is now; keeps its screenshot. */
export async function assertAccessible(page: Page, name: string): Promise<void> {
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `${name}: ${JSON.stringify(violations, null, 1)}`);
  await screenshot(page, name);
}

/** Signs in through the development form as `subject` of `tenant` (signing out first if signed in) and waits for the landing screen. */
export async function devSignIn(page: Page, url: string, tenant: string, subject: string): Promise<void> {
  const signOut = page.getByRole('button', { name: 'Sign out' });
  if (await signOut.isVisible()) await signOut.click();
  else await page.goto(`${url}/sign-in`);
  const form = page.getByRole('form', { name: 'Development sign-in' });
  await form.getByLabel('Tenant').fill(tenant);
  await form.getByLabel('User').fill(subject);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`**/tenants/${tenant}/*`);
}
