// Downloads an evidence pack from the API under a partial name until it is complete and matches
// the digest the server sent, then names it `out`.

import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { apiFetch, ApiError, type ApiOptions } from './api-client.ts';

/** How long the command waits, at most, for a pack whose last receipts are not yet under a checkpoint. */
const PACK_WAIT_MS = 60_000;

export async function downloadPack(path: string, options: ApiOptions, out: string): Promise<void> {
  const res = await fetchWhenReady(path, options);
  if (!res.ok || res.body === null) throw new ApiError(res.status, ((await res.json().catch(() => ({}))) ?? {}) as Record<string, unknown>);
  const expected = res.headers.get('x-pack-sha256');
  const hash = createHash('sha256');
  const partial = `${out}.partial`;
  try {
    const body = Readable.fromWeb(res.body as ReadableStream<Uint8Array>);
    body.on('data', (chunk: Buffer) => hash.update(chunk));
    await pipeline(body, createWriteStream(partial));
    const sha256 = hash.digest('hex');
    if (sha256 !== expected) throw new Error(`the download's SHA-256 ${sha256} is not the server's ${String(expected)}`);
    await rename(partial, out);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  console.log(`wrote ${out} (sha256 ${expected}); check it with \`companyos verify ${out} --jwks <tenant JWKS URL>\``);
}

/**
 * A pack (or a receipt bundle) waits for its receipts to be under a checkpoint: the server answers
 * 409 with Retry-After until then, and the command waits as told rather than failing a moment too early.
 */
export async function fetchWhenReady(path: string, options: ApiOptions): Promise<Response> {
  const deadline = Date.now() + PACK_WAIT_MS;
  for (;;) {
    const res = await apiFetch('GET', path, options);
    const retryAfter = Number(res.headers.get('retry-after'));
    if (res.status !== 409 || !(retryAfter > 0) || Date.now() + retryAfter * 1000 > deadline) return res;
    await res.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
  }
}
