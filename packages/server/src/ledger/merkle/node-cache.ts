import type { NodeKey, NodeReader } from './nodes.ts';

export interface NodeCacheOptions {
  /** Nodes at this level and above are kept (default 8: a proof then reads at most 8 nodes from storage). */
  minLevel?: number;
  /** Most nodes kept over all tenants; the least recently used tenant's nodes go first (default 200,000, ~20 MB). */
  maxNodes?: number;
}

/**
 * Keeps the upper nodes of each tenant's tree in memory in front of a node store, so an inclusion
 * or consistency proof reads only its lowest levels from storage. A stored node is the root of a
 * complete subtree and never changes, so nothing is ever invalidated; this holds only for nodes
 * that are committed, which is why the integrator (which reads nodes it may roll back) does not
 * read through the cache. Entries are per tenant, under the tenant the caller names.
 */
export class NodeCache {
  readonly minLevel: number;
  private readonly maxNodes: number;
  /** tenant → `level:index` → hash; Map order is recency (a tenant is moved to the end on use). */
  private readonly tenants = new Map<string, Map<string, Uint8Array>>();
  private size = 0;
  hits = 0;
  misses = 0;

  constructor(options: NodeCacheOptions = {}) {
    this.minLevel = options.minLevel ?? 8;
    this.maxNodes = options.maxNodes ?? 200_000;
  }

  /** A reader for one tenant's nodes: cached upper levels, the rest (and misses) from `store`. */
  reader(tenantId: string, store: NodeReader): NodeReader {
    return { getNodes: (keys) => this.getNodes(tenantId, store, keys) };
  }

  /** Number of nodes held (all tenants). */
  get nodeCount(): number {
    return this.size;
  }

  private async getNodes(tenantId: string, store: NodeReader, keys: readonly NodeKey[]): Promise<ReadonlyArray<Uint8Array | undefined>> {
    const cached = this.tenants.get(tenantId);
    if (cached !== undefined) {
      this.tenants.delete(tenantId);
      this.tenants.set(tenantId, cached);
    }
    const out: Array<Uint8Array | undefined> = new Array(keys.length);
    const missing: NodeKey[] = [];
    const missingAt: number[] = [];
    keys.forEach((k, i) => {
      const hit = k.level >= this.minLevel ? cached?.get(`${k.level}:${k.index}`) : undefined;
      if (hit !== undefined) {
        out[i] = hit;
        this.hits++;
      } else {
        missing.push(k);
        missingAt.push(i);
      }
    });
    if (missing.length === 0) return out;
    const read = await store.getNodes(missing);
    this.misses += missing.length;
    read.forEach((hash, j) => {
      out[missingAt[j]!] = hash;
      const k = missing[j]!;
      if (hash !== undefined && k.level >= this.minLevel) this.remember(tenantId, k, hash);
    });
    return out;
  }

  private remember(tenantId: string, key: NodeKey, hash: Uint8Array): void {
    let nodes = this.tenants.get(tenantId);
    if (nodes === undefined) {
      nodes = new Map();
      this.tenants.set(tenantId, nodes);
    }
    const id = `${key.level}:${key.index}`;
    // A tenant whose upper tree alone outgrows the cache keeps what it has.
    if (nodes.has(id) || nodes.size >= this.maxNodes) return;
    nodes.set(id, hash);
    this.size++;
    // Evict whole tenants, least recently used first, but never the one being filled.
    for (const [oldest, oldNodes] of this.tenants) {
      if (this.size <= this.maxNodes || oldest === tenantId) break;
      this.tenants.delete(oldest);
      this.size -= oldNodes.size;
    }
  }
}
