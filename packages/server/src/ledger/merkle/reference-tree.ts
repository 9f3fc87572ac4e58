import { EMPTY_ROOT, leafHash, nodeHash } from './hashing.ts';
import { splitPoint } from './ranges.ts';

/**
 * The recursive definitions of RFC 9162 §2.1 (MTH, PATH, PROOF) over a list of leaf hashes,
 * written as literally as possible. Tests use it as the oracle for the storage-based tree.
 */
export class ReferenceTree {
  readonly leaves: Uint8Array[];
  private readonly memo = new Map<string, Uint8Array>();

  constructor(count: number, entry: (i: number) => string = (i) => `entry-${i}`) {
    this.leaves = Array.from({ length: count }, (_, i) => leafHash(entry(i)));
  }

  /** MTH(D[begin:end]). */
  mth(begin: number, end: number): Uint8Array {
    const n = end - begin;
    if (n === 0) return EMPTY_ROOT;
    if (n === 1) return this.leaves[begin]!;
    const key = `${begin}:${end}`;
    let h = this.memo.get(key);
    if (h === undefined) {
      const k = splitPoint(n);
      h = nodeHash(this.mth(begin, begin + k), this.mth(begin + k, end));
      this.memo.set(key, h);
    }
    return h;
  }

  /** PATH(m, D[begin:end]). */
  path(m: number, begin: number, end: number): Uint8Array[] {
    const n = end - begin;
    if (n === 1) return [];
    const k = splitPoint(n);
    return m < k
      ? [...this.path(m, begin, begin + k), this.mth(begin + k, end)]
      : [...this.path(m - k, begin + k, end), this.mth(begin, begin + k)];
  }

  /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
  proof(m: number, n: number): Uint8Array[] {
    return this.subproof(m, 0, n, true);
  }

  private subproof(m: number, begin: number, end: number, b: boolean): Uint8Array[] {
    const n = end - begin;
    if (m === n) return b ? [] : [this.mth(begin, end)];
    const k = splitPoint(n);
    return m <= k
      ? [...this.subproof(m, begin, begin + k, b), this.mth(begin + k, end)]
      : [...this.subproof(m - k, begin + k, end, false), this.mth(begin, begin + k)];
  }
}
