import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The last bundle that was activated, as downloaded, with the ETag it came with. */
export interface PersistedBundle {
  archive: Buffer;
  etag: string | null;
}

const ARCHIVE = 'bundle.tar.gz';
const META = 'bundle.json';

/** Writes a file whole or not at all: a crash mid-write leaves the previous one in place. */
function writeAtomically(path: string, content: Buffer | string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, content, { mode: 0o600 });
  renameSync(temp, path);
}

/**
 * Saves the activated bundle so a restart serves it before the control plane answers. The archive
 * is written before its metadata, so the metadata never names an archive that is not there.
 */
export function saveBundle(dir: string, bundle: PersistedBundle & { revision: string }): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeAtomically(join(dir, ARCHIVE), bundle.archive);
  writeAtomically(join(dir, META), JSON.stringify({ etag: bundle.etag, revision: bundle.revision, saved_at: new Date().toISOString() }));
}

/** The saved bundle, or undefined when there is none (a first start). */
export function loadSavedBundle(dir: string): PersistedBundle | undefined {
  let meta: { etag?: unknown };
  let archive: Buffer;
  try {
    meta = JSON.parse(readFileSync(join(dir, META), 'utf8')) as { etag?: unknown };
    archive = readFileSync(join(dir, ARCHIVE));
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
  return { archive, etag: typeof meta.etag === 'string' ? meta.etag : null };
}
