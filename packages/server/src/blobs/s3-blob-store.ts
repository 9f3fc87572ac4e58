import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import type { S3Client } from '@aws-sdk/client-s3';
import { currentTenantId } from '../context.ts';
import { checkBlobKey, type BlobStore, type StoredBlob } from './blob-store.ts';

// The S3 client is loaded when an S3 store is opened, not by every process that loads the app.
const require = createRequire(import.meta.url);
const s3 = () => require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3');

export interface S3BlobSettings {
  bucket: string;
  /** Prepended to every object key (folders ending in `/`). */
  prefix: string;
  region: string;
  /** An S3-compatible service (MinIO, Ceph, ...) instead of AWS. */
  endpoint: string | undefined;
  forcePathStyle: boolean;
}

/** Upload part size: S3's multipart minimum is 5 MiB; two parts in flight bound the memory. */
const PART_BYTES = 8 * 1024 * 1024;

/**
 * Blobs in S3-compatible object storage, at `<prefix><tenant>/<key>`. Credentials come from the
 * SDK's usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, an instance role).
 * A multipart upload becomes visible only when completed, so a reader never sees half a pack.
 */
export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly settings: S3BlobSettings) {
    this.client = new (s3().S3Client)({
      region: settings.region,
      ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
      forcePathStyle: settings.forcePathStyle,
    });
  }

  get endpoint(): string | undefined {
    return this.settings.endpoint;
  }

  private objectKey(key: string): string {
    checkBlobKey(key);
    return `${this.settings.prefix}${currentTenantId()}/${key}`;
  }

  async put(key: string, source: AsyncIterable<Uint8Array>, mediaType: string): Promise<StoredBlob> {
    const objectKey = this.objectKey(key);
    const hash = createHash('sha256');
    let size = 0;
    // Hashed on the way through; a failing source fails the upload (which then leaves nothing).
    async function* counted(): AsyncGenerator<Uint8Array> {
      for await (const chunk of source) {
        hash.update(chunk);
        size += chunk.length;
        yield chunk;
      }
    }
    const { Upload } = require('@aws-sdk/lib-storage') as typeof import('@aws-sdk/lib-storage');
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.settings.bucket, Key: objectKey, Body: Readable.from(counted()), ContentType: mediaType },
      partSize: PART_BYTES,
      queueSize: 2,
      leavePartsOnError: false,
    });
    await upload.done();
    return { sha256: hash.digest('hex'), size };
  }

  async get(key: string): Promise<{ stream: Readable; size: number } | undefined> {
    try {
      const res = await this.client.send(new (s3().GetObjectCommand)({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
      if (!(res.Body instanceof Readable)) throw new Error('the S3 client returned no stream');
      return { stream: res.Body, size: res.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof s3().NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<boolean> {
    const Key = this.objectKey(key);
    const { HeadObjectCommand, DeleteObjectCommand } = s3();
    const found = await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key })).then(
      () => true,
      (error: { name?: string; $metadata?: { httpStatusCode?: number } }) => {
        if (error.name === 'NotFound' || error.$metadata?.httpStatusCode === 404) return false;
        throw error;
      },
    );
    if (found) await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key }));
    return found;
  }

  /** Lists the tenant's objects a page (1,000) at a time and deletes each page in one request. */
  async deleteAll(): Promise<string[]> {
    const { ListObjectsV2Command, DeleteObjectsCommand } = s3();
    const folder = `${this.settings.prefix}${currentTenantId()}/`;
    const deleted: string[] = [];
    for (;;) {
      // Always the first page: what was listed is deleted before the next listing.
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.settings.bucket, Prefix: folder }));
      const keys = (page.Contents ?? []).flatMap((o) => (o.Key === undefined ? [] : [o.Key]));
      if (keys.length === 0) return deleted;
      const res = await this.client.send(new DeleteObjectsCommand({ Bucket: this.settings.bucket, Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }));
      if ((res.Errors ?? []).length > 0) throw new Error(`S3 refused to delete ${res.Errors!.length} blobs: ${res.Errors![0]!.Code ?? ''} ${res.Errors![0]!.Message ?? ''}`);
      deleted.push(...keys.map((k) => k.slice(folder.length)));
    }
  }

  close(): void {
    this.client.destroy();
  }
}
