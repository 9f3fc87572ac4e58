import type { BlobSettings } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { BlobStore } from './blob-store.ts';
import { PgBlobStore } from './pg-blob-store.ts';
import { S3BlobStore } from './s3-blob-store.ts';

export { blobStore, useBlobStore, type BlobStore, type StoredBlob } from './blob-store.ts';

/** The store the configuration names (COMPANYOS_BLOB_STORE): the database by default. */
export function openBlobStore(settings: BlobSettings, db: Database): BlobStore & { close?(): void } {
  return settings.store === 's3' ? new S3BlobStore(settings) : new PgBlobStore(db);
}
