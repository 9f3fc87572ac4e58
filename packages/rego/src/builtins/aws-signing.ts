// providers.aws.sign_req: AWS Signature Version 4 over an http.send-style request object. Pure
// computation (no network): the caller passes the signing time in nanoseconds. The request
// comes back with its headers plus `Authorization`, `host`, `x-amz-date`, and for S3 and Glacier
// `x-amz-content-sha256` (and `x-amz-security-token` with a session token), as OPA returns it.

import { createHash, createHmac } from 'node:crypto';
import { BigNum, RObject, RSet, canonicalText, type Value } from '../value/value.ts';
import { goJSON } from './encoding.ts';
import { BuiltinError, OperandTypeError } from './errors.ts';
import { checkRequest } from './network.ts';
import { num, obj, operandError } from './operands.ts';
import type { BuiltinRegistry } from './registry.ts';

const REQUIRED_CONFIG = ['aws_access_key', 'aws_region', 'aws_secret_access_key', 'aws_service'];

// Headers a proxy may rewrite on the way to AWS: they are sent but never signed.
const UNSIGNED_HEADERS = new Set(['authorization', 'user-agent', 'x-amzn-trace-id']);

const INT64_MAX = 2n ** 63n - 1n;

export interface SigningConfig {
  accessKey: string;
  secretKey: string;
  region: string;
  service: string;
  sessionToken: string;
  disablePayloadSigning: boolean;
}

export interface SigningRequest {
  method: string;
  url: string;
  /** Header names as given; values as sent. */
  headers: [string, string][];
  body: Buffer;
}

export function register(r: BuiltinRegistry): void {
  r.fn('providers.aws.sign_req', 3, (a) => {
    const req = obj(a, 0);
    const config = signingConfig(obj(a, 1));
    const timeNs = signingTime(a);
    checkRequest(req);
    const headers = requestHeaders(req);
    const invalid = ['method', 'url'].filter((k) => typeof req.getStr(k) !== 'string');
    if (invalid.length > 0) {
      throw operandError(1, req, `operand 1 invalid values for required request parameters(s): ${canonicalText(new RSet(invalid))}`);
    }
    const signed = signV4(
      { method: req.getStr('method') as string, url: req.getStr('url') as string, headers, body: requestBody(req) },
      config,
      timeNs,
    );
    const out = new RObject();
    for (const [k, v] of req.entries()) out.set(k, v);
    return out.set('headers', RObject.from(signed));
  });
}

/** OPA checks the credentials before anything else: all four present, all strings. */
function signingConfig(o: RObject): SigningConfig {
  const missing = REQUIRED_CONFIG.filter((k) => !o.has(k));
  if (missing.length > 0) {
    throw operandError(2, o, `operand 2 missing required AWS config parameters(s): ${canonicalText(new RSet(missing))}`);
  }
  const invalid = REQUIRED_CONFIG.filter((k) => typeof o.getStr(k) !== 'string');
  if (invalid.length > 0) {
    throw operandError(2, o, `operand 2 invalid values for required AWS config parameters(s): ${canonicalText(new RSet(invalid))}`);
  }
  const disable = o.getStr('disable_payload_signing');
  if (disable !== undefined && typeof disable !== 'boolean') {
    throw operandError(2, o, "operand 2 invalid value for 'disable_payload_signing' in AWS config");
  }
  const token = o.getStr('aws_session_token');
  return {
    accessKey: o.getStr('aws_access_key') as string,
    secretKey: o.getStr('aws_secret_access_key') as string,
    region: o.getStr('aws_region') as string,
    service: o.getStr('aws_service') as string,
    sessionToken: typeof token === 'string' ? token : '',
    disablePayloadSigning: disable === true,
  };
}

/**
 * The signing time must be a whole number of nanoseconds OPA can hold in an int64. OPA also
 * refuses numbers written with an exponent (`-1e9`); this engine keeps no spelling of numbers,
 * so it refuses negative times instead, which covers that case and every time before 1970.
 */
function signingTime(a: Value[]): bigint {
  const n = num(a, 2);
  const big = n instanceof BigNum ? n.int : Number.isInteger(n) ? BigInt(n) : undefined;
  if (big === undefined || big < 0n || big > INT64_MAX) {
    throw operandError(3, n, 'operand 3 could not convert time_ns value into a unix timestamp');
  }
  return big;
}

