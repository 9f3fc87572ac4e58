import { randomBytes } from 'node:crypto';
import { currentTenantId, currentTx } from '../context.ts';
import type { Row, Tx } from '../db/database.ts';
import type { Statement } from '../db/statement.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { uuidv7 } from '../util/ids.ts';
import { destroyingKeys } from '../identity/shown-actors-cache.ts';
import { kekRevoked } from './kek-revoked.ts';
import type { KekUseTally } from './kek-use.ts';
import type { KeyProvider } from './key-provider.ts';

// The data keys of crypto-shredding (ADR 0025): one live AES-256 key per tenant and subject, kept
// wrapped by the key provider in `subject_data_keys`. Destroying a key (clearing its wrapped form)
// makes everything sealed under it unreadable while the ciphertext stays where it is.

/** The subject of the tenant-wide key, for personal fields that name no subject. Never a subject id. */
export const TENANT_WIDE = '*';

export interface DataKey {
  keyId: string;
  key: Buffer;
}

/** A key by id: live (and unwrapped), destroyed by a purge, or lost with its tenant's revoked KEK (ADR 0030). */
export type DataKeyState = ({ live: true } & DataKey) | { live: false; keyId: string; purgeId: string | null } | { live: false; keyId: string; revoked: true };

/**
 * Which key provider wraps a data key: the platform's, or the tenant's own KEK version (ADR 0030).
 * `provider` and `forNewKey` throw the `key-revoked` problem once the tenant's KEK is gone.
 */
export interface KekResolver {
  provider(version: number | null, wrappedKek: Uint8Array | null): Promise<KeyProvider>;
  /** What `forNewKey` reads, for a caller to send with reads of its own and hand over as `read`. */
  newKeyReads(): Statement[];
  forNewKey(read?: Row[][]): Promise<{ provider: KeyProvider; version: number | null }>;
}

/** Every data key wrapped by the one provider (no tenant-held keys). */
export const platformKeks = (provider: KeyProvider): KekResolver => ({
  provider: async () => provider,
  newKeyReads: () => [],
  forNewKey: async () => ({ provider, version: null }),
});

export function dataKeyWrapAad(tenantId: string, subjectId: string, keyId: string): Buffer {
  return Buffer.from(canonicalJson({ key_id: keyId, purpose: 'companyos.subject-data-key', subject_id: subjectId, tenant_id: tenantId }), 'utf8');
}

/** A data key's row, as read to open values sealed under it and to show whom its pseudonym names. */
export interface KeyRow {
  key_id: string;
  subject_id: string;
  wrapped_key: Uint8Array | null;
  shredded_at: Date | string | null;
  purge_id: string | null;
  kek_version: number | null;
  /** The wrapped form of its tenant KEK version (null when that KEK was erased, or for the platform's). */
  wrapped_kek: Uint8Array | null;
}

// A key row with the wrapped form of the tenant KEK that wraps it, read in the same statement.
const KEY_ROWS = `SELECT k.key_id, k.subject_id, k.wrapped_key, k.shredded_at, k.purge_id, k.kek_version, kek.wrapped_kek
  FROM subject_data_keys k LEFT JOIN tenant_keks kek ON kek.tenant_id = k.tenant_id AND kek.version = k.kek_version`;

const isRevokedKek = (row: KeyRow) => row.kek_version !== null && row.wrapped_kek === null;

/**
 * Live key rows a transaction read with other data (a request's opening read brings its caller's),
 * by subject: `forSubject` takes its row from here instead of reading it again. A key destroyed in
 * the transaction, or rewrapped, is forgotten with all the others.
 */
const liveRowsRead = new WeakMap<Tx, Map<string, KeyRow>>();

/** Records the live key row of a subject, read in the current transaction. */
export function rememberLiveKeyRow(row: KeyRow): void {
  const tx = currentTx();
  let rows = liveRowsRead.get(tx);
  if (rows === undefined) liveRowsRead.set(tx, (rows = new Map()));
  rows.set(`${currentTenantId()}\u0000${row.subject_id}`, row);
}

