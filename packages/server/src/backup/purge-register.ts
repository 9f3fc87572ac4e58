import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../db/database.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import { isEnvelope, signEnvelope, verifyEnvelope } from '../evidence/dsse.ts';
import type { Signer } from '../evidence/jwks.ts';
import { destroyDataKeys } from '../keys/data-keys.ts';
import { eraseTenantRows, markTenantPurged } from '../workflows/purge/tenant-purge.ts';
import type { Jwks } from '../keys/jwks.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { BackupError } from './backup-manifest.ts';

// The purge register (ADR 0025): each purge's destroyed data key ids, one platform-signed line per
// purge, kept beside the backups rather than in the store. A backup taken before a purge still
// holds the wrapped keys; restoring it destroys them again from this register before it is served.

export const PURGE_REGISTER_FILE = 'purge-register.jsonl';
export const PURGE_REGISTER_PAYLOAD_TYPE = 'application/vnd.companyos.purge-register-entry+json';

/** The register's folder: beside the scheduled backups (COMPANYOS_BACKUP_DIR), else in the data dir. */
export const purgeRegisterDir = (c: { backups: { dir: string | undefined }; dataDir: string }): string => c.backups.dir ?? c.dataDir;

export interface PurgeRegisterEntry {
  tenant_id: string;
  purge_id: string;
  shredded_at: string;
  key_ids: string[];
  /** A whole-tenant purge (ADR 0029): a restore also marks the tenant purged and erases its mutable records. */
  scope?: 'tenant';
}

/** Appends one signed entry (a DSSE envelope on one line) to the register in `dir`. */
export async function appendPurgeRegister(dir: string, entry: PurgeRegisterEntry, signer: Signer): Promise<void> {
  await mkdir(dir, { recursive: true });
  const envelope = await signEnvelope(PURGE_REGISTER_PAYLOAD_TYPE, Buffer.from(canonicalJson(entry), 'utf8'), signer);
  await appendFile(join(dir, PURGE_REGISTER_FILE), `${JSON.stringify(envelope)}\n`, { mode: 0o600 });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isUuid = (v: unknown): boolean => typeof v === 'string' && UUID.test(v);

const isEntry = (v: unknown): v is PurgeRegisterEntry => {
  const e = v as PurgeRegisterEntry;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.tenant_id === 'string' &&
    isUuid(e.purge_id) &&
    !Number.isNaN(Date.parse(e.shredded_at)) &&
    Array.isArray(e.key_ids) &&
    e.key_ids.every(isUuid) &&
    (e.scope === undefined || e.scope === 'tenant')
  );
};

/** Reads a register, failing closed: every line must be an entry signed by a key of `jwks`. A missing file is an empty register. */
export async function readPurgeRegister(file: string, jwks: Jwks): Promise<PurgeRegisterEntry[]> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line, i) => {
      let envelope: unknown;
      try {
        envelope = JSON.parse(line);
      } catch {
        throw new BackupError(`line ${i + 1} of the purge register is not JSON`);
      }
      if (!isEnvelope(envelope) || envelope.payloadType !== PURGE_REGISTER_PAYLOAD_TYPE) throw new BackupError(`line ${i + 1} of the purge register is not a purge register entry`);
      const check = verifyEnvelope(envelope, jwks);
      if (!check.ok) throw new BackupError(`line ${i + 1} of the purge register does not verify: ${check.reason}`);
      const entry: unknown = JSON.parse(check.payload.toString('utf8'));
      if (!isEntry(entry)) throw new BackupError(`line ${i + 1} of the purge register is malformed`);
      return entry;
    });
}

/**
 * Destroys again, in a restored database, every key the register lists; a purged tenant is marked
 * purged again and loses every key and every mutable record (its jobs too, so none runs again). Returns how many keys were still live.
 */
export async function applyPurgeRegister(db: Database, entries: PurgeRegisterEntry[]): Promise<number> {
  let destroyed = 0;
  for (const e of entries) {
    const at = new Date(e.shredded_at);
    const ids = await withTenantTransaction(db, e.tenant_id, async () => {
      if (e.scope !== 'tenant') return destroyDataKeys({ keyIds: e.key_ids }, e.purge_id, at);
      const gone = await destroyDataKeys({}, e.purge_id, at);
      await markTenantPurged(at);
      await eraseTenantRows({ purgeId: e.purge_id });
      return gone;
    });
    destroyed += ids.length;
  }
  return destroyed;
}
