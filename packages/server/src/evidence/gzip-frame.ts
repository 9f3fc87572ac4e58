import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw, createInflateRaw, crc32 } from 'node:zlib';
import { PACK_DEFLATE_LEVEL, ReencodingCheck } from './reencoding-check.ts';
import { ArchiveError } from './tar-header.ts';

// The gzip member is framed here around raw deflate so its header is fixed (no name, mtime 0,
// OS "unknown"): the same content gives the same header on every platform, and the reader can
// demand exactly that header and trailer. Deflate itself has several encodings of the same
// bytes, so the reader also demands the one zlib writes at the pack level (see ReencodingCheck).
const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
const TRAILER = 8;

function trailer(crc: number, length: number): Buffer {
  const out = Buffer.alloc(TRAILER);
  out.writeUInt32LE(crc >>> 0, 0);
  out.writeUInt32LE(length % 2 ** 32, 4);
  return out;
}

/** Gzips a byte stream into a single member with the fixed header. */
export async function* gzipChunks(source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  let crc = 0;
  let length = 0;
  const deflate = createDeflateRaw({ level: PACK_DEFLATE_LEVEL });
  const feeding = pipeline(
    Readable.from(
      (async function* () {
        for await (const chunk of source) {
          // zlib.crc32 returns 0, not the running value, for an empty buffer with no backing store.
          if (chunk.length === 0) continue;
          crc = crc32(chunk, crc);
          length += chunk.length;
          yield chunk;
        }
      })(),
    ),
    deflate,
  );
  feeding.catch(() => undefined); // the same error surfaces through the loop below
  yield HEADER;
  try {
    for await (const chunk of deflate) yield chunk as Buffer;
  } finally {
    deflate.destroy();
  }
  await feeding;
  yield trailer(crc, length);
}

/**
 * Inflates a member written by `gzipChunks`; a different header, CRC, length, extra byte or any
 * other encoding of the same content fails.
 */
export async function* gunzipChunks(source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  let fed = 0;
  const reencoding = new ReencodingCheck();
  const body = (async function* () {
    for await (const raw of source) {
      let chunk = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
      if (head.length < HEADER.length) {
        const need = HEADER.length - head.length;
        head = Buffer.concat([head, chunk.subarray(0, need)]);
        chunk = chunk.subarray(need);
        if (head.length === HEADER.length && !head.equals(HEADER)) throw new ArchiveError('not a gzip stream as packs write it');
      }
      // Withhold the last 8 bytes: they are the trailer, not deflate data.
      const joined = tail.length === 0 ? chunk : Buffer.concat([tail, chunk]);
      const cut = Math.max(0, joined.length - TRAILER);
      tail = Buffer.from(joined.subarray(cut));
      if (cut > 0) {
        fed += cut;
        reencoding.read(joined.subarray(0, cut));
        yield joined.subarray(0, cut);
      }
    }
    if (head.length < HEADER.length || tail.length < TRAILER) throw new ArchiveError('archive truncated');
  })();
  const inflate = createInflateRaw();
  const feeding = pipeline(Readable.from(body), inflate);
  feeding.catch(() => undefined);
  let crc = 0;
  let length = 0;
  try {
    for await (const chunk of inflate) {
      if ((chunk as Buffer).length === 0) continue;
      crc = crc32(chunk as Buffer, crc);
      length += (chunk as Buffer).length;
      await reencoding.decoded(chunk as Buffer);
      yield chunk as Buffer;
    }
    await feeding;
    if (inflate.bytesWritten !== fed) throw new ArchiveError('archive: data after the end of the compressed stream');
    if (!(await reencoding.end())) throw new ArchiveError('archive: the compressed stream has a changed bit (it is not the encoding packs are written with)');
  } catch (err) {
    if (err instanceof ArchiveError) throw err;
    throw new ArchiveError(`archive: gzip data corrupt (${(err as Error).message})`);
  } finally {
    inflate.destroy();
    reencoding.destroy();
  }
  if (!tail.equals(trailer(crc, length))) throw new ArchiveError('archive: gzip checksum or length mismatch');
}
