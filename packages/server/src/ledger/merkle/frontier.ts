import { EMPTY_ROOT, isHash, nodeHash } from './hashing.ts';
import { type NodeKey, type NodeReader, type TreeNode, MerkleError, assertTreeSize, readNodes } from './nodes.ts';
import { foldRange, rangeKeys } from './ranges.ts';

/**
 * The compact range of [0, size): the roots of the complete subtrees that the binary digits of
 * `size` describe, largest first. It is all an appender needs to extend the tree.
 */
export interface Frontier {
  size: number;
  hashes: readonly Uint8Array[];
}

export const EMPTY_FRONTIER: Frontier = Object.freeze({ size: 0, hashes: Object.freeze([]) });

/** The node keys whose hashes form the frontier at `size`. */
export function frontierKeys(size: number): NodeKey[] {
  assertTreeSize(size);
  return rangeKeys(0, size);
}

/** Loads the frontier at `size` from storage: O(log size) node reads. */
export async function readFrontier(reader: NodeReader, size: number): Promise<Frontier> {
  return { size, hashes: await readNodes(reader, frontierKeys(size)) };
}

/** The RFC 9162 root of the tree the frontier describes. */
export function frontierRoot(frontier: Frontier): Uint8Array {
  return frontier.hashes.length === 0 ? EMPTY_ROOT : foldRange(frontier.hashes);
}

export interface AppendResult {
  frontier: Frontier;
  /** Every node completed by the batch, leaves included: what to persist. */
  nodes: TreeNode[];
}

/**
 * Appends leaf hashes after `frontier` (which is not modified). Each leaf costs one leaf node plus
 * one interior node per subtree it completes — amortised two writes, O(log n) worst case.
 */
export function appendLeaves(frontier: Frontier, leafHashes: readonly Uint8Array[]): AppendResult {
  assertTreeSize(frontier.size, 'frontier size');
  const expected = frontierKeys(frontier.size).length;
  if (frontier.hashes.length !== expected) {
    throw new MerkleError(`a frontier of size ${frontier.size} has ${expected} hashes, got ${frontier.hashes.length}`);
  }
  const stack = frontier.hashes.slice();
  const nodes: TreeNode[] = [];
  let size = frontier.size;
  for (const leaf of leafHashes) {
    if (!isHash(leaf)) throw new MerkleError(`leaf ${size} is not a 32-byte hash`);
    let hash: Uint8Array = leaf;
    let level = 0;
    let index = size;
    nodes.push({ level, index, hash });
    // While the new node is a right child, it completes its parent with the frontier's last subtree.
    while (index % 2 === 1) {
      hash = nodeHash(stack.pop()!, hash);
      level++;
      index = (index - 1) / 2;
      nodes.push({ level, index, hash });
    }
    stack.push(hash);
    size++;
  }
  if (!Number.isSafeInteger(size)) throw new MerkleError('tree size would exceed 2^53 - 1');
  return { frontier: { size, hashes: stack }, nodes };
}
