import { isHash } from './hashing.ts';

/**
 * A node of the tree is the root of a complete subtree: at `level` L it covers the leaves
 * [index·2^L, (index+1)·2^L). Level 0 nodes are the leaf hashes. A complete subtree never
 * changes once written, so stored nodes are immutable and serve proofs for every later size.
 */
export interface NodeKey {
  level: number;
  index: number;
}

export interface TreeNode extends NodeKey {
  hash: Uint8Array;
}

/** Storage seen by the proof functions: one batched read per proof. */
export interface NodeReader {
  /** The hashes of `keys`, in the same order. A missing node must throw or be left undefined. */
  getNodes(keys: readonly NodeKey[]): Promise<ReadonlyArray<Uint8Array | undefined>>;
}

export class MerkleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MerkleError';
  }
}

export function assertTreeSize(size: number, what = 'tree size'): void {
  if (!Number.isSafeInteger(size) || size < 0) throw new MerkleError(`${what} must be a non-negative safe integer, got ${size}`);
}

/** Reads `keys` and fails loudly on a node the store does not hold (a broken or truncated tree). */
export async function readNodes(reader: NodeReader, keys: readonly NodeKey[]): Promise<Uint8Array[]> {
  if (keys.length === 0) return [];
  const hashes = await reader.getNodes(keys);
  if (hashes.length !== keys.length) throw new MerkleError(`node store returned ${hashes.length} hashes for ${keys.length} keys`);
  return keys.map((k, i) => {
    const h = hashes[i];
    if (!isHash(h)) throw new MerkleError(`node (level ${k.level}, index ${k.index}) is missing from the node store`);
    return h;
  });
}
