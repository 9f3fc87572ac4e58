import { createHash } from 'node:crypto';
import { canonicalJson } from '../util/canonical-json.ts';

/** The public members of an Ed25519 JWK (RFC 8037). */
export interface Ed25519PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
}

export function ed25519Jwk(publicKey: Uint8Array): Ed25519PublicJwk {
  if (publicKey.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') };
}

/** The raw key of an Ed25519 JWK, or undefined when it is not one (wrong type, curve or length). */
export function ed25519PublicKeyOf(jwk: { kty?: unknown; crv?: unknown; x?: unknown }): Buffer | undefined {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') return undefined;
  const raw = Buffer.from(jwk.x, 'base64url');
  // One spelling per key: unpadded base64url that round-trips exactly.
  return raw.length === 32 && raw.toString('base64url') === jwk.x ? raw : undefined;
}

/**
 * RFC 7638 thumbprint: base64url SHA-256 of the required members in lexicographic order with no
 * whitespace — exactly the RFC 8785 form of {crv, kty, x}.
 */
export function jwkThumbprint(jwk: Ed25519PublicJwk): string {
  const required = { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
  return createHash('sha256').update(canonicalJson(required)).digest('base64url');
}
