import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isEnvelope, signEnvelope, verifyEnvelope } from '../evidence/dsse.ts';
import type { Signer } from '../evidence/jwks.ts';
import type { Jwks } from '../keys/jwks.ts';
import { canonicalJson } from '../util/canonical-json.ts';

// A backup folder: the engine's dump file(s), `manifest.json` listing each with its SHA-256, and
// `manifest.dsse.json`, a DSSE envelope over the manifest's canonical bytes signed by the platform
// key. A restore reads nothing else before both verify.

export const BACKUP_FORMAT = 'companyos.backup/v1';
export const BACKUP_PAYLOAD_TYPE = 'application/vnd.companyos.backup-manifest+json';
export const BACKUP_MANIFEST_FILE = 'manifest.json';
export const BACKUP_ENVELOPE_FILE = 'manifest.dsse.json';

export type Engine = 'pglite' | 'postgres';

/** What each engine's backup holds: PGlite's data dir tarball, or `pg_dump -Fc` of the database. */
export const DUMP_FILE: Record<Engine, string> = { pglite: 'pglite-datadir.tar.gz', postgres: 'database.pgdump' };

export interface BackupFileEntry {
  name: string;
  sha256: string;
  size: number;
}

/** A tenant as the backup saw it: the recovery point of its ledger is its newest receipt. */
export interface BackupTenantSummary {
  tenant_id: string;
  receipts: number;
  newest_receipt_at: string | null;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  engine: Engine;
  created_at: string;
  /** The newest applied migration: a restore into older code would not understand the schema. */
  schema_version: string;
  tenants: BackupTenantSummary[];
  files: BackupFileEntry[];
}

export class BackupError extends Error {
  override name = 'BackupError';
}

export async function fileEntry(dir: string, name: string): Promise<BackupFileEntry> {
  const path = join(dir, name);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { name, sha256: hash.digest('hex'), size: (await stat(path)).size };
}

export function manifestBytes(manifest: BackupManifest): Buffer {
  return Buffer.from(canonicalJson(manifest), 'utf8');
}

export async function signManifest(manifest: BackupManifest, signer: Signer): Promise<string> {
  return `${JSON.stringify(await signEnvelope(BACKUP_PAYLOAD_TYPE, manifestBytes(manifest), signer), null, 2)}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const SAFE_NAME = /^[a-z0-9][a-z0-9._-]*$/;

function checkShape(value: unknown): BackupManifest {
  if (!isObject(value) || value.format !== BACKUP_FORMAT) throw new BackupError(`the manifest is not a ${BACKUP_FORMAT} manifest`);
  if (value.engine !== 'pglite' && value.engine !== 'postgres') throw new BackupError('the manifest names an unknown engine');
  if (!Array.isArray(value.files) || !Array.isArray(value.tenants) || typeof value.created_at !== 'string' || typeof value.schema_version !== 'string') {
    throw new BackupError('the manifest lacks files, tenants, created_at or schema_version');
  }
  for (const f of value.files) {
    // A name is one plain file of the folder: a signed manifest still must not point outside it.
    if (!isObject(f) || typeof f.name !== 'string' || !SAFE_NAME.test(f.name) || typeof f.sha256 !== 'string' || !Number.isSafeInteger(f.size)) {
      throw new BackupError('the manifest has a malformed file entry');
    }
  }
  return value as unknown as BackupManifest;
}

/**
 * Reads a backup folder and verifies it, failing closed: the envelope must be signed by a key of
 * `jwks`, the signed payload must be exactly the manifest, and every listed file must have its
 * size and SHA-256. Returns the manifest only when all of that holds.
 */
export async function verifyBackup(dir: string, jwks: Jwks): Promise<BackupManifest> {
  const read = async (name: string): Promise<Buffer> => {
    try {
      return await readFile(join(dir, name));
    } catch {
      throw new BackupError(`${dir} is not a backup: ${name} is missing`);
    }
  };
  const manifestData = await read(BACKUP_MANIFEST_FILE);
  let envelope: unknown;
  let parsed: unknown;
  try {
    envelope = JSON.parse((await read(BACKUP_ENVELOPE_FILE)).toString('utf8'));
    parsed = JSON.parse(manifestData.toString('utf8'));
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError('the manifest or its signature is not valid JSON');
  }
  if (!isEnvelope(envelope) || envelope.payloadType !== BACKUP_PAYLOAD_TYPE) throw new BackupError('manifest.dsse.json is not a backup manifest signature');
  const check = verifyEnvelope(envelope, jwks);
  if (!check.ok) throw new BackupError(`the manifest signature does not verify: ${check.reason}`);
  const manifest = checkShape(parsed);
  if (!check.payload.equals(manifestBytes(manifest))) throw new BackupError('manifest.json differs from the signed manifest');
  for (const f of manifest.files) {
    let actual: BackupFileEntry;
    try {
      actual = await fileEntry(dir, f.name);
    } catch {
      throw new BackupError(`${f.name} is listed in the manifest but missing`);
    }
    if (actual.size !== f.size || actual.sha256 !== f.sha256) throw new BackupError(`${f.name} does not match its checksum in the manifest`);
  }
  return manifest;
}
