import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { toJS, type Value } from '../value/value.ts';
import { callBuiltin, testContext } from './testing.ts';

const b64url = (s: string) => Buffer.from(s).toString('base64url');
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ec384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const ed = generateKeyPairSync('ed25519');
const privateJWK = (k: KeyObject, extra: Record<string, string> = {}) => ({ ...(k.export({ format: 'jwk' }) as object), ...extra });
const publicPEM = (k: KeyObject) => k.export({ format: 'pem', type: 'spki' }) as string;
const SECRET_JWK = { kty: 'oct', k: b64url('secret') };

function signed(header: Record<string, unknown>, claims: Record<string, unknown>, jwk: object): string {
  return callBuiltin('io.jwt.encode_sign', [header, claims, jwk]) as string;
}

test('io.jwt.decode splits, decodes and hex-encodes the signature', () => {
  const token = signed({ alg: 'HS256', typ: 'JWT' }, { sub: '0', iss: 'opa' }, SECRET_JWK);
  const [header, claims, sig] = toJS(callBuiltin('io.jwt.decode', [token]) ?? null) as [object, object, string];
  assert.deepEqual(header, { alg: 'HS256', typ: 'JWT' });
  assert.deepEqual(claims, { iss: 'opa', sub: '0' });
  const input = token.split('.').slice(0, 2).join('.');
  assert.equal(sig, createHmac('sha256', 'secret').update(input).digest('hex'));
  // A nested token (cty JWT), quoted as some encoders do.
  const outer = `${b64url('{"alg":"HS256","cty":"JWT"}')}.${b64url(`"${token}"`)}.${b64url('x')}`;
  assert.deepEqual(toJS(callBuiltin('io.jwt.decode', [outer]) ?? null), [header, claims, sig]);
});

test('io.jwt.decode errors', () => {
  const errors: [string, string][] = [
    ['abc', 'encoded JWT had no period separators'],
    ['a.b', 'encoded JWT must have 3 sections, found 2'],
    ['eyJhbGciOiJIU^%zI1NiI+sInR5cCI6IkpXVCJ9.e30.e30', 'JWT header had invalid encoding: illegal base64 data at input byte 13'],
    [`${b64url('{"alg":"HS256","enc":"x"}')}.e30.e30`, 'JWT is a JWE object, which is not supported'],
    [`${b64url('[1]')}.e30.e30`, 'bad JWT header: decoded JSON type was not an Object'],
  ];
  for (const [token, message] of errors) assert.throws(() => callBuiltin('io.jwt.decode', [token]), { message }, token);
});

test('HMAC verification', () => {
  const token = signed({ alg: 'HS384', typ: 'JWT' }, { user: 'alice' }, SECRET_JWK);
  assert.equal(callBuiltin('io.jwt.verify_hs384', [token, 'secret']), true);
  assert.equal(callBuiltin('io.jwt.verify_hs384', [token, 'other']), false);
  assert.equal(callBuiltin('io.jwt.verify_hs256', [token, 'secret']), false);
  assert.throws(() => callBuiltin('io.jwt.verify_hs256', ['a.b', 'secret']), { message: 'encoded JWT must have 3 sections, found 2' });
});

