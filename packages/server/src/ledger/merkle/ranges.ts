import { nodeHash } from './hashing.ts';
import type { NodeKey } from './nodes.ts';

// Arithmetic on plain numbers (not 32-bit bitwise operators) so sizes up to 2^53 work.

/** The largest power of two strictly smaller than n (n ≥ 2): the split point k of RFC 9162. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The complete subtrees covering leaves [begin, end), largest first. For the ranges RFC 9162
 * proofs use (begin aligned to the range's own tree), this is exactly the shape of MTH(D[begin:end]).
 */
export function rangeKeys(begin: number, end: number): NodeKey[] {
  const keys: NodeKey[] = [];
  let p = begin;
  while (p < end) {
    let width = 1;
    let level = 0;
    while (p % (width * 2) === 0 && p + width * 2 <= end) {
      width *= 2;
      level++;
    }
    keys.push({ level, index: p / width });
    p += width;
  }
  return keys;
}

/** Hash of a range from its complete subtrees (largest first): a right fold with nodeHash. */
export function foldRange(hashes: readonly Uint8Array[]): Uint8Array {
  let acc = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) acc = nodeHash(hashes[i]!, acc);
  return acc;
}
