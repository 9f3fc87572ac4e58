import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_ROOT, leafHash } from './hashing.ts';
import { ReferenceTree } from './reference-tree.ts';
import { verifyConsistency, verifyInclusion } from './verify.ts';

const ref = new ReferenceTree(40);

function flipped(h: Uint8Array, bit = 0): Uint8Array {
  const c = Uint8Array.from(h);
  c[bit >> 3]! ^= 1 << (bit & 7);
  return c;
}

test('an inclusion proof fails for any other leaf, index, size, root or altered path', () => {
  for (const size of [1, 2, 3, 5, 8, 13, 32, 33, 40]) {
    const root = ref.mth(0, size);
    for (let index = 0; index < size; index++) {
      const leaf = ref.leaves[index]!;
      const proof = ref.path(index, 0, size);
      assert.ok(verifyInclusion(leaf, index, size, proof, root));
      assert.equal(verifyInclusion(flipped(leaf), index, size, proof, root), false, 'other leaf');
      assert.equal(verifyInclusion(leaf, index, size, proof, flipped(root, 255)), false, 'other root');
      for (const other of [index - 1, index + 1, index + size]) {
        assert.equal(verifyInclusion(leaf, other, size, proof, root), false, `index ${other} for ${index}/${size}`);
      }
      // The root is bound to its size by the signed checkpoint, so a claimed other size comes with that size's root.
      for (const s of [size - 1, size + 1]) {
        if (s < 1 || s > 40) continue;
        assert.equal(verifyInclusion(leaf, index, s, proof, ref.mth(0, s)), false, `size ${s} for ${index}/${size}`);
      }
      proof.forEach((_, i) => {
        const bad = proof.slice();
        bad[i] = flipped(bad[i]!, 7);
        assert.equal(verifyInclusion(leaf, index, size, bad, root), false, `element ${i} altered`);
      });
      if (proof.length > 0) assert.equal(verifyInclusion(leaf, index, size, proof.slice(0, -1), root), false, 'truncated');
      assert.equal(verifyInclusion(leaf, index, size, [...proof, root], root), false, 'extended');
    }
  }
});

test('inclusion verification rejects malformed inputs instead of throwing', () => {
  const leaf = ref.leaves[0]!;
  const root = ref.mth(0, 2);
  const proof = ref.path(0, 0, 2);
  assert.equal(verifyInclusion(leaf, 0, 2, [proof[0]!.subarray(1)], root), false);
  assert.equal(verifyInclusion(leaf, 0, 2, proof, root.subarray(0, 31)), false);
  assert.equal(verifyInclusion(leaf, -1, 2, proof, root), false);
  assert.equal(verifyInclusion(leaf, 0.5, 2, proof, root), false);
  assert.equal(verifyInclusion(leaf, 0, Number.NaN, proof, root), false);
  assert.equal(verifyInclusion(leaf, 0, 0, [], EMPTY_ROOT), false, 'nothing is included in the empty tree');
  assert.equal(verifyInclusion(leaf, 0, 1, [], leaf), true, 'a one-leaf tree has an empty path');
  assert.equal(verifyInclusion(leaf, 0, 1, [leaf], leaf), false);
});

test('a consistency proof fails for any other size, root or altered path', () => {
  for (const n of [2, 3, 7, 8, 9, 16, 21, 40]) {
    for (let m = 1; m < n; m++) {
      const [r1, r2] = [ref.mth(0, m), ref.mth(0, n)];
      const proof = ref.proof(m, n);
      assert.ok(verifyConsistency(m, n, proof, r1, r2), `${m} -> ${n}`);
      assert.equal(verifyConsistency(m, n, proof, flipped(r1), r2), false, 'other first root');
      assert.equal(verifyConsistency(m, n, proof, r1, flipped(r2)), false, 'other second root');
      assert.equal(verifyConsistency(n, m, proof, r2, r1), false, 'sizes swapped');
      assert.equal(verifyConsistency(m, n, [], r1, r2), false, 'empty proof');
      for (const [a, b] of [[m - 1, n], [m + 1, n], [m, n + 1], [m, n - 1]] as const) {
        if (a < 1 || a >= b || b > 40) continue;
        assert.equal(verifyConsistency(a, b, proof, ref.mth(0, a), ref.mth(0, b)), false, `sizes ${a} -> ${b} for ${m} -> ${n}`);
      }
      proof.forEach((_, i) => {
        const bad = proof.slice();
        bad[i] = flipped(bad[i]!, 3);
        assert.equal(verifyConsistency(m, n, bad, r1, r2), false, `element ${i} altered`);
      });
      assert.equal(verifyConsistency(m, n, proof.slice(0, -1), r1, r2), false, 'truncated');
      assert.equal(verifyConsistency(m, n, [...proof, r2], r1, r2), false, 'extended');
    }
  }
});

test('consistency edge cases: equal sizes, the empty tree, malformed input', () => {
  const r5 = ref.mth(0, 5);
  assert.ok(verifyConsistency(5, 5, [], r5, r5));
  assert.equal(verifyConsistency(5, 5, [], r5, ref.mth(0, 6)), false);
  assert.equal(verifyConsistency(5, 5, [r5], r5, r5), false);
  assert.ok(verifyConsistency(0, 5, [], EMPTY_ROOT, r5));
  assert.equal(verifyConsistency(0, 5, [], leafHash('x'), r5), false);
  assert.equal(verifyConsistency(0, 5, [r5], EMPTY_ROOT, r5), false);
  assert.ok(verifyConsistency(0, 0, [], EMPTY_ROOT, EMPTY_ROOT));
  assert.equal(verifyConsistency(-1, 5, [], r5, r5), false);
  assert.equal(verifyConsistency(2, 5, [new Uint8Array(3)], ref.mth(0, 2), r5), false);
});

test('a proof of a smaller tree does not pass under a larger claimed size with the same root', () => {
  // Trees of different sizes differ in shape, so the path length tells the sizes apart: this is
  // what the final "sn is 0" checks of RFC 9162 enforce.
  assert.equal(verifyInclusion(ref.leaves[0]!, 0, 2, [], ref.leaves[0]!), false);
  assert.equal(verifyConsistency(1, 3, ref.proof(1, 2), ref.mth(0, 1), ref.mth(0, 2)), false);
  for (let small = 1; small <= 20; small++) {
    for (let big = small + 1; big <= 20; big++) {
      for (let i = 0; i < small; i++) {
        const path = ref.path(i, 0, small);
        if (verifyInclusion(ref.leaves[i]!, i, big, path, ref.mth(0, small))) {
          assert.equal(path.length, ref.path(i, 0, big).length, `leaf ${i}: size ${small} passed as ${big}`);
        }
      }
      for (let m = 1; m < small; m++) {
        const proof = ref.proof(m, small);
        if (verifyConsistency(m, big, proof, ref.mth(0, m), ref.mth(0, small))) {
          assert.equal(proof.length, ref.proof(m, big).length, `${m} -> ${small} passed as ${m} -> ${big}`);
        }
      }
    }
  }
});
