import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestApp, type TestApp } from '@companyos/server/test-support';
import { exportCommand } from './export.ts';
import { verifyCommand } from './verify.ts';

// `export` against a running server, and `verify` on what it wrote and on the golden packs.
let h: TestApp;
let dir: string;
let url: string;
const printed: string[] = [];
const print = console.log;
const printError = console.error;
const golden = (name: string) => fileURLToPath(new URL(`../../../server/test/fixtures/evidence/${name}`, import.meta.url));

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'companyos-export-cli-'));
  h = await createTestApp();
  url = await h.app.listen({ port: 0, host: '127.0.0.1' });
  console.log = (...args: unknown[]) => void printed.push(args.join(' '));
  console.error = (...args: unknown[]) => void printed.push(args.join(' '));
});

after(async () => {
  console.log = print;
  console.error = printError;
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

test('export writes a pack that verify accepts against the published JWKS', async () => {
  await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-admin'] });
  h.clock.advance(1_000);
  const token = await h.token('pilot-a', 'user-admin', { stepUp: true });
  const out = join(dir, 'pack.tar.gz');
  const from = new Date(h.clock.now().getTime() - 86_400_000).toISOString();
  const code = await exportCommand(['--url', url, '--token', token, '--from', from, '--to', h.clock.now().toISOString(), '--action', 'subject.list', '-o', out, '--poll-ms', '20']);
  assert.equal(code, 0, printed.join('\n'));
  assert.match(printed.at(-1)!, /^wrote .*pack\.tar\.gz \(sha256 [0-9a-f]{64}\): /);
  assert.match(printed.at(-1)!, /[1-9]\d* receipts/);
  assert.match(printed.at(-1)!, /[1-9]\d* audit_events/);
  assert.equal(await verifyCommand([out, '--jwks', `${url}/api/v1/tenants/pilot-a/jwks.json`]), 0);
  assert.match(printed.at(-1)!, /^OK: companyos\.evidence-pack\/v1 for tenant pilot-a/);
  // Another tenant's keys are not the signer's: verification fails closed.
  assert.equal(await verifyCommand([out, '--jwks', `${url}/api/v1/tenants/pilot-b/jwks.json`]), 1);
  assert.match(printed.at(-1)!, /^FAILED: .*signature/);
});

test('export without a step-up token exits non-zero saying a step-up is needed', async () => {
  const token = await h.token('pilot-a', 'user-admin');
  const code = await exportCommand(['--url', url, '--token', token, '--from', '2026-03-01T00:00:00Z', '--to', '2026-03-02T00:00:00Z']).catch((err: Error) => {
    printed.push(err.message);
    return 1;
  });
  assert.equal(code, 1);
  assert.match(printed.at(-1)!, /^401 .*step-up sign-in with a second factor/);
});

test('verify accepts the golden pack and names the failure of each tampered one', async () => {
  const jwks = golden('test-only-jwks.json');
  assert.equal(await verifyCommand([golden('valid.tar.gz'), '--jwks', jwks]), 0);
  const expected: Record<string, string> = {
    'tampered-archive-byte.tar.gz': 'archive',
    'tampered-file-byte.tar.gz': 'file.digest',
    'removed-line.tar.gz': 'count.mismatch',
    'reordered-files.tar.gz': 'file.order',
    'unknown-version.tar.gz': 'format.version',
    'bad-signature.tar.gz': 'signature.invalid',
    'extra-file.tar.gz': 'file.extra',
    'missing-file.tar.gz': 'file.missing',
    'outside-window.tar.gz': 'record.window',
    'forged-receipt.tar.gz': 'receipt.proof',
  };
  for (const [pack, code] of Object.entries(expected)) {
    assert.equal(await verifyCommand([golden(pack), '--jwks', jwks]), 1, pack);
    assert.ok(printed.at(-1)!.startsWith('FAILED: ') && printed.at(-1)!.includes(code), `${pack}: ${printed.at(-1)}`);
  }
  await assert.rejects(verifyCommand([golden('valid.tar.gz'), '--jwks', join(dir, 'missing.json')]), /ENOENT/);
});
