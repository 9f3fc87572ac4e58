import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_FRONTIER, appendLeaves, frontierKeys, frontierRoot, readFrontier } from './frontier.ts';
import { EMPTY_ROOT, leafHash } from './hashing.ts';
import { MemoryNodeStore } from './memory-node-store.ts';
import { MerkleError, type TreeNode } from './nodes.ts';
import { ReferenceTree } from './reference-tree.ts';

const MAX = 70;
const ref = new ReferenceTree(MAX);
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const popcount = (n: number): number => n.toString(2).replaceAll('0', '').length;

test('appending one leaf at a time gives the RFC 9162 root at every size 0..70', () => {
  let frontier = EMPTY_FRONTIER;
  assert.equal(hex(frontierRoot(frontier)), hex(EMPTY_ROOT));
  for (let size = 1; size <= MAX; size++) {
    frontier = appendLeaves(frontier, [ref.leaves[size - 1]!]).frontier;
    assert.equal(frontier.size, size);
    assert.equal(frontier.hashes.length, popcount(size));
    assert.equal(hex(frontierRoot(frontier)), hex(ref.mth(0, size)), `size ${size}`);
  }
});

test('the nodes emitted are exactly the complete subtrees, each with its reference hash', () => {
  const { nodes } = appendLeaves(EMPTY_FRONTIER, ref.leaves);
  assert.equal(nodes.length, 2 * MAX - popcount(MAX));
  const seen = new Set<string>();
  for (const n of nodes) {
    const width = 2 ** n.level;
    assert.ok((n.index + 1) * width <= MAX, `node ${n.level}/${n.index} is complete`);
    assert.equal(hex(n.hash), hex(ref.mth(n.index * width, (n.index + 1) * width)));
    seen.add(`${n.level}/${n.index}`);
  }
  assert.equal(seen.size, nodes.length, 'no node is emitted twice');
});

test('any split into batches emits the same nodes and frontier as one batch', () => {
  const whole = appendLeaves(EMPTY_FRONTIER, ref.leaves);
  for (const batch of [1, 2, 3, 7, 16, 33]) {
    let frontier = EMPTY_FRONTIER;
    const nodes: TreeNode[] = [];
    for (let i = 0; i < MAX; i += batch) {
      const r = appendLeaves(frontier, ref.leaves.slice(i, i + batch));
      frontier = r.frontier;
      nodes.push(...r.nodes);
    }
    assert.deepEqual(nodes, whole.nodes, `batch ${batch}`);
    assert.deepEqual(frontier, whole.frontier, `batch ${batch}`);
  }
});

test('the frontier read back from stored nodes continues the tree identically', async () => {
  const store = new MemoryNodeStore();
  const first = appendLeaves(EMPTY_FRONTIER, ref.leaves.slice(0, 45));
  store.put(first.nodes);
  const reloaded = await readFrontier(store, 45);
  assert.deepEqual(reloaded.hashes.map(hex), first.frontier.hashes.map(hex));
  const next = appendLeaves(reloaded, ref.leaves.slice(45));
  assert.equal(hex(frontierRoot(next.frontier)), hex(ref.mth(0, MAX)));
  // Frontiers for every earlier size can be read from the same immutable nodes.
  store.put(next.nodes);
  for (let size = 0; size <= MAX; size++) {
    assert.equal(hex(frontierRoot(await readFrontier(store, size))), hex(ref.mth(0, size)), `size ${size}`);
  }
});

test('frontier keys follow the binary digits of the size, largest subtree first', () => {
  assert.deepEqual(frontierKeys(0), []);
  assert.deepEqual(frontierKeys(8), [{ level: 3, index: 0 }]);
  assert.deepEqual(frontierKeys(13), [
    { level: 3, index: 0 },
    { level: 2, index: 2 },
    { level: 0, index: 12 },
  ]);
  const big = 2 ** 40 + 5;
  assert.deepEqual(frontierKeys(big), [
    { level: 40, index: 0 },
    { level: 2, index: 2 ** 38 },
    { level: 0, index: 2 ** 40 + 4 },
  ]);
});

test('appending leaves the input frontier untouched', () => {
  const a = appendLeaves(EMPTY_FRONTIER, ref.leaves.slice(0, 3)).frontier;
  const before = a.hashes.map(hex);
  appendLeaves(a, ref.leaves.slice(3, 10));
  assert.deepEqual(a.hashes.map(hex), before);
  assert.equal(a.size, 3);
});

test('bad frontiers and leaves are refused', async () => {
  assert.throws(() => appendLeaves({ size: 3, hashes: [leafHash('a')] }, []), MerkleError);
  assert.throws(() => appendLeaves({ size: -1, hashes: [] }, []), MerkleError);
  assert.throws(() => appendLeaves(EMPTY_FRONTIER, [new Uint8Array(31)]), /leaf 0 is not a 32-byte hash/);
  await assert.rejects(readFrontier(new MemoryNodeStore(), 1), /node \(level 0, index 0\) is missing/);
});
