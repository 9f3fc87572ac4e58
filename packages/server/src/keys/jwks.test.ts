import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { LocalKeyProvider } from './key-provider.ts';
import { JwksError, jwkValidAt, parseJwks, renderJwks } from './jwks.ts';
import { type TenantKey, generateTenantKey } from './tenant-key.ts';

const provider = new LocalKeyProvider(randomBytes(32));

async function keys(): Promise<TenantKey[]> {
  const old = await generateTenantKey('t1', provider, new Date('2026-01-01T00:00:00.000Z'));
  const mid = await generateTenantKey('t1', provider, new Date('2026-02-01T00:00:00.000Z'));
  const now = await generateTenantKey('t1', provider, new Date('2026-03-01T00:00:00.250Z'));
  return [
    { ...old, status: 'retired', notAfter: new Date('2026-02-01T00:00:00.000Z') },
    now,
    { ...mid, status: 'retired', notAfter: new Date('2026-03-01T00:00:00.250Z') },
  ];
}

test('the JWKS lists active then retired keys with their windows and no private material', async () => {
  const ks = await keys();
  const jwks = renderJwks(ks);
  assert.deepEqual(
    jwks.keys.map((k) => [k.kid, k.status]),
    [[ks[1]!.kid, 'active'], [ks[2]!.kid, 'retired'], [ks[0]!.kid, 'retired']],
  );
  const [active, mid] = jwks.keys;
  assert.equal(active!.nbf, Date.parse('2026-03-01T00:00:00Z') / 1000);
  assert.equal(active!.exp, undefined);
  assert.equal(mid!.exp, Date.parse('2026-03-01T00:00:01Z') / 1000, 'exp rounds up to cover the last second');
  assert.deepEqual(Object.keys(active!).sort(), ['alg', 'crv', 'kid', 'kty', 'nbf', 'status', 'use', 'x']);
  assert.doesNotMatch(JSON.stringify(jwks), /"d"|wrapped/);
  assert.deepEqual(parseJwks(JSON.parse(JSON.stringify(jwks))), jwks);
});

test('validity windows: nbf inclusive, exp exclusive', async () => {
  const jwk = renderJwks(await keys()).keys[2]!; // 2026-01-01 .. 2026-02-01
  assert.equal(jwkValidAt(jwk, new Date('2026-01-01T00:00:00Z')), true);
  assert.equal(jwkValidAt(jwk, new Date('2026-01-31T23:59:59Z')), true);
  assert.equal(jwkValidAt(jwk, new Date('2026-02-01T00:00:00Z')), false);
  assert.equal(jwkValidAt(jwk, new Date('2025-12-31T23:59:59Z')), false);
});

test('foreign or malformed key sets are refused', async () => {
  const good = renderJwks(await keys());
  const key = good.keys[0]!;
  const variants: Record<string, unknown> = {
    'not an object': 'keys',
    'no keys array': { keys: {} },
    'private key': { keys: [{ ...key, d: 'AAAA' }] },
    'unknown member': { keys: [{ ...key, x5c: [] }] },
    'kid not thumbprint': { keys: [{ ...key, kid: 'my-key' }] },
    'repeated kid': { keys: [key, key] },
    'other curve': { keys: [{ ...key, crv: 'X25519' }] },
    'other alg': { keys: [{ ...key, alg: 'ES256' }] },
    'unknown status': { keys: [{ ...key, status: 'revoked' }] },
    'active with exp': { keys: [{ ...key, exp: key.nbf + 1 }] },
    'retired without exp': { keys: [{ ...good.keys[1]!, exp: undefined }] },
    'exp before nbf': { keys: [{ ...good.keys[1]!, exp: good.keys[1]!.nbf - 1 }] },
    'fractional nbf': { keys: [{ ...key, nbf: 1.5 }] },
  };
  for (const [what, value] of Object.entries(variants)) assert.throws(() => parseJwks(JSON.parse(JSON.stringify(value))), JwksError, what);
  assert.deepEqual(parseJwks({ keys: [] }), { keys: [] });
});
