import { EMPTY_ROOT } from './hashing.ts';
import { type NodeKey, type NodeReader, MerkleError, assertTreeSize, readNodes } from './nodes.ts';
import { foldRange, rangeKeys, splitPoint } from './ranges.ts';

// Proofs per RFC 9162 §2.1.3.1 (PATH) and §2.1.4.1 (PROOF/SUBPROOF), computed from stored
// complete-subtree nodes: every proof element is the hash of a leaf range, which is one stored
// node or (on the right edge of the tree) a fold of a few. All nodes are fetched in one read.

type Range = readonly [begin: number, end: number];

async function hashRanges(reader: NodeReader, ranges: readonly Range[]): Promise<Uint8Array[]> {
  const perRange = ranges.map(([b, e]) => rangeKeys(b, e));
  const hashes = await readNodes(reader, perRange.flat() as NodeKey[]);
  let at = 0;
  return perRange.map((keys) => {
    const slice = hashes.slice(at, at + keys.length);
    at += keys.length;
    return foldRange(slice);
  });
}

/** The root hash of the tree at `size` (any size up to the stored tree's size). */
export async function rootAt(reader: NodeReader, size: number): Promise<Uint8Array> {
  assertTreeSize(size);
  if (size === 0) return EMPTY_ROOT;
  const [root] = await hashRanges(reader, [[0, size]]);
  return root!;
}

/** PATH(index, D[size]): the audit path of leaf `index` in the tree of `size` leaves, leaf end first. */
export async function inclusionProof(reader: NodeReader, index: number, size: number): Promise<Uint8Array[]> {
  assertTreeSize(size);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new MerkleError(`leaf index ${index} is outside a tree of size ${size}`);
  }
  // Walk down from the root; each step records the sibling range, so reverse for leaf-first order.
  const ranges: Range[] = [];
  let lo = 0;
  let n = size;
  let m = index;
  while (n > 1) {
    const k = splitPoint(n);
    if (m < k) {
      ranges.push([lo + k, lo + n]);
      n = k;
    } else {
      ranges.push([lo, lo + k]);
      lo += k;
      m -= k;
      n -= k;
    }
  }
  return hashRanges(reader, ranges.reverse());
}

/** PROOF(size1, D[size2]): proves the tree at size1 is a prefix of the tree at size2. */
export async function consistencyProof(reader: NodeReader, size1: number, size2: number): Promise<Uint8Array[]> {
  assertTreeSize(size1, 'first size');
  assertTreeSize(size2, 'second size');
  if (size1 > size2) throw new MerkleError(`first size ${size1} is larger than second size ${size2}`);
  // Every tree is consistent with the empty tree and with itself: the proof is empty.
  if (size1 === 0 || size1 === size2) return [];
  const ranges: Range[] = [];
  let lo = 0;
  let n = size2;
  let m = size1;
  let complete = true; // SUBPROOF's b: the old tree is a complete subtree seen so far.
  while (m !== n) {
    const k = splitPoint(n);
    if (m <= k) {
      ranges.push([lo + k, lo + n]);
      n = k;
    } else {
      ranges.push([lo, lo + k]);
      lo += k;
      m -= k;
      n -= k;
      complete = false;
    }
  }
  if (!complete) ranges.push([lo, lo + n]);
  return hashRanges(reader, ranges.reverse());
}
