import { currentTenantId, currentTx } from '../context.ts';
import type { TenantKeyStore } from './key-store.ts';
import type { KeyStatus, TenantKey } from './tenant-key.ts';

interface KeyRow {
  kid: string;
  public_key: Uint8Array;
  wrapped_private_key: Uint8Array;
  status: KeyStatus;
  not_before: Date | string;
  not_after: Date | string | null;
}

/** The current tenant's keys in `tenant_keys`, through the transaction in the context. */
export class DbTenantKeyStore implements TenantKeyStore {
  async list(): Promise<TenantKey[]> {
    const tenantId = currentTenantId();
    const rows = await currentTx().query<KeyRow>(
      'SELECT kid, public_key, wrapped_private_key, status, not_before, not_after FROM tenant_keys WHERE tenant_id = $1 ORDER BY not_before, kid',
      [tenantId],
    );
    return rows.map((r) => ({
      tenantId,
      kid: r.kid,
      publicKey: Buffer.from(r.public_key),
      wrappedPrivateKey: Buffer.from(r.wrapped_private_key),
      status: r.status,
      notBefore: new Date(r.not_before),
      notAfter: r.not_after === null ? null : new Date(r.not_after),
    }));
  }

  async insert(key: TenantKey): Promise<void> {
    if (key.tenantId !== currentTenantId()) throw new Error(`key of tenant ${key.tenantId} cannot be stored for tenant ${currentTenantId()}`);
    await currentTx().query(
      `INSERT INTO tenant_keys (tenant_id, kid, public_key, wrapped_private_key, status, not_before, not_after)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [key.tenantId, key.kid, Buffer.from(key.publicKey), Buffer.from(key.wrappedPrivateKey), key.status, key.notBefore.toISOString(), key.notAfter?.toISOString() ?? null],
    );
  }

  async retire(kid: string, at: Date): Promise<void> {
    await currentTx().query(
      `UPDATE tenant_keys SET status = 'retired', not_after = $3 WHERE tenant_id = $1 AND kid = $2 AND status = 'active'`,
      [currentTenantId(), kid, at.toISOString()],
    );
  }
}
