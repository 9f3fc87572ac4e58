import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
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

test('the server listens, and a graceful close lets in-flight requests finish before it stops', async () => {
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
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
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
