// JWS signing and verification for each algorithm, over node:crypto.

import { constants, createHmac, sign, timingSafeEqual, verify, type KeyObject } from 'node:crypto';

const HASHES: Record<string, string> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };

function hashOf(alg: string): string | undefined {
  return HASHES[alg.slice(2)];
}

/** Signs `input` with `alg`; throws when the key does not fit the algorithm. */
export function jwsSign(alg: string, key: KeyObject, input: Buffer): Buffer {
  const family = alg.slice(0, 2);
  const hash = hashOf(alg);
  if (family === 'HS' && hash) {
    if (key.type !== 'secret') throw new Error(`invalid key for ${alg}: a symmetric key is required`);
    return createHmac(hash, key.export()).update(input).digest();
  }
  if (key.type !== 'private') throw new Error(`invalid key for ${alg}: a private key is required`);
  if (alg === 'EdDSA') return sign(null, input, key);
  if (family === 'RS' && hash) return sign(hash, input, { key, padding: constants.RSA_PKCS1_PADDING });
  if (family === 'PS' && hash) {
    return sign(hash, input, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST });
  }
  if (family === 'ES' && hash) return sign(hash, input, { key, dsaEncoding: 'ieee-p1363' });
  throw new Error(`unsupported signature algorithm ${alg}`);
}

/** Verifies a JWS signature; false for a wrong signature, key type or algorithm. */
export function jwsVerify(alg: string, key: KeyObject, input: Buffer, signature: Buffer): boolean {
  const family = alg.slice(0, 2);
  const hash = hashOf(alg);
  try {
    if (family === 'HS' && hash) {
      if (key.type !== 'secret') return false;
      const mac = createHmac(hash, key.export()).update(input).digest();
      return mac.length === signature.length && timingSafeEqual(mac, signature);
    }
    if (key.type === 'secret') return false;
    if (alg === 'EdDSA') return key.asymmetricKeyType === 'ed25519' && verify(null, input, key, signature);
    if (!hash) return false;
    if (family === 'RS' || family === 'PS') {
      if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'rsa-pss') return false;
      const padding = family === 'RS' ? constants.RSA_PKCS1_PADDING : constants.RSA_PKCS1_PSS_PADDING;
      return verify(hash, input, { key, padding, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, signature);
    }
    if (family === 'ES') {
      return key.asymmetricKeyType === 'ec' && verify(hash, input, { key, dsaEncoding: 'ieee-p1363' }, signature);
    }
    return false;
  } catch {
    return false;
  }
}
