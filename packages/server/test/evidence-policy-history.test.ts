import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { buildApp } from '../src/http/app.ts';
import { verifyPack } from '../src/evidence/index.ts';
import { createLogger } from '../src/logger.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { highRiskApp } from './support/high-risk-app.ts';
import { jsonLines, packFiles } from './support/pack-files.ts';
import type { TestApp } from './support/test-app.ts';

// Evidence outlives the policy that decided it: a pack of decisions made under the base bundle
// is still complete after the tenant activates a version of its own, and after an upgrade of
// the server changes the base bundle.

const schema = `hr_history_${randomUUID().slice(0, 8)}`;
const admin: [string, string] = ['pilot-a', 'user-admin'];
const engineer: [string, string] = ['pilot-a', 'user-engineer'];
const officer: [string, string] = ['pilot-a', 'sam-officer'];
let h: TestApp;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'evidence-history-'));
  h = await highRiskApp(schema, [`CREATE TABLE ${schema}.orders (id int PRIMARY KEY)`]);
});
after(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

async function verified(app: TestApp['app'], pack: Buffer): Promise<void> {
  const jwks = (await app.inject({ method: 'GET', url: '/api/v1/tenants/pilot-a/jwks.json' })).json();
  const file = join(dir, `${randomUUID()}.tar.gz`);
  writeFileSync(file, pack);
  const result = await verifyPack(file, { trustedJwks: jwks });
  assert.deepEqual(result.failures, []);
}

async function exportWindow(
  call: TestApp['call'],
  runDue: () => Promise<unknown>,
  window: { from: string; to: string },
  as: [string, string] = admin,
): Promise<{ status: Record<string, any>; pack?: Buffer }> {
  const created = await call('POST', '/api/v1/audit/exports', { as, stepUp: true, body: window });
  assert.equal(created.statusCode, 202, created.body);
  const id = created.json().export_id as string;
  await runDue();
  const status = (await call('GET', `/api/v1/audit/exports/${id}`, { as })).json();
  if (status.status !== 'done') return { status };
  return { status, pack: (await call('GET', `/api/v1/audit/exports/${id}/download`, { as })).rawPayload };
}

test('an export and a high-risk evidence pack from before a policy activation still carry the base bundle', async () => {
  const from = h.clock.now().toISOString();
  const baseHash = (await h.call('GET', '/api/v1/policy/versions', { as: admin })).json().base_hash as string;
  const created = await h.call('POST', '/api/v1/high-risk-ops/requests', {
    as: engineer,
    body: { operation: 'TEMP_DB_READ_ACCESS', target: { database: 'test', schema, tables: ['orders'] }, duration_minutes: 30, rationale: 'investigate order 7' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const requestId = created.json().request_id as string;
  await h.call('GET', '/api/v1/subjects', { as: admin });
  h.clock.advance(1_000);
  await policyRuntime().engine.flushDecisions();
  const before = h.clock.now().toISOString();

  const proposed = await h.call('POST', '/api/v1/policy/versions', { as: admin, body: { message: 'allow eu and us', data_patch: { allowed_regions: ['eu', 'us'] } } });
  assert.equal(proposed.statusCode, 201, proposed.body);
  const activated = await h.call('POST', `/api/v1/policy/versions/${proposed.json().version.version}/activate`, { as: admin, stepUp: true });
  assert.equal(activated.statusCode, 200, activated.body);
  h.clock.advance(1_000);

  const { status, pack } = await exportWindow(h.call, () => h.app.jobs.runDue(), { from, to: before });
  assert.equal(status.status, 'done', JSON.stringify(status));
  const bundles = jsonLines((await packFiles(pack!)).get('bundles.jsonl'));
  assert.deepEqual(
    bundles.map((b) => [b.bundle_hash, b.version]),
    [[baseHash, null]],
  );
  assert.ok(bundles[0]!.files.some((f: { path: string }) => f.path === 'authz.rego'));
  await verified(h.app, pack!);

  await h.app.ledger.flush('pilot-a');
  await policyRuntime().engine.flushDecisions();
  const res = await h.call('GET', `/api/v1/evidence/high-risk-ops/${requestId}`, { as: officer });
  assert.equal(res.statusCode, 200, res.body);
  const cited = jsonLines((await packFiles(res.rawPayload)).get('bundles.jsonl')).map((b) => b.bundle_hash);
  assert.ok(cited.includes(baseHash), `the pack cites ${cited.join(', ')}`);
  await verified(h.app, res.rawPayload);
});

test('after an upgrade changes the base bundle, an export of decisions made under the old one still succeeds', async () => {
  const oldBase = join(dir, 'policies-old');
  const newBase = join(dir, 'policies-new');
  const repoBase = resolve(import.meta.dirname, '../../../policies/base');
  cpSync(repoBase, oldBase, { recursive: true });
  cpSync(repoBase, newBase, { recursive: true });
  appendFileSync(join(newBase, 'authz.rego'), '\n# upgraded\n');

  const logger = createLogger({ level: 'silent' });
  const build = (policyDir: string) =>
    buildApp({ logger, config: { dataDir: join(dir, 'data'), policyDir }, database: h.t.db, clock: h.clock, devIssuer: h.issuer, ledgerBackground: false, jobsBackground: false });
  const adminB: [string, string] = ['pilot-b', 'user-admin'];
  const call: TestApp['call'] = async (method, url, o = {}) => {
    const headers: Record<string, string> = {};
    if (o.as !== undefined) headers.authorization = `Bearer ${await h.token(o.as[0], o.as[1], { stepUp: o.stepUp === true })}`;
    return app.inject({ method, url, headers, ...(o.body !== undefined ? { payload: o.body as object } : {}) });
  };

  let app = await build(oldBase);
  const from = h.clock.now().toISOString();
  const oldHash = (await call('GET', '/api/v1/policy/versions', { as: adminB })).json().base_hash as string;
  assert.equal((await call('GET', '/api/v1/subjects', { as: adminB })).statusCode, 200);
  h.clock.advance(1_000);
  const to = h.clock.now().toISOString();
  await app.close();

  app = await build(newBase);
  try {
    const newHash = (await call('GET', '/api/v1/policy/versions', { as: adminB })).json().base_hash as string;
    assert.notEqual(newHash, oldHash);
    const { status, pack } = await exportWindow(call, () => app.jobs.runDue(), { from, to }, adminB);
    assert.equal(status.status, 'done', JSON.stringify(status));
    const bundles = jsonLines((await packFiles(pack!)).get('bundles.jsonl'));
    assert.deepEqual(
      bundles.map((b) => b.bundle_hash),
      [oldHash],
    );
    assert.ok(!bundles[0]!.files.some((f: { content: string }) => f.content.includes('# upgraded')));
  } finally {
    await app.close();
  }
});
