import { verify as cryptoVerify } from 'node:crypto';
import type { Jwks, TenantJwk } from '../keys/jwks.ts';
import { findKey, type Signer } from './jwks.ts';

export interface DsseSignature {
  keyid: string;
  sig: string;
}

export interface DsseEnvelope {
  payloadType: string;
  payload: string;
  signatures: DsseSignature[];
}

/** DSSE v1 pre-authentication encoding: what is actually signed. */
export function pae(payloadType: string, payload: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

export async function signEnvelope(payloadType: string, payload: Uint8Array, signer: Signer): Promise<DsseEnvelope> {
  const sig = await signer.sign(pae(payloadType, payload));
  return { payloadType, payload: Buffer.from(payload).toString('base64'), signatures: [{ keyid: signer.kid, sig: sig.toString('base64') }] };
}

/** Decodes base64 only when it is the exact encoding of its bytes: no stray characters hide in it. */
function strictBase64(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

export function isEnvelope(value: unknown): value is DsseEnvelope {
  const e = value as DsseEnvelope;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.payloadType === 'string' &&
    typeof e.payload === 'string' &&
    Array.isArray(e.signatures) &&
    e.signatures.every((s) => typeof s === 'object' && s !== null && typeof s.keyid === 'string' && typeof s.sig === 'string')
  );
}

export type EnvelopeCheck = { ok: true; payload: Buffer; keys: TenantJwk[] } | { ok: false; reason: string };

/**
 * Verifies every signature of the envelope against the JWKS (at least one, none failing): a
 * signature that cannot be checked counts as a failure, never as absent.
 */
export function verifyEnvelope(envelope: DsseEnvelope, jwks: Jwks): EnvelopeCheck {
  const payload = strictBase64(envelope.payload);
  if (payload === undefined) return { ok: false, reason: 'payload is not canonical base64' };
  if (envelope.signatures.length === 0) return { ok: false, reason: 'envelope has no signature' };
  const message = pae(envelope.payloadType, payload);
  const keys: TenantJwk[] = [];
  for (const { keyid, sig } of envelope.signatures) {
    const found = findKey(jwks, keyid);
    if ('error' in found) return { ok: false, reason: found.error };
    const signature = strictBase64(sig);
    if (signature === undefined || signature.length !== 64) return { ok: false, reason: `signature by ${keyid} is malformed` };
    if (!cryptoVerify(null, message, found.key, signature)) return { ok: false, reason: `signature by ${keyid} does not verify` };
    keys.push(found.jwk);
  }
  return { ok: true, payload, keys };
}