/** Forgets the key rows the current transaction read with other data: it is about to change keys or their KEKs. */
export function forgetKeyRowsRead(): void {
  liveRowsRead.delete(currentTx());
}

/** An unwrapped key and the KEK version it was unwrapped with (null: the platform's). */
interface CachedKey {
  kekVersion: number | null;
  key: Promise<Buffer>;
}

/**
 * The current tenant's data keys, in the transaction of the context. Unwrapped keys are cached by
 * id (bounded, least recently used first out), as signing keys are; the row is read every time,
 * so a key destroyed by another server is never used from this cache. A cached key counts only
 * for the KEK version that wraps it now: after a rotation its next use unwraps it under the new
 * version, and each unwrap under a tenant's KEK is counted in `use` (ADR 0030).
 */
export class DataKeys {
  private readonly unwrapped = new Map<string, CachedKey>();

  constructor(
    provider: KeyProvider,
    private readonly maxEntries = 4096,
    readonly keks: KekResolver = platformKeks(provider),
    private readonly use?: KekUseTally,
  ) {}

  /**
   * The live key of a subject, created on first need. `noLiveKey`: the caller has just read, in
   * this transaction, that the subject has none, so it is not read again (a key a concurrent
   * transaction makes first still wins); `kekReads`: it read `keks.newKeyReads()` with that.
   */
  async forSubject(subjectId: string, now: Date, options: { noLiveKey?: boolean; kekReads?: Row[][] } = {}): Promise<DataKey> {
    const tenantId = currentTenantId();
    const live = () =>
      currentTx().query<KeyRow>(`${KEY_ROWS} WHERE k.tenant_id = $1 AND k.subject_id = $2 AND k.shredded_at IS NULL`, [tenantId, subjectId]);
    let row = liveRowsRead.get(currentTx())?.get(`${tenantId}\u0000${subjectId}`) ?? (options.noLiveKey === true ? undefined : (await live())[0]);
    if (row === undefined) {
      const keyId = uuidv7(now.getTime());
      const key = randomBytes(32);
      const kek = await this.keks.forNewKey(options.kekReads);
      const wrapped = await kek.provider.wrap(key, dataKeyWrapAad(tenantId, subjectId, keyId));
      // A concurrent first write for the same subject may win; then its key is the one.
      const inserted = await currentTx().query<{ key_id: string }>(
        `INSERT INTO subject_data_keys (tenant_id, key_id, subject_id, wrapped_key, created_at, kek_version) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, subject_id) WHERE shredded_at IS NULL DO NOTHING RETURNING key_id`,
        [tenantId, keyId, subjectId, Buffer.from(wrapped), now.toISOString(), kek.version],
      );
      if (inserted.length === 1) {
        this.remember(tenantId, keyId, { kekVersion: kek.version, key: Promise.resolve(key) });
        return { keyId, key };
      }
      [row] = await live();
      if (row === undefined) throw new Error(`no data key for ${subjectId} of tenant ${tenantId}`);
    }
    return { keyId: String(row.key_id), key: await this.unwrap(tenantId, row) };
  }

  /** The rows of keys by id (UUIDs) in the current tenant, in one read; ids it does not hold are absent. */
  async rowsByIds(keyIds: Iterable<string>): Promise<KeyRow[]> {
    const ids = [...new Set(keyIds)];
    if (ids.length === 0) return [];
    return currentTx().query<KeyRow>(`${KEY_ROWS} WHERE k.tenant_id = $1 AND k.key_id = ANY($2::uuid[])`, [currentTenantId(), ids]);
  }

