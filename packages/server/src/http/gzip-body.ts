import { createGunzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { Problem } from './problem.ts';

/**
 * Accepts request bodies sent with `Content-Encoding: gzip` (as OPA uploads decision logs). The
 * body limit applies to the decompressed bytes, so a small bomb is refused as 413 like a large body.
 */
export function acceptGzipBodies(app: FastifyInstance): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = request.headers['content-encoding']?.trim().toLowerCase();
    if (encoding === undefined || encoding === '' || encoding === 'identity') return payload;
    if (encoding !== 'gzip') throw new Problem('unsupported-media-type', `content encoding ${encoding} is not supported; send gzip or none`);
    const gunzip = createGunzip();
    payload.on('error', (error) => gunzip.destroy(error));
    // Fastify compares the bytes received on the wire, not the decompressed ones, with Content-Length.
    let received = 0;
    payload.on('data', (chunk: Buffer) => {
      received += chunk.length;
      Object.assign(gunzip, { receivedEncodedLength: received });
    });
    return payload.pipe(gunzip);
  });
}