/** Header values that are not strings are signed and returned as empty strings, as in OPA. */
function requestHeaders(req: RObject): [string, string][] {
  const h = req.getStr('headers');
  if (h === undefined) return [];
  if (!(h instanceof RObject)) throw new OperandTypeError(1, h, ['object']);
  return h.entries().map(([k, v]) => [typeof k === 'string' ? k : '', typeof v === 'string' ? v : '']);
}

/** `raw_body` wins over `body`, which is signed as the JSON text Go would send. */
function requestBody(req: RObject): Buffer {
  const raw = req.getStr('raw_body');
  if (raw !== undefined) return Buffer.from(typeof raw === 'string' ? raw : '', 'utf8');
  const body = req.getStr('body');
  return Buffer.from(body === undefined ? '' : goJSON(body), 'utf8');
}

/** Signs a request; returns the headers to send (the request's own, then the signing ones). */
export function signV4(req: SigningRequest, config: SigningConfig, timeNs: bigint): [string, string][] {
  const url = parseURL(req.url);
  const payloadHash = config.disablePayloadSigning ? 'UNSIGNED-PAYLOAD' : sha256Hex(req.body);
  const iso = amzDate(timeNs);
  const day = iso.slice(0, 8);

  const awsHeaders: [string, string][] = [
    ['host', url.host],
    ['x-amz-date', iso],
  ];
  if (config.service === 's3' || config.service === 'glacier') awsHeaders.push(['x-amz-content-sha256', payloadHash]);
  if (config.sessionToken !== '') awsHeaders.push(['x-amz-security-token', config.sessionToken]);

  // The request's own headers override the signing headers in the signature (not in the output).
  const toSign = new Map<string, string>(awsHeaders);
  for (const [k, v] of req.headers) {
    const lower = k.toLowerCase();
    if (!UNSIGNED_HEADERS.has(lower)) toSign.set(lower, v);
  }
  const names = [...toSign.keys()].sort();
  const signedHeaders = names.join(';');
  const canonical = [
    req.method,
    url.path,
    url.query,
    ...names.map((n) => `${n}:${toSign.get(n)}`),
    '',
    signedHeaders,
    payloadHash,
  ].join('\n');

  const scope = `${day}/${config.region}/${config.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', iso, scope, sha256Hex(Buffer.from(canonical, 'utf8'))].join('\n');
  let key = hmac(Buffer.from(`AWS4${config.secretKey}`, 'utf8'), day);
  for (const part of [config.region, config.service, 'aws4_request']) key = hmac(key, part);
  const signature = hmac(key, stringToSign).toString('hex');

  const out = new Map<string, string>(req.headers);
  out.set('Authorization', `AWS4-HMAC-SHA256 Credential=${config.accessKey}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`);
  for (const [k, v] of awsHeaders) out.set(k, v);
  return [...out];
}

function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** `20151228T140825Z` for the given time in nanoseconds since the epoch (UTC). */
function amzDate(timeNs: bigint): string {
  const iso = new Date(Number(timeNs / 1_000_000n)).toISOString();
  return iso.replace(/\.\d{3}/, '').replace(/[-:]/g, '');
}

/**
 * The parts of a URL the signature uses, split the way Go's net/url does: the host with its
 * port, the path exactly as written (empty when there is none, not "/"), the raw query.
 */
function parseURL(text: string): { host: string; path: string; query: string } {
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    throw new BuiltinError(`parse ${JSON.stringify(text)}: net/url: invalid control character in URL`);
  }
  let rest = text;
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  let query = '';
  const q = rest.indexOf('?');
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(rest);
  if (scheme) rest = rest.slice(scheme[0].length);
  let host = '';
  if (rest.startsWith('//')) {
    const end = rest.indexOf('/', 2);
    const authority = end < 0 ? rest.slice(2) : rest.slice(2, end);
    host = authority.slice(authority.lastIndexOf('@') + 1);
    rest = end < 0 ? '' : rest.slice(end);
  }
  return { host, path: escapePath(rest), query };
}

/** Percent-encodes what Go would not leave bare in a path; existing escapes are kept. */
function escapePath(path: string): string {
  return path.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/gu, (c) => encodeURIComponent(c));
}
