import { DbTenantKeyStore } from './db-key-store.ts';
import { type Jwks, renderJwks } from './jwks.ts';
import type { KeyProvider } from './key-provider.ts';
import { ensureSigningKey, rotateTenantKey, type Rotation } from './key-rotation.ts';
import { lockTenant } from '../db/tenant-locks.ts';
import { SignerCache, type TenantSigner } from './signer-cache.ts';
import { currentTenantId, currentTx } from '../context.ts';

/** The configuration version of a tenant this process last saw in force, if it follows one (fleet/config-follower.ts). */
export type ConfigVersions = (tenantId: string) => string | undefined;

/**
 * The current tenant's keys, in the transaction of the context: the signer of now (a key is
 * created on first need), rotation, and the public JWKS.
 */
export class TenantKeys {
  private readonly store = new DbTenantKeyStore();
  private readonly signers: SignerCache;
  /** Each tenant's JWKS with the configuration version it was read under; every key write moves that version (migration 0036). */
  private readonly jwksCache = new Map<string, { version: string; jwks: Jwks }>();
  /** Transactions that may have written keys: what they read is not committed, so it is not cached. */
  private readonly writers = new WeakSet<object>();
  private versions: ConfigVersions = () => undefined;

  constructor(
    readonly provider: KeyProvider,
    private readonly maxCachedTenants = 10_000,
  ) {
    this.signers = new SignerCache(provider);
  }

  /** Lets `jwks` serve a tenant's keys from memory while its configuration version stays the one seen in force. */
  followVersions(versions: ConfigVersions): void {
    this.versions = versions;
  }

  async signer(now: Date): Promise<TenantSigner> {
    await lockTenant('keys');
    this.writers.add(currentTx());
    return this.signers.signer(await ensureSigningKey(this.store, this.provider, currentTenantId(), now));
  }

  async rotate(now: Date): Promise<Rotation> {
    await lockTenant('keys');
    this.writers.add(currentTx());
    return rotateTenantKey(this.store, this.provider, currentTenantId(), now);
  }

  /**
   * The tenant's public keys. Every receipt fetched with its proof carries them, so they are read
   * once per configuration version: a key written anywhere in the fleet moves the version, which
   * drops the cached set (by notification, or at the next request's version check).
   */
  async jwks(): Promise<Jwks> {
    const tenantId = currentTenantId();
    const version = this.versions(tenantId);
    const cached = this.jwksCache.get(tenantId);
    if (version !== undefined && cached?.version === version) return cached.jwks;
    const jwks = renderJwks(await this.store.list());
    // Kept only if the version did not move during the read and this transaction wrote no key.
    if (version !== undefined && this.versions(tenantId) === version && !this.writers.has(currentTx())) {
      this.jwksCache.delete(tenantId);
      this.jwksCache.set(tenantId, { version, jwks: deepFreeze(jwks) });
      if (this.jwksCache.size > this.maxCachedTenants) this.jwksCache.delete(this.jwksCache.keys().next().value!);
    }
    return jwks;
  }
}

/** A cached value is shared by every request that reads it: frozen, so none can change it for the others. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
