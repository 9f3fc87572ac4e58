import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setWebhookTargets } from '../src/finops/webhook-targets.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let h: TestApp;
let server: Server;
let base: string;
const received: Array<{ path: string; body: string; signature: string }> = [];
const DEMO: [string, string] = ['demo-external', 'user-admin'];

before(async () => {
  // The local receiver is allowed by name; every other non-public address stays refused.
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false, config: { webhookTargets: { allowPrivate: false, allowHosts: ['127.0.0.1'] } } });
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body, signature: String(req.headers['x-companyos-signature']) });
      res.statusCode = req.url === '/broken' ? 500 : 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await h.close();
  await new Promise((resolve) => server.close(resolve));
});

const deliveries = async (as: [string, string]) => (await h.call('GET', '/api/v1/finops/webhooks', { as })).json();

test('a finalised invoice is POSTed to each webhook, signed; a failing endpoint is retried with backoff, then dead-lettered', async () => {
  const good = await h.call('POST', '/api/v1/finops/webhooks', { as: DEMO, body: { url: `${base}/ok` } });
  assert.equal(good.statusCode, 201, good.body);
  const { secret, webhook_id: goodId } = good.json();
  assert.match(secret, /^whsec_/);
  const bad = await h.call('POST', '/api/v1/finops/webhooks', { as: DEMO, body: { url: `${base}/broken` } });
  const badId = bad.json().webhook_id as string;
  // The secret is never shown again.
  assert.ok(!JSON.stringify(await deliveries(DEMO)).includes(secret));

  const rated = await h.call('POST', '/api/v1/finops/invoices/rate', { as: DEMO, body: { period: '2026-03' } });
  const invoiceId = rated.json().invoice.invoice_id as string;
  const fin = await h.call('POST', `/api/v1/finops/invoices/${invoiceId}/finalize`, { as: DEMO });
  assert.equal(fin.statusCode, 200, fin.body);
  await h.app.jobs.runDue();

  const ok = received.find((r) => r.path === '/ok')!;
  const doc = JSON.parse(ok.body);
  assert.equal(doc.type, 'invoice.finalized');
  assert.equal(doc.invoice.invoice_id, invoiceId);
  assert.equal(doc.sha256, fin.json().sha256);
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(ok.signature)!;
  assert.equal(v1, createHmac('sha256', secret).update(`${t}.${ok.body}`).digest('hex'));

  let state = await deliveries(DEMO);
  const byHook = (id: string) => (state.deliveries as Array<{ webhook_id: string; status: string; attempts: number; last_status: number | null }>).find((d) => d.webhook_id === id)!;
  assert.deepEqual([byHook(goodId).status, byHook(goodId).attempts], ['delivered', 1]);
  assert.deepEqual([byHook(badId).status, byHook(badId).attempts, byHook(badId).last_status], ['pending', 1, 500]);
  // Retries come after 30 s, 60 s, 120 s ... and not before.
  const tries = () => received.filter((r) => r.path === '/broken').length;
  h.clock.advance(29_000);
  await h.app.jobs.runDue();
  assert.equal(tries(), 1);
  for (const wait of [1_000, 60_000, 120_000, 240_000, 480_000]) {
    h.clock.advance(wait);
    await h.app.jobs.runDue();
  }
  assert.equal(tries(), 6);
  state = await deliveries(DEMO);
  assert.deepEqual([byHook(badId).status, byHook(badId).attempts], ['dead', 6]);
  assert.equal(received.filter((r) => r.path === '/ok').length, 1, 'a delivered invoice is not sent again');
});

test("webhooks and deliveries are the tenant's own; a bad URL is refused", async () => {
  const other = await deliveries(['pilot-b', 'user-admin']);
  assert.deepEqual(other, { webhooks: [], deliveries: [] });
  const bad = await h.call('POST', '/api/v1/finops/webhooks', { as: DEMO, body: { url: 'ftp://example.com/x' } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().type, 'https://companyos.dev/problems/invalid-request');
});

test('a URL reaching inside is refused at registration with every reason, and nothing is stored', async () => {
  for (const [url, reason] of [
    ['http://localhost:8080/hook', /resolves to (127\.0\.0\.1|::1), which is not public \(loopback\)/],
    ['http://169.254.169.254/latest/meta-data/', /not public \(cloud metadata\)/],
    ['http://10.0.0.8/hook', /not public \(private\)/],
    ['http://[fe80::1]/hook', /not public \(link-local\)/],
    ['http://0.0.0.0:8080/', /not public \(unspecified\)/],
    ['https://user:pass@127.0.0.1/hook', /credentials/],
  ] as const) {
    const res = await h.call('POST', '/api/v1/finops/webhooks', { as: DEMO, body: { url } });
    assert.equal(res.statusCode, 422, `${url}: ${res.body}`);
    const problem = res.json();
    assert.equal(problem.type, 'https://companyos.dev/problems/outbound-target-refused');
    assert.match(problem.detail, reason);
    assert.ok(Array.isArray(problem.reasons) && problem.reasons.length > 0);
    assert.doesNotMatch(res.body, /at .*\.ts:\d+/, 'no stack trace');
  }
  const hooks = (await deliveries(DEMO)).webhooks as Array<{ url: string }>;
  assert.ok(hooks.every((w) => w.url.startsWith(`${base}/`)), 'no refused URL was stored');
});

test('a URL allowed at registration is checked again at delivery: one no longer allowed is not contacted', async () => {
  const hook = await h.call('POST', '/api/v1/finops/webhooks', { as: ['pilot-a', 'user-admin'], body: { url: `${base}/later-refused` } });
  assert.equal(hook.statusCode, 201, hook.body);
  setWebhookTargets({ allowPrivate: false, allowHosts: [] });
  try {
    const rated = await h.call('POST', '/api/v1/finops/invoices/rate', { as: ['pilot-a', 'user-admin'], body: { period: '2026-03' } });
    const fin = await h.call('POST', `/api/v1/finops/invoices/${rated.json().invoice.invoice_id}/finalize`, { as: ['pilot-a', 'user-admin'] });
    assert.equal(fin.statusCode, 200, fin.body);
    await h.app.jobs.runDue();
    assert.equal(received.filter((r) => r.path === '/later-refused').length, 0);
    const d = (await deliveries(['pilot-a', 'user-admin'])).deliveries[0];
    assert.equal(d.status, 'pending');
    assert.match(d.last_error, /^refused: host 127\.0\.0\.1 resolves to 127\.0\.0\.1, which is not public \(loopback\)/);
  } finally {
    setWebhookTargets({ allowPrivate: false, allowHosts: ['127.0.0.1'] });
  }
});
