import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_ISSUER_KEY_FILE, DevIssuer } from '@companyos/server';
import { createTestApp, type TestApp } from '@companyos/server/test-support';
import { main } from './main.ts';

// The CLI against a real server listening on a loopback port, on a seeded test database.
let h: TestApp;
let url: string;
let dataDir: string;
const saved = { ...process.env };

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'companyos-cli-'));
  process.env.COMPANYOS_DATA_DIR = dataDir;
  // The server trusts the issuer whose key the CLI writes into the data dir.
  h = await createTestApp({ devIssuer: DevIssuer.open({ keyFile: join(dataDir, DEV_ISSUER_KEY_FILE) }) });
  url = await h.app.listen({ port: 0, host: '127.0.0.1' });
  process.env.COMPANYOS_URL = url;
});

after(async () => {
  process.env = saved;
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  try {
    const code = await main(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

test('an unknown command or a bad flag is a usage error with exit code 2', async () => {
  const unknown = await run(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown command "frobnicate"/);
  const badFlag = await run(['token', '--tenant', 'a', '--subject', 'b', '--ttl', 'forever']);
  assert.equal(badFlag.code, 2);
  assert.match(badFlag.err, /not a duration/);
  const missing = await run(['token', '--subject', 'b']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /--tenant is required/);
});

test('actions lists every governed action with its policy path', async () => {
  const { code, out } = await run(['actions', '--json']);
  assert.equal(code, 0);
  const actions = JSON.parse(out) as { name: string; policy: string }[];
  const create = actions.find((a) => a.name === 'tenant.create');
  assert.ok(create);
  assert.equal(create.policy, 'data.companyos.authz.decision');
});

test('a token minted by the CLI is accepted by a server on the same data dir, and tenant commands go through the API', async () => {
  // The CLI mints on the wall clock; a server refuses tokens issued ahead of its own clock.
  h.clock.set(new Date());
  const token = await run(['token', '--tenant', 'internal', '--subject', 'user-platform-operator', '--ttl', '15m']);
  assert.equal(token.code, 0, token.err);
  process.env.COMPANYOS_TOKEN = token.out.trim();

  const created = await run(['tenant', 'create', '--id', 'initech', '--name', 'Initech', '--region', 'us', '--owner', 'ops@initech.example.com', '--admin', 'peter', '--admin-attr', 'department=ops']);
  assert.equal(created.code, 0, created.err);
  assert.equal(JSON.parse(created.out).tenant_id, 'initech');
  const peter = await h.call('GET', '/api/v1/subjects/peter', { as: ['initech', 'peter'] });
  assert.deepEqual(peter.json().attributes, { department: 'ops', region: 'us' });

  const list = await run(['tenant', 'list']);
  assert.equal(list.code, 0, list.err);
  assert.ok((JSON.parse(list.out) as { tenants: { tenant_id: string }[] }).tenants.some((t) => t.tenant_id === 'initech'));

  // The new tenant's admin signs in and reads its settings; another tenant's admin may not.
  process.env.COMPANYOS_TOKEN = (await run(['token', '--tenant', 'initech', '--subject', 'peter'])).out.trim();
  const config = await run(['tenant', 'config', 'initech']);
  assert.equal(config.code, 0, config.err);
  assert.equal(JSON.parse(config.out).display_name, 'Initech');

  process.env.COMPANYOS_TOKEN = (await run(['token', '--tenant', 'pilot-a', '--subject', 'user-admin'])).out.trim();
  const denied = await run(['tenant', 'config', 'initech']);
  assert.equal(denied.code, 1);
  assert.match(denied.err, /403 Cross-tenant access is not allowed/);

  const missing = await run(['tenant', 'create', '--id', 'x1']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /--region and --owner are required/);
});
