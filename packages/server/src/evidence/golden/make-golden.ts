// Writes the golden evidence packs: one valid pack and tampered variants, each of which the
// verifier must reject naming the failure. Signed with a test-only key kept beside them.
//   node --import tsx packages/server/src/evidence/golden/make-golden.ts [OUT_DIR]

import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { FakeClock } from '../../util/clock.ts';
import type { PackWindow } from '../layout.ts';
import { writePack } from '../write-pack.ts';
import { repack, replaceFile, resign, unpack, type PackEntry } from './repack.ts';
import { sampleBundle, syntheticAuditEvents, syntheticDecisions, syntheticReceipts } from './synthetic.ts';
import { jwksOf, localTenantKey, provenReceipts, type LocalTenantKey } from './test-ledger.ts';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/evidence');
export const KEY_FILE = 'test-only-signing-key.private.jwk.json';
export const GOLDEN_TENANT = 'tenant-golden';
export const GOLDEN_WINDOW: PackWindow = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' };
const KEY_NOT_BEFORE = new Date('2026-01-01T00:00:00.000Z');
const CREATED_AT = '2026-03-02T08:00:00.000Z';
const ORIGIN = 'companyos.test/ledger/tenant-golden';

/** The test-only key: read from the fixtures, or made once when absent. Never a real tenant key. */
export function goldenKey(keyFile = join(FIXTURES, KEY_FILE)): LocalTenantKey {
  let privateKey: KeyObject;
  if (existsSync(keyFile)) {
    privateKey = createPrivateKey({ key: JSON.parse(readFileSync(keyFile, 'utf8')), format: 'jwk' });
  } else {
    privateKey = generateKeyPairSync('ed25519').privateKey;
    writeFileSync(keyFile, `${JSON.stringify(privateKey.export({ format: 'jwk' }), null, 2)}\n`);
  }
  return localTenantKey(privateKey, KEY_NOT_BEFORE);
}

async function validPack(key: LocalTenantKey): Promise<Buffer> {
  const bundles = [sampleBundle(1), sampleBundle(2)];
  const hashes = bundles.map((b) => b.bundle_hash);
  const ledger = await provenReceipts(ORIGIN, key, syntheticReceipts(GOLDEN_TENANT, GOLDEN_WINDOW, 5, hashes));
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writePack(sink, {
    tenant: GOLDEN_TENANT,
    window: GOLDEN_WINDOW,
    sources: {
      bundles,
      decisions: syntheticDecisions(GOLDEN_TENANT, GOLDEN_WINDOW, 8, hashes),
      receipts: ledger.receipts,
      audit_events: syntheticAuditEvents(GOLDEN_TENANT, GOLDEN_WINDOW, 12),
    },
    signer: key.signer,
    jwks: jwksOf(key),
    checkpoint: ledger.checkpoint,
    clock: new FakeClock(CREATED_AT),
  });
  return Buffer.concat(chunks);
}

function editLines(data: Buffer, edit: (lines: string[]) => string[]): Buffer {
  const lines = data.toString('utf8').split('\n').slice(0, -1);
  return Buffer.from(edit(lines).map((l) => `${l}\n`).join(''), 'utf8');
}

function swap(entries: PackEntry[], a: string, b: string): PackEntry[] {
  const i = entries.findIndex((e) => e.name === a);
  const j = entries.findIndex((e) => e.name === b);
  const out = [...entries];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** Writes every golden pack into `outDir` and returns their file names. */
export async function makeGolden(outDir: string, key: LocalTenantKey): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const valid = await validPack(key);
  const entries = await unpack(valid);
  const flippedByte = Buffer.from(valid);
  flippedByte[Math.floor(valid.length / 2)]! ^= 0x01;
  const envelope = (e: PackEntry[]) => e.find((x) => x.name === 'manifest.dsse.json')!.data.toString('utf8');
  const sig = JSON.parse(envelope(entries)).signatures[0].sig as string;
  // Another base64 letter at the start keeps the encoding canonical, so only the signature is wrong.
  const badSig = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;

  const packs: Record<string, Buffer> = {
    'valid.tar.gz': valid,
    'tampered-archive-byte.tar.gz': flippedByte,
    'tampered-file-byte.tar.gz': await repack(
      replaceFile(entries, 'audit_events.jsonl', (d) => {
        const out = Buffer.from(d);
        const at = out.indexOf('"amount_minor":1003');
        out[at + 18] = '4'.charCodeAt(0);
        return out;
      }),
    ),
    'removed-line.tar.gz': await repack(replaceFile(entries, 'decisions.jsonl', (d) => editLines(d, (l) => l.filter((_, i) => i !== 1)))),
    'reordered-files.tar.gz': await repack(swap(entries, 'decisions.jsonl', 'receipts.jsonl')),
    'unknown-version.tar.gz': await repack(await resign(entries, key.signer, (m) => ({ ...m, format: 'companyos.evidence-pack/v2' }))),
    'bad-signature.tar.gz': await repack(replaceFile(entries, 'manifest.dsse.json', (d) => Buffer.from(d.toString('utf8').replace(sig, badSig)))),
    'extra-file.tar.gz': await repack([...entries, { name: 'notes.txt', mtime: entries[0]!.mtime, data: Buffer.from('not part of the pack\n') }]),
    'missing-file.tar.gz': await repack(entries.filter((e) => e.name !== 'README.txt')),
    'outside-window.tar.gz': await repack(
      await resign(
        replaceFile(entries, 'audit_events.jsonl', (d) => editLines(d, (l) => l.map((x, i) => (i === 4 ? x.replace(/"occurred_at":"[^"]+"/, '"occurred_at":"2026-03-02T00:00:00.000Z"') : x)))),
        key.signer,
      ),
    ),
    'forged-receipt.tar.gz': await repack(
      await resign(
        replaceFile(entries, 'receipts.jsonl', (d) => editLines(d, (l) => l.map((x, i) => (i === 2 ? x.replace('"target":"request:00000002"', '"target":"request:99999999"') : x)))),
        key.signer,
      ),
    ),
  };
  for (const [name, bytes] of Object.entries(packs)) writeFileSync(join(outDir, name), bytes);
  writeFileSync(join(outDir, 'test-only-jwks.json'), `${JSON.stringify(jwksOf(key), null, 2)}\n`);
  return Object.keys(packs);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? FIXTURES);
  mkdirSync(out, { recursive: true });
  const names = await makeGolden(out, goldenKey(join(FIXTURES, KEY_FILE)));
  console.log(`wrote ${names.length} packs to ${out}`);
}
