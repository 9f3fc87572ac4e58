import { constants, createPrivateKey, generateKeyPair, privateDecrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { currentTenantId, currentTx } from '../context.ts';
import { Problem } from '../http/problem.ts';
import { decodeBase64Strict } from '../ledger/checkpoint/base64.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { uuidv7 } from '../util/ids.ts';
import type { KeyProvider } from './key-provider.ts';

// Wrapped import of a tenant KEK (ADR 0030): the server publishes a one-time RSA wrapping key; the
// tenant encrypts its 32-byte AES-256 KEK to it with RSA-OAEP (SHA-256, MGF1 SHA-256), as the
// import of a key into a cloud KMS works, so the KEK never crosses the wire in the clear. The
// private half is kept wrapped by the platform key provider and erased when it is used.

export const WRAPPING_ALGORITHM = 'RSA-OAEP-256';
const MODULUS_BITS = 3072;
/** How long a wrapping key can be used: long enough to wrap by hand, short enough to never linger. */
export const WRAPPING_KEY_TTL_MS = 24 * 3600_000;

export interface WrappingKey {
  wrapping_key_id: string;
  algorithm: typeof WRAPPING_ALGORITHM;
  public_key_pem: string;
  expires_at: string;
}

const wrappingAad = (tenantId: string, wrappingKeyId: string): Buffer =>
  Buffer.from(canonicalJson({ purpose: 'companyos.kek-wrapping-key', tenant_id: tenantId, wrapping_key_id: wrappingKeyId }), 'utf8');

const generateRsa = promisify(generateKeyPair);

/** A new wrapping key of the current tenant. */
export async function createWrappingKey(platform: KeyProvider, now: Date): Promise<WrappingKey> {
  const tenantId = currentTenantId();
  const id = uuidv7(now.getTime());
  const { publicKey, privateKey } = await generateRsa('rsa', {
    modulusLength: MODULUS_BITS,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  const wrapped = await platform.wrap(privateKey, wrappingAad(tenantId, id));
  privateKey.fill(0);
  const expiresAt = new Date(now.getTime() + WRAPPING_KEY_TTL_MS);
  await currentTx().query(
    `INSERT INTO kek_wrapping_keys (tenant_id, wrapping_key_id, public_key_pem, wrapped_private_key, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [tenantId, id, publicKey, Buffer.from(wrapped), now.toISOString(), expiresAt.toISOString()],
  );
  return { wrapping_key_id: id, algorithm: WRAPPING_ALGORITHM, public_key_pem: publicKey, expires_at: expiresAt.toISOString() };
}

const badKey = (detail: string) => new Problem('invalid-request', detail, { field: 'wrapped_key' });

/**
 * The KEK inside `wrappedKey` (base64 of the RSA-OAEP ciphertext), opened with the current
 * tenant's wrapping key `wrappingKeyId`, which is used up by it. Malformed input is a 400 problem.
 */
export async function openWrappedKek(platform: KeyProvider, wrappingKeyId: string, wrappedKey: string, now: Date): Promise<Buffer> {
  const tenantId = currentTenantId();
  const ciphertext = decodeBase64Strict(wrappedKey.trim());
  if (ciphertext === undefined) throw badKey('wrapped_key must be standard base64');
  if (ciphertext.length !== MODULUS_BITS / 8) throw badKey(`wrapped_key must be ${MODULUS_BITS / 8} bytes of RSA-OAEP ciphertext, not ${ciphertext.length}`);
  const [row] = await currentTx().query<{ wrapped_private_key: Uint8Array | null; expires_at: Date | string }>(
    `SELECT wrapped_private_key, expires_at FROM kek_wrapping_keys WHERE tenant_id = $1 AND wrapping_key_id = $2 FOR UPDATE`,
    [tenantId, wrappingKeyId],
  );
  if (row === undefined) throw new Problem('not-found', `no wrapping key ${wrappingKeyId}`);
  if (row.wrapped_private_key === null) throw new Problem('conflict', `wrapping key ${wrappingKeyId} was used already: ask for a new one`);
  if (new Date(row.expires_at).getTime() <= now.getTime()) throw new Problem('conflict', `wrapping key ${wrappingKeyId} expired: ask for a new one`);
  const pkcs8 = Buffer.from(await platform.unwrap(row.wrapped_private_key, wrappingAad(tenantId, wrappingKeyId)));
  let kek: Buffer;
  try {
    const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    kek = privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, ciphertext);
  } catch {
    throw badKey(`wrapped_key does not open with wrapping key ${wrappingKeyId}: wrap the key with ${WRAPPING_ALGORITHM} (OAEP, SHA-256, MGF1 SHA-256) to that key`);
  } finally {
    pkcs8.fill(0);
  }
  if (kek.length !== 32) {
    kek.fill(0);
    throw badKey(`the wrapped key is ${kek.length} bytes: a key-encryption key is 32 bytes (AES-256)`);
  }
  await currentTx().query(`UPDATE kek_wrapping_keys SET wrapped_private_key = NULL, used_at = $3 WHERE tenant_id = $1 AND wrapping_key_id = $2`, [tenantId, wrappingKeyId, now.toISOString()]);
  return kek;
}
