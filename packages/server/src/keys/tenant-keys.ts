import { DbTenantKeyStore } from './db-key-store.ts';
import { type Jwks, renderJwks } from './jwks.ts';
import type { KeyProvider } from './key-provider.ts';
import { ensureSigningKey, rotateTenantKey, type Rotation } from './key-rotation.ts';
import { lockTenant } from '../db/tenant-locks.ts';
import { SignerCache, type TenantSigner } from './signer-cache.ts';
import { currentTenantId } from '../context.ts';

/**
 * The current tenant's keys, in the transaction of the context: the signer of now (a key is
 * created on first need), rotation, and the public JWKS.
 */
export class TenantKeys {
  private readonly store = new DbTenantKeyStore();
  private readonly signers: SignerCache;

  constructor(readonly provider: KeyProvider) {
    this.signers = new SignerCache(provider);
  }

  async signer(now: Date): Promise<TenantSigner> {
    await lockTenant('keys');
    return this.signers.signer(await ensureSigningKey(this.store, this.provider, currentTenantId(), now));
  }

  async rotate(now: Date): Promise<Rotation> {
    await lockTenant('keys');
    return rotateTenantKey(this.store, this.provider, currentTenantId(), now);
  }

  async jwks(): Promise<Jwks> {
    return renderJwks(await this.store.list());
  }
}