test('asymmetric verification with PEM keys, JWKs and JWK sets', () => {
  const cases: [string, { privateKey: KeyObject; publicKey: KeyObject }, string][] = [
    ['RS256', rsa, 'io.jwt.verify_rs256'],
    ['RS512', rsa, 'io.jwt.verify_rs512'],
    ['PS256', rsa, 'io.jwt.verify_ps256'],
    ['PS384', rsa, 'io.jwt.verify_ps384'],
    ['ES256', ec256, 'io.jwt.verify_es256'],
    ['ES384', ec384, 'io.jwt.verify_es384'],
    ['EdDSA', ed, 'io.jwt.verify_eddsa'],
  ];
  for (const [alg, keys, fn] of cases) {
    const token = signed({ alg, typ: 'JWT' }, { iss: 'xxx' }, privateJWK(keys.privateKey));
    const publicJWK = JSON.stringify(keys.publicKey.export({ format: 'jwk' }));
    assert.equal(callBuiltin(fn, [token, publicPEM(keys.publicKey)]), true, `${alg} PEM`);
    assert.equal(callBuiltin(fn, [token, publicJWK]), true, `${alg} JWK`);
    assert.equal(callBuiltin(fn, [token, publicPEM(ec256.publicKey === keys.publicKey ? rsa.publicKey : ec256.publicKey)]), false, `${alg} wrong key`);
  }
  const token = signed({ alg: 'RS256', kid: 'k2' }, { iss: 'xxx' }, privateJWK(rsa.privateKey));
  const jwks = JSON.stringify({
    keys: [
      { ...(ec256.publicKey.export({ format: 'jwk' }) as object), kid: 'k1', alg: 'ES256' },
      { ...(rsa.publicKey.export({ format: 'jwk' }) as object), kid: 'k2', alg: 'RS256' },
    ],
  });
  assert.equal(callBuiltin('io.jwt.verify_rs256', [token, jwks]), true);
});

test('key text errors', () => {
  const token = signed({ alg: 'RS256' }, {}, privateJWK(rsa.privateKey));
  const pem = publicPEM(rsa.publicKey);
  assert.throws(() => callBuiltin('io.jwt.verify_rs256', [token, pem + 'junk']), { message: 'extra data after a PEM certificate block' });
  assert.throws(() => callBuiltin('io.jwt.verify_rs256', [token, pem.replaceAll('PUBLIC KEY', 'CERT')]), {
    message: 'failed to extract a Key from the PEM certificate',
  });
  assert.throws(() => callBuiltin('io.jwt.verify_rs256', [token, pem.replaceAll('PUBLIC KEY', 'CERTIFICATE')]), {
    message: /^failed to parse a PEM certificate/,
  });
  assert.throws(() => callBuiltin('io.jwt.verify_rs256', [token, 'nope']), { message: /^failed to parse a JWK key \(set\)/ });
});

