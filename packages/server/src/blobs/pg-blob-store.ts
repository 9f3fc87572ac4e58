import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { currentContext, currentTenantId, currentTx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import { uuidv7 } from '../util/ids.ts';
import { checkBlobKey, rechunk, type BlobStore, type StoredBlob } from './blob-store.ts';

/** Bytes per chunk row: large enough for few round trips, small enough to keep memory flat. */
export const CHUNK_BYTES = 512 * 1024;

/**
 * Blobs in PostgreSQL (tables blobs and blob_chunks, migration 0008): each chunk is written and
 * read in a short transaction of its own, so a pack of any size streams through a few chunks of
 * memory and never holds a connection (PGlite has only one) for long.
 */
export class PgBlobStore implements BlobStore {
  readonly kind = 'postgres' as const;

  constructor(private readonly db: Database) {}

  /** Call outside any transaction: each chunk commits on its own. */
  async put(key: string, source: AsyncIterable<Uint8Array>, mediaType: string): Promise<StoredBlob> {
    checkBlobKey(key);
    const tenantId = currentTenantId();
    const tx = <T>(fn: () => Promise<T>) => withTenantTransaction(this.db, tenantId, fn);
    const blobId = uuidv7();
    await tx(async () => {
      // An earlier write of this key that never finished (its process died) is dropped.
      await currentTx().query(`DELETE FROM blobs WHERE tenant_id = $1 AND key = $2 AND status = 'writing'`, [tenantId, key]);
      await currentTx().query(`INSERT INTO blobs (tenant_id, blob_id, key, media_type, status, created_at) VALUES ($1, $2, $3, $4, 'writing', clock_timestamp())`, [
        tenantId,
        blobId,
        key,
        mediaType,
      ]);
    });
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    try {
      for await (const chunk of rechunk(source, CHUNK_BYTES)) {
        hash.update(chunk);
        size += chunk.length;
        const n = seq++;
        await tx(() => currentTx().query('INSERT INTO blob_chunks (tenant_id, blob_id, seq, data) VALUES ($1, $2, $3, $4)', [tenantId, blobId, n, chunk]));
      }
      const sha256 = hash.digest('hex');
      await tx(async () => {
        await currentTx().query(`DELETE FROM blobs WHERE tenant_id = $1 AND key = $2 AND status = 'stored'`, [tenantId, key]);
        const done = await currentTx().query(
          `UPDATE blobs SET status = 'stored', size = $3, sha256 = $4, chunks = $5, stored_at = clock_timestamp() WHERE tenant_id = $1 AND blob_id = $2 AND status = 'writing' RETURNING 1`,
          [tenantId, blobId, size, sha256, seq],
        );
        if (done.length !== 1) throw new Error(`blob ${key} was replaced by another write while it was being written`);
      });
      return { sha256, size };
    } catch (error) {
      await tx(() => currentTx().query('DELETE FROM blobs WHERE tenant_id = $1 AND blob_id = $2', [tenantId, blobId])).catch(() => undefined);
      throw error;
    }
  }

  /** Looks the blob up in the current transaction when one is open (an action's), else in one of its own. */
  async get(key: string, options: { withinTransaction?: boolean } = {}): Promise<{ stream: Readable; size: number } | undefined> {
    checkBlobKey(key);
    const tenantId = currentTenantId();
    const open = currentContext()?.tx;
    const [found] = await (open !== undefined ? blobRow(tenantId, key) : withTenantTransaction(this.db, tenantId, () => blobRow(tenantId, key)));
    if (found === undefined) return undefined;
    const shared = options.withinTransaction === true ? open : undefined;
    const { db } = this;
    const chunkSql = 'SELECT data FROM blob_chunks WHERE tenant_id = $1 AND blob_id = $2 AND seq = $3';
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let seq = 0; seq < found!.chunks; seq++) {
        const params = [tenantId, found!.blob_id, seq];
        const rows =
          shared !== undefined
            ? await shared.query<{ data: Uint8Array }>(chunkSql, params)
            : await withTenantTransaction(db, tenantId, () => currentTx().query<{ data: Uint8Array }>(chunkSql, params));
        if (rows[0] === undefined) throw new Error(`blob ${key} lost its chunk ${seq}`);
        yield Buffer.from(rows[0].data);
      }
    }
    return { stream: Readable.from(chunks(), { objectMode: false, highWaterMark: CHUNK_BYTES }), size: Number(found.size) };
  }

  /** In the caller's open transaction when there is one, else in one of its own. */
  async delete(key: string): Promise<boolean> {
    checkBlobKey(key);
    const tenantId = currentTenantId();
    const remove = () => currentTx().query(`DELETE FROM blobs WHERE tenant_id = $1 AND key = $2 RETURNING 1`, [tenantId, key]);
    const rows = currentContext()?.tx !== undefined ? await remove() : await withTenantTransaction(this.db, tenantId, remove);
    return rows.length > 0;
  }

  /** In the caller's open transaction: the deletion commits or rolls back with it. */
  async deleteAll(): Promise<string[]> {
    // Chunks go with their blob (ON DELETE CASCADE); a key being rewritten has two rows, counted once.
    const rows = await currentTx().query<{ key: string }>(`DELETE FROM blobs WHERE tenant_id = $1 RETURNING key`, [currentTenantId()]);
    return [...new Set(rows.map((r) => r.key))];
  }
}

function blobRow(tenantId: string, key: string) {
  return currentTx().query<{ blob_id: string; size: string; chunks: number }>(
    `SELECT blob_id, size::text AS size, chunks FROM blobs WHERE tenant_id = $1 AND key = $2 AND status = 'stored'`,
    [tenantId, key],
  );
}
