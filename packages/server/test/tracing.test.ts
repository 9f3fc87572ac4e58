import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { scrape } from './support/scrape.ts';

// Spans of the pipeline's steps, exported over OTLP/HTTP to a receiver in this test.
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Array<{ key: string; value: { stringValue?: string; boolValue?: boolean; intValue?: string | number } }>;
}

const received: OtlpSpan[] = [];
let receiver: Server;
const lines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
let h: TestApp;

before(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/traces' && req.method === 'POST') {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> };
        for (const rs of body.resourceSpans) for (const ss of rs.scopeSpans) received.push(...ss.spans);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  h = await createTestApp({
    ledgerBackground: false,
    jobsBackground: false,
    logger: createLogger({ level: 'debug', destination: sink }),
    config: { metrics: { tenantLabel: false, sampleMs: 0, otlpEndpoint: endpoint } },
  });
});
after(async () => {
  await h.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const attr = (span: OtlpSpan, key: string) => {
  const v = span.attributes.find((a) => a.key === key)?.value;
  return v?.stringValue ?? v?.boolValue ?? v?.intValue;
};

test('an action is one trace: a request span and a span per pipeline step, with tenant and bundle hash', async () => {
  const res = await h.call('POST', '/api/v1/subjects', { as: ['pilot-a', 'user-admin'], body: { subject_id: 'traced', display_name: 'Traced', roles: [] }, headers: { 'x-request-id': 'trace-1' } });
  assert.equal(res.statusCode, 201, res.body);
  await h.app.tracing.flush();
  const root = received.find((s) => s.name === 'action subject.create' && attr(s, 'companyos.request_id') === 'trace-1');
  assert.ok(root, `request span exported (got ${received.map((s) => s.name).join(', ')})`);
  assert.equal(root.parentSpanId ?? '', '');
  const steps = received.filter((s) => s.traceId === root.traceId && s.spanId !== root.spanId);
  assert.deepEqual(steps.map((s) => s.name).sort(), ['authenticate', 'decide', 'receipt', 'run', 'tenant']);
  for (const s of steps) assert.equal(s.parentSpanId, root.spanId, `${s.name} is a child of the request span`);
  const hash = attr(root, 'companyos.bundle_hash');
  assert.match(String(hash), /^[0-9a-f]{64}$/);
  assert.equal(attr(root, 'companyos.tenant_id'), 'pilot-a');
  for (const name of ['decide', 'run', 'receipt']) assert.equal(attr(steps.find((s) => s.name === name)!, 'companyos.tenant_id'), 'pilot-a');
  for (const name of ['run', 'receipt']) assert.equal(attr(steps.find((s) => s.name === name)!, 'companyos.bundle_hash'), hash);
  assert.equal(attr(root, 'http.response.status_code'), 201);

  // Every log line of the request names its trace, from the incoming request to the completed
  // one; every line once the credential is known names the tenant.
  const own = lines.filter((l) => l.request_id === 'trace-1');
  for (const msg of ['incoming request', 'policy decision', 'request completed']) assert.ok(own.some((l) => l.msg === msg), `${msg} logged`);
  for (const line of own) {
    assert.equal(line.trace_id, root.traceId, `${String(line.msg)} carries the trace id`);
    if (line.msg !== 'incoming request') assert.equal(line.tenant_id, 'pilot-a', `${String(line.msg)} carries the tenant`);
  }

  // The latency histograms, of the action and of its decision, carry the trace as an exemplar.
  const m = await scrape(h.app);
  const exemplars = m.matching('companyos_action_duration_seconds_bucket', { action: 'subject.create' }).map((s) => s.exemplar?.trace_id);
  assert.ok(exemplars.includes(root.traceId), 'the request is an exemplar of its latency bucket');
  const decisions = m.matching('companyos_policy_decision_duration_seconds_bucket', { allow: 'true' }).map((s) => s.exemplar?.trace_id);
  assert.ok(decisions.includes(root.traceId), 'its decision is an exemplar of the decision latency bucket');
});

test("a denied action's trace ends at the decision; the request span carries the decision and the status", async () => {
  const res = await h.call('POST', '/api/v1/subjects', { as: ['pilot-a', 'user-engineer'], body: { subject_id: 'nope', display_name: 'N', roles: [] }, headers: { 'x-request-id': 'trace-2' } });
  assert.equal(res.statusCode, 403);
  await h.app.tracing.flush();
  const root = received.find((s) => attr(s, 'companyos.request_id') === 'trace-2');
  assert.ok(root);
  assert.equal(attr(root, 'companyos.decision.allow'), false);
  assert.equal(attr(root, 'http.response.status_code'), 403);
  const names = received.filter((s) => s.traceId === root.traceId && s !== root).map((s) => s.name);
  assert.deepEqual(names.sort(), ['authenticate', 'decide', 'tenant'], 'no run or receipt after a denial');
});

test('health probes and scrapes are logged at debug, not info', async () => {
  await h.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'probe-1' } });
  await h.app.inject({ method: 'GET', url: '/metrics', headers: { 'x-request-id': 'probe-2' } });
  const probeLines = lines.filter((l) => l.request_id === 'probe-1' || l.request_id === 'probe-2');
  assert.ok(probeLines.length >= 2);
  for (const l of probeLines) assert.equal(l.level, 20, `${String(l.msg)} at debug`);
});

test('COMPANYOS_OTLP_ENDPOINT turns export on; unset it is off; a bad value is refused', () => {
  assert.equal(loadConfig({}).metrics.otlpEndpoint, undefined);
  assert.equal(loadConfig({ COMPANYOS_OTLP_ENDPOINT: 'http://collector:4318' }).metrics.otlpEndpoint, 'http://collector:4318');
  assert.throws(() => loadConfig({ COMPANYOS_OTLP_ENDPOINT: 'collector:4318' }), /COMPANYOS_OTLP_ENDPOINT/);
});
