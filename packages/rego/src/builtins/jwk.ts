// Keys for the JWT builtins: PEM certificates and public keys, JWKs and JWK sets, resolved into
// node:crypto KeyObjects (or raw bytes for "oct" keys), with OPA's error texts.

import { X509Certificate, createPrivateKey, createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { BuiltinError } from './errors.ts';
import { decodePem } from './pem.ts';

/** The signing algorithms the JWT builtins know. */
export const JWS_ALGORITHMS = new Set([
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'HS256',
  'HS384',
  'HS512',
  'EdDSA',
]);

export interface VerificationKey {
  key: KeyObject;
  /** The key's declared algorithm ("" when it has none, e.g. a certificate). */
  alg: string;
  kid: string;
}

/** The key(s) of a PEM certificate, PEM public key, JWK or JWK set. */
export function verificationKeys(text: string): VerificationKey[] {
  const { block, rest } = decodePem(text);
  if (block !== undefined) {
    if (rest.length > 0) throw new BuiltinError('extra data after a PEM certificate block');
    if (block.type === 'CERTIFICATE') {
      try {
        return [{ key: new X509Certificate(block.bytes).publicKey, alg: '', kid: '' }];
      } catch {
        throw new BuiltinError('failed to parse a PEM certificate: x509: malformed certificate');
      }
    }
    if (block.type === 'PUBLIC KEY') {
      try {
        return [{ key: createPublicKey({ key: block.bytes, format: 'der', type: 'spki' }), alg: '', kid: '' }];
      } catch (e) {
        throw new BuiltinError(`failed to parse a PEM public key: ${(e as Error).message}`);
      }
    }
    throw new BuiltinError('failed to extract a Key from the PEM certificate');
  }
  let set: Record<string, unknown>[];
  try {
    set = jwkList(text);
  } catch (e) {
    throw new BuiltinError(`failed to parse a JWK key (set): ${(e as Error).message}`);
  }
  const keys: VerificationKey[] = [];
  for (const jwk of set) {
    const alg = typeof jwk.alg === 'string' ? jwk.alg : '';
    // Keys for algorithms the builtins do not know are skipped.
    if (alg !== '' && !JWS_ALGORITHMS.has(alg)) continue;
    let key: KeyObject;
    try {
      key = keyFromJWK(jwk, false);
    } catch (e) {
      throw new BuiltinError(`failed to parse a JWK key (set): ${(e as Error).message}`);
    }
    keys.push({ key, alg, kid: typeof jwk.kid === 'string' ? jwk.kid : '' });
  }
  return keys;
}

/** The JWKs of a JWK or JWK set text. */
export function jwkList(text: string): Record<string, unknown>[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('failed to unmarshal JSON into key set');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('invalid JWK');
  const o = parsed as Record<string, unknown>;
  if (Array.isArray(o.keys)) return o.keys as Record<string, unknown>[];
  return [o];
}

/** A KeyObject from a JWK: secret for "oct", private when `private` and "d" is present. */
export function keyFromJWK(jwk: Record<string, unknown>, wantPrivate: boolean): KeyObject {
  const kty = jwk.kty;
  if (typeof kty !== 'string') throw new Error('invalid JWK: missing "kty"');
  if (kty === 'oct') {
    if (typeof jwk.k !== 'string') throw new Error('invalid JWK: missing "k"');
    return createSecretKey(Buffer.from(jwk.k, 'base64url'));
  }
  if (kty !== 'RSA' && kty !== 'EC' && kty !== 'OKP') throw new Error(`invalid key type from JSON (${kty})`);
  const material = Object.fromEntries(Object.entries(jwk).filter(([k]) => !['alg', 'kid', 'use', 'key_ops', 'x5c', 'x5t', 'x5u'].includes(k)));
  if (wantPrivate && typeof jwk.d === 'string') return createPrivateKey({ key: material as never, format: 'jwk' });
  delete material.d;
  for (const k of ['p', 'q', 'dp', 'dq', 'qi']) delete material[k];
  return createPublicKey({ key: material as never, format: 'jwk' });
}
