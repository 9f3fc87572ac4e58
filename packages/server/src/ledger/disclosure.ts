import { createHash, verify as cryptoVerify } from 'node:crypto';
import { SDJwtInstance } from '@sd-jwt/core';
import { digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import { ed25519PublicKeyOf } from '../keys/jwk.ts';
import { type Jwks, jwkValidAt } from '../keys/jwks.ts';
import type { TenantSigner } from '../keys/signer-cache.ts';
import { ed25519PublicKeyObject } from './checkpoint/ed25519-note-keys.ts';
import { ledgerOrigin } from './origin.ts';
import type { ReceiptEntry } from './receipt-format.ts';

// A receipt presented as an SD-JWT: `iss` (the tenant's log), `iat` and `receipt_id` are always
// visible; every other claim is a selective disclosure, and a presentation carries only those the
// viewer may see. Signed EdDSA with the tenant's ledger key, so the tenant JWKS verifies it.

export const SD_JWT_TYP = 'companyos-receipt+sd-jwt';

/** Claims that can be disclosed, in presentation order. */
export const DISCLOSABLE_CLAIMS = [
  'tenant_id',
  'actor',
  'action',
  'target',
  'decision',
  'bundle_hash',
  'evidence_refs',
  'issued_at',
  'request_id',
] as const;

export interface DisclosureInput {
  entry: ReceiptEntry;
  visible: readonly string[];
  signer: TenantSigner;
  now: Date;
}

const hasher = (data: string | ArrayBuffer, alg: string) => digest(data, alg);

export async function presentReceipt(input: DisclosureInput): Promise<{ sd_jwt: string; disclosed: string[] }> {
  const { entry, signer } = input;
  const claims: Record<string, unknown> = { ...entry };
  const disclosable = DISCLOSABLE_CLAIMS.filter((c) => c in claims);
  const payload = { iss: ledgerOrigin(entry.tenant_id), iat: Math.floor(input.now.getTime() / 1000), receipt_id: entry.receipt_id };
  for (const c of disclosable) (payload as Record<string, unknown>)[c] = claims[c];
  const sd = new SDJwtInstance({
    signer: (data: string) => signer.sign(Buffer.from(data, 'utf8')).toString('base64url'),
    signAlg: 'EdDSA',
    hasher,
    hashAlg: 'sha-256',
    saltGenerator: generateSalt,
  });
  const issued = await sd.issue(payload, { _sd: disclosable } as never, { header: { kid: signer.kid, typ: SD_JWT_TYP } });
  const disclosed = disclosable.filter((c) => input.visible.includes(c));
  const sd_jwt = await sd.present(issued, Object.fromEntries(disclosed.map((c) => [c, true])) as never);
  return { sd_jwt, disclosed };
}

export interface VerifiedPresentation {
  kid: string;
  /** The always-visible claims and the disclosed ones. */
  claims: Record<string, unknown>;
}

/**
 * Verifies a receipt presentation against the tenant's JWKS: the issuer is the tenant's log, the
 * key was valid when it was issued, the signature holds, and every disclosure is one the issuer
 * committed to (an altered or foreign disclosure fails). Throws with the reason.
 */
export async function verifyPresentation(presentation: string, jwks: Jwks, tenantId: string): Promise<VerifiedPresentation> {
  const header = decodeHeader(presentation);
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  const raw = jwk === undefined ? undefined : ed25519PublicKeyOf(jwk);
  if (jwk === undefined || raw === undefined) throw new Error(`presentation is signed with key ${String(header.kid)}, which the tenant JWKS does not list`);
  if (header.alg !== 'EdDSA' || header.typ !== SD_JWT_TYP) throw new Error('presentation is not an EdDSA receipt SD-JWT');
  const key = ed25519PublicKeyObject(raw);
  const sd = new SDJwtInstance({
    verifier: (data: string, sig: string) => cryptoVerify(null, Buffer.from(data, 'utf8'), key, Buffer.from(sig, 'base64url')),
    hasher,
    hashAlg: 'sha-256',
  });
  const { payload } = await sd.verify(presentation);
  // The library drops disclosures the issuer never committed to; the SD-JWT rules require
  // rejecting the whole presentation instead.
  const committed = new Set(committedDigests(presentation));
  for (const d of presentation.split('~').slice(1, -1)) {
    if (!committed.has(createHash('sha256').update(d, 'ascii').digest('base64url'))) throw new Error('presentation carries a disclosure its issuer did not commit to');
  }
  const claims = payload as Record<string, unknown>;
  if (claims.iss !== ledgerOrigin(tenantId)) throw new Error(`presentation was issued by ${String(claims.iss)}, not by the log of tenant ${tenantId}`);
  if (typeof claims.iat !== 'number' || !jwkValidAt(jwk, new Date(claims.iat * 1000))) throw new Error(`key ${jwk.kid} was not valid when the presentation was issued`);
  return { kid: jwk.kid, claims };
}

/** The header (part 0) or payload (part 1) of the issuer-signed JWT that starts a presentation. */
function jwtPart(presentation: string, part: 0 | 1): Record<string, unknown> {
  const jwt = presentation.split('~')[0] ?? '';
  try {
    const value: unknown = JSON.parse(Buffer.from(jwt.split('.')[part] ?? '', 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new Error('presentation does not start with a JWT');
}

const decodeHeader = (presentation: string) => jwtPart(presentation, 0);

// Receipt presentations are flat: every digest is in the top-level `_sd` array.
function committedDigests(presentation: string): string[] {
  const sd = jwtPart(presentation, 1)._sd;
  return Array.isArray(sd) ? sd.filter((d): d is string => typeof d === 'string') : [];
}
