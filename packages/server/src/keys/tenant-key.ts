import { generateKeyPairSync } from 'node:crypto';
import { canonicalJson } from '../util/canonical-json.ts';
import { ed25519Jwk, jwkThumbprint } from './jwk.ts';
import type { KeyProvider } from './key-provider.ts';

export type KeyStatus = 'active' | 'retired';

/** A tenant's Ed25519 signing key as stored: the private part only ever wrapped. */
export interface TenantKey {
  tenantId: string;
  /** RFC 7638 thumbprint of the public JWK. */
  kid: string;
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
  /** PKCS#8 DER of the private key, wrapped by a KeyProvider with keyWrapAad(tenantId, kid). */
  wrappedPrivateKey: Uint8Array;
  status: KeyStatus;
  /** When the key started signing. */
  notBefore: Date;
  /** When the key was retired; null while active. */
  notAfter: Date | null;
}

/** Binds a wrapped key to its tenant and kid, so it cannot be moved to another tenant or key row. */
export function keyWrapAad(tenantId: string, kid: string): Buffer {
  return Buffer.from(canonicalJson({ kid, purpose: 'companyos.tenant-signing-key', tenant_id: tenantId }), 'utf8');
}

export async function generateTenantKey(tenantId: string, provider: KeyProvider, now: Date): Promise<TenantKey> {
  if (tenantId === '') throw new Error('a tenant key needs a tenant id');
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const kid = jwkThumbprint(ed25519Jwk(raw));
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  try {
    const wrappedPrivateKey = await provider.wrap(pkcs8, keyWrapAad(tenantId, kid));
    return { tenantId, kid, publicKey: raw, wrappedPrivateKey, status: 'active', notBefore: now, notAfter: null };
  } finally {
    pkcs8.fill(0);
  }
}

/** The key that signs now: the active key with the latest start that has started. */
export function currentSigningKey(keys: readonly TenantKey[], now: Date): TenantKey | undefined {
  let best: TenantKey | undefined;
  for (const k of keys) {
    if (k.status !== 'active' || k.notBefore.getTime() > now.getTime()) continue;
    if (best === undefined || k.notBefore.getTime() > best.notBefore.getTime()) best = k;
  }
  return best;
}
