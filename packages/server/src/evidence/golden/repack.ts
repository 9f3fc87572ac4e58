import { sha256Hex } from '../../util/canonical-json.ts';
import { signEnvelope } from '../dsse.ts';
import { gunzipChunks, gzipChunks } from '../gzip-frame.ts';
import type { Signer } from '../jwks.ts';
import { ENVELOPE_FILE, MANIFEST_FILE, PAYLOAD_TYPE, type PackManifest } from '../layout.ts';
import { manifestBytes, packStatement, statementBytes } from '../manifest.ts';
import { readTar } from '../tar-reader.ts';
import { tarChunks } from '../tar-writer.ts';

// Opens a pack in memory and writes it back after a change: how the tampered golden packs are
// made. Only for small packs.

export interface PackEntry {
  name: string;
  mtime: number;
  data: Buffer;
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

export async function unpack(pack: Buffer): Promise<PackEntry[]> {
  const entries: PackEntry[] = [];
  for await (const e of readTar(gunzipChunks(once(pack)))) entries.push({ name: e.name, mtime: e.mtime, data: await collect(e.body) });
  return entries;
}

export async function repack(entries: PackEntry[]): Promise<Buffer> {
  return collect(gzipChunks(tarChunks(entries.map((e) => ({ name: e.name, mtime: e.mtime, size: e.data.length, body: e.data })))));
}

/** Replaces one file's content, leaving manifest and signature as they were. */
export function replaceFile(entries: PackEntry[], name: string, change: (data: Buffer) => Buffer): PackEntry[] {
  return entries.map((e) => (e.name === name ? { ...e, data: change(e.data) } : e));
}

/**
 * Rewrites manifest.json from the files as they now are (after `edit` of its other fields) and
 * signs it again: a pack whose digests and signature are right but whose content is not.
 */
export async function resign(entries: PackEntry[], signer: Signer, edit: (m: PackManifest) => PackManifest = (m) => m): Promise<PackEntry[]> {
  const byName = new Map(entries.map((e) => [e.name, e.data]));
  const previous = JSON.parse(byName.get(MANIFEST_FILE)!.toString('utf8')) as PackManifest;
  const files = previous.files.map((f) => f.name).map((name) => ({ name, sha256: sha256Hex(byName.get(name)!), size: byName.get(name)!.length }));
  const manifest = edit({ ...previous, files });
  const manifestData = manifestBytes(manifest);
  const envelope = await signEnvelope(PAYLOAD_TYPE, statementBytes(packStatement(manifest, sha256Hex(manifestData))), signer);
  const envelopeData = Buffer.from(`${JSON.stringify(envelope, null, 2)}\n`, 'utf8');
  return entries.map((e) => (e.name === MANIFEST_FILE ? { ...e, data: manifestData } : e.name === ENVELOPE_FILE ? { ...e, data: envelopeData } : e));
}
