import { ed25519Jwk, ed25519PublicKeyOf, jwkThumbprint } from './jwk.ts';
import type { KeyStatus, TenantKey } from './tenant-key.ts';

/** A public tenant key as published: the JWK, its kid, and its signing window in NumericDate seconds. */
export interface TenantJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
  status: KeyStatus;
  /** Start of the signing window. */
  nbf: number;
  /** End of the signing window (retirement); absent while the key is active. */
  exp?: number;
}

export interface Jwks {
  keys: TenantJwk[];
}

export class JwksError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JwksError';
  }
}

/** The public JWKS of a tenant: active keys first, then retired ones, newest first. */
export function renderJwks(keys: readonly TenantKey[]): Jwks {
  const sorted = [...keys].sort(
    (a, b) => Number(a.status === 'retired') - Number(b.status === 'retired') || b.notBefore.getTime() - a.notBefore.getTime(),
  );
  return {
    keys: sorted.map((k) => {
      const jwk: TenantJwk = {
        ...ed25519Jwk(k.publicKey),
        kid: k.kid,
        alg: 'EdDSA',
        use: 'sig',
        status: k.status,
        nbf: Math.floor(k.notBefore.getTime() / 1000),
      };
      // Rounded up so an artifact signed in the key's last second stays inside the window.
      if (k.notAfter !== null) jwk.exp = Math.ceil(k.notAfter.getTime() / 1000);
      return jwk;
    }),
  };
}

const MEMBERS = new Set(['kty', 'crv', 'x', 'kid', 'alg', 'use', 'status', 'nbf', 'exp']);

/** Validates a JWKS document from outside (fails closed): every key must be a well-formed tenant key. */
export function parseJwks(value: unknown): Jwks {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { keys?: unknown }).keys)) {
    throw new JwksError('a JWKS must be an object with a "keys" array');
  }
  const kids = new Set<string>();
  const keys = (value as { keys: unknown[] }).keys.map((entry, i): TenantJwk => {
    const where = `JWKS key ${i}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new JwksError(`${where} is not an object`);
    const k = entry as Record<string, unknown>;
    const unknown = Object.keys(k).filter((m) => !MEMBERS.has(m));
    if (unknown.length > 0) throw new JwksError(`${where} has unexpected members ${unknown.join(', ')}`);
    if ('d' in k) throw new JwksError(`${where} contains a private key`);
    if (ed25519PublicKeyOf(k) === undefined) throw new JwksError(`${where} is not an Ed25519 public key`);
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: k.x as string } as const;
    if (k.kid !== jwkThumbprint(jwk)) throw new JwksError(`${where} has a kid that is not its RFC 7638 thumbprint`);
    if (kids.has(k.kid)) throw new JwksError(`${where} repeats kid ${k.kid}`);
    kids.add(k.kid);
    if (k.alg !== 'EdDSA' || k.use !== 'sig') throw new JwksError(`${where} must have alg EdDSA and use sig`);
    if (k.status !== 'active' && k.status !== 'retired') throw new JwksError(`${where} has an unknown status`);
    if (!Number.isSafeInteger(k.nbf)) throw new JwksError(`${where} needs an integer nbf`);
    if (k.status === 'retired' ? !Number.isSafeInteger(k.exp) || (k.exp as number) < (k.nbf as number) : k.exp !== undefined) {
      throw new JwksError(`${where} must have an exp not before nbf exactly when it is retired`);
    }
    return { ...jwk, kid: k.kid, alg: 'EdDSA', use: 'sig', status: k.status, nbf: k.nbf as number, ...(k.exp === undefined ? {} : { exp: k.exp as number }) };
  });
  return { keys };
}

/** Whether the key's signing window contains `at` (nbf ≤ at < exp). */
export function jwkValidAt(jwk: TenantJwk, at: Date): boolean {
  const s = at.getTime() / 1000;
  return s >= jwk.nbf && (jwk.exp === undefined || s < jwk.exp);
}
