import { createHash } from 'node:crypto';
import { currentTenantId, currentTx } from '../context.ts';
import type { Row } from '../db/database.ts';
import { runStatement, type Statement } from '../db/statement.ts';
import { lockTenant, lockTenantStatement } from '../db/tenant-locks.ts';
import { Problem } from '../http/problem.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { dataKeyWrapAad, forgetKeyRowsRead, type KekResolver } from './data-keys.ts';
import { kekRevoked } from './kek-revoked.ts';
import { LocalKeyProvider, type KeyProvider } from './key-provider.ts';

// Tenant-held key-encryption keys (ADR 0030). A tenant that imported its own KEK has its data keys
// wrapped under it; the KEK itself is kept wrapped by the platform key provider and erased when it
// is retired by a rotation or revoked. A data key whose KEK was erased cannot be unwrapped again.

export type KekStatus = 'active' | 'retired' | 'revoked';

export interface KekVersion {
  version: number;
  status: KekStatus;
  fingerprint: string;
  imported_by: string;
  imported_at: string;
  retired_at: string | null;
  revoked_at: string | null;
}

export interface KekStatusReport {
  holder: 'platform' | 'tenant';
  state: 'platform' | 'active' | 'revoked';
  versions: KekVersion[];
  data_keys: { live: number; under_tenant_kek: number; shredded: number };
}

export interface KekInstalled {
  version: number;
  fingerprint: string;
  /** The version it replaced (retired), or null for a first import. */
  retired: number | null;
  /** Live data keys re-wrapped under the new version. */
  rewrapped: number;
}

const kekWrapAad = (tenantId: string, version: number): Buffer =>
  Buffer.from(canonicalJson({ purpose: 'companyos.tenant-kek', tenant_id: tenantId, version }), 'utf8');

/** The first 16 hex digits of the key's SHA-256: names the key, reveals nothing of it. */
export const kekFingerprint = (kek: Uint8Array): string => createHash('sha256').update(kek).digest('hex').slice(0, 16);

interface KekRow {
  version: number;
  status: KekStatus;
  wrapped_kek: Uint8Array | null;
  fingerprint: string;
  imported_by: string;
  imported_at: Date | string;
  retired_at: Date | string | null;
  revoked_at: Date | string | null;
}

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

/**
 * The current tenant's KEKs, in the transaction of the context. Unwrapped KEKs are cached by
 * tenant and version; callers pass the wrapped form they read in their transaction, so a KEK
 * erased by another server is never used from this cache.
 */
export class TenantKeks implements KekResolver {
  private readonly unwrapped = new Map<string, Promise<KeyProvider>>();

  constructor(readonly platform: KeyProvider) {}

  /** The provider of a data key's KEK version (null: the platform's); a 423 problem when that KEK was erased. */
  async provider(version: number | null, wrappedKek: Uint8Array | null): Promise<KeyProvider> {
    if (version === null) return this.platform;
    if (wrappedKek === null) throw kekRevoked();
    const tenantId = currentTenantId();
    const id = `${tenantId}\u0000${version}`;
    let entry = this.unwrapped.get(id);
    if (entry === undefined) {
      entry = this.platform.unwrap(wrappedKek, kekWrapAad(tenantId, version)).then((kek) => new LocalKeyProvider(kek));
      entry.catch(() => this.unwrapped.delete(id));
      this.unwrapped.set(id, entry);
    }
    return entry;
  }

  /**
   * What wraps a new data key: the tenant's active KEK, or the platform provider when it never
   * imported one. Holds the tenant's KEK lock, so a rotation cannot leave the new key behind;
   * shared, since new keys need not wait for each other (transactions making them, each after
   * writes of its own, would otherwise wait on each other in a circle). `read`: the rows of
   * `newKeyReads()`, when the caller sent them with its own.
   */
  async forNewKey(read?: Row[][]): Promise<{ provider: KeyProvider; version: number | null }> {
    const [, rows] = read ?? (await currentTx().queryEach(this.newKeyReads()));
    const latest = (rows as unknown as KekRow[]).at(-1);
    if (latest === undefined) return { provider: this.platform, version: null };
    if (latest.status !== 'active') throw kekRevoked();
    return { provider: await this.provider(latest.version, latest.wrapped_kek), version: latest.version };
  }

  async versions(): Promise<KekVersion[]> {
    return (await this.rows()).map((r) => ({
      version: r.version,
      status: r.status,
      fingerprint: r.fingerprint,
      imported_by: r.imported_by,
      imported_at: iso(r.imported_at)!,
      retired_at: iso(r.retired_at),
      revoked_at: iso(r.revoked_at),
    }));
  }

