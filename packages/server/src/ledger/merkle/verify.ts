import { EMPTY_ROOT, hashesEqual, isHash, nodeHash } from './hashing.ts';

// Verification exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 describe it. Plain-number arithmetic
// (halving, parity) instead of 32-bit bitwise operators keeps sizes up to 2^53 correct.

const half = (x: number): number => Math.floor(x / 2);
const lsb = (x: number): boolean => x % 2 === 1;

function validSize(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

function validProof(proof: readonly Uint8Array[]): boolean {
  return Array.isArray(proof) && proof.every(isHash);
}

/** True when `proof` shows the leaf with `leafHash` at `index` is in the tree of `size` with `root`. */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isHash(leafHash) || !isHash(root) || !validSize(index) || !validSize(size) || !validProof(proof)) return false;
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (lsb(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!lsb(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && hashesEqual(r, root);
}

/** True when `proof` shows the tree of `size1` with `root1` is a prefix of the tree of `size2` with `root2`. */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): boolean {
  if (!validSize(size1) || !validSize(size2) || !isHash(root1) || !isHash(root2) || !validProof(proof)) return false;
  if (size1 > size2) return false;
  if (size1 === size2) return proof.length === 0 && hashesEqual(root1, root2);
  if (size1 === 0) return proof.length === 0 && hashesEqual(root1, EMPTY_ROOT);
  if (proof.length === 0) return false;
  // A complete old tree is its own first node, which the proof leaves out.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (lsb(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Uint8Array = path[0]!;
  let sr: Uint8Array = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (lsb(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!lsb(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && hashesEqual(fr, root1) && hashesEqual(sr, root2);
}

function isPowerOfTwo(n: number): boolean {
  let x = n;
  while (x > 1 && x % 2 === 0) x /= 2;
  return x === 1;
}
