// DSSE signatures checked in the browser (Web Crypto Ed25519 over the pre-authentication
// encoding): a release artefact's provenance against the platform JWKS the portal sent, and an
// evidence pack's signed statement against the tenant's published keys.

export interface Envelope {
  payloadType: string;
  payload: string;
  signatures: { keyid: string; sig: string }[];
}

export interface Jwk {
  kid?: unknown;
  x?: unknown;
}

const bytes = (base64: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

function pae(payloadType: string, payload: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const type = utf8(payloadType);
  const parts = [utf8(`DSSEv1 ${type.length} `), type, utf8(` ${payload.length} `), payload];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export type DsseCheck = { ok: true; payload: Uint8Array<ArrayBuffer> } | { ok: false; reason: string };

/** Verifies every signature of a DSSE envelope (at least one) under the JWKS with Web Crypto Ed25519; answers the payload. */
export async function verifyDsse(envelope: Envelope, jwks: { keys: Jwk[] }): Promise<DsseCheck> {
  if (globalThis.crypto?.subtle === undefined) return { ok: false, reason: 'this page has no Web Crypto' };
  if (envelope.signatures.length === 0) return { ok: false, reason: 'the statement is not signed' };
  let payload: Uint8Array<ArrayBuffer>;
  try {
    payload = bytes(envelope.payload);
  } catch {
    return { ok: false, reason: 'the payload is not base64' };
  }
  const message = pae(envelope.payloadType, payload);
  for (const s of envelope.signatures) {
    const jwk = jwks.keys.find((k) => k.kid === s.keyid);
    if (jwk === undefined || typeof jwk.x !== 'string') return { ok: false, reason: `no published key ${s.keyid}` };
    let key: CryptoKey;
    try {
      key = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, false, ['verify']);
    } catch {
      return { ok: false, reason: 'this browser cannot check Ed25519 signatures' };
    }
    let valid = false;
    try {
      valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, bytes(s.sig), message);
    } catch {
      valid = false;
    }
    if (!valid) return { ok: false, reason: `the signature by ${s.keyid} does not verify` };
  }
  return { ok: true, payload };
}

/** True when every signature verifies under the JWKS and the statement's subject has `digest`; the reason otherwise. */
export async function checkStatement(envelope: Envelope, jwks: { keys: Jwk[] }, digest: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const signed = await verifyDsse(envelope, jwks);
  if (!signed.ok) return signed;
  const statement = JSON.parse(new TextDecoder().decode(signed.payload)) as { subject?: { digest?: { sha256?: string } }[] };
  if (statement.subject?.[0]?.digest?.sha256 !== digest) return { ok: false, reason: 'the statement names another digest' };
  return { ok: true };
}
