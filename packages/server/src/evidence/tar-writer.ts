import { BLOCK, ArchiveError, encodeHeader, paddingFor, type TarHeader } from './tar-header.ts';

export interface TarInput extends TarHeader {
  body: Uint8Array | AsyncIterable<Uint8Array>;
}

/** Streams a ustar archive: header, body, zero padding per entry, then two zero blocks. */
export async function* tarChunks(entries: Iterable<TarInput> | AsyncIterable<TarInput>): AsyncGenerator<Buffer> {
  for await (const entry of entries) {
    yield encodeHeader(entry);
    let written = 0;
    const body = entry.body instanceof Uint8Array ? [entry.body] : entry.body;
    for await (const chunk of body) {
      written += chunk.length;
      if (written > entry.size) break;
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
    if (written !== entry.size) throw new ArchiveError(`tar entry ${entry.name}: body is not ${entry.size} bytes`);
    const pad = paddingFor(entry.size);
    if (pad > 0) yield Buffer.alloc(pad);
  }
  yield Buffer.alloc(2 * BLOCK);
}
