import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import type { InjectOptions } from 'fastify';
import pino from 'pino';
import { ActiveBundle } from '../src/decision/active-bundle.ts';
import { DecisionLogUploader } from '../src/decision/decision-log.ts';
import { buildDataApi } from '../src/http/data-api.ts';

// OPA's REST API contract, request by request, over an in-memory bundle.
const POLICY = `package app

default allow := false

allow if input.user in data.app.admins

conflict := 1 if input.a
conflict := 2 if input.b

slow if {
	some i in numbers.range(1, 5000)
	some j in numbers.range(1, 5000)
	i * j < 0
}
`;

function api(o: { activated?: boolean; logging?: boolean; bodyLimit?: number } = {}) {
  let bundle: ActiveBundle | undefined = o.activated === false ? undefined : ActiveBundle.compile({ revision: 'rev-1', roots: [''], modules: [{ file: 'app.rego', source: POLICY }], data: { app: { admins: ['alice'] } } }, new Date());
  const log = o.logging === false ? undefined : new DecisionLogUploader({ url: 'http://127.0.0.1:9/logs', apiKey: 'k', uploadIntervalMs: 60_000, maxBufferedEvents: 100, maxBatchEvents: 10, maxBatchBytes: 65_536, timeoutMs: 100 }, pino({ level: 'silent' }));
  const app = buildDataApi({
    bundles: { current: () => bundle },
    decisionLog: log,
    bundleName: 'acme',
    defaultDecision: ['app', 'allow'],
    labels: { id: 'test', version: '0' },
    version: '0',
    evalTimeoutMs: 200,
    bodyLimit: o.bodyLimit ?? 1024 * 1024,
    log: pino({ level: 'silent' }),
  });
  return { app, log, activate: (b: ActiveBundle | undefined) => (bundle = b) };
}

test('documents, undefined documents and the missing-input warning', async () => {
  const { app, log } = api();
  const allow = await app.inject({ method: 'POST', url: '/v1/data/app/allow', payload: { input: { user: 'alice' } } });
  assert.equal(allow.statusCode, 200);
  assert.equal(allow.json().result, true);
  assert.match(allow.json().decision_id, /^[0-9a-f-]{36}$/);
  // An undefined document is a 200 without `result`, as in OPA.
  const missing = await app.inject({ method: 'POST', url: '/v1/data/app/nothing', payload: { input: {} } });
  assert.equal(missing.statusCode, 200);
  assert.deepEqual(Object.keys(missing.json()), ['decision_id']);
  const noInput = await app.inject({ method: 'POST', url: '/v1/data/app/allow', payload: {} });
  assert.deepEqual(noInput.json().warning, { code: 'api_usage_warning', message: "'input' key missing from the request" });
  assert.equal(noInput.json().result, false);
  // No content type, and a gzip-encoded body, are read like any other.
  const bare = await app.inject({ method: 'POST', url: '/v1/data/app/allow', payload: '{"input":{"user":"alice"}}' });
  assert.equal(bare.json().result, true);
  const zipped = await app.inject({ method: 'POST', url: '/v1/data/app/allow', payload: gzipSync('{"input":{"user":"alice"}}'), headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
  assert.equal(zipped.json().result, true);
  // Every decision made with the bundle is in the log buffer.
  assert.equal(log!.status.buffered, 5);
  const pretty = await app.inject({ method: 'POST', url: '/v1/data/app/allow?pretty=true', payload: { input: {} } });
  assert.match(pretty.body, /\n {2}"result": false/);
});

test("the unversioned API answers the bare default decision, and OPA's 404 when it is undefined", async () => {
  const { app, activate } = api();
  const res = await app.inject({ method: 'POST', url: '/', payload: { user: 'alice' } });
  assert.equal(res.statusCode, 200);
  assert.equal(res.body, 'true\n');
  activate(undefined);
  const none = await app.inject({ method: 'POST', url: '/', payload: { user: 'alice' } });
  assert.equal(none.statusCode, 404);
  assert.deepEqual(none.json(), { code: 'undefined_document', message: 'document missing: data.app.allow' });
});

test("bad requests get OPA's error shapes and codes, never a stack", async () => {
  const { app } = api({ bodyLimit: 1000 });
  const cases: [string, InjectOptions, number, string, RegExp][] = [
    ['malformed JSON', { method: 'POST', url: '/v1/data/app/allow', payload: '{"input":', headers: { 'content-type': 'application/json' } }, 400, 'invalid_parameter', /^body contains malformed input document: /],
    ['not an object', { method: 'POST', url: '/v1/data/app/allow', payload: '[1]', headers: { 'content-type': 'application/json' } }, 400, 'invalid_parameter', /^body contains malformed input document/],
    ['malformed input parameter', { method: 'GET', url: '/v1/data/app/allow?input=%7B' }, 400, 'invalid_parameter', /^parameter contains malformed input document: /],
    ['body over the limit', { method: 'POST', url: '/v1/data/app/allow', payload: `{"input":"${'x'.repeat(2000)}"}`, headers: { 'content-type': 'application/json' } }, 400, 'invalid_parameter', /^request body too large$/],
    ['gzip bomb', { method: 'POST', url: '/v1/data/app/allow', payload: gzipSync(`{"input":"${'x'.repeat(100_000)}"}`), headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } }, 400, 'invalid_parameter', /^compressed request body too large$/],
    ['corrupt gzip', { method: 'POST', url: '/v1/data/app/allow', payload: 'zzz', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } }, 400, 'invalid_parameter', /^could not decompress the body/],
    ['a write to bundle-owned data', { method: 'PUT', url: '/v1/data/app/admins', payload: '[]', headers: { 'content-type': 'application/json' } }, 400, 'invalid_parameter', /owned by bundle "acme"/],
    ['an unknown route', { method: 'GET', url: '/v2/nothing' }, 404, 'resource_not_found', /no route GET \/v2\/nothing/],
  ];
  for (const [label, request, status, code, message] of cases) {
    const res = await app.inject(request);
    assert.equal(res.statusCode, status, `${label}: ${res.body}`);
    assert.equal(res.json().code, code, label);
    assert.match(res.json().message, message, label);
    assert.doesNotMatch(res.body, /\n\s+at |node_modules|\.ts:\d+/, label);
  }
});

