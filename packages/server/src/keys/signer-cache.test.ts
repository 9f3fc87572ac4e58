import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, verify } from 'node:crypto';
import { ed25519PublicKeyObject } from '../ledger/checkpoint/ed25519-note-keys.ts';
import { type KeyProvider, LocalKeyProvider } from './key-provider.ts';
import { SignerCache } from './signer-cache.ts';
import { generateTenantKey } from './tenant-key.ts';

function countingProvider(): KeyProvider & { unwraps: number } {
  const inner = new LocalKeyProvider(randomBytes(32));
  const p = {
    unwraps: 0,
    wrap: (plaintext: Uint8Array, aad: Uint8Array) => inner.wrap(plaintext, aad),
    unwrap: (ciphertext: Uint8Array, aad: Uint8Array) => {
      p.unwraps++;
      return inner.unwrap(ciphertext, aad);
    },
  };
  return p;
}

test('signatures verify with the public key, and the key is unwrapped once', async () => {
  const provider = countingProvider();
  const key = await generateTenantKey('t1', provider, new Date());
  const cache = new SignerCache(provider);
  const [a, b] = await Promise.all([cache.signer(key), cache.signer(key)]);
  for (let i = 0; i < 20; i++) {
    const data = Buffer.from(`checkpoint ${i}`);
    const sig = (i % 2 ? a : b).sign(data);
    assert.ok(verify(null, data, ed25519PublicKeyObject(key.publicKey), sig));
  }
  assert.equal(provider.unwraps, 1);
  assert.equal(a.kid, key.kid);
  cache.forget('t1', key.kid);
  await cache.signer(key);
  assert.equal(provider.unwraps, 2);
});

test('retired, moved or mismatched keys never sign', async () => {
  const provider = countingProvider();
  const cache = new SignerCache(provider);
  const key = await generateTenantKey('t1', provider, new Date());
  await assert.rejects(cache.signer({ ...key, status: 'retired' }), /retired and cannot sign/);
  await assert.rejects(cache.signer({ ...key, tenantId: 't2' }), /another tenant or key id/);
  const other = await generateTenantKey('t1', provider, new Date());
  await assert.rejects(cache.signer({ ...key, publicKey: other.publicKey }), /does not match the stored public key/);
  // A failure is not cached: the genuine record still loads.
  assert.equal(cache.size, 0);
  assert.equal((await cache.signer(key)).kid, key.kid);
});

test('the cache is bounded and drops the least recently used key', async () => {
  const provider = countingProvider();
  const cache = new SignerCache(provider, 2);
  const [k1, k2, k3] = await Promise.all([1, 2, 3].map(() => generateTenantKey('t1', provider, new Date())));
  await cache.signer(k1!);
  await cache.signer(k2!);
  await cache.signer(k1!); // k1 is now the most recent
  await cache.signer(k3!); // evicts k2
  assert.equal(cache.size, 2);
  assert.equal(provider.unwraps, 3);
  await cache.signer(k1!);
  assert.equal(provider.unwraps, 3);
  await cache.signer(k2!);
  assert.equal(provider.unwraps, 4);
});
