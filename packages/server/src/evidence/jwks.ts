import { createPublicKey, type KeyObject } from 'node:crypto';
import { ed25519PublicKeyOf } from '../keys/jwk.ts';
import type { Jwks, TenantJwk } from '../keys/jwks.ts';

/** Signs bytes with one tenant key (Ed25519); the key store's `TenantSigner` is one. */
export interface Signer {
  kid: string;
  sign(data: Uint8Array): Buffer | Promise<Buffer>;
}

/** The Ed25519 key with this `kid` in a JWKS already checked by `parseJwks`, or why there is none. */
export function findKey(jwks: Jwks, kid: string): { key: KeyObject; jwk: TenantJwk } | { error: string } {
  const jwk = jwks.keys.find((k) => k.kid === kid);
  const raw = jwk === undefined ? undefined : ed25519PublicKeyOf(jwk);
  if (jwk === undefined || raw === undefined) return { error: `no Ed25519 key with kid ${kid}` };
  return { key: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' }), jwk };
}
