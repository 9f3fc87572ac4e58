import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_FRONTIER, appendLeaves } from './frontier.ts';
import { EMPTY_ROOT, leafHash, nodeHash } from './hashing.ts';
import { MemoryNodeStore } from './memory-node-store.ts';
import { MerkleError, type NodeKey, type NodeReader } from './nodes.ts';
import { consistencyProof, inclusionProof, rootAt } from './proofs.ts';
import { ReferenceTree } from './reference-tree.ts';
import { verifyConsistency, verifyInclusion } from './verify.ts';

const MAX = 70;
const ref = new ReferenceTree(MAX);
const store = new MemoryNodeStore();
store.put(appendLeaves(EMPTY_FRONTIER, ref.leaves).nodes);
const hexes = (hs: readonly Uint8Array[]): string[] => hs.map((h) => Buffer.from(h).toString('hex'));

test('rootAt gives the reference root for every size 0..70 from one stored tree', async () => {
  for (let size = 0; size <= MAX; size++) assert.deepEqual(hexes([await rootAt(store, size)]), hexes([ref.mth(0, size)]));
});

test('inclusion proofs equal PATH(m, D[n]) and verify, for every index of every size 1..70', async () => {
  for (let size = 1; size <= MAX; size++) {
    const root = ref.mth(0, size);
    for (let index = 0; index < size; index++) {
      const proof = await inclusionProof(store, index, size);
      assert.deepEqual(hexes(proof), hexes(ref.path(index, 0, size)), `index ${index} size ${size}`);
      assert.ok(verifyInclusion(ref.leaves[index]!, index, size, proof, root), `index ${index} size ${size}`);
    }
  }
});

test('consistency proofs equal PROOF(m, D[n]) and verify, for every pair of sizes 0 ≤ m ≤ n ≤ 70', async () => {
  for (let n = 0; n <= MAX; n++) {
    for (let m = 0; m <= n; m++) {
      const proof = await consistencyProof(store, m, n);
      const expected = m === 0 || m === n ? [] : ref.proof(m, n);
      assert.deepEqual(hexes(proof), hexes(expected), `${m} -> ${n}`);
      assert.ok(verifyConsistency(m, n, proof, ref.mth(0, m), ref.mth(0, n)), `${m} -> ${n}`);
    }
  }
});

test('the Certificate Transparency reference proofs are reproduced', async () => {
  const data = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
  const ct = new MemoryNodeStore();
  ct.put(appendLeaves(EMPTY_FRONTIER, data.map((d) => leafHash(Buffer.from(d, 'hex')))).nodes);
  assert.deepEqual(hexes(await inclusionProof(ct, 0, 8)), [
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  ]);
  assert.deepEqual(hexes(await inclusionProof(ct, 5, 8)), [
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  ]);
  assert.deepEqual(hexes(await consistencyProof(ct, 2, 5)), [
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  ]);
});

test('a proof reads O(log n) nodes in one batch', async () => {
  const calls: number[] = [];
  const counting: NodeReader = {
    getNodes: async (keys) => {
      calls.push(keys.length);
      return store.getNodes(keys);
    },
  };
  await inclusionProof(counting, 37, MAX);
  await consistencyProof(counting, 37, MAX);
  assert.equal(calls.length, 2);
  for (const c of calls) assert.ok(c <= 2 * Math.ceil(Math.log2(MAX)), `${c} node reads`);
});

test('trees far beyond 2^32 leaves are addressed without 32-bit overflow', async () => {
  // Every leaf the same: the node at level L is then the L-fold self-hash, so any size is cheap.
  const levels = [leafHash('same')];
  for (let l = 1; l <= 53; l++) levels.push(nodeHash(levels[l - 1]!, levels[l - 1]!));
  const uniform: NodeReader = {
    getNodes: async (keys: readonly NodeKey[]) => keys.map((k) => levels[k.level]),
  };
  for (const size of [2 ** 32 + 3, 2 ** 40 + 2 ** 33 + 1, Number.MAX_SAFE_INTEGER]) {
    const root = await rootAt(uniform, size);
    for (const index of [0, 2 ** 32 - 1, 2 ** 32 + 1, size - 1]) {
      const proof = await inclusionProof(uniform, index, size);
      assert.ok(verifyInclusion(levels[0]!, index, size, proof, root), `index ${index} of ${size}`);
      assert.equal(verifyInclusion(leafHash('other'), index, size, proof, root), false);
    }
    const m = 2 ** 32 + 1;
    assert.ok(verifyConsistency(m, size, await consistencyProof(uniform, m, size), await rootAt(uniform, m), root));
  }
});

test('bad arguments and missing nodes raise MerkleError', async () => {
  await assert.rejects(inclusionProof(store, 70, 70), MerkleError);
  await assert.rejects(inclusionProof(store, -1, 5), MerkleError);
  await assert.rejects(inclusionProof(store, 1.5, 5), MerkleError);
  await assert.rejects(consistencyProof(store, 6, 5), MerkleError);
  await assert.rejects(rootAt(store, 71), /missing from the node store/);
  await assert.rejects(inclusionProof(new MemoryNodeStore(), 0, 2), /missing/);
  const short: NodeReader = { getNodes: async () => [] };
  await assert.rejects(rootAt(short, 3), /returned 0 hashes for 2 keys/);
  assert.deepEqual(hexes([await rootAt(new MemoryNodeStore(), 0)]), hexes([EMPTY_ROOT]));
});
