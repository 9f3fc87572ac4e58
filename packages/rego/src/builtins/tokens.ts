// io.jwt.* builtins: decoding, signature verification (HMAC, RSA, RSA-PSS, ECDSA, EdDSA),
// decode_verify with constraints, and signing. Keys may be PEM certificates, PEM public keys,
// JWKs or JWK sets, as OPA accepts them.

import { createSecretKey, type KeyObject } from 'node:crypto';
import {
  BigNum,
  RObject,
  compareNumbers,
  isNumber,
  parseJSON,
  parseNumber,
  toDouble,
  type Value,
} from '../value/value.ts';
import { decodeBase64, goJSON, goJSONError, toBase64Url } from './encoding.ts';
import { BuiltinError } from './errors.ts';
import { obj, str } from './operands.ts';
import type { BuiltinContext, BuiltinRegistry } from './registry.ts';
import { JWS_ALGORITHMS, jwkList, keyFromJWK, verificationKeys, type VerificationKey } from './jwk.ts';
import { jwsSign, jwsVerify } from './jws.ts';

export function register(r: BuiltinRegistry): void {
  r.fn('io.jwt.decode', 1, (a) => decode(a[0] as Value));
  for (const alg of ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA']) {
    r.fn(`io.jwt.verify_${alg.toLowerCase()}`, 2, (a) => verifyWithKeys(alg, a[0] as Value, a[1] as Value));
  }
  for (const alg of ['HS256', 'HS384', 'HS512']) {
    r.fn(`io.jwt.verify_${alg.toLowerCase()}`, 2, (a) => {
      const jwt = str(a, 0);
      const secret = str(a, 1);
      const token = split(jwt);
      const signature = decodeSegment(token.signature, 'signature');
      return jwsVerify(alg, createSecretKey(Buffer.from(secret, 'utf8')), Buffer.from(`${token.header}.${token.payload}`), signature);
    });
  }
  r.fn('io.jwt.decode_verify', 2, (a, ctx) => decodeVerify(a[0] as Value, obj(a, 1), ctx));
  r.fn('io.jwt.encode_sign', 3, (a) =>
    encodeSign(goJSON(a[0] as Value), goJSON(a[1] as Value), goJSON(a[2] as Value)),
  );
  r.fn('io.jwt.encode_sign_raw', 3, (a) => {
    const jwk = str(a, 2);
    return encodeSign(str(a, 0), str(a, 1), jwk);
  });
}

interface Token {
  header: string;
  payload: string;
  signature: string;
}

function split(v: Value): Token {
  const text = str([v], 0);
  if (!text.includes('.')) throw new BuiltinError('encoded JWT had no period separators');
  const parts = text.split('.');
  if (parts.length !== 3) throw new BuiltinError(`encoded JWT must have 3 sections, found ${parts.length}`);
  const [header, payload, signature] = parts as [string, string, string];
  return { header, payload, signature };
}

/** base64url.decode's rules (padding optional), with the segment named in errors. */
function decodeSegment(segment: string, what: 'header' | 'payload' | 'signature'): Buffer {
  try {
    let s = segment;
    if (!s.endsWith('=')) {
      if (s.length % 4 === 1) throw new BuiltinError(`illegal base64url string: ${s}`);
      s += '='.repeat((4 - (s.length % 4)) % 4);
    }
    return decodeBase64(s, true);
  } catch (e) {
    throw new BuiltinError(`JWT ${what} had invalid encoding: ${(e as Error).message}`);
  }
}

function jsonObject(text: string): RObject {
  let v: Value;
  try {
    v = parseJSON(text);
  } catch (e) {
    throw new BuiltinError(`invalid JSON: ${goJSONError(e as Error, text)}`);
  }
  if (!(v instanceof RObject)) throw new BuiltinError('decoded JSON type was not an Object');
  return v;
}

function decodeHeader(token: Token): RObject {
  const text = decodeSegment(token.header, 'header').toString('utf8');
  let header: RObject;
  try {
    header = jsonObject(text);
  } catch (e) {
    throw new BuiltinError(`bad JWT header: ${(e as Error).message}`);
  }
  if (header.has('enc')) throw new BuiltinError('JWT is a JWE object, which is not supported');
  return header;
}

