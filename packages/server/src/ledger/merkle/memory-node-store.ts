import type { NodeKey, NodeReader, TreeNode } from './nodes.ts';

/** Nodes held in arrays per level: the store for tests, benchmarks and offline rebuilds. */
export class MemoryNodeStore implements NodeReader {
  private readonly levels: Uint8Array[][] = [];

  put(nodes: readonly TreeNode[]): void {
    for (const n of nodes) (this.levels[n.level] ??= [])[n.index] = n.hash;
  }

  get(key: NodeKey): Uint8Array | undefined {
    return this.levels[key.level]?.[key.index];
  }

  async getNodes(keys: readonly NodeKey[]): Promise<Array<Uint8Array | undefined>> {
    return keys.map((k) => this.get(k));
  }
}
