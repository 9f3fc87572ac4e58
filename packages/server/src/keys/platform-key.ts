import { createPrivateKey, createPublicKey, hkdfSync, sign as cryptoSign } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519Jwk, jwkThumbprint } from './jwk.ts';
import { DEV_KEK_FILE } from './kek.ts';
import { KEK_VARIABLE, parseKek } from './key-provider.ts';
import type { Jwks } from './jwks.ts';

// The platform key signs what belongs to no tenant: backup manifests and drill reports. It is
// derived from the KEK (HKDF-SHA256), so every server and tool holding the KEK has the same key
// without storing another secret, and a restore — which needs the KEK anyway to unwrap tenant
// keys — can check a backup before touching the target.

const INFO = 'companyos.platform-signing-key/v1';
// PKCS#8 DER of an Ed25519 private key is this fixed prefix followed by the 32-byte seed.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
// The platform key has no rotation history: its window starts at the epoch.
const NOT_BEFORE = 0;

export interface PlatformSigner {
  kid: string;
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
  sign(data: Uint8Array): Buffer;
  /** The one-key JWKS that verifies what this key signs. */
  jwks: Jwks;
}

export function platformSigner(kek: Uint8Array): PlatformSigner {
  const seed = Buffer.from(hkdfSync('sha256', kek, Buffer.alloc(0), INFO, 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  seed.fill(0);
  const raw = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x!, 'base64url');
  const jwk = ed25519Jwk(raw);
  const kid = jwkThumbprint(jwk);
  return {
    kid,
    publicKey: raw,
    sign: (data) => cryptoSign(null, data, privateKey),
    jwks: { keys: [{ ...jwk, kid, alg: 'EdDSA', use: 'sig', status: 'active', nbf: NOT_BEFORE }] },
  };
}

/**
 * The KEK a command-line tool works with: COMPANYOS_KEK when configured, else the development
 * KEK kept in the data dir. Undefined when neither exists (nothing was ever wrapped there).
 */
export function kekForTools(configured: Buffer | undefined, dataDir: string): Buffer | undefined {
  if (configured !== undefined) return configured;
  const file = join(dataDir, DEV_KEK_FILE);
  return existsSync(file) ? parseKek(readFileSync(file, 'utf8'), file) : undefined;
}

export const PLATFORM_KEY_HINT = `set ${KEK_VARIABLE} to the key-encryption key of the server the backup came from`;
