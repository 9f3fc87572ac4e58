import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '@companyos/server/test-support';
import { UsageError } from '../args.ts';
import { keysCommand } from './keys.ts';

// `keys` against a running server: the KEK is wrapped here, so only its wrapped form is sent.
let h: TestApp;
let dir: string;
let url: string;
let token: string;
const printed: string[] = [];
const print = console.log;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'companyos-keys-cli-'));
  h = await createTestApp();
  url = await h.app.listen({ port: 0, host: '127.0.0.1' });
  token = await h.token('pilot-a', 'user-admin', { stepUp: true, ttl: 3600 });
  console.log = (...args: unknown[]) => void printed.push(args.join(' '));
});

after(async () => {
  console.log = print;
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const keys = (...args: string[]) => keysCommand([...args, '--url', url, '--token', token]);

test('import, rotate and revoke a KEK from files, with the status between', async () => {
  const kek = join(dir, 'kek.bin');
  writeFileSync(kek, randomBytes(32));
  assert.equal(await keys('import', '--key', kek), 0);
  assert.match(printed.at(-1)!, /^key-encryption key version 1 \(sha256 [0-9a-f]{16}\) is active; \d+ data key\(s\) re-wrapped$/);

  // A key given as base64 works the same.
  const next = join(dir, 'kek-2.b64');
  writeFileSync(next, `${randomBytes(32).toString('base64')}\n`);
  assert.equal(await keys('rotate', '--key', next), 0);
  assert.match(printed.at(-1)!, /^key-encryption key version 2 .* is active, version 1 retired;/);

  assert.equal(await keys('status'), 0);
  assert.ok(printed.includes('held by: tenant (active)'), printed.join('\n'));

  await assert.rejects(keys('revoke'), UsageError);
  assert.equal(await keys('revoke', '--yes'), 0);
  assert.match(printed.at(-1)!, /^key-encryption key version 2 .* is revoked;/);
});

test('a key file that holds no 32-byte key, or both ways of giving a key, is a usage error', async () => {
  const short = join(dir, 'short.bin');
  writeFileSync(short, randomBytes(16).toString('base64'));
  await assert.rejects(keys('import', '--key', short), /must hold a 32-byte AES-256 key/);
  await assert.rejects(keys('import', '--key', short, '--wrapped', short), UsageError);
  await assert.rejects(keys('import', '--wrapped', short), /--wrapping-key-id/);
  await assert.rejects(keys('unknown'), UsageError);
});
