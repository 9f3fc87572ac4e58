import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePendingSchemas } from '../src/http/lazy-schemas.ts';
import { renderOpenApi, SDK_OPENAPI_FILE } from '../src/http/openapi.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let h: TestApp;
before(async () => {
  h = await createTestApp({ config: { bodyLimit: 2048 } });
});
after(() => h.close());

const admin = ['pilot-a', 'user-admin'] as [string, string];

function assertProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): Record<string, unknown> }, status: number, slug: string): void {
  assert.equal(res.statusCode, status);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json();
  assert.equal(body.type, `https://companyos.dev/problems/${slug}`);
  assert.equal(body.status, status);
  assert.equal(typeof body.title, 'string');
  assert.equal(typeof body.detail, 'string');
  assert.equal(body.stack, undefined);
}

test('health and readiness', async () => {
  assert.deepEqual((await h.app.inject({ url: '/healthz' })).json(), { status: 'ok' });
  assert.deepEqual((await h.app.inject({ url: '/readyz' })).json(), { status: 'ready' });
});

test('unknown routes are 404 and known paths with another method are 405 with Allow', async () => {
  assertProblem(await h.app.inject({ url: '/api/v1/nothing-here' }), 404, 'not-found');
  const res = await h.app.inject({ method: 'DELETE', url: '/api/v1/tenants/pilot-a/config' });
  assertProblem(res, 405, 'method-not-allowed');
  assert.equal(res.headers.allow, 'GET, PATCH');
});

test('a body over the limit is 413, a non-JSON body 415, broken JSON 400', async () => {
  const big = await h.call('POST', '/api/v1/subjects', { as: admin, body: { subject_id: 'big', display_name: 'x'.repeat(5000), roles: [] } });
  assertProblem(big, 413, 'payload-too-large');
  const token = await h.token('pilot-a', 'user-admin');
  const text = await h.app.inject({ method: 'POST', url: '/api/v1/subjects', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, payload: 'hello' });
  assertProblem(text, 415, 'unsupported-media-type');
  const broken = await h.app.inject({ method: 'POST', url: '/api/v1/subjects', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: '{"subject_id":' });
  assertProblem(broken, 400, 'invalid-request');
});

test('authentication comes before input validation', async () => {
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/subjects', payload: { nonsense: true } });
  assertProblem(res, 401, 'unauthenticated');
});

test('a 400 names each bad field', async () => {
  const res = await h.call('POST', '/api/v1/subjects', { as: admin, body: { subject_id: '!bad', roles: 'admin', extra: 1 } });
  assertProblem(res, 400, 'invalid-request');
  const errors = (res.json().errors as { in: string; field: string }[]).map((e) => `${e.in}:${e.field}`).sort();
  assert.deepEqual(errors, ['body:display_name', 'body:extra', 'body:roles', 'body:subject_id']);
});

test('every route schema compiles, though each compiles only when first used', async () => {
  await h.app.ready();
  // Built, not yet used: this app's routes still wait to compile (the process's earlier uses
  // compiled some of the schemas they share).
  const compiled = compilePendingSchemas();
  assert.ok(compiled > 100, `${compiled} schemas were waiting`);
  assert.equal(compilePendingSchemas(), 0);
  // Compiled stand-ins validate as before: a bad field is still named.
  const res = await h.call('POST', '/api/v1/subjects', { as: admin, body: { subject_id: 'ok', display_name: 'Ok', roles: 'admin' } });
  assertProblem(res, 400, 'invalid-request');
});

test('request ids are echoed when sane and generated otherwise', async () => {
  const given = await h.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
  assert.equal(given.headers['x-request-id'], 'trace-123');
  const odd = await h.app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id\nwith newline' } });
  assert.match(String(odd.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  const denied = await h.call('GET', '/api/v1/tenants', { as: admin, headers: { 'x-request-id': 'deny-1' } });
  assert.equal(denied.headers['x-request-id'], 'deny-1');
});

test('the OpenAPI 3.1 document lists every action, and the SDK copy is current', async () => {
  const res = await h.app.inject({ url: '/api/v1/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json();
  assert.equal(doc.openapi, '3.1.0');
  assert.equal(doc.paths['/api/v1/tenants/{id}/config'].patch.operationId, 'tenant.config.update');
  assert.equal(doc.paths['/healthz'], undefined);
  const committed = readFileSync(SDK_OPENAPI_FILE, 'utf8');
  assert.equal(await renderOpenApi(h.t.db), committed, 'run `npm run openapi -w @companyos/server` and commit packages/sdk/openapi.json');
});

test('readiness fails with 503 when the database is gone', async () => {
  const other = await createTestApp();
  try {
    await other.t.db.close();
    assertProblem(await other.app.inject({ url: '/readyz' }), 503, 'unavailable');
  } finally {
    await other.close();
  }
});