test('io.jwt.decode_verify checks signature, alg, iss, aud, exp and nbf', () => {
  const cert = publicPEM(rsa.publicKey);
  const token = (claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT' }) =>
    signed(header, claims, privateJWK(rsa.privateKey));
  const run = (t: string, constraints: Record<string, unknown>) => toJS(callBuiltin('io.jwt.decode_verify', [t, constraints], testContext(2_000_000_000_000n)) ?? null);
  const unverified = [false, {}, {}];
  assert.deepEqual(run(token({ iss: 'xxx' }), { cert }), [true, { alg: 'RS256', typ: 'JWT' }, { iss: 'xxx' }]);
  assert.deepEqual(run(token({ iss: 'xxx' }), { cert, iss: 'xxx', alg: 'RS256' }), [true, { alg: 'RS256', typ: 'JWT' }, { iss: 'xxx' }]);
  assert.deepEqual(run(token({ iss: 'yyy' }), { cert, iss: 'xxx' }), unverified);
  assert.deepEqual(run(token({}), { cert, iss: 'xxx' }), unverified);
  assert.deepEqual(run(token({ iss: 'xxx' }), { cert, alg: 'PS256' }), unverified);
  assert.deepEqual(run(token({ iss: 'xxx' }), { cert: publicPEM(ec256.publicKey) }), unverified);
  // Audience: a string or a list must contain the constraint; a token with an audience needs one.
  assert.equal((run(token({ aud: ['a', 'b'] }), { cert, aud: 'b' }) as Value[])[0], true);
  assert.deepEqual(run(token({ aud: 'a' }), { cert, aud: 'b' }), unverified);
  assert.deepEqual(run(token({ aud: 'a' }), { cert }), unverified);
  assert.deepEqual(run(token({}), { cert, aud: 'a' }), unverified);
  // The clock is 2000 s after the epoch here unless a time constraint (ns) is given.
  assert.equal((run(token({ exp: 3000 }), { cert }) as Value[])[0], true);
  assert.deepEqual(run(token({ exp: 2000 }), { cert }), unverified);
  assert.deepEqual(run(token({ exp: 3000 }), { cert, time: 3_500_000_000_000 }), unverified);
  assert.deepEqual(run(token({ nbf: 2000.5 }), { cert }), unverified);
  assert.equal((run(token({ nbf: 2000 }), { cert }) as Value[])[0], true);
  assert.deepEqual(run(token({}, { alg: 'RS256', crit: ['junk'], junk: 1 }), { cert }), unverified);
  // Secrets.
  const hs = signed({ alg: 'HS256' }, { iss: 'xxx' }, SECRET_JWK);
  assert.equal((run(hs, { secret: 'secret' }) as Value[])[0], true);
  assert.deepEqual(run(hs, { secret: 'wrong' }), unverified);
  // Nested tokens are verified at each level; the innermost header and claims are returned.
  const inner = token({ iss: 'inner' });
  const outerToken = callBuiltin('io.jwt.encode_sign_raw', [
    JSON.stringify({ alg: 'RS256', typ: 'JOSE', cty: 'JWT' }),
    inner,
    JSON.stringify(privateJWK(rsa.privateKey)),
  ]) as string;
  assert.deepEqual(run(outerToken, { cert }), [true, { alg: 'RS256', typ: 'JWT' }, { iss: 'inner' }]);
});

test('io.jwt.decode_verify constraint errors', () => {
  const t = signed({ alg: 'HS256' }, { nbf: 'soon' }, SECRET_JWK);
  const errors: [Record<string, unknown>, string][] = [
    [{}, 'no key constraint'],
    [{ secret: 'a', cert: publicPEM(rsa.publicKey) }, 'duplicate key constraints'],
    [{ secret: 'a', foo: 1 }, 'unknown token validation constraint: foo'],
    [{ secret: 'a', time: 'x' }, 'token time constraint: must be a number'],
    [{ secret: 'secret' }, 'nbf value must be a number'],
  ];
  for (const [c, message] of errors) assert.throws(() => callBuiltin('io.jwt.decode_verify', [t, c]), { message });
});

test('io.jwt.encode_sign and encode_sign_raw', () => {
  const token = signed({ typ: 'JWT', alg: 'HS256' }, { b: 1, a: '<' }, SECRET_JWK);
  const [h, p, s] = token.split('.') as [string, string, string];
  assert.equal(Buffer.from(h, 'base64url').toString(), '{"alg":"HS256","typ":"JWT"}');
  assert.equal(Buffer.from(p, 'base64url').toString(), '{"a":"\\u003c","b":1}');
  assert.equal(s, createHmac('sha256', 'secret').update(`${h}.${p}`).digest('base64url'));
  const raw = callBuiltin('io.jwt.encode_sign_raw', ['{"typ":"text/plain","alg":"HS256"}', 'e', JSON.stringify(SECRET_JWK)]) as string;
  assert.equal(raw.split('.')[1], 'ZQ');
  const jwk = JSON.stringify(SECRET_JWK);
  const errors: [string, string, string][] = [
    ['', '{}', "missing or invalid 'alg' header: cannot parse JSON: cannot parse empty string"],
    ['{"typ:"JWT"}', '{}', "missing or invalid 'alg' header: cannot parse JSON"],
    ['{}', '{}', `missing or invalid 'alg' header: jwsbb: header "alg" not found`],
    ['{"alg":"dummy"}', '{}', 'unknown JWS algorithm: dummy'],
    ['{"typ":"JWT","alg":"HS256"}', 'e', 'type is JWT but payload is not JSON'],
    ['{"alg":"HS256"}', '', 'type is JWT but payload is not JSON'],
  ];
  for (const [header, payload, message] of errors) {
    assert.throws(() => callBuiltin('io.jwt.encode_sign_raw', [header, payload, jwk]), (e: Error) => e.message.startsWith(message), header);
  }
  assert.throws(() => callBuiltin('io.jwt.encode_sign', [{ alg: 'RS256' }, {}, SECRET_JWK]), { message: /^failed to sign payload/ });
});
