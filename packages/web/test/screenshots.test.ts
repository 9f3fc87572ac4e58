import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser.ts';

// Browser tests keep their screenshots as build artifacts in COMPANYOS_SCREENSHOT_DIR, and none
// when it is unset (a developer's run leaves nothing behind).
let browser: Browser;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'screenshots-'));
const saved = process.env.COMPANYOS_SCREENSHOT_DIR;

before(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 400, height: 300 } });
  await page.setContent('<main><h1>Console</h1><p style="height: 900px">a page taller than the window</p></main>');
});
after(async () => {
  if (saved === undefined) delete process.env.COMPANYOS_SCREENSHOT_DIR;
  else process.env.COMPANYOS_SCREENSHOT_DIR = saved;
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('with COMPANYOS_SCREENSHOT_DIR set, a screenshot of the whole page is written there as NAME.png', async () => {
  const shots = join(dir, 'pglite');
  process.env.COMPANYOS_SCREENSHOT_DIR = shots;
  const path = await screenshot(page, '60-engineer-home');
  assert.equal(path, join(shots, '60-engineer-home.png'));
  assert.deepEqual(readdirSync(shots), ['60-engineer-home.png']);
  const png = readFileSync(path);
  assert.deepEqual([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
  // Full page: the image is as tall as the document, not the 300-pixel window.
  assert.ok(png.readUInt32BE(20) > 900, `height ${png.readUInt32BE(20)}`);
});

test('with it unset, nothing is written', async () => {
  delete process.env.COMPANYOS_SCREENSHOT_DIR;
  assert.equal(await screenshot(page, '61-admin-home'), undefined);
  assert.equal(existsSync(join(dir, 'pglite', '61-admin-home.png')), false);
});
