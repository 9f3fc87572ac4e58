import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { FakeClock } from '@companyos/server';
import type { Page } from 'playwright-core';
import { callApi as api, devToken } from './support/console-api.ts';
import { devSignIn, openConsolePage, type ConsolePage } from './support/console-page.ts';
import type { ConsoleServer } from './support/console-server.ts';

// An invoice webhook whose endpoint always fails is retried by the delivery job until it is
// dead-lettered, and the tenant's FinOps screen shows the dead delivery with its attempts. The
// server's clock starts in the past so that the retries' backoff (30 s doubling, 6 attempts)
// passes by moving it, and ends near the browser's own time.
const clock = new FakeClock(new Date(Date.now() - 20 * 60_000));
let consolePage: ConsolePage;
let server: ConsoleServer;
let page: Page;
let receiver: Server;
let receiverUrl: string;
let attempts = 0;

before(async () => {
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      attempts++;
      res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/invoices`;
  consolePage = await openConsolePage({ webhookTargets: { allowPrivate: false, allowHosts: ['127.0.0.1'] } }, { clock, jobsBackground: false });
  ({ server, page } = consolePage);
});
after(async () => {
  await consolePage?.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const callApi = (token: string, method: string, path: string, body?: unknown) => api(server.url, token, method, path, body);

test('a delivery dead-lettered after its last attempt shows on the FinOps screen with its attempts and last answer', async () => {
  const token = await devToken(server.url, 'demo-external', 'user-admin');
  const hook = await callApi(token, 'POST', '/finops/webhooks', { url: receiverUrl });
  assert.equal(hook.status, 201, JSON.stringify(hook.body));
  const rated = await callApi(token, 'POST', '/finops/invoices/rate', { period: clock.now().toISOString().slice(0, 7) });
  assert.equal(rated.status, 200, JSON.stringify(rated.body));
  const invoiceId = rated.body.invoice.invoice_id as string;
  const finalized = await callApi(token, 'POST', `/finops/invoices/${invoiceId}/finalize`);
  assert.equal(finalized.status, 200, JSON.stringify(finalized.body));

  // The first attempt, then one retry after each backoff: 30 s, 60 s, 120 s, 240 s, 480 s.
  await server.app.jobs.runDue();
  for (const wait of [30_000, 60_000, 120_000, 240_000, 480_000]) {
    clock.advance(wait);
    await server.app.jobs.runDue();
  }
  assert.equal(attempts, 6, 'the endpoint was tried six times');

  await devSignIn(page, server.url, 'demo-external', 'user-admin');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'FinOps', exact: true }).click();
  await page.waitForURL('**/tenants/demo-external/finops');
  const table = page.getByRole('table', { name: 'Webhook deliveries' });
  await table.waitFor();
  assert.deepEqual(await table.getByRole('columnheader').allInnerTexts(), ['Endpoint', 'Invoice', 'Status', 'Attempts', 'Last answer', 'Updated']);
  const row = table.getByRole('row').filter({ hasText: invoiceId });
  assert.equal(await row.count(), 1, 'one delivery of the invoice');
  const [endpoint, invoice, status, tries, lastAnswer] = await row.getByRole('cell').allInnerTexts();
  assert.deepEqual([endpoint, invoice, status, tries, lastAnswer], [receiverUrl, invoiceId, 'dead-lettered', '6', 'the endpoint answered 500']);
});
