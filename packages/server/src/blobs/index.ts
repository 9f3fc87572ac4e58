import type { BlobSettings } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { BlobStore } from './blob-store.ts';
import { ActiveTenantBlobStore } from './active-tenant-store.ts';
import { PgBlobStore } from './pg-blob-store.ts';
import { S3BlobStore } from './s3-blob-store.ts';

export { blobStore, useBlobStore, type BlobStore, type StoredBlob } from './blob-store.ts';

export { BlobWriteRefused } from './active-tenant-store.ts';

/** The store the configuration names (COMPANYOS_BLOB_STORE): the database by default; writes only for active tenants. */
export function openBlobStore(settings: BlobSettings, db: Database): BlobStore & { close(): void } {
  return new ActiveTenantBlobStore(settings.store === 's3' ? new S3BlobStore(settings) : new PgBlobStore(db), db);
}
