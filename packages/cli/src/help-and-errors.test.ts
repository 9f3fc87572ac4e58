import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_ISSUER_KEY_FILE, DevIssuer } from '@companyos/server';
import { createTestApp, type TestApp } from '@companyos/server/test-support';
import { runCli } from '../test/run-cli.ts';
import { COMMAND_USAGE } from './usage.ts';

// What a user sees when asking for help or getting something wrong, against a real server.
let h: TestApp;
let url: string;
let dir: string;
const saved = { ...process.env };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'companyos-cli-errors-'));
  process.env.COMPANYOS_DATA_DIR = dir;
  h = await createTestApp({ devIssuer: DevIssuer.open({ keyFile: join(dir, DEV_ISSUER_KEY_FILE) }) });
  url = await h.app.listen({ port: 0, host: '127.0.0.1' });
  process.env.COMPANYOS_URL = url;
  delete process.env.COMPANYOS_TOKEN;
});

after(async () => {
  process.env = saved;
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

async function tokenFor(tenant: string, subject: string, ...extra: string[]): Promise<string> {
  h.clock.set(new Date());
  const minted = await runCli(['token', '--tenant', tenant, '--subject', subject, ...extra]);
  assert.equal(minted.code, 0, minted.err);
  return minted.out.trim();
}

test('--help prints the same help for a command, any of its verbs and `help COMMAND`, and exits 0', async () => {
  for (const name of [...Object.keys(COMMAND_USAGE), 'pdp']) {
    const plain = await runCli([name, '--help']);
    assert.equal(plain.code, 0, `${name}: ${plain.err}`);
    assert.match(plain.out, name === 'pdp' ? /^companyos-pdp/ : new RegExp(`^usage: companyos ${name}`));
    for (const args of [[name, 'some-verb', '--help'], [name, '-h'], ['help', name], [name, 'list', '--url', 'x', '--help']]) {
      const again = await runCli(args);
      assert.deepEqual({ code: again.code, out: again.out }, { code: 0, out: plain.out }, args.join(' '));
    }
  }
  const overview = await runCli(['--help']);
  assert.equal(overview.code, 0);
  assert.match(overview.out, /companyos token --tenant T/);
});

test('an unreachable server is named: cannot reach <URL>', async () => {
  // A port that was free a moment ago: nothing listens on it.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  const down = `http://127.0.0.1:${port}`;
  const list = await runCli(['tenant', 'list', '--url', down, '--token', 'x']);
  assert.equal(list.code, 1);
  assert.match(list.err, new RegExp(`cannot reach ${down}/api/v1/tenants`));
});

test('a missing file is named as missing', async () => {
  const missing = join(dir, 'no-such-pack.tar.gz');
  for (const command of ['verify', 'verify-receipt']) {
    const run = await runCli([command, missing]);
    assert.equal(run.code, 1, command);
    assert.equal(run.err, `companyos ${command}: no such file: ${missing}`);
  }
});

test('tenant create names every missing flag at once', async () => {
  const run = await runCli(['tenant', 'create', '--name', 'Nameless']);
  assert.equal(run.code, 2);
  assert.match(run.err, /--id, --region and --owner are required/);
});

test('a refused value of a closed list names the allowed values', async () => {
  const token = await tokenFor('internal', 'user-platform-operator');
  const run = await runCli(['tenant', 'create', '--id', 'enumco', '--region', 'eu', '--owner', 'ops@enumco.example.com', '--env', 'staging-ish', '--token', token]);
  assert.equal(run.code, 1);
  assert.match(run.err, /body\.env: must be one of: \w+, \w+/);
});

test('a step-up refusal tells the user to mint a token with --step-up', async () => {
  const token = await tokenFor('pilot-a', 'user-admin');
  const run = await runCli(['export', '--from', '2026-01-01T00:00:00Z', '--to', '2026-01-02T00:00:00Z', '--token', token, '--out', join(dir, 'pack.tar.gz')]);
  assert.equal(run.code, 1);
  assert.match(run.err, /companyos token .*--step-up/);
});
