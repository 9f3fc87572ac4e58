import { ByteReader } from './byte-reader.ts';
import { ArchiveError, BLOCK, decodeHeader, isZeroBlock, paddingFor, type TarHeader } from './tar-header.ts';

export interface TarEntry extends TarHeader {
  /** The entry's bytes; read it (or not) before asking for the next entry. */
  body: AsyncGenerator<Buffer>;
}

/**
 * Reads an archive written by `tarChunks`, entry by entry with flat memory. Anything else fails:
 * other entry types, non-zero padding, a missing end marker, or bytes after it.
 */
export async function* readTar(source: AsyncIterable<Uint8Array>): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(source);
  try {
    for (;;) {
      if (await reader.atEnd()) throw new ArchiveError('archive truncated: no end-of-archive marker');
      const block = await reader.read(BLOCK);
      if (isZeroBlock(block)) {
        if (!isZeroBlock(await reader.read(BLOCK))) throw new ArchiveError('archive: malformed end-of-archive marker');
        if (!(await reader.atEnd())) throw new ArchiveError('archive: data after the end-of-archive marker');
        return;
      }
      const header = decodeHeader(block);
      let unread = header.size;
      const body = (async function* () {
        for await (const piece of reader.take(unread)) {
          unread -= piece.length;
          yield piece;
        }
      })();
      yield { ...header, body };
      for await (const piece of reader.take(unread)) unread -= piece.length; // what the caller left unread
      const pad = paddingFor(header.size);
      if (pad > 0 && !isZeroBlock(await reader.read(pad))) throw new ArchiveError(`archive: non-zero padding after ${header.name}`);
    }
  } finally {
    await reader.close();
  }
}