test('evaluation errors are 500 internal_error with the evaluation error inside, logged with the decision', async () => {
  const { app, log } = api();
  const conflict = await app.inject({ method: 'POST', url: '/v1/data/app/conflict', payload: { input: { a: true, b: true } } });
  assert.equal(conflict.statusCode, 500);
  const body = conflict.json();
  assert.equal(body.code, 'internal_error');
  assert.equal(body.message, 'error(s) occurred while evaluating query');
  assert.equal(body.errors[0].code, 'eval_conflict_error');
  assert.equal(body.errors[0].location.file, 'app.rego');
  // An evaluation over its budget is cancelled, not left to stall the service.
  const slow = await app.inject({ method: 'POST', url: '/v1/data/app/slow', payload: { input: {} } });
  assert.equal(slow.statusCode, 500);
  assert.equal(slow.json().errors[0].code, 'eval_cancel_error');
  assert.equal(log!.status.buffered, 2);
});

test('/health: 200 {} while serving; with ?bundles or ?plugins, 500 until the bundle is activated', async () => {
  const { app, activate } = api({ activated: false });
  assert.deepEqual((await app.inject({ url: '/health' })).json(), {});
  for (const url of ['/health?bundles', '/health?bundles=true', '/health?plugins']) {
    const res = await app.inject({ url });
    assert.equal(res.statusCode, 500, url);
    assert.ok(typeof res.json().error === 'string' && res.json().error.length > 0, url);
  }
  assert.equal((await app.inject({ url: '/health?plugins&exclude-plugin=bundle' })).statusCode, 200);
  assert.equal((await app.inject({ url: '/health?bundles=false' })).statusCode, 200);
  // Before activation the data API answers as OPA with an empty store: undefined.
  const before = await app.inject({ method: 'POST', url: '/v1/data/app/allow', payload: { input: { user: 'alice' } } });
  assert.equal(before.statusCode, 200);
  assert.equal(before.json().result, undefined);
  activate(ActiveBundle.compile({ revision: 'r', roots: [''], modules: [{ file: 'a.rego', source: 'package app\n\nallow := true\n' }], data: {} }, new Date()));
  assert.equal((await app.inject({ url: '/health?bundles' })).statusCode, 200);
  assert.equal((await app.inject({ url: '/health?plugins' })).statusCode, 200);
});
