import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { renderJwks } from '../keys/jwks.ts';
import { LocalKeyProvider } from '../keys/key-provider.ts';
import { rotateTenantKey } from '../keys/key-rotation.ts';
import { MemoryTenantKeyStore } from '../keys/key-store.ts';
import { SignerCache } from '../keys/signer-cache.ts';
import { type TenantKey, currentSigningKey, generateTenantKey } from '../keys/tenant-key.ts';
import { ed25519NoteSigner } from './checkpoint/ed25519-note-keys.ts';
import { signCheckpoint } from './checkpoint/signed-checkpoint.ts';
import { EMPTY_FRONTIER, appendLeaves, frontierRoot } from './merkle/frontier.ts';
import { leafHash } from './merkle/hashing.ts';
import { MemoryNodeStore } from './merkle/memory-node-store.ts';
import { inclusionProof } from './merkle/proofs.ts';
import type { ReceiptBody } from './receipts.ts';
import { type ReceiptBundle, type ReceiptEntry, buildReceiptBundle, receiptEntryBytes, receiptEntryErrors, receiptLeafHash, verifyReceiptBundle } from './receipt-format.ts';

const provider = new LocalKeyProvider(randomBytes(32));
const signers = new SignerCache(provider);
const ORIGIN = 'companyos.test/tenants/t1/ledger';