function decode(v: Value): Value[] {
  const token = split(v);
  const header = decodeHeader(token);
  let payload = decodeSegment(token.payload, 'payload').toString('utf8');
  if (header.getStr('cty') === 'JWT') {
    // A nested token; encoders often quote it, so surrounding quotes are dropped.
    payload = payload.replace(/^["']+|["']+$/g, '');
    return decode(payload);
  }
  const claims = jsonObject(payload);
  const signature = decodeSegment(token.signature, 'signature').toString('hex');
  return [header, claims, signature];
}

/** The registered header parameters OPA checks. */
interface Header {
  alg: string;
  kid: string;
  cty: string;
  crit: Set<string>;
  unknown: string[];
}

function parseHeader(h: RObject): Header {
  const out: Header = { alg: '', kid: '', cty: '', crit: new Set(), unknown: [] };
  for (const [k, v] of h.entries()) {
    const name = String(k);
    if (name === 'alg' || name === 'kid' || name === 'typ' || name === 'cty') {
      if (typeof v !== 'string') throw new BuiltinError(`${name}: must be a string`);
      if (name !== 'typ') out[name] = v;
    } else if (name === 'crit') {
      if (!Array.isArray(v)) throw new BuiltinError('crit: must be a list');
      for (const c of v) if (typeof c === 'string') out.crit.add(c);
      if (out.crit.size === 0) throw new BuiltinError('crit: must be a nonempty list');
    } else out.unknown.push(name);
  }
  return out;
}

/** A header is acceptable when it names an algorithm and no critical parameter is unknown. */
const headerValid = (h: Header) => h.alg !== '' && !h.unknown.some((u) => h.crit.has(u));

/** Tries the key whose kid matches the header, otherwise every key whose alg (if any) matches. */
function verifyAny(verifyAlg: string, headerAlg: string, kid: string, keys: VerificationKey[], input: Buffer, sig: Buffer): boolean {
  if (kid !== '') {
    const byKid = keys.find((k) => k.kid === kid);
    if (byKid) return jwsVerify(verifyAlg, byKid.key, input, sig);
  }
  return keys.some((k) => (k.alg === '' || k.alg === headerAlg) && jwsVerify(verifyAlg, k.key, input, sig));
}

function verifyWithKeys(alg: string, jwt: Value, keyText: Value): boolean {
  const token = split(jwt);
  const keys = verificationKeys(str([jwt, keyText], 1));
  const signature = decodeSegment(token.signature, 'signature');
  const header = parseHeader(decodeHeader(token));
  return verifyAny(alg, header.alg, header.kid, keys, Buffer.from(`${token.header}.${token.payload}`), signature);
}

// ---------------------------------------------------------------------------------------------
// decode_verify.

interface Constraints {
  keys: VerificationKey[] | undefined;
  secret: string;
  alg: string;
  iss: string;
  aud: string;
  time: number | BigNum;
}

function timeConstraint(v: Value): number | BigNum {
  if (!isNumber(v)) throw new BuiltinError('token time constraint: must be a number');
  if (toDouble(v) < 0) throw new BuiltinError('token time constraint: must not be negative');
  return v;
}

function constraintsOf(o: RObject, ctx: BuiltinContext): Constraints {
  const c: Constraints = { keys: undefined, secret: '', alg: '', iss: '', aud: '', time: -1 };
  let time: number | BigNum | undefined;
  for (const [k, v] of o.entries()) {
    const name = String(k);
    if (name === 'cert') {
      if (typeof v !== 'string') throw new BuiltinError('cert constraint: must be a string');
      c.keys = verificationKeys(v);
    } else if (name === 'secret' || name === 'alg' || name === 'iss' || name === 'aud') {
      if (typeof v !== 'string') throw new BuiltinError(`${name} constraint: must be a string`);
      c[name] = v;
    } else if (name === 'time') {
      time = timeConstraint(v);
    } else throw new BuiltinError(`unknown token validation constraint: ${name}`);
  }
  c.time = time ?? parseNumber(ctx.nowNs().toString());
  const keyKinds = (c.keys !== undefined ? 1 : 0) + (c.secret !== '' ? 1 : 0);
  if (keyKinds > 1) throw new BuiltinError('duplicate key constraints');
  if (keyKinds < 1) throw new BuiltinError('no key constraint');
  return c;
}

const UNVERIFIED: Value[] = [false, new RObject(), new RObject()];

function decodeVerify(jwt: Value, constraintObject: RObject, ctx: BuiltinContext): Value[] {
  const c = constraintsOf(constraintObject, ctx);
  let current: Value = jwt;
  let header: RObject;
  let payloadText: string;
  for (;;) {
    const token = split(current);
    header = decodeHeader(token);
    const h = parseHeader(header);
    if (!headerValid(h)) return UNVERIFIED;
    if (c.alg !== '' && c.alg !== h.alg) return UNVERIFIED;
    const signature = decodeSegment(token.signature, 'signature');
    const input = Buffer.from(`${token.header}.${token.payload}`);
    const ok =
      c.keys !== undefined
        ? verifyAny(h.alg, h.alg, h.kid, c.keys, input, signature)
        : JWS_ALGORITHMS.has(h.alg) && jwsVerify(h.alg, createSecretKey(Buffer.from(c.secret, 'utf8')), input, signature);
    if (!ok) return UNVERIFIED;
    payloadText = decodeSegment(token.payload, 'payload').toString('utf8');
    if (h.cty.toUpperCase() !== 'JWT') break;
    current = payloadText;
  }
  const payload = jsonObject(payloadText);
  if (c.iss !== '' && payload.getStr('iss') !== c.iss) return UNVERIFIED;
  const aud = payload.getStr('aud');
  if (aud !== undefined ? !audienceMatches(aud, c.aud) : c.aud !== '') return UNVERIFIED;
  // Claims are in seconds, the time constraint in nanoseconds.
  const now = parseNumber(String(toDouble(c.time) / 1e9));
  const exp = payload.getStr('exp');
  if (exp !== undefined) {
    if (!isNumber(exp)) throw new BuiltinError('exp value must be a number');
    if (compareNumbers(now, exp) >= 0) return UNVERIFIED;
  }
  const nbf = payload.getStr('nbf');
  if (nbf !== undefined) {
    if (!isNumber(nbf)) throw new BuiltinError('nbf value must be a number');
    if (compareNumbers(now, nbf) < 0) return UNVERIFIED;
  }
  return [true, header, payload];
}

function audienceMatches(aud: Value, want: string): boolean {
  if (typeof aud === 'string') return aud === want;
  return Array.isArray(aud) && aud.some((x) => x === want);
}

// ---------------------------------------------------------------------------------------------
// Signing.

/** A header's string member, with the error texts of OPA's JWS header reader. */
function headerString(headerText: string, name: string): string {
  if (headerText.trim() === '') throw new Error('cannot parse JSON: cannot parse empty string');
  let parsed: unknown;
  try {
    parsed = JSON.parse(headerText);
  } catch (e) {
    throw new Error(`cannot parse JSON: ${(e as Error).message}`);
  }
  const v = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>)[name] : undefined;
  if (v === undefined) throw new Error(`jwsbb: header "${name}" not found`);
  if (typeof v !== 'string') throw new Error(`jwsbb: header "${name}" is not a string`);
  return v;
}

function isValidJSON(text: string): boolean {
  try {
    parseJSON(text);
    return true;
  } catch {
    return false;
  }
}

function encodeSign(headerText: string, payloadText: string, jwkText: string): string {
  let key: KeyObject;
  try {
    const list = jwkList(jwkText);
    if (list.length === 0) throw new Error('no keys found in JWK set');
    key = keyFromJWK(list[0] as Record<string, unknown>, true);
  } catch (e) {
    throw new BuiltinError((e as Error).message);
  }
  let alg: string;
  try {
    alg = headerString(headerText, 'alg');
  } catch (e) {
    throw new BuiltinError(`missing or invalid 'alg' header: ${(e as Error).message}`);
  }
  if (!JWS_ALGORITHMS.has(alg)) throw new BuiltinError(`unknown JWS algorithm: ${alg}`);
  let typ: string | undefined;
  try {
    typ = headerString(headerText, 'typ');
  } catch {
    typ = undefined;
  }
  if ((typ === undefined || typ === 'JWT') && !isValidJSON(payloadText)) {
    throw new BuiltinError('type is JWT but payload is not JSON');
  }
  const input = `${toBase64Url(Buffer.from(headerText, 'utf8'), false)}.${toBase64Url(Buffer.from(payloadText, 'utf8'), false)}`;
  let signature: Buffer;
  try {
    signature = jwsSign(alg, key, Buffer.from(input));
  } catch (e) {
    throw new BuiltinError(`failed to sign payload: ${(e as Error).message}`);
  }
  return `${input}.${toBase64Url(signature, false)}`;
}
