import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_ISSUER_KEY_FILE, DevIssuer } from '@companyos/server';
import { createTestApp, type TestApp } from '@companyos/server/test-support';
import { runCli } from '../test/run-cli.ts';

// A server started on one data dir, the CLI run with another (or none): the token it mints must
// be one the server accepts, and the CLI's own data dir stays empty.
let h: TestApp;
let url: string;
let serverDir: string;
let cliDir: string;
const saved = { ...process.env };

before(async () => {
  serverDir = mkdtempSync(join(tmpdir(), 'companyos-server-'));
  cliDir = mkdtempSync(join(tmpdir(), 'companyos-cli-'));
  h = await createTestApp({ devIssuer: DevIssuer.open({ keyFile: join(serverDir, DEV_ISSUER_KEY_FILE) }) });
  url = await h.app.listen({ port: 0, host: '127.0.0.1' });
  process.env.COMPANYOS_DATA_DIR = cliDir;
});

after(async () => {
  process.env = saved;
  await h.close();
  rmSync(serverDir, { recursive: true, force: true });
  rmSync(cliDir, { recursive: true, force: true });
});

const mint = () => runCli(['token', '--tenant', 'internal', '--subject', 'user-platform-operator', '--url', url]);

test('the CLI mints with the key of the issuer the running server trusts, and creates no key of its own', async () => {
  h.clock.set(new Date());
  const token = await mint();
  assert.equal(token.code, 0, token.err);
  const res = await fetch(`${url}/api/v1/tenants`, { headers: { authorization: `Bearer ${token.out.trim()}` } });
  assert.equal(res.status, 200);
  assert.equal(existsSync(join(cliDir, DEV_ISSUER_KEY_FILE)), false);
});

test("a server key the CLI cannot read fails naming the server's data dir and the CLI's", async () => {
  const keyFile = join(serverDir, DEV_ISSUER_KEY_FILE);
  renameSync(keyFile, `${keyFile}.away`);
  try {
    const token = await mint();
    assert.equal(token.code, 1);
    assert.ok(token.err.includes(serverDir), token.err);
    assert.ok(token.err.includes(cliDir), token.err);
    assert.equal(existsSync(join(cliDir, DEV_ISSUER_KEY_FILE)), false);
  } finally {
    renameSync(`${keyFile}.away`, keyFile);
  }
});

test('no server to ask and no key in the data dir: the CLI says so and creates nothing', async () => {
  const token = await runCli(['token', '--tenant', 'internal', '--subject', 'user-platform-operator', '--url', 'http://127.0.0.1:9']);
  assert.equal(token.code, 1);
  assert.match(token.err, /cannot reach http:\/\/127\.0\.0\.1:9\//);
  assert.ok(token.err.includes(cliDir), token.err);
  assert.equal(existsSync(join(cliDir, DEV_ISSUER_KEY_FILE)), false);
});
