import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ed25519Jwk, ed25519PublicKeyOf, jwkThumbprint } from './jwk.ts';

// RFC 8037 appendix A: the Ed25519 example key and its RFC 7638 thumbprint.
const X = '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo';

test('the thumbprint matches the RFC 8037 example and depends only on the key', () => {
  assert.equal(jwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: X }), 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  const raw = Buffer.from(X, 'base64url');
  assert.deepEqual(ed25519Jwk(raw), { kty: 'OKP', crv: 'Ed25519', x: X });
  const other = Buffer.from(raw);
  other[0]! ^= 1;
  assert.notEqual(jwkThumbprint(ed25519Jwk(other)), jwkThumbprint(ed25519Jwk(raw)));
});

test('only canonical Ed25519 public JWKs yield a key', () => {
  assert.deepEqual(ed25519PublicKeyOf({ kty: 'OKP', crv: 'Ed25519', x: X }), Buffer.from(X, 'base64url'));
  assert.equal(ed25519PublicKeyOf({ kty: 'OKP', crv: 'X25519', x: X }), undefined);
  assert.equal(ed25519PublicKeyOf({ kty: 'EC', crv: 'Ed25519', x: X }), undefined);
  assert.equal(ed25519PublicKeyOf({ kty: 'OKP', crv: 'Ed25519', x: `${X}=` }), undefined);
  assert.equal(ed25519PublicKeyOf({ kty: 'OKP', crv: 'Ed25519', x: X.slice(1) }), undefined);
  assert.equal(ed25519PublicKeyOf({ kty: 'OKP', crv: 'Ed25519' }), undefined);
  assert.throws(() => ed25519Jwk(new Uint8Array(31)), /32 bytes/);
});
