// crypto.* builtins: digests, HMACs, X.509 parsing and verification, private keys. All
// cryptography is node:crypto; certificates are described in the shape OPA returns (x509.ts).

import {
  X509Certificate,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { RObject, fromBigInt, parseJSON, type Value } from '../value/value.ts';
import { decodeBase64 } from './encoding.ts';
import { BuiltinError } from './errors.ts';
import { obj, str } from './operands.ts';
import { DerError, decodeAllPem, decodePem, encodePem } from './pem.ts';
import type { BuiltinRegistry } from './registry.ts';
import { certificateObject, certificateRequestObject, splitCertificates } from './x509.ts';
import { verifyChain, verifyOptions, type VerifyOptions } from './x509-verify.ts';

export function register(r: BuiltinRegistry): void {
  for (const alg of ['md5', 'sha1', 'sha256'] as const) {
    r.fn(`crypto.${alg}`, 1, (a) => createHash(alg).update(str(a, 0), 'utf8').digest('hex'));
  }
  for (const alg of ['md5', 'sha1', 'sha256', 'sha512'] as const) {
    r.fn(`crypto.hmac.${alg}`, 2, (a) => createHmac(alg, Buffer.from(str(a, 1), 'utf8')).update(str(a, 0), 'utf8').digest('hex'));
  }
  r.fn('crypto.hmac.equal', 2, (a) => {
    const x = Buffer.from(str(a, 0), 'utf8');
    const y = Buffer.from(str(a, 1), 'utf8');
    return x.length === y.length && timingSafeEqual(x, y);
  });
  r.fn('crypto.x509.parse_certificates', 1, (a) => withX509Errors(() => certificatesOf(str(a, 0)).map(certificateObject)));
  r.fn('crypto.x509.parse_and_verify_certificates', 1, (a, ctx) => parseAndVerify(str(a, 0), () => ({ nowNs: ctx.nowNs() })));
  r.fn('crypto.x509.parse_and_verify_certificates_with_options', 2, (a, ctx) => {
    const options = obj(a, 1);
    return parseAndVerify(str(a, 0), () => verifyOptions(options, ctx.nowNs()));
  });
  r.fn('crypto.x509.parse_certificate_request', 1, (a) => withX509Errors(() => certificateRequestOf(str(a, 0))));
  r.fn('crypto.x509.parse_keypair', 2, (a) => withX509Errors(() => keyPair(str(a, 0), str(a, 1))));
  r.fn('crypto.x509.parse_rsa_private_key', 1, (a) => firstPrivateKeyJWK(str(a, 0)));
  r.fn('crypto.parse_private_keys', 1, (a) => {
    const input = str(a, 0);
    if (input === '') return null;
    return privateKeysOf(input).map(privateKeyObject);
  });
}

function withX509Errors<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof DerError) throw new BuiltinError(e.message);
    throw e;
  }
}

/** Base64 as OPA decodes operands that are not PEM (Go's StdEncoding). */
function base64Bytes(s: string): Buffer {
  return decodeBase64(s, false);
}

/** DER certificates from PEM text, base64 of PEM, or base64 of DER. */
function certificatesOf(input: string): Buffer[] {
  let data: Buffer | string = input;
  if (!input.startsWith('-----BEGIN')) {
    const bytes = base64Bytes(input);
    data = bytes.subarray(0, 10).toString('latin1') === '-----BEGIN' ? bytes.toString('latin1') : bytes;
  }
  if (typeof data === 'string') {
    const ders: Buffer[] = [];
    for (const block of decodeAllPem(data)) {
      if (block.type !== 'CERTIFICATE') throw new BuiltinError(`PEM block type is '${block.type}', expected CERTIFICATE`);
      ders.push(block.bytes);
    }
    return splitCertificates(Buffer.concat(ders));
  }
  return splitCertificates(data);
}

/**
 * [valid, certificates leaf first]; unparsable input or a failed verification is [false, []].
 * Options are read after the certificates parse, so their errors only show for real chains.
 */
function parseAndVerify(input: string, opts: () => VerifyOptions): Value[] {
  let certs: Buffer[];
  try {
    certs = certificatesOf(input);
  } catch {
    return [false, []];
  }
  const chain = verifyChain(certs, opts());
  return chain === undefined ? [false, []] : [true, chain.map(certificateObject)];
}

