import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateKeyPairSync } from 'node:crypto';
import { pae, signEnvelope, verifyEnvelope } from './dsse.ts';
import { jwksOf, localTenantKey } from './golden/test-ledger.ts';

const since = new Date('2026-01-01T00:00:00Z');
const key = localTenantKey(generateKeyPairSync('ed25519').privateKey, since);
const other = localTenantKey(generateKeyPairSync('ed25519').privateKey, since);
const payload = Buffer.from('{"hello":"world"}');

test('PAE is the DSSE v1 encoding', () => {
  assert.equal(pae('http://example.com/HelloWorld', Buffer.from('hello world')).toString(), 'DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  // Lengths count bytes, not characters.
  assert.equal(pae('t', Buffer.from('é')).toString('utf8'), 'DSSEv1 1 t 2 é');
});

test('a signed envelope verifies and names its key', async () => {
  const env = await signEnvelope('application/vnd.in-toto+json', payload, key.signer);
  assert.deepEqual(env.signatures.map((s) => s.keyid), [key.jwk.kid]);
  const check = verifyEnvelope(env, jwksOf(key, other));
  assert.ok(check.ok);
  assert.ok(check.payload.equals(payload));
  assert.deepEqual(check.keys.map((k) => k.kid), [key.jwk.kid]);
});

test('any change to type, payload or signature fails', async () => {
  const env = await signEnvelope('application/vnd.in-toto+json', payload, key.signer);
  const jwks = jwksOf(key);
  const fails = (e: typeof env, reason: RegExp) => {
    const check = verifyEnvelope(e, jwks);
    assert.equal(check.ok, false);
    assert.match((check as { reason: string }).reason, reason);
  };
  fails({ ...env, payloadType: 'application/json' }, /does not verify/);
  fails({ ...env, payload: Buffer.from('{"hello":"World"}').toString('base64') }, /does not verify/);
  fails({ ...env, payload: `${env.payload}\n` }, /canonical base64/);
  fails({ ...env, signatures: [] }, /no signature/);
  fails({ ...env, signatures: [{ ...env.signatures[0]!, sig: env.signatures[0]!.sig.slice(4) }] }, /malformed/);
  fails({ ...env, signatures: [{ ...env.signatures[0]!, keyid: other.jwk.kid }] }, /no Ed25519 key/);
  const second = await signEnvelope(env.payloadType, payload, other.signer);
  // A second signature by an unknown key is a failure, not something to skip.
  fails({ ...env, signatures: [...env.signatures, ...second.signatures] }, /no Ed25519 key/);
  assert.ok(verifyEnvelope({ ...env, signatures: [...env.signatures, ...second.signatures] }, jwksOf(key, other)).ok);
});
