import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { decodeBase64Strict } from '../ledger/checkpoint/base64.ts';

/**
 * Encrypts and decrypts key material under a key-encryption key. The local provider keeps the
 * KEK in the environment; a KMS-backed provider can implement the same two calls.
 */
export interface KeyProvider {
  /** Encrypts `plaintext`; `aad` is authenticated, not stored, and must be given again to unwrap. */
  wrap(plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array>;
  /** Decrypts what `wrap` returned; fails if the ciphertext or the `aad` differ in any bit. */
  unwrap(ciphertext: Uint8Array, aad: Uint8Array): Promise<Uint8Array>;
}

export class KeyProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyProviderError';
  }
}

export const KEK_VARIABLE = 'COMPANYOS_KEK';

/** Validates a KEK given as base64 of 32 bytes. The message never repeats the (secret) value. */
export function parseKek(value: string | undefined, variable = KEK_VARIABLE): Buffer {
  const hint = 'it must be 32 random bytes in standard base64, e.g. the output of `openssl rand -base64 32`';
  const text = value?.trim() ?? '';
  if (text === '') throw new KeyProviderError(`${variable} is not set: ${hint}`);
  const bytes = decodeBase64Strict(text);
  if (bytes === undefined) throw new KeyProviderError(`${variable} is not valid base64: ${hint}`);
  if (bytes.length !== 32) throw new KeyProviderError(`${variable} decodes to ${bytes.length} bytes: ${hint}`);
  return bytes;
}

// Wrapped format: version (1) ‖ KEK id (4) ‖ nonce (12) ‖ ciphertext ‖ GCM tag (16). The KEK id
// (first bytes of its SHA-256) turns "wrong KEK configured" into a clear error instead of a tag failure.
const VERSION = 0x01;
const HEADER = 1 + 4 + 12;
const TAG = 16;

/** AES-256-GCM under a KEK held in memory (from COMPANYOS_KEK). */
export class LocalKeyProvider implements KeyProvider {
  private readonly kek: Buffer;
  private readonly kekId: Buffer;

  constructor(kek: Uint8Array) {
    if (kek.length !== 32) throw new KeyProviderError('the key-encryption key must be 32 bytes');
    this.kek = Buffer.from(kek);
    this.kekId = createHash('sha256').update(this.kek).digest().subarray(0, 4);
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): LocalKeyProvider {
    return new LocalKeyProvider(parseKek(env[KEK_VARIABLE]));
  }

  async wrap(plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.kek, nonce);
    cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), this.kekId, nonce, body, cipher.getAuthTag()]);
  }

  async unwrap(ciphertext: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
    const data = Buffer.from(ciphertext);
    if (data.length < HEADER + TAG || data[0] !== VERSION) throw new KeyProviderError('wrapped key has an unknown format');
    if (!data.subarray(1, 5).equals(this.kekId)) {
      throw new KeyProviderError('wrapped key was encrypted under a different key-encryption key');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.kek, data.subarray(5, HEADER));
    decipher.setAAD(aad);
    decipher.setAuthTag(data.subarray(data.length - TAG));
    try {
      return Buffer.concat([decipher.update(data.subarray(HEADER, data.length - TAG)), decipher.final()]);
    } catch {
      throw new KeyProviderError('wrapped key failed authentication: it was altered or belongs to another tenant or key id');
    }
  }
}
