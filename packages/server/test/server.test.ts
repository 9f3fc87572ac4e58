import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type AddressInfo } from 'node:net';
import { Type } from '@sinclair/typebox';
import { allActions } from '../src/actions.ts';
import { defaultPolicyDir } from '../src/config.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { DevIssuer } from '../src/identity/dev-issuer.ts';
import { updateSubject } from '../src/identity/subjects.ts';
import { startServer } from '../src/http/server.ts';
import { createLogger } from '../src/logger.ts';
import { defineAction } from '../src/pipeline/define-action.ts';
import { bundleFromFiles, loadBundleDir } from '../src/policy/bundle.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

// An action that waits until the test lets it finish, to have a request in flight at shutdown.
let release: () => void = () => {};
let started: () => void = () => {};
const slow = defineAction({
  name: 'probe.slow',
  method: 'POST',
  path: '/probe/slow',
  summary: 'finishes when released',
  scope: 'tenant',
  input: Type.Object({}),
  run: async () => {
    started();
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    return { finished: true };
  },
});

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  await withTenantTransaction(t.db, 'pilot-a', () => updateSubject('user-engineer', { roles: ['engineer', 'prober'] }, new Date()));
});
after(() => t.close());

async function startProbeServer() {
  const base = loadBundleDir(defaultPolicyDir);
  const data = base.data as { roles: Record<string, string[]> };
  const files = base.files.map((f) => (f.path === 'data.json' ? { ...f, content: JSON.stringify({ ...data, roles: { ...data.roles, prober: ['probe.slow'] } }) } : f));
  const issuer = DevIssuer.open();
  const app = await startServer({
    database: t.db,
    devIssuer: issuer,
    actions: [...allActions, slow],
    bundleFor: () => bundleFromFiles(files),
    logger: createLogger({ level: 'silent' }),
    config: { port: 0, host: '127.0.0.1' },
    handleSignals: false,
  });
  return { app, issuer, port: (app.server.address() as AddressInfo).port };
}

test('the server listens, and a graceful close lets in-flight requests finish before it stops', async () => {
  const { app, issuer, port } = await startProbeServer();
  const url = `http://127.0.0.1:${port}`;
  assert.equal((await fetch(`${url}/healthz`)).status, 200);

  const running = new Promise<void>((resolve) => {
    started = resolve;
  });
  const token = await issuer.mint({ tenant: 'pilot-a', subject: 'user-engineer' });
  const inFlight = fetch(`${url}/api/v1/probe/slow`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', connection: 'close' },
    body: '{}',
  });
  await running;
  let closed = false;
  const closing = app.close().then(() => {
    closed = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(closed, false, 'close waits for the in-flight request');
  release();
  const res = await inFlight;
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { finished: true });
  await closing;
  await assert.rejects(fetch(`${url}/healthz`));
});

test('a keep-alive request in flight at shutdown is answered with connection: close, so closing does not wait for its idle timeout', async () => {
  const { app, issuer, port } = await startProbeServer();
  const running = new Promise<void>((resolve) => {
    started = resolve;
  });
  const token = await issuer.mint({ tenant: 'pilot-a', subject: 'user-engineer' });
  const socket = connect(port, '127.0.0.1');
  const received: Buffer[] = [];
  socket.on('data', (c) => received.push(c));
  const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.write(`POST /api/v1/probe/slow HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`);
  await running;
  const began = Date.now();
  const closing = app.close();
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(app.draining, true, 'draining from the first moment of close');
  release();
  await ended;
  await closing;
  assert.ok(Date.now() - began < 5_000, `closed after ${Date.now() - began} ms`);
  const response = Buffer.concat(received).toString('utf8');
  assert.match(response, /^HTTP\/1\.1 200/);
  assert.match(response, /connection: close/i);
});

test('while draining, readiness fails and a request that still arrives gets 503 problem+json with Retry-After; liveness holds', async () => {
  const { app, issuer, port } = await startProbeServer();
  const url = `http://127.0.0.1:${port}`;
  assert.equal((await fetch(`${url}/readyz`)).status, 200);
  // The state close() puts the app in first (its preClose hook), held here so requests can still reach it.
  app.draining = true;
  try {
    const ready = await fetch(`${url}/readyz`);
    assert.equal(ready.status, 503);
    assert.match(String(ready.headers.get('content-type')), /problem\+json/);
    const token = await issuer.mint({ tenant: 'pilot-a', subject: 'user-engineer' });
    const refused = await fetch(`${url}/api/v1/subjects`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get('retry-after'), '1');
    assert.equal(refused.headers.get('connection'), 'close');
    assert.equal(((await refused.json()) as { type: string }).type, 'https://companyos.dev/problems/unavailable');
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
  } finally {
    app.draining = false;
    await app.close();
  }
});