// Receipts from 20 on are format 2, naming their actor by pseudonym: one log holds both formats.
function receipt(i: number): ReceiptEntry {
  return {
    ...(i >= 20 ? { version: 2 as const } : {}),
    receipt_id: `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    tenant_id: 't1',
    actor: i >= 20 ? `pseudonym:0190a000-0000-7000-8000-${String(i).padStart(12, '0')}` : 'user:alice',
    action: 'high_risk.request.approve',
    target: i % 3 === 0 ? null : `request:${i}`,
    decision: 'allow',
    bundle_hash: 'b'.repeat(64),
    evidence_refs: i % 2 ? [`sha256:${'e'.repeat(64)}`] : [],
    issued_at: `2026-03-01T10:00:${String(i % 60).padStart(2, '0')}.000Z`,
    request_id: `req-${i}`,
  };
}

/** A tenant log of `count` receipts with a checkpoint signed by the tenant's current key. */
async function ledger(count: number, keys: TenantKey[]) {
  const receipts = Array.from({ length: count }, (_, i) => receipt(i));
  const nodes = new MemoryNodeStore();
  const appended = appendLeaves(EMPTY_FRONTIER, receipts.map(receiptLeafHash));
  nodes.put(appended.nodes);
  const key = currentSigningKey(keys, new Date('2100-01-01T00:00:00Z'))!;
  const signer = ed25519NoteSigner(ORIGIN, await signers.signer(key));
  const checkpoint = signCheckpoint({ origin: ORIGIN, size: count, rootHash: frontierRoot(appended.frontier) }, [signer]);
  const bundle = async (i: number): Promise<ReceiptBundle> =>
    buildReceiptBundle({ receipt: receipts[i]!, leafIndex: i, inclusionProof: await inclusionProof(nodes, i, count), checkpoint, jwks: renderJwks(keys) });
  return { receipts, bundle };
}

test('the leaf is the canonical JSON of the receipt and matches the stored receipt body type', () => {
  const r = receipt(1);
  const reordered = Object.fromEntries(Object.entries(r).reverse()) as unknown as ReceiptEntry;
  assert.deepEqual(receiptEntryBytes(reordered), receiptEntryBytes(r));
  assert.match(receiptEntryBytes(r).toString(), /^\{"action":"high_risk\.request\.approve","actor":"user:alice","bundle_hash":/);
  assert.deepEqual(receiptLeafHash(r), leafHash(receiptEntryBytes(r)));
  const body: ReceiptBody = { ...r, target: r.target, decision: 'allow', request_id: 'req-1' };
  assert.deepEqual(receiptLeafHash(body), receiptLeafHash(r));
  assert.deepEqual(receiptEntryErrors(r), []);
});

test('malformed receipts are named precisely', () => {
  const r = receipt(2) as unknown as Record<string, unknown>;
  assert.deepEqual(receiptEntryErrors({ ...r, actor: '' }), ['receipt actor must be a non-empty string']);
  assert.deepEqual(receiptEntryErrors({ ...r, extra: 1 }), ['receipt has unexpected field extra']);
  assert.deepEqual(receiptEntryErrors({ ...r, target: 5 }), ['receipt target must be a string or null']);
  assert.deepEqual(receiptEntryErrors({ ...r, evidence_refs: [1] }), ['receipt evidence_refs must be an array of strings']);
  assert.deepEqual(receiptEntryErrors({ ...r, issued_at: '2026-03-01 10:00:00' }), ['receipt issued_at must be a UTC ISO 8601 timestamp']);
  assert.deepEqual(receiptEntryErrors({ ...r, issued_at: '2026-13-45T10:00:00Z' }), ['receipt issued_at must be a UTC ISO 8601 timestamp']);
  assert.deepEqual(receiptEntryErrors([]), ['receipt must be an object']);
  for (const version of [1, 3, '2', null]) {
    assert.deepEqual(receiptEntryErrors({ ...r, version }), ['receipt version must be one of 2 (or absent for format 1)'], String(version));
  }
});

test('a format 2 receipt carries its version in the leaf; a format 1 receipt has none', () => {
  assert.match(receiptEntryBytes(receipt(21)).toString(), /"actor":"pseudonym:[0-9a-f-]{36}".*"version":2\}$/);
  assert.deepEqual(receiptEntryErrors(receipt(21)), []);
  assert.ok(!receiptEntryBytes(receipt(1)).toString().includes('version'));
});

test('every receipt of a log verifies offline from its bundle, after a JSON round trip', async () => {
  const keys = [await generateTenantKey('t1', provider, new Date('2026-01-01T00:00:00Z'))];
  const log = await ledger(23, keys);
  for (let i = 0; i < 23; i++) {
    const result = verifyReceiptBundle(JSON.parse(JSON.stringify(await log.bundle(i))), { origin: ORIGIN });
    assert.deepEqual(result.errors, [], `receipt ${i}`);
    assert.equal(result.ok, true);
    assert.equal(result.checkpoint!.size, 23);
    assert.deepEqual(result.signedBy, [keys[0]!.kid]);
  }
});

test('any alteration of the bundle is caught', async () => {
  const keys = [await generateTenantKey('t1', provider, new Date('2026-01-01T00:00:00Z'))];
  const log = await ledger(10, keys);
  const good = JSON.parse(JSON.stringify(await log.bundle(6))) as ReceiptBundle;
  const otherProof = (await log.bundle(5)).inclusion_proof;
  const flip = (b64: string, at = 0): string => {
    const b = Buffer.from(b64, 'base64');
    b[at]! ^= 1;
    return b.toString('base64');
  };
  const altered: Record<string, [ReceiptBundle, RegExp]> = {
    'receipt field': [{ ...good, receipt: { ...good.receipt, actor: 'user:mallory' } }, /leaf_hash does not match/],
    'receipt and leaf hash together': [
      { ...good, receipt: { ...good.receipt, actor: 'user:mallory' }, leaf_hash: receiptLeafHash({ ...good.receipt, actor: 'user:mallory' }).toString('base64') },
      /inclusion proof does not lead/,
    ],
    'leaf index': [{ ...good, leaf_index: 7 }, /inclusion proof does not lead/],
    'index beyond the tree': [{ ...good, leaf_index: 10 }, /beyond the checkpoint's tree size 10/],
    'proof element': [{ ...good, inclusion_proof: [flip(good.inclusion_proof[0]!), ...good.inclusion_proof.slice(1)] }, /inclusion proof does not lead/],
    "another leaf's proof": [{ ...good, inclusion_proof: otherProof }, /inclusion proof does not lead/],
    'truncated proof': [{ ...good, inclusion_proof: good.inclusion_proof.slice(0, -1) }, /inclusion proof does not lead/],
    'checkpoint size': [{ ...good, checkpoint: good.checkpoint.replace('\n10\n', '\n11\n') }, /does not verify/],
    'checkpoint signature': [{ ...good, checkpoint: good.checkpoint.replace(/ (\S+)\n$/, (_, sig: string) => ` ${flip(sig, 10)}\n`) }, /checkpoint: signature by .* does not verify/],
    'checkpoint key id': [{ ...good, checkpoint: good.checkpoint.replace(/ (\S+)\n$/, (_, sig: string) => ` ${flip(sig, 0)}\n`) }, /no signature from a trusted key/],
    'bad proof encoding': [{ ...good, inclusion_proof: ['xyz'] }, /inclusion_proof must be/],
    'unknown format': [{ ...good, format: 'v0' } as unknown as ReceiptBundle, /bundle format/],
  };
  for (const [what, [bundle, message]] of Object.entries(altered)) {
    const result = verifyReceiptBundle(bundle, { origin: ORIGIN });
    assert.equal(result.ok, false, what);
    assert.ok(result.errors.some((e) => message.test(e)), `${what}: ${result.errors.join('; ')}`);
  }
});

test('the checkpoint must be signed by a key of the trusted JWKS and come from the expected log', async () => {
  const keys = [await generateTenantKey('t1', provider, new Date('2026-01-01T00:00:00Z'))];
  const bundle = await (await ledger(4, keys)).bundle(2);
  const otherTenant = renderJwks([await generateTenantKey('t2', provider, new Date('2026-01-01T00:00:00Z'))]);
  // The bundle's own JWKS replaced by another tenant's keys: nothing trusted signed it.
  assert.match(verifyReceiptBundle({ ...bundle, jwks: otherTenant }).errors.join(), /no signature from a trusted key/);
  // Keys pinned out of band override the bundle's JWKS.
  assert.equal(verifyReceiptBundle(bundle, { jwks: otherTenant }).ok, false);
  assert.equal(verifyReceiptBundle(bundle, { jwks: renderJwks(keys), tenantId: 't1' }).ok, true);
  assert.deepEqual(verifyReceiptBundle(bundle, { tenantId: 't2' }).errors, ['receipt belongs to tenant t1, expected t2']);
  assert.match(verifyReceiptBundle(bundle, { origin: 'companyos.test/tenants/t2/ledger' }).errors.join(), /checkpoint:/);
  assert.match(verifyReceiptBundle({ ...bundle, jwks: { keys: [{ ...bundle.jwks.keys[0]!, kid: 'x' }] } }).errors.join(), /thumbprint/);
});

test('receipts checkpointed before a rotation still verify with the retired key listed', async () => {
  const store = new MemoryTenantKeyStore('t1');
  await store.insert(await generateTenantKey('t1', provider, new Date('2026-01-01T00:00:00Z')));
  const before = await (await ledger(5, await store.list())).bundle(3);
  await rotateTenantKey(store, provider, 't1', new Date('2026-02-01T00:00:00Z'));
  const keysAfter = await store.list();
  const after = await (await ledger(8, keysAfter)).bundle(3);
  const jwks = renderJwks(keysAfter);
  const old = verifyReceiptBundle(before, { jwks });
  assert.deepEqual(old.errors, []);
  assert.deepEqual(old.signedBy, [keysAfter.find((k) => k.status === 'retired')!.kid]);
  assert.deepEqual(verifyReceiptBundle(after, { jwks }).signedBy, [keysAfter.find((k) => k.status === 'active')!.kid]);
});

test('garbage never verifies and never throws', () => {
  for (const value of [null, undefined, 'bundle', 42, [], {}, { format: 'companyos.receipt-bundle.v1' }]) {
    const result = verifyReceiptBundle(value);
    assert.equal(result.ok, false);
    assert.ok(result.errors.length > 0);
  }
});
