import type { Readable } from 'node:stream';

/** What a finished write stored. */
export interface StoredBlob {
  sha256: string;
  size: number;
}

/**
 * Blobs every server of a fleet can read: evidence packs and other files too large for a row.
 * Keys belong to the tenant of the context (never passed in): tenant A's key can only ever name
 * tenant A's blob. Writes stream; a blob becomes readable under its key only once complete, and
 * then replaces what was stored under that key.
 */
export interface BlobStore {
  readonly kind: 'postgres' | 's3';
  /** Streams `source` into the current tenant's blob `key`. */
  put(key: string, source: AsyncIterable<Uint8Array>, mediaType: string): Promise<StoredBlob>;
  /**
   * The current tenant's blob under `key` as a stream, or undefined when none is stored. The
   * stream reads in transactions of its own, after the caller's has ended (a download); with
   * `withinTransaction` it reads in the caller's open transaction and must be consumed before
   * that transaction ends (PGlite has one connection: a second transaction would wait forever).
   */
  get(key: string, options?: { withinTransaction?: boolean }): Promise<{ stream: Readable; size: number } | undefined>;
  /**
   * Deletes every blob of the current tenant (a tenant purge) and returns their keys. The
   * PostgreSQL store deletes in the caller's open transaction; S3 deletes at once, so a second
   * call after a failure finds only what the first left.
   */
  deleteAll(): Promise<string[]>;
  /** Deletes the current tenant's blob under `key`; whether there was one. */
  delete(key: string): Promise<boolean>;
}

/** Keys are paths of plain names: no leading slash, no `..`, nothing a store would interpret. */
export const BLOB_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

export function checkBlobKey(key: string): void {
  if (key.length > 256 || !BLOB_KEY.test(key) || key.split('/').includes('..')) throw new Error(`invalid blob key ${JSON.stringify(key)}`);
}

/** Cuts a byte stream into pieces of exactly `size` bytes (the last one shorter), copying only what it must. */
export async function* rechunk(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let held = 0;
  for await (const piece of source) {
    let buf = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    while (held + buf.length >= size) {
      const take = size - held;
      parts.push(buf.subarray(0, take));
      yield Buffer.concat(parts, size);
      parts = [];
      held = 0;
      buf = buf.subarray(take);
    }
    if (buf.length > 0) {
      // Copied: the source may reuse its buffer for the next piece.
      parts.push(Buffer.from(buf));
      held += buf.length;
    }
  }
  if (held > 0) yield Buffer.concat(parts, held);
}

let active: BlobStore | undefined;

/** Makes `store` the one the app's domains use (set when the app is built). */
export function useBlobStore(store: BlobStore): void {
  active = store;
}

export function blobStore(): BlobStore {
  if (active === undefined) throw new Error('no blob store: build the app first');
  return active;
}
