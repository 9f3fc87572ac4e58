import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import pino from 'pino';
import { DecisionLogUploader, type DecisionEvent } from '../src/decision/decision-log.ts';
import { opa, startControlPlane, startTestPdp, TENANT, waitFor, type ControlPlane } from './support/control-plane.ts';

let cp: ControlPlane;
before(async () => {
  cp = await startControlPlane();
});
after(() => cp.close());

test("decisions made at the decision service arrive in the tenant's decision log in CompanyOS, masked, with the bundle revision", async () => {
  const s = await startTestPdp(cp, ['--instance-id', 'eu-1a']);
  try {
    await waitFor(() => s.pdp.bundle.revision !== null, 10_000, 'the first activation');
    const input = {
      subject: { id: 'carol', tenant_id: TENANT, roles: ['engineer'], attributes: { region: 'eu' } },
      action: 'tenant.config.update',
      resource: { secret: 'never stored' },
      tenant: { id: TENANT, status: 'active', data_region: 'eu', allowed_regions: ['eu'], redaction_preset: 'strict' },
      context: { request_id: 'pdp-req-1', step_up: false },
    };
    const answer = await opa(s.pdp.url, 'POST', '/v1/data/companyos/authz/decision', { input });
    assert.equal(answer.json.result.allow, false);
    const decisionId = answer.json.decision_id as string;

    type Logged = { decision_id: string; source: string; bundle_hash: string; actor: string; action: string; allow: boolean; reasons: string[]; path: string; input: Record<string, unknown> };
    let found: Logged | undefined;
    await waitFor(
      async () => {
        const res = await cp.h.call('GET', '/api/v1/policy/decisions?limit=1000', { as: [TENANT, 'user-admin'] });
        found = (res.json().decisions as Logged[]).find((d) => d.decision_id === decisionId);
        return found !== undefined;
      },
      10_000,
      'the decision to arrive',
    );
    assert.deepEqual(
      { source: found!.source, bundle_hash: found!.bundle_hash, actor: found!.actor, action: found!.action, allow: found!.allow, reasons: found!.reasons, path: found!.path },
      { source: 'pdp-eu-1/eu-1a', bundle_hash: s.pdp.bundle.revision, actor: 'carol', action: 'tenant.config.update', allow: false, reasons: answer.json.result.reasons, path: 'companyos/authz/decision' },
    );
    assert.equal(found!.input.resource, undefined, "the tenant's mask rules apply");
    assert.equal(s.pdp.decisionLog!.dropped, 0);
  } finally {
    await s.close();
  }
});

test('without decision logging, answers carry no decision_id', async () => {
  const s = await startTestPdp(cp, ['--no-decision-logs']);
  try {
    await waitFor(() => s.pdp.bundle.revision !== null, 10_000, 'the first activation');
    const answer = await opa(s.pdp.url, 'POST', '/v1/data/companyos/authz/allow', { input: {} });
    assert.equal(answer.status, 200);
    assert.equal(answer.json.decision_id, undefined);
  } finally {
    await s.close();
  }
});

const event = (n: number): DecisionEvent => ({
  labels: { id: 'i', version: '0' },
  decision_id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  bundles: { t: { revision: 'r' } },
  path: 'p',
  input: { n },
  result: true,
  requested_by: '',
  timestamp: new Date().toISOString(),
  metrics: {},
  req_id: n,
});

test('uploads are gzip-compressed batches; an outage loses nothing, a rejected batch is dropped, a full buffer refuses new events', async () => {
  let answer = 503;
  const received: number[][] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      assert.equal(req.headers['content-encoding'], 'gzip');
      if (answer === 200) received.push((JSON.parse(gunzipSync(Buffer.concat(chunks)).toString()) as DecisionEvent[]).map((e) => e.req_id));
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/logs`;
  const log = new DecisionLogUploader({ url, apiKey: 'k', uploadIntervalMs: 60_000, maxBufferedEvents: 5, maxBatchEvents: 2, maxBatchBytes: 64 * 1024, timeoutMs: 5000 }, pino({ level: 'silent' }));
  try {
    for (let i = 1; i <= 3; i++) log.append(event(i));
    await log.flush();
    assert.deepEqual({ buffered: log.status.buffered, uploaded: log.status.uploaded }, { buffered: 3, uploaded: 0 });
    assert.match(log.status.lastError!, /503/);

    answer = 200;
    await log.flush();
    assert.deepEqual(received, [[1, 2], [3]]);
    assert.deepEqual({ buffered: log.status.buffered, uploaded: log.status.uploaded, dropped: log.status.dropped }, { buffered: 0, uploaded: 3, dropped: 0 });

    answer = 400;
    log.append(event(4));
    await log.flush();
    assert.deepEqual({ buffered: log.status.buffered, dropped: log.status.dropped }, { buffered: 0, dropped: 1 });

    answer = 503;
    for (let i = 5; i <= 11; i++) log.append(event(i));
    assert.deepEqual({ buffered: log.status.buffered, dropped: log.status.dropped }, { buffered: 5, dropped: 3 });
    // An event larger than a whole batch can never be uploaded.
    log.append({ ...event(12), input: 'x'.repeat(70_000) });
    assert.equal(log.status.dropped, 4);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
