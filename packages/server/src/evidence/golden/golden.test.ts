import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FailureCode } from '../failures.ts';
import { gzipChunks } from '../gzip-frame.ts';
import { verifyPack } from '../verify-pack.ts';
import { FIXTURES, goldenKey, KEY_FILE, makeGolden } from './make-golden.ts';
import { unpack } from './repack.ts';
import { jwksOf, localTenantKey } from './test-ledger.ts';

// Each committed pack and what the verifier must say about it, file and line included.
const EXPECTED: Record<string, [FailureCode, string?, number?][]> = {
  'valid.tar.gz': [],
  'tampered-archive-byte.tar.gz': [['archive']],
  'tampered-file-byte.tar.gz': [['file.digest', 'audit_events.jsonl']],
  'removed-line.tar.gz': [['file.size', 'decisions.jsonl'], ['file.digest', 'decisions.jsonl'], ['count.mismatch', 'decisions.jsonl']],
  'reordered-files.tar.gz': [['file.order', 'decisions.jsonl']],
  'unknown-version.tar.gz': [['format.version', 'manifest.json']],
  'bad-signature.tar.gz': [['signature.invalid', 'manifest.dsse.json']],
  'extra-file.tar.gz': [['file.extra', 'notes.txt']],
  'missing-file.tar.gz': [['file.missing', 'README.txt']],
  'outside-window.tar.gz': [['record.window', 'audit_events.jsonl', 5]],
  'forged-receipt.tar.gz': [['receipt.proof', 'receipts.jsonl', 3]],
};

const trustedJwks = JSON.parse(readFileSync(join(FIXTURES, 'test-only-jwks.json'), 'utf8'));

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`golden ${name}: ${expected.length === 0 ? 'verifies' : `fails with ${expected.map((e) => e[0]).join(', ')}`}`, async () => {
    const codes = async (options: object) =>
      (await verifyPack(join(FIXTURES, name), options)).failures.map((f) => [f.code, f.file, f.line].filter((x) => x !== undefined));
    assert.deepEqual(await codes({}), expected);
    // A bad signature is also bad against the trusted copy of the same key.
    const trusted = name === 'bad-signature.tar.gz' ? [...expected, ['signature.untrusted', 'manifest.dsse.json']] : expected;
    assert.deepEqual(await codes({ trustedJwks }), trusted);
    assert.equal((await verifyPack(join(FIXTURES, name), {})).ok, expected.length === 0);
  });
}

test('the valid golden pack is refused against another tenant key', async () => {
  const stranger = jwksOf(localTenantKey(generateKeyPairSync('ed25519').privateKey, new Date('2026-01-01T00:00:00Z')));
  const result = await verifyPack(join(FIXTURES, 'valid.tar.gz'), { trustedJwks: stranger });
  assert.equal(result.ok, false);
  assert.deepEqual(result.failures.map((f) => f.code), ['checkpoint.signature', 'signature.untrusted']);
});

test('make-golden reproduces the committed packs', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'golden-'));
  t.after(() => rmSync(out, { recursive: true }));
  const names = await makeGolden(out, goldenKey(join(FIXTURES, KEY_FILE)));
  assert.deepEqual(names.sort(), Object.keys(EXPECTED).sort());
  // Compared by content: the compressed bytes may differ with another zlib.
  for (const name of names.filter((n) => n !== 'tampered-archive-byte.tar.gz')) {
    assert.deepEqual(await unpack(readFileSync(join(out, name))), await unpack(readFileSync(join(FIXTURES, name))), name);
  }
  const valid = readFileSync(join(FIXTURES, 'valid.tar.gz'));
  const flipped = readFileSync(join(FIXTURES, 'tampered-archive-byte.tar.gz'));
  assert.equal(flipped.length, valid.length);
  assert.equal([...flipped].filter((b, i) => b !== valid[i]).length, 1);
});

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

test('a one-byte change anywhere in the archive content fails', async () => {
  const tar = gunzipSync(readFileSync(join(FIXTURES, 'valid.tar.gz')));
  // Every byte of the first tar header, then a sample across every file and header after it.
  const positions = [...Array.from({ length: 512 }, (_, i) => i), ...Array.from({ length: Math.floor(tar.length / 53) }, (_, i) => 512 + i * 53)];
  for (const at of positions.filter((p) => p < tar.length)) {
    const changed = Buffer.from(tar);
    changed[at] = changed[at]! ^ 0x20;
    const gz: Buffer[] = [];
    for await (const chunk of gzipChunks(once(changed))) gz.push(chunk);
    const result = await verifyPack(once(Buffer.concat(gz)), {});
    assert.equal(result.ok, false, `byte ${at} changed and the pack still verifies`);
    assert.ok(result.failures.length > 0);
  }
});

test('a one-byte change in the gzip header or trailer fails', async () => {
  const valid = readFileSync(join(FIXTURES, 'valid.tar.gz'));
  for (const at of [...Array(10).keys(), ...Array.from({ length: 8 }, (_, i) => valid.length - 8 + i)]) {
    const changed = Buffer.from(valid);
    changed[at] = changed[at]! ^ 0x01;
    const result = await verifyPack(once(changed), {});
    assert.deepEqual(result.failures.map((f) => f.code), ['archive'], `byte ${at}`);
  }
});
