import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { readTar } from '../../src/evidence/tar-reader.ts';

/** The files of an evidence pack (.tar.gz), by name, as text. */
export async function packFiles(pack: Buffer): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for await (const entry of readTar(Readable.from([gunzipSync(pack)]))) {
    const pieces: Buffer[] = [];
    for await (const piece of entry.body) pieces.push(piece);
    files.set(entry.name, Buffer.concat(pieces).toString('utf8'));
  }
  return files;
}

/** The records of a JSON Lines file of a pack (none when the file is absent). */
export const jsonLines = (text: string | undefined): Array<Record<string, any>> =>
  (text ?? '')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, any>);
