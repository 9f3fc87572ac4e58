import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { canonicalJson, checkInclusion, type ReceiptBundle } from './inclusion-check.ts';

// An independent RFC 9162 tree (MTH and PATH written out recursively) as the oracle.
const h = (...parts: Array<Uint8Array | number[]>) => createHash('sha256').update(Buffer.concat(parts.map((p) => Buffer.from(p)))).digest();
const split = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);
const mth = (leaves: Buffer[]): Buffer => (leaves.length === 1 ? leaves[0]! : h([1], mth(leaves.slice(0, split(leaves.length))), mth(leaves.slice(split(leaves.length)))));
function path(m: number, leaves: Buffer[]): Buffer[] {
  if (leaves.length === 1) return [];
  const k = split(leaves.length);
  return m < k ? [...path(m, leaves.slice(0, k)), mth(leaves.slice(k))] : [...path(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
}

const receipts = Array.from({ length: 5 }, (_, i) => ({ receipt_id: `r-${i}`, target: null, evidence_refs: [`request:${i}`], action: 'x.y' }));
const leaves = receipts.map((r) => h([0], Buffer.from(canonicalJson(r))));
const root = mth(leaves);
const b64 = (b: Buffer) => b.toString('base64');
const bundle = (i: number, receipt: Record<string, unknown> = receipts[i]!): ReceiptBundle => ({
  receipt,
  leaf_index: i,
  leaf_hash: b64(leaves[i]!),
  inclusion_proof: path(i, leaves).map(b64),
  checkpoint: `example.com/log\n${leaves.length}\n${b64(root)}\n\n— example.com/log sig\n`,
});

test('canonical JSON sorts members and writes strings, arrays and null as RFC 8785 does', () => {
  assert.equal(canonicalJson({ b: 'é"', a: ['y', null], c: 3 }), '{"a":["y",null],"b":"é\\"","c":3}');
});

test('every leaf of a five-leaf log is proven included against the checkpoint root', async () => {
  for (let i = 0; i < leaves.length; i++) assert.deepEqual(await checkInclusion(bundle(i)), { leafMatches: true, included: true, treeSize: 5, rootHash: b64(root) });
});

test('a changed receipt, a wrong index or a wrong root fails the check', async () => {
  assert.equal((await checkInclusion(bundle(2, { ...receipts[2]!, action: 'x.z' }))).leafMatches, false);
  assert.equal((await checkInclusion({ ...bundle(2), leaf_index: 3 })).included, false);
  assert.equal((await checkInclusion({ ...bundle(2), checkpoint: bundle(2).checkpoint.replace(b64(root), b64(mth(leaves.slice(0, 4)))) })).included, false);
  assert.equal((await checkInclusion({ ...bundle(4), inclusion_proof: bundle(4).inclusion_proof.slice(1) })).included, false);
});
