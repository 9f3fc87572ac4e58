import type { KeyProvider } from './key-provider.ts';
import type { TenantKeyStore } from './key-store.ts';
import { type TenantKey, currentSigningKey, generateTenantKey } from './tenant-key.ts';

/** The tenant's signing key, created on first use. */
export async function ensureSigningKey(store: TenantKeyStore, provider: KeyProvider, tenantId: string, now: Date): Promise<TenantKey> {
  const current = currentSigningKey(await store.list(), now);
  if (current !== undefined) return current;
  const key = await generateTenantKey(tenantId, provider, now);
  await store.insert(key);
  return key;
}

export interface Rotation {
  created: TenantKey;
  retired: string[];
}

/**
 * Adds a new signing key and retires every active one as of `now`. Run it inside one transaction:
 * artifacts signed from `now` use the new key, and the retired keys stay listed for verification.
 */
export async function rotateTenantKey(store: TenantKeyStore, provider: KeyProvider, tenantId: string, now: Date): Promise<Rotation> {
  const previous = (await store.list()).filter((k) => k.status === 'active');
  const created = await generateTenantKey(tenantId, provider, now);
  await store.insert(created);
  for (const k of previous) await store.retire(k.kid, now);
  return { created, retired: previous.map((k) => k.kid) };
}
