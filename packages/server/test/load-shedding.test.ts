import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { parseExposition } from './support/scrape.ts';

// Past capacity the server answers 503 problems with Retry-After instead of queueing; health
// probes and metrics are answered all the same.

// One app per threshold, so a lagging loop on a busy machine cannot stand in for the in-flight limit.
let h: TestApp;
let lagging: TestApp;
before(async () => {
  h = await createTestApp({ config: { shedMaxInFlight: 2, shedEventLoopDelayMs: 0, shedRetryAfterS: 3 } });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  lagging = await createTestApp({ config: { shedMaxInFlight: 0, shedEventLoopDelayMs: 40, shedRetryAfterS: 3 } });
  await lagging.app.ready();
});
after(async () => {
  await h.close();
  await lagging.close();
});

const base = () => `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;

/** A request whose body never arrives: it stays in flight until the socket is closed. */
async function stalledRequest(token: string): Promise<Socket> {
  const { port } = h.app.server.address() as AddressInfo;
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(`POST /api/v1/flags/evaluate HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${token}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{`);
  return socket;
}

async function waitForInFlight(n: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const text = await (await fetch(`${base()}/metrics`)).text();
    if (new RegExp(`^companyos_http_in_flight ${n}$`, 'm').test(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never saw ${n} requests in flight`);
}

test('past the in-flight limit a request gets a 503 problem with Retry-After; probes still answer; capacity comes back', async () => {
  const token = await h.token('pilot-a', 'user-admin');
  const auth = { authorization: `Bearer ${token}` };
  const held = [await stalledRequest(token), await stalledRequest(token)];
  await waitForInFlight(2);

  const refused = await fetch(`${base()}/api/v1/subjects`, { headers: auth });
  assert.equal(refused.status, 503);
  assert.equal(refused.headers.get('retry-after'), '3');
  assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);
  const body = (await refused.json()) as { type: string; detail: string; retry_after: number };
  assert.equal(body.type, 'https://companyos.dev/problems/overloaded');
  assert.match(body.detail, /2 requests in flight/);
  assert.equal(body.retry_after, 3);
  for (const probe of ['/healthz', '/readyz']) assert.equal((await fetch(`${base()}${probe}`)).status, 200, probe);
  const metrics = await (await fetch(`${base()}/metrics`)).text();
  assert.match(metrics, /^companyos_http_shed_total\{reason="in_flight"\} 1$/m);
  // The shed request counts against availability: an error of the action it was meant for.
  assert.match(metrics, /^companyos_action_requests_total\{action="subject.list",outcome="error"\} 1$/m);
  // It was traced too: its latency sample has its trace as exemplar.
  const shedSamples = parseExposition(metrics).filter((s) => s.name === 'companyos_action_duration_seconds_bucket' && s.labels.action === 'subject.list' && s.labels.outcome === 'error');
  assert.ok(shedSamples.some((s) => /^[0-9a-f]{32}$/.test(s.exemplar?.trace_id ?? '')), 'the shed request is the exemplar of its latency bucket');

  for (const s of held) s.destroy();
  await waitForInFlight(0);
  const served = await fetch(`${base()}/api/v1/subjects`, { headers: auth });
  assert.equal(served.status, 200);
});

test('while the event loop lags past the threshold requests are shed and health probes are not', async () => {
  const headers = { authorization: `Bearer ${await lagging.token('pilot-a', 'user-admin')}` };
  // The delay is sampled: block the loop, then ask at once, until a sample has seen the lag.
  let shed: { status: number; retryAfter: string | undefined; type: string } | undefined;
  let health = 0;
  for (let attempt = 0; attempt < 10 && shed === undefined; attempt++) {
    const until = Date.now() + 1_200;
    while (Date.now() < until) {
      // a busy event loop, as under a load it cannot keep up with
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (lagging.app.memoryUsage().eventLoopDelay <= 40) continue;
    health = (await lagging.app.inject({ method: 'GET', url: '/healthz' })).statusCode;
    const res = await lagging.app.inject({ method: 'GET', url: '/api/v1/subjects', headers });
    if (res.statusCode === 503) shed = { status: res.statusCode, retryAfter: res.headers['retry-after'] as string | undefined, type: res.json().type };
  }
  assert.deepEqual(shed, { status: 503, retryAfter: '3', type: 'https://companyos.dev/problems/overloaded' });
  assert.equal(health, 200);
  const metrics = (await lagging.app.inject({ method: 'GET', url: '/metrics' })).body;
  assert.match(metrics, /^companyos_action_requests_total\{action="subject.list",outcome="error"\} [1-9]\d*$/m);
});
