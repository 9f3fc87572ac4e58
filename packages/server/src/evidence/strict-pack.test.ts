import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateKeyPairSync } from 'node:crypto';
import { Writable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import { FakeClock } from '../util/clock.ts';
import { sampleBundle, syntheticAuditEvents, syntheticDecisions, syntheticReceipts } from './golden/synthetic.ts';
import { jwksOf, localTenantKey, provenReceipts } from './golden/test-ledger.ts';
import type { PackWindow } from './layout.ts';
import { verifyPack } from './verify-pack.ts';
import { writePack } from './write-pack.ts';

// A small but real pack: every file of the format, a few records of each kind.
const tenant = 'tenant-a';
const window: PackWindow = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };
const key = localTenantKey(generateKeyPairSync('ed25519').privateKey, new Date('2026-01-01T00:00:00Z'));
const bundles = [sampleBundle(1)];
const hashes = bundles.map((b) => b.bundle_hash);
const ledger = await provenReceipts('companyos.test/ledger/tenant-a', key, syntheticReceipts(tenant, window, 2, hashes));

async function smallPack(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writePack(sink, {
    tenant,
    window,
    sources: { bundles, decisions: syntheticDecisions(tenant, window, 3, hashes), receipts: ledger.receipts, audit_events: syntheticAuditEvents(tenant, window, 3) },
    signer: key.signer,
    jwks: jwksOf(key),
    checkpoint: ledger.checkpoint,
    clock: new FakeClock('2026-03-02T08:00:00Z'),
  });
  return Buffer.concat(chunks);
}

async function* once(buf: Buffer): AsyncGenerator<Buffer> {
  yield buf;
}

const pack = await smallPack();
const verifies = async (bytes: Buffer) => (await verifyPack(once(bytes), {})).ok;
const flipped = (at: number, mask: number) => {
  const bad = Buffer.from(pack);
  bad[at] = bad[at]! ^ mask;
  return bad;
};
// The raw deflate data sits between the fixed 10-byte header and the 8-byte trailer.
const deflateEnd = pack.length - 8;
const decoded = inflateRawSync(pack.subarray(10, deflateEnd));

test('the untouched small pack verifies', async () => {
  assert.equal(await verifies(pack), true);
});

test('a pack with any byte inverted fails verification', async () => {
  for (let at = 0; at < pack.length; at++) assert.equal(await verifies(flipped(at, 0xff)), false, `byte ${at} of ${pack.length}`);
});

test('every single-bit change in the last deflate bytes and the trailer fails, padding bits included', async () => {
  for (let at = deflateEnd - 16; at < pack.length; at++) {
    for (let bit = 0; bit < 8; bit++) assert.equal(await verifies(flipped(at, 1 << bit)), false, `byte ${at} bit ${bit}`);
  }
});

test('a changed bit whose deflate data still decodes to the same archive fails', async () => {
  // Deflate ignores padding bits and has several encodings of one text (a run of zeros copied
  // from distance 1 or 2), so some flips leave the content, and all its checks, untouched.
  const sameContent: string[] = [];
  for (let at = 10; at < deflateEnd; at++) {
    for (let bit = 0; bit < 8; bit++) {
      const bad = flipped(at, 1 << bit);
      let out: Buffer;
      try {
        out = inflateRawSync(bad.subarray(10, deflateEnd));
      } catch {
        continue;
      }
      if (!out.equals(decoded)) continue;
      sameContent.push(`byte ${at} bit ${bit}`);
      const result = await verifyPack(once(bad), {});
      assert.equal(result.ok, false, `byte ${at} bit ${bit}`);
      assert.match(result.failures[0]!.message, /changed bit/);
    }
  }
  assert.ok(sameContent.length > 0, 'the pack has flips that decode to the same content');
});