function certificateRequestOf(input: string): RObject {
  let bytes = input.startsWith('-----BEGIN CERTIFICATE REQUEST-----') ? Buffer.from(input, 'latin1') : base64Bytes(input);
  const { block } = decodePem(bytes.toString('latin1'));
  if (block !== undefined && block.type !== 'CERTIFICATE REQUEST') {
    throw new BuiltinError('invalid PEM-encoded certificate signing request');
  }
  if (block !== undefined) bytes = block.bytes;
  return certificateRequestObject(bytes);
}

// ---------------------------------------------------------------------------------------------
// Private keys.

/** Private keys of every RSA/EC/PKCS#8 PEM block (the input may also be base64 of the PEM). */
function privateKeysOf(input: string): KeyObject[] {
  let text = input;
  try {
    text = base64Bytes(input).toString('latin1');
  } catch {
    // not base64: PEM text
  }
  const keys: KeyObject[] = [];
  for (const block of decodeAllPem(text)) {
    const der = block.bytes;
    try {
      if (block.type === 'RSA PRIVATE KEY') keys.push(createPrivateKey({ key: der, format: 'der', type: 'pkcs1' }));
      else if (block.type === 'PRIVATE KEY') keys.push(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
      else if (block.type === 'EC PRIVATE KEY') keys.push(createPrivateKey({ key: der, format: 'der', type: 'sec1' }));
    } catch {
      throw new BuiltinError(`x509: failed to parse private key (${block.type})`);
    }
  }
  return keys;
}

const jwkOf = (key: KeyObject) => key.export({ format: 'jwk' }) as Record<string, string>;
const bigOf = (s: string | undefined) => fromBigInt(BigInt('0x' + (Buffer.from(s ?? '', 'base64url').toString('hex') || '0')));

/** A private key with the fields of Go's key structs (rsa.PrivateKey, ecdsa.PrivateKey...). */
function privateKeyObject(key: KeyObject): Value {
  const j = jwkOf(key);
  if (j.kty === 'RSA') {
    return RObject.fromRecord({
      N: bigOf(j.n),
      E: bigOf(j.e),
      D: bigOf(j.d),
      Primes: [bigOf(j.p), bigOf(j.q)],
      Precomputed: RObject.fromRecord({ Dp: bigOf(j.dp), Dq: bigOf(j.dq), Qinv: bigOf(j.qi), CRTValues: [] }),
    });
  }
  if (j.kty === 'EC') {
    return RObject.fromRecord({ Curve: RObject.fromRecord({}), X: bigOf(j.x), Y: bigOf(j.y), D: bigOf(j.d) });
  }
  // Ed25519: Go's key is the 64-byte seed || public key.
  return Buffer.concat([Buffer.from(j.d ?? '', 'base64url'), Buffer.from(j.x ?? '', 'base64url')]).toString('base64');
}

function firstPrivateKeyJWK(input: string): Value {
  if (input === '') throw new BuiltinError('input PEM data was empty');
  const text = input.startsWith('-----BEGIN') ? input : base64Bytes(input).toString('latin1');
  const keys = privateKeysOf(text);
  if (keys.length === 0) return null;
  return parseJSON(JSON.stringify(jwkOf(keys[0] as KeyObject)));
}

/** A certificate chain and its private key, as Go's tls.X509KeyPair describes them. */
function keyPair(certInput: string, keyInput: string): RObject {
  const toPem = (s: string, type: string) => {
    if (s.startsWith('-----BEGIN ')) return s;
    const bytes = base64Bytes(s);
    const text = bytes.toString('latin1');
    return text.startsWith('-----BEGIN ') ? text : encodePem(type, bytes);
  };
  const certBlocks = decodeAllPem(toPem(certInput, 'CERTIFICATE')).filter((b) => b.type === 'CERTIFICATE');
  if (certBlocks.length === 0) throw new BuiltinError('tls: failed to find any PEM data in certificate input');
  const keys = privateKeysOf(toPem(keyInput, 'PRIVATE KEY'));
  const key = keys[0];
  if (key === undefined) throw new BuiltinError('tls: failed to find any PEM data in key input');
  const leaf = new X509Certificate(certBlocks[0]!.bytes);
  const publicOfKey = createPublicKey(key).export({ format: 'der', type: 'spki' });
  if (!leaf.publicKey.export({ format: 'der', type: 'spki' }).equals(publicOfKey)) {
    throw new BuiltinError('tls: private key does not match public key');
  }
  return RObject.fromRecord({
    Certificate: certBlocks.map((b) => b.bytes.toString('base64')),
    PrivateKey: privateKeyObject(key),
    Leaf: certificateObject(certBlocks[0]!.bytes),
    OCSPStaple: null,
    SignedCertificateTimestamps: null,
    SupportedSignatureAlgorithms: null,
  });
}
