import assert from 'node:assert/strict';
import type { Config } from '@companyos/server';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations } from './browser.ts';
import { startConsoleServer, type ConsoleServer } from './console-server.ts';

export interface ConsolePage {
  server: ConsoleServer;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** A server and a browser page on it (one per test file: the steps build on each other like a session). */
export async function openConsolePage(config: Partial<Config> = {}): Promise<ConsolePage> {
  const [server, browser] = await Promise.all([startConsoleServer(config), launchBrowser()]);
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
