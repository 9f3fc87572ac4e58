import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { listAuditEvents } from '../src/audit/audit-events.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// A tenant's decision service uploads its decisions in OPA's decision log format with an API key.
let h: TestApp;
let agentKey: string;
let engineerKey: string;
let activeHash: string;

before(async () => {
  h = await createTestApp();
  const admin = ['pilot-a', 'user-admin'] as [string, string];
  const subject = await h.call('POST', '/api/v1/subjects', { as: admin, body: { subject_id: 'pdp-eu-1', display_name: 'Decision service eu-1', roles: ['policy_agent'] } });
  assert.equal(subject.statusCode, 201, subject.body);
  const key = await h.call('POST', '/api/v1/api-keys', { as: admin, body: { subject_id: 'pdp-eu-1', name: 'pdp', roles: ['policy_agent'] } });
  assert.equal(key.statusCode, 201, key.body);
  agentKey = key.json().secret;
  const other = await h.call('POST', '/api/v1/api-keys', { as: admin, body: { subject_id: 'user-engineer', name: 'eng', roles: ['engineer'] } });
  engineerKey = other.json().secret;
  activeHash = (await h.call('GET', '/api/v1/policy/versions', { as: admin })).json().loaded_hash;
});
after(() => h.close());

const event = (over: Record<string, unknown> = {}) => ({
  labels: { id: 'instance-1', version: '0.1.0' },
  decision_id: randomUUID(),
  bundles: { 'pilot-a': { revision: activeHash } },
  path: 'companyos/authz/decision',
  input: { subject: { id: 'alice', roles: ['engineer'] }, action: 'subject.list', resource: { secret: 'masked away' } },
  result: { allow: false, reasons: ['no role of subject alice grants action subject.list'], obligations: {} },
  requested_by: '127.0.0.1:5000',
  timestamp: '2026-03-02T08:59:00.123456789Z',
  metrics: { timer_rego_query_eval_ns: 12345, timer_server_handler_ns: 45678 },
  req_id: 7,
  ...over,
});

const upload = (body: Buffer | string, key = agentKey, headers: Record<string, string> = { 'content-encoding': 'gzip' }) =>
  h.app.inject({ method: 'POST', url: '/api/v1/policy/decision-logs', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers }, payload: body });

async function decisions(): Promise<{ decision_id: string; source: string | null; input: Record<string, unknown>; allow: boolean; reasons: string[]; bundle_hash: string; path: string; actor: string | null; action: string | null; error?: unknown; metrics: { timer_rego_query_eval_ns: number } }[]> {
  const res = await h.call('GET', '/api/v1/policy/decisions?limit=1000', { as: ['pilot-a', 'user-admin'] });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().decisions;
}

test("a gzip-compressed batch in OPA's format lands in the tenant's decision log, masked, receipted and audited", async () => {
  const deny = event();
  const allow = event({ input: { subject: { id: 'bob' }, action: 'tenant.config.get' }, result: { allow: true, reasons: [], obligations: {} } });
  const failed = event({ path: 'companyos/authz/decision', input: { action: 'x' }, result: undefined, error: { code: 'eval_conflict_error', message: 'functions must not produce multiple outputs' } });
  const res = await upload(gzipSync(JSON.stringify([deny, allow, failed])));
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { received: 3, stored: 3 });
  const receipt = String(res.headers['x-receipt-id']);
  assert.ok(receipt.length > 0);

  const logged = await decisions();
  const byId = new Map(logged.map((d) => [d.decision_id, d]));
  const d = byId.get(deny.decision_id)!;
  assert.equal(d.source, 'pdp-eu-1/instance-1');
  assert.equal(d.bundle_hash, activeHash);
  assert.equal(d.path, 'companyos/authz/decision');
  assert.deepEqual({ actor: d.actor, action: d.action, allow: d.allow, reasons: d.reasons }, { actor: 'alice', action: 'subject.list', allow: false, reasons: ['no role of subject alice grants action subject.list'] });
  assert.equal(d.metrics.timer_rego_query_eval_ns, 12345);
  // The base bundle's mask rules remove /input/resource before anything is stored.
  assert.equal(d.input.resource, undefined);
  assert.equal(byId.get(allow.decision_id)!.allow, true);
  const f = byId.get(failed.decision_id)!;
  assert.equal(f.allow, false);
  assert.deepEqual(f.error, { code: 'eval_conflict_error', message: 'functions must not produce multiple outputs' });

  const audit = await withTenantTransaction(h.t.db, 'pilot-a', () => listAuditEvents({ type: 'action.allowed' }));
  const entry = audit.find((e) => e.action === 'policy.decision.upload' && e.details.receipt_id === receipt);
  assert.ok(entry, 'the upload is audited with its receipt');
  assert.equal(entry.actor, 'pdp-eu-1');
});

