import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { verifyPack } from '../../src/evidence/index.ts';
import { readTar } from '../../src/evidence/tar-reader.ts';
import type { TestApp } from './test-app.ts';

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

/** Verifies a pack offline (written to a file in `dir`) against the tenant's published JWKS. */
export async function verifyAgainstJwks(h: TestApp, dir: string, pack: Buffer, tenant = 'pilot-a'): Promise<Awaited<ReturnType<typeof verifyPack>>> {
  const jwks = (await h.call('GET', `/api/v1/tenants/${tenant}/jwks.json`)).json();
  const file = join(dir, `${randomUUID()}.tar.gz`);
  writeFileSync(file, pack);
  return verifyPack(file, { trustedJwks: jwks });
}
