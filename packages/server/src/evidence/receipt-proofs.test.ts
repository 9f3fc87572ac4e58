import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateKeyPairSync } from 'node:crypto';
import { RECEIPT_BUNDLE_FORMAT, verifyReceiptBundle } from '../ledger/receipt-format.ts';
import { syntheticReceipts } from './golden/synthetic.ts';
import { jwksOf, localTenantKey, provenReceipts } from './golden/test-ledger.ts';
import { openReceiptProofs, type ReceiptProofs } from './receipt-proofs.ts';
import type { ReceiptRecord } from './records.ts';

const key = localTenantKey(generateKeyPairSync('ed25519').privateKey, new Date('2026-01-01T00:00:00Z'));
const jwks = jwksOf(key);
const window = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' };
const origin = 'companyos.test/ledger/t1';
const { checkpoint, receipts } = await provenReceipts(origin, key, syntheticReceipts('t1', window, 13, ['a'.repeat(64)]));

function opened(): ReceiptProofs {
  const proofs = openReceiptProofs(checkpoint, jwks);
  if ('error' in proofs) throw new Error(proofs.error);
  return proofs;
}

const tampered: [string, (r: ReceiptRecord) => unknown][] = [
  ['another leaf index', (r) => ({ ...r, leaf_index: (r.leaf_index + 1) % 13 })],
  ['a changed receipt', (r) => ({ ...r, receipt: { ...r.receipt, actor: 'user:eve' } })],
  ['a changed leaf hash', (r) => ({ ...r, leaf_hash: receipts[0]!.leaf_hash === r.leaf_hash ? receipts[1]!.leaf_hash : receipts[0]!.leaf_hash })],
  ['a shortened proof', (r) => ({ ...r, inclusion_proof: r.inclusion_proof.slice(1) })],
  ['a proof hash in loose base64', (r) => ({ ...r, inclusion_proof: r.inclusion_proof.map((h) => h.replace(/=$/, '')) })],
  ['an index past the tree', (r) => ({ ...r, leaf_index: 13 })],
  ['an extra field', (r) => ({ ...r, note: 'x' })],
  ['no receipt', (r) => ({ ...r, receipt: undefined })],
];

test('every receipt of the log is proven against the checkpoint', () => {
  const proofs = opened();
  assert.equal(proofs.checkpoint.size, 13);
  for (const r of receipts) assert.equal(proofs.check(r), undefined);
});

test('agrees with the ledger\'s own receipt bundle verification', () => {
  const proofs = opened();
  const bundleOk = (line: unknown) => verifyReceiptBundle({ format: RECEIPT_BUNDLE_FORMAT, ...(line as object), checkpoint, jwks }).ok;
  for (const r of receipts) assert.equal(bundleOk(r), true);
  for (const [what, change] of tampered) {
    for (const r of [receipts[0]!, receipts[6]!, receipts[12]!]) {
      const line = change(r);
      assert.equal(proofs.check(line) === undefined, bundleOk(line), `${what} at ${r.leaf_index}`);
      assert.notEqual(proofs.check(line), undefined, `${what} at ${r.leaf_index}`);
    }
  }
});

test('a checkpoint not signed by the tenant keys is refused', () => {
  const stranger = localTenantKey(generateKeyPairSync('ed25519').privateKey, new Date('2026-01-01T00:00:00Z'));
  assert.match((openReceiptProofs(checkpoint, jwksOf(stranger)) as { error: string }).error, /checkpoint/);
  const resized = checkpoint.replace(/^(.*\n)13\n/, '$114\n');
  assert.match((openReceiptProofs(resized, jwks) as { error: string }).error, /checkpoint/);
  assert.match((openReceiptProofs('', jwks) as { error: string }).error, /no origin/);
});
