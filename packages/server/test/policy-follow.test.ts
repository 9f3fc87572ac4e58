import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../src/db/database.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { currentTx } from '../src/context.ts';
import { buildApp } from '../src/http/app.ts';
import { createLogger } from '../src/logger.ts';
import { defaultPolicyDir } from '../src/config.ts';
import { loadBundleDir } from '../src/policy/bundle.ts';
import { PolicyEngine } from '../src/policy/policy-engine.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Several server processes share one database: each follows activations on its own. A second
// engine on the same database stands in for another process.
let h: TestApp;
const silent = createLogger({ level: 'silent' });
const engines: PolicyEngine[] = [];

before(async () => {
  h = await createTestApp();
});
after(async () => {
  for (const e of engines) await e.stop();
  await h.close();
});

async function follower(db: Database, pollMs: number): Promise<PolicyEngine> {
  const engine = new PolicyEngine({ base: loadBundleDir(defaultPolicyDir), log: silent });
  engines.push(engine);
  await engine.start(db, { pollMs });
  return engine;
}

async function proposeAndActivate(regions: string[]): Promise<string> {
  const proposed = await h.call('POST', '/api/v1/policy/versions', { as: ['pilot-a', 'user-admin'], body: { message: `regions ${regions.join(',')}`, data_patch: { allowed_regions: regions } } });
  assert.equal(proposed.statusCode, 201, proposed.body);
  const { version, hash } = proposed.json().version as { version: number; hash: string };
  const activated = await h.call('POST', `/api/v1/policy/versions/${version}/activate`, { as: ['pilot-a', 'user-admin'], stepUp: true });
  assert.equal(activated.statusCode, 200, activated.body);
  return hash;
}

async function waitFor(check: () => boolean, ms: number): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - started;
}

test('another process picks up an activation within one second through notifications', async () => {
  // Polling every minute: only the notification can be this fast.
  const other = await follower(h.t.db, 60_000);
  const hash = await proposeAndActivate(['eu', 'us']);
  const took = await waitFor(() => other.bundleFor('pilot-a').hash === hash, 1000);
  assert.ok(took < 1000);
  assert.equal(other.bundleFor('pilot-b').hash, other.base.hash);
});

test('without notifications, polling catches up', async () => {
  const deaf: Database = Object.assign(Object.create(h.t.db) as Database, { listen: async () => async () => {} });
  const other = await follower(deaf, 50);
  const hash = await proposeAndActivate(['eu', 'uk']);
  await waitFor(() => other.bundleFor('pilot-a').hash === hash, 1000);
});

test('a graceful shutdown writes every pending decision', async () => {
  const app = await buildApp({ logger: silent, database: h.t.db, clock: h.clock, devIssuer: h.issuer });
  const token = await h.token('pilot-b', 'user-engineer');
  const requestIds: string[] = [];
  for (let i = 0; i < 5; i++) {
    const res = await app.inject({ method: 'GET', url: '/api/v1/subjects', headers: { authorization: `Bearer ${token}`, 'x-request-id': `shutdown-${i}` } });
    requestIds.push(String(res.headers['x-request-id']));
  }
  await app.close();
  const logged = await withTenantTransaction(h.t.db, 'pilot-b', async () =>
    (await currentTx().query<{ id: string }>(`SELECT input->'context'->>'request_id' AS id FROM policy_decisions WHERE input->'context'->>'request_id' LIKE 'shutdown-%'`)).map((r) => r.id),
  );
  assert.deepEqual(logged.sort(), requestIds.sort());
});
