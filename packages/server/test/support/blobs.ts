import { Readable } from 'node:stream';
import { blobStore } from '../../src/blobs/index.ts';
import { runWithContext } from '../../src/context.ts';

// Reads and replaces a tenant's blobs in the app's store, as another server would see them.

export async function readBlob(tenantId: string, key: string): Promise<Buffer | undefined> {
  return runWithContext({ tenantId, requestId: 'test' }, async () => {
    const blob = await blobStore().get(key);
    if (blob === undefined) return undefined;
    const parts: Buffer[] = [];
    for await (const part of blob.stream) parts.push(part as Buffer);
    return Buffer.concat(parts);
  });
}

export async function writeBlob(tenantId: string, key: string, bytes: Buffer, mediaType = 'application/octet-stream'): Promise<void> {
  await runWithContext({ tenantId, requestId: 'test' }, () => blobStore().put(key, Readable.from([bytes]), mediaType));
}