  /**
   * Keys by id (UUIDs) in the current tenant; ids it does not hold (or cannot unwrap) are absent
   * from the map. `rows`: the keys' rows the caller read in this transaction (`rowsByIds`), then
   * nothing is read again.
   */
  async byIds(keyIds: Iterable<string>, rows?: readonly KeyRow[]): Promise<Map<string, DataKeyState>> {
    const ids = new Set(keyIds);
    const out = new Map<string, DataKeyState>();
    if (ids.size === 0) return out;
    const tenantId = currentTenantId();
    for (const row of rows ?? (await this.rowsByIds(ids))) {
      if (!ids.has(String(row.key_id))) continue;
      const keyId = String(row.key_id);
      if (row.wrapped_key === null) {
        this.forget(tenantId, keyId);
        out.set(keyId, { live: false, keyId, purgeId: row.purge_id === null ? null : String(row.purge_id) });
      } else if (isRevokedKek(row)) {
        this.forget(tenantId, keyId);
        out.set(keyId, { live: false, keyId, revoked: true });
      } else {
        // A key this provider cannot unwrap (another KEK) is left out: its values read as unreadable.
        const key = await this.unwrap(tenantId, row).catch(() => undefined);
        if (key !== undefined) out.set(keyId, { live: true, keyId, key });
      }
    }
    return out;
  }

  /** Destroys the live keys of one subject, or all of the tenant's; returns their ids. */
  async shred(scope: { subjectId: string } | 'tenant', purgeId: string, at: Date): Promise<string[]> {
    const ids = await destroyDataKeys(scope === 'tenant' ? {} : scope, purgeId, at);
    for (const id of ids) this.forget(currentTenantId(), id);
    return ids;
  }

  forget(tenantId: string, keyId: string): void {
    this.unwrapped.delete(`${tenantId}\u0000${keyId}`);
  }

  private unwrap(tenantId: string, row: KeyRow): Promise<Buffer> {
    const keyId = String(row.key_id);
    const id = `${tenantId}\u0000${keyId}`;
    // Checked on every use, cached or not: a revoked KEK takes its data keys with it at once.
    if (isRevokedKek(row)) {
      this.forget(tenantId, keyId);
      return Promise.reject(kekRevoked());
    }
    let entry = this.unwrapped.get(id);
    if (entry === undefined || entry.kekVersion !== row.kek_version) {
      const kekVersion = row.kek_version;
      const key = this.keks
        .provider(kekVersion, row.wrapped_kek)
        .then((provider) => provider.unwrap(row.wrapped_key!, dataKeyWrapAad(tenantId, row.subject_id, keyId)))
        .then((k) => {
          if (kekVersion !== null) this.use?.record(tenantId, kekVersion);
          return Buffer.from(k);
        });
      entry = { kekVersion, key };
      this.remember(tenantId, keyId, entry);
    } else {
      this.unwrapped.delete(id);
      this.unwrapped.set(id, entry);
    }
    return entry.key;
  }

  private remember(tenantId: string, keyId: string, entry: CachedKey): void {
    const id = `${tenantId}\u0000${keyId}`;
    entry.key.catch(() => {
      if (this.unwrapped.get(id) === entry) this.unwrapped.delete(id);
    });
    this.unwrapped.set(id, entry);
    if (this.unwrapped.size > this.maxEntries) this.unwrapped.delete(this.unwrapped.keys().next().value!);
  }
}

/**
 * Destroys the current tenant's live keys that match (a subject's, the listed ids, or all) on
 * behalf of a purge; returns their ids. The rows stay, with when and by which purge.
 */
export async function destroyDataKeys(match: { subjectId?: string; keyIds?: string[] }, purgeId: string, at: Date): Promise<string[]> {
  forgetKeyRowsRead();
  destroyingKeys();
  const rows = await currentTx().query<{ key_id: string }>(
    `UPDATE subject_data_keys SET wrapped_key = NULL, shredded_at = $4, purge_id = $5
     WHERE tenant_id = $1 AND shredded_at IS NULL AND ($2::text IS NULL OR subject_id = $2) AND ($3::uuid[] IS NULL OR key_id = ANY($3::uuid[])) RETURNING key_id`,
    [currentTenantId(), match.subjectId ?? null, match.keyIds ?? null, at.toISOString(), purgeId],
  );
  return rows.map((r) => String(r.key_id)).sort();
}

let running: DataKeys | undefined;

/** Set by the app that holds the key provider (one per process). */
export function useDataKeys(keys: DataKeys): void {
  running = keys;
}

/** The data keys of the running app; sealing and opening happen only inside one. */
export function dataKeys(): DataKeys {
  if (running === undefined) throw new Error('the data keys are not started');
  return running;
}
