import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { guardRoutes } from '../src/pipeline/registrar.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let h: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'companyos-console-'));
before(async () => {
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not an asset');
  h = await createTestApp({ consoleDir: dir });
});
after(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const html = { accept: 'text/html,application/xhtml+xml' };

test('/ serves the console with a strict content security policy', async () => {
  const res = await h.app.inject({ url: '/', headers: html });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/html/);
  assert.equal(res.body, '<!doctype html><title>console</title>');
  assert.match(String(res.headers['content-security-policy']), /default-src 'self'.*frame-ancestors 'none'/);
  assert.equal(res.headers['cache-control'], 'no-cache');
});

test('hashed assets are served for good; anything else under /assets is a 404 problem', async () => {
  const js = await h.app.inject({ url: '/assets/index-abc.js' });
  assert.equal(js.statusCode, 200);
  assert.match(String(js.headers['content-type']), /^text\/javascript/);
  assert.match(String(js.headers['cache-control']), /immutable/);
  for (const url of ['/assets/missing.js', '/assets/../secret.txt', '/assets/%2e%2e/secret.txt', '/assets/..%2fsecret.txt']) {
    const res = await h.app.inject({ url });
    assert.equal(res.statusCode, 404, url);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/, url);
    assert.ok(!res.body.includes('not an asset'), url);
  }
});

test('a browser navigating to a console route gets the console (client-side routing)', async () => {
  const res = await h.app.inject({ url: '/tenants/pilot-a/audit?page=2', headers: html });
  assert.equal(res.statusCode, 200);
  assert.equal(res.body, '<!doctype html><title>console</title>');
});

test('API paths, non-HTML requests and other methods keep their problem+json answers', async () => {
  const api = await h.app.inject({ url: '/api/v1/nothing-here', headers: html });
  assert.equal(api.statusCode, 404);
  assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
  const wrongMethod = await h.app.inject({ url: '/api/v1/tenants/pilot-a/disable', headers: html });
  assert.equal(wrongMethod.statusCode, 405);
  assert.equal(wrongMethod.headers.allow, 'POST');
  assert.equal((await h.app.inject({ url: '/tenants/pilot-a/audit' })).statusCode, 404);
  assert.equal((await h.app.inject({ url: '/favicon.ico', headers: html })).statusCode, 404);
  assert.equal((await h.app.inject({ method: 'POST', url: '/tenants', headers: html, payload: {} })).statusCode, 404);
});

test('the registrar admits the console routes for GET only', async () => {
  const app = Fastify({ exposeHeadRoutes: false });
  guardRoutes(app);
  assert.doesNotThrow(() => app.get('/assets/*', async () => 'ok'));
  assert.throws(() => app.post('/*', async () => 'ok'), /not a governed action/);
  assert.throws(() => app.get('/console-data', async () => 'ok'), /not a governed action/);
  await app.close();
});

test('without a built console nothing is mounted at /', async () => {
  const missing = await createTestApp({ consoleDir: join(dir, 'nowhere') });
  try {
    const res = await missing.app.inject({ url: '/', headers: html });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  } finally {
    await missing.close();
  }
});
