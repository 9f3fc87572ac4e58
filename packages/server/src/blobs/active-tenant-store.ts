import type { Readable } from 'node:stream';
import { currentTenantId, currentTx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import type { BlobStore, StoredBlob } from './blob-store.ts';

/** A blob write for a tenant that is not active (disabled, or purged while the write ran). */
export class BlobWriteRefused extends Error {
  constructor(
    readonly tenantId: string,
    readonly status: string,
  ) {
    super(`blob writes are refused for tenant ${tenantId}: it is ${status}`);
    this.name = 'BlobWriteRefused';
  }
}

/**
 * Any store, taking writes only for an active tenant. A write is refused when its tenant is not
 * active as it begins; a write that lands after its tenant was purged (an upload in flight while
 * the purge listed the tenant's blobs) deletes what it stored and fails. The second check locks
 * the tenant row, so it waits for a purge that is committing and then sees it; with the purge's
 * sweep after its commit (purge-job.ts), no blob of a purged tenant stays.
 */
export class ActiveTenantBlobStore implements BlobStore {
  constructor(
    private readonly inner: BlobStore & { close?(): void },
    private readonly db: Database,
  ) {}

  get kind(): BlobStore['kind'] {
    return this.inner.kind;
  }

  async put(key: string, source: AsyncIterable<Uint8Array>, mediaType: string): Promise<StoredBlob> {
    const before = await this.status({ lock: false });
    if (before !== 'active') {
      const refused = new BlobWriteRefused(currentTenantId(), before);
      // A writer feeding a stream would otherwise wait forever for a reader; its next write fails.
      (source as { destroy?(): void }).destroy?.();
      throw refused;
    }
    const stored = await this.inner.put(key, source, mediaType);
    const after = await this.status({ lock: true });
    if (after === 'purged') {
      await this.inner.delete(key);
      throw new BlobWriteRefused(currentTenantId(), after);
    }
    return stored;
  }

  get(key: string, options?: { withinTransaction?: boolean }): Promise<{ stream: Readable; size: number } | undefined> {
    return this.inner.get(key, options);
  }

  delete(key: string): Promise<boolean> {
    return this.inner.delete(key);
  }

  deleteAll(): Promise<string[]> {
    return this.inner.deleteAll();
  }

  close(): void {
    this.inner.close?.();
  }

  private async status(o: { lock: boolean }): Promise<string> {
    const tenantId = currentTenantId();
    const rows = await withTenantTransaction(this.db, tenantId, () =>
      currentTx().query<{ status: string }>(`SELECT status FROM tenants WHERE tenant_id = $1${o.lock ? ' FOR SHARE' : ''}`, [tenantId]),
    );
    return rows[0]?.status ?? 'unknown';
  }
}