test('a retried batch stores nothing twice; plain JSON is accepted too', async () => {
  const batch = [event(), event()];
  assert.deepEqual((await upload(gzipSync(JSON.stringify(batch)))).json(), { received: 2, stored: 2 });
  const again = await upload(JSON.stringify(batch), agentKey, {});
  assert.equal(again.statusCode, 200, again.body);
  assert.deepEqual(again.json(), { received: 2, stored: 0 });
  const ids = (await decisions()).map((d) => d.decision_id);
  assert.equal(ids.filter((id) => id === batch[0]!.decision_id).length, 1);
});

test('bad bodies are refused as problems and store nothing', async () => {
  // The server's own decisions about these requests are logged too; count the uploaded ones.
  const uploaded = async () => (await decisions()).filter((d) => d.source !== null).length;
  const before = await uploaded();
  const cases: [string, Promise<{ statusCode: number; headers: Record<string, unknown>; json(): { type: string } }>, number, string][] = [
    ['corrupt gzip', upload(Buffer.from('not gzip at all')), 400, 'invalid-request'],
    ['truncated gzip', upload(gzipSync(JSON.stringify([event()])).subarray(0, 20)), 400, 'invalid-request'],
    // 20 MB of zeros compresses to about 20 KB: the limit counts decompressed bytes.
    ['gzip bomb', upload(gzipSync(Buffer.concat([Buffer.from('["'), Buffer.alloc(20_000_000, 0x61), Buffer.from('"]')]))), 413, 'payload-too-large'],
    ['unknown encoding', upload(JSON.stringify([event()]), agentKey, { 'content-encoding': 'br' }), 415, 'unsupported-media-type'],
    ['not an array', upload(gzipSync(JSON.stringify(event()))), 400, 'invalid-request'],
    ['empty batch', upload(gzipSync('[]')), 400, 'invalid-request'],
    ['revision that is not a bundle hash', upload(gzipSync(JSON.stringify([event({ bundles: { x: { revision: 'v1' } } })]))), 400, 'invalid-request'],
    ['two bundles', upload(gzipSync(JSON.stringify([event({ bundles: { a: { revision: activeHash }, b: { revision: activeHash } } })]))), 400, 'invalid-request'],
    ['bad decision id', upload(gzipSync(JSON.stringify([event({ decision_id: 'nope' })]))), 400, 'invalid-request'],
    ['a NUL byte in the input', upload(gzipSync(JSON.stringify([event({ input: { action: 'a\u0000b' } })]))), 400, 'invalid-request'],
  ];
  for (const [label, pending, status, type] of cases) {
    const res = await pending;
    assert.equal(res.statusCode, status, label);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/, label);
    assert.equal(res.json().type, `https://companyos.dev/problems/${type}`, label);
  }
  assert.equal(await uploaded(), before);
});

test('only a key whose role grants the upload may upload; the agent role reads nothing', async () => {
  const denied = await upload(gzipSync(JSON.stringify([event()])), engineerKey);
  assert.equal(denied.statusCode, 403, denied.body);
  assert.ok(denied.json().reasons.includes('no role of subject user-engineer grants action policy.decision.upload'));
  const list = await h.app.inject({ method: 'GET', url: '/api/v1/policy/decisions', headers: { authorization: `Bearer ${agentKey}` } });
  assert.equal(list.statusCode, 403);
  const bundle = await h.app.inject({ method: 'GET', url: '/api/v1/policy/bundles/pilot-a.tar.gz', headers: { authorization: `Bearer ${agentKey}` } });
  assert.equal(bundle.statusCode, 200);
});