  /**
   * Makes `kek` the tenant's active KEK: the first import (`expect: 'none'`) or a rotation
   * (`expect: 'active'`). Every live data key is re-wrapped under it and the previous version is
   * retired with its material erased, in the one transaction.
   */
  async install(kek: Uint8Array, expect: 'none' | 'active', by: string, now: Date): Promise<KekInstalled> {
    await lockTenant('kek');
    const tenantId = currentTenantId();
    const rows = await this.rows();
    const latest = rows.at(-1);
    if (latest?.status === 'revoked') throw kekRevoked('the tenant revoked its key-encryption key: a revoked tenant key cannot be replaced');
    if (expect === 'none' && latest !== undefined) throw new Problem('conflict', `the tenant already holds key-encryption key version ${latest.version}: rotate it instead`);
    if (expect === 'active' && latest === undefined) throw new Problem('conflict', 'the tenant holds no key-encryption key yet: import one first');
    const fingerprint = kekFingerprint(kek);
    if (rows.some((r) => r.fingerprint === fingerprint)) throw new Problem('conflict', `key ${fingerprint} was imported before: rotate to a new key`);
    const oldProvider = latest === undefined ? this.platform : await this.provider(latest.version, latest.wrapped_kek);
    const version = (latest?.version ?? 0) + 1;
    const next = new LocalKeyProvider(kek);
    forgetKeyRowsRead();
    if (latest !== undefined) {
      await currentTx().query(`UPDATE tenant_keks SET status = 'retired', wrapped_kek = NULL, retired_at = $3 WHERE tenant_id = $1 AND version = $2`, [tenantId, latest.version, now.toISOString()]);
    }
    await currentTx().query(
      `INSERT INTO tenant_keks (tenant_id, version, wrapped_kek, fingerprint, status, imported_by, imported_at) VALUES ($1, $2, $3, $4, 'active', $5, $6)`,
      [tenantId, version, Buffer.from(await this.platform.wrap(kek, kekWrapAad(tenantId, version))), fingerprint, by, now.toISOString()],
    );
    const live = await currentTx().query<{ key_id: string; subject_id: string; wrapped_key: Uint8Array }>(
      `SELECT key_id, subject_id, wrapped_key FROM subject_data_keys WHERE tenant_id = $1 AND shredded_at IS NULL ORDER BY key_id`,
      [tenantId],
    );
    for (const row of live) {
      const aad = dataKeyWrapAad(tenantId, row.subject_id, String(row.key_id));
      const key = await oldProvider.unwrap(row.wrapped_key, aad);
      const rewrapped = await next.wrap(key, aad);
      key.fill(0);
      await currentTx().query(`UPDATE subject_data_keys SET wrapped_key = $3, kek_version = $4 WHERE tenant_id = $1 AND key_id = $2`, [tenantId, row.key_id, Buffer.from(rewrapped), version]);
    }
    this.unwrapped.set(`${tenantId}\u0000${version}`, Promise.resolve(next));
    if (latest !== undefined) this.unwrapped.delete(`${tenantId}\u0000${latest.version}`);
    return { version, fingerprint, retired: latest?.version ?? null, rewrapped: live.length };
  }

  /** Revokes the active KEK: its material is erased, so the data keys it wraps are lost for good. */
  async revoke(now: Date): Promise<{ version: number; fingerprint: string; data_keys: number }> {
    await lockTenant('kek');
    const tenantId = currentTenantId();
    const latest = (await this.rows()).at(-1);
    if (latest === undefined) throw new Problem('not-found', 'the tenant holds no key-encryption key of its own: there is nothing to revoke');
    if (latest.status !== 'active') throw kekRevoked('the tenant key-encryption key is already revoked');
    forgetKeyRowsRead();
    await currentTx().query(`UPDATE tenant_keks SET status = 'revoked', wrapped_kek = NULL, revoked_at = $3 WHERE tenant_id = $1 AND version = $2`, [tenantId, latest.version, now.toISOString()]);
    this.unwrapped.delete(`${tenantId}\u0000${latest.version}`);
    const [count] = await currentTx().query<{ n: number }>(`SELECT count(*)::int AS n FROM subject_data_keys WHERE tenant_id = $1 AND kek_version = $2 AND shredded_at IS NULL`, [tenantId, latest.version]);
    return { version: latest.version, fingerprint: latest.fingerprint, data_keys: count?.n ?? 0 };
  }

  /** Who holds the tenant's KEK, its versions, and how many data keys there are. */
  async status(): Promise<KekStatusReport> {
    const versions = await this.versions();
    const [counts] = await currentTx().query<KekStatusReport['data_keys']>(
      `SELECT count(*) FILTER (WHERE shredded_at IS NULL)::int AS live, count(*) FILTER (WHERE shredded_at IS NULL AND kek_version IS NOT NULL)::int AS under_tenant_kek,
              count(*) FILTER (WHERE shredded_at IS NOT NULL)::int AS shredded
       FROM subject_data_keys WHERE tenant_id = $1`,
      [currentTenantId()],
    );
    const latest = versions.at(-1);
    return {
      holder: latest === undefined ? 'platform' : 'tenant',
      state: latest === undefined ? 'platform' : latest.status === 'active' ? 'active' : 'revoked',
      versions,
      data_keys: counts ?? { live: 0, under_tenant_kek: 0, shredded: 0 },
    };
  }

  /** What `forNewKey` reads (the lock shared, then the KEK versions), to send ahead with other reads. */
  newKeyReads(): Statement[] {
    return [lockTenantStatement('kek', 'shared'), this.rowsStatement()];
  }

  private rowsStatement(): Statement {
    return {
      sql: `SELECT version, status, wrapped_kek, fingerprint, imported_by, imported_at, retired_at, revoked_at FROM tenant_keks WHERE tenant_id = $1 ORDER BY version`,
      params: [currentTenantId()],
    };
  }

  private rows(): Promise<KekRow[]> {
    return runStatement<KekRow>(this.rowsStatement());
  }
}
