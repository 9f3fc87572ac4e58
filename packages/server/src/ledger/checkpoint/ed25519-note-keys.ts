import { createHash, createPublicKey, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { decodeBase64Strict } from './base64.ts';
import { type NoteSigner, type NoteVerifier, isValidKeyName } from './note.ts';

// Ed25519 note keys (signature type 0x01 of the signed-note spec).
const ED25519_TYPE = 0x01;

/** Anything that can sign with an Ed25519 key: a tenant signer or a raw KeyObject wrapper. */
export interface Ed25519Signing {
  publicKey: Uint8Array;
  sign(data: Uint8Array): Uint8Array;
}

/** key ID = SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key)[:4], big-endian. */
export function ed25519NoteKeyId(name: string, publicKey: Uint8Array): number {
  checkKey(name, publicKey);
  return createHash('sha256').update(name, 'utf8').update(Buffer.from([0x0a, ED25519_TYPE])).update(publicKey).digest().readUInt32BE(0);
}

export function ed25519NoteSigner(name: string, key: Ed25519Signing): NoteSigner {
  return { name, keyId: ed25519NoteKeyId(name, key.publicKey), sign: (message) => key.sign(message) };
}

export function ed25519NoteVerifier(name: string, publicKey: Uint8Array): NoteVerifier {
  const keyObject = ed25519PublicKeyObject(publicKey);
  return {
    name,
    keyId: ed25519NoteKeyId(name, publicKey),
    verify: (message, signature) => signature.length === 64 && cryptoVerify(null, message, keyObject, signature),
  };
}

/** The verifier key string used by note tooling: `<name>+<hex key id>+<base64(0x01 ‖ public key)>`. */
export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  const id = ed25519NoteKeyId(name, publicKey).toString(16).padStart(8, '0');
  return `${name}+${id}+${Buffer.concat([Buffer.from([ED25519_TYPE]), publicKey]).toString('base64')}`;
}

/** Parses a verifier key string; throws on a malformed key or a key id that does not match. */
export function parseVerifierKey(vkey: string): NoteVerifier {
  // The name holds no '+', the hex id none, so split at the first two; base64 may contain '+'.
  const first = vkey.indexOf('+');
  const second = vkey.indexOf('+', first + 1);
  if (first <= 0 || second < 0) throw new Error('verifier key must be name+keyid+key');
  const name = vkey.slice(0, first);
  const idText = vkey.slice(first + 1, second);
  const keyBytes = decodeBase64Strict(vkey.slice(second + 1));
  if (!/^[0-9a-f]{8}$/.test(idText)) throw new Error('verifier key id must be 8 lowercase hex digits');
  if (keyBytes === undefined || keyBytes.length !== 33 || keyBytes[0] !== ED25519_TYPE) throw new Error('verifier key must be an Ed25519 key');
  const publicKey = keyBytes.subarray(1);
  const verifier = ed25519NoteVerifier(name, publicKey);
  if (verifier.keyId !== Number.parseInt(idText, 16)) throw new Error('verifier key id does not match its name and key');
  return verifier;
}

export function ed25519PublicKeyObject(publicKey: Uint8Array): KeyObject {
  if (publicKey.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' });
}

function checkKey(name: string, publicKey: Uint8Array): void {
  if (!isValidKeyName(name)) throw new Error(`invalid note key name ${JSON.stringify(name)}`);
  if (publicKey.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
}
