import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_FRONTIER, appendLeaves } from './frontier.ts';
import { leafHash } from './hashing.ts';
import { MemoryNodeStore } from './memory-node-store.ts';
import { NodeCache } from './node-cache.ts';
import type { NodeKey, NodeReader } from './nodes.ts';
import { consistencyProof, inclusionProof } from './proofs.ts';

/** A store of `size` leaves that records every key it is asked for. */
function countingStore(size: number, salt = '') {
  const store = new MemoryNodeStore();
  store.put(appendLeaves(EMPTY_FRONTIER, Array.from({ length: size }, (_, i) => leafHash(`${salt}leaf-${i}`))).nodes);
  const asked: NodeKey[] = [];
  const reader: NodeReader = {
    getNodes: async (keys) => {
      asked.push(...keys);
      return store.getNodes(keys);
    },
  };
  return { store, reader, asked };
}

const hex = (hs: readonly Uint8Array[]) => hs.map((h) => Buffer.from(h).toString('hex'));

test('proofs through the cache equal proofs from the store, and once warm only levels below the cached ones are read', async () => {
  const size = 5_000;
  const { store, reader, asked } = countingStore(size);
  const cache = new NodeCache({ minLevel: 4 });
  const cached = cache.reader('acme', reader);
  for (let i = 0; i < size; i += 7) assert.deepEqual(hex(await inclusionProof(cached, i, size)), hex(await inclusionProof(store, i, size)), `leaf ${i}`);
  for (const [m, n] of [[1, size], [1_000, 4_096], [4_096, size]] as const) {
    assert.deepEqual(hex(await consistencyProof(cached, m, n)), hex(await consistencyProof(store, m, n)), `${m} -> ${n}`);
  }
  // Warm now: a proof in the complete tree of 4,096 leaves asks the store for its 4 nodes below level 4 only.
  asked.length = 0;
  const proof = await inclusionProof(cached, 2_345, 4_096);
  assert.equal(proof.length, 12);
  assert.deepEqual(asked.map((k) => k.level).sort(), [0, 1, 2, 3]);
  assert.ok(cache.hits > 0);
});

test('tenants never see each other’s nodes, and the least recently used tenant is evicted past the bound', async () => {
  const a = countingStore(1_024, 'a');
  const b = countingStore(1_024, 'b');
  const cache = new NodeCache({ minLevel: 2, maxNodes: 300 });
  const proofA = hex(await inclusionProof(cache.reader('a', a.reader), 5, 1_024));
  const proofB = hex(await inclusionProof(cache.reader('b', b.reader), 5, 1_024));
  assert.notDeepEqual(proofA, proofB);
  assert.deepEqual(hex(await inclusionProof(cache.reader('b', b.reader), 5, 1_024)), hex(await inclusionProof(b.store, 5, 1_024)));
  assert.deepEqual(hex(await inclusionProof(cache.reader('a', a.reader), 5, 1_024)), hex(await inclusionProof(a.store, 5, 1_024)));
  // Fill b's upper levels (255 nodes at level ≥ 2), then a's: the total stays within the bound.
  for (let i = 0; i < 1_024; i += 4) await inclusionProof(cache.reader('b', b.reader), i, 1_024);
  for (let i = 0; i < 1_024; i += 4) await inclusionProof(cache.reader('a', a.reader), i, 1_024);
  assert.ok(cache.nodeCount <= 300, `${cache.nodeCount} nodes cached`);
  // b was evicted: its next proof reads its upper levels from its store again.
  b.asked.length = 0;
  await inclusionProof(cache.reader('b', b.reader), 0, 1_024);
  assert.ok(b.asked.some((k) => k.level >= 2));
});
