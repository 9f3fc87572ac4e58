import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { FakeClock } from '../util/clock.ts';
import { ed25519Jwk, jwkThumbprint } from './jwk.ts';
import { LocalKeyProvider } from './key-provider.ts';
import { ensureSigningKey, rotateTenantKey } from './key-rotation.ts';
import { MemoryTenantKeyStore } from './key-store.ts';
import { currentSigningKey, generateTenantKey, keyWrapAad } from './tenant-key.ts';

const provider = new LocalKeyProvider(randomBytes(32));

test('a new tenant key has a thumbprint kid and a private part only in wrapped form', async () => {
  const now = new Date('2026-03-01T10:00:00Z');
  const key = await generateTenantKey('t1', provider, now);
  assert.equal(key.kid, jwkThumbprint(ed25519Jwk(key.publicKey)));
  assert.equal(key.status, 'active');
  assert.deepEqual(key.notBefore, now);
  assert.equal(key.notAfter, null);
  const der = Buffer.from(await provider.unwrap(key.wrappedPrivateKey, keyWrapAad('t1', key.kid)));
  assert.equal(der[0], 0x30, 'PKCS#8 DER inside');
  await assert.rejects(provider.unwrap(key.wrappedPrivateKey, keyWrapAad('t2', key.kid)), /another tenant/);
  await assert.rejects(provider.unwrap(key.wrappedPrivateKey, keyWrapAad('t1', 'other-kid')), /another tenant/);
});

test('the wrap AAD separates tenant and kid unambiguously', () => {
  assert.notDeepEqual(keyWrapAad('a', 'bc'), keyWrapAad('ab', 'c'));
  assert.notDeepEqual(keyWrapAad('a', 'b'), keyWrapAad('b', 'a'));
});

test('rotation adds a key, retires the old one and never deletes it', async () => {
  const clock = new FakeClock('2026-03-01T00:00:00Z');
  const store = new MemoryTenantKeyStore('t1');
  const first = await ensureSigningKey(store, provider, 't1', clock.now());
  assert.equal((await ensureSigningKey(store, provider, 't1', clock.now())).kid, first.kid, 'ensure is idempotent');
  clock.advance(86_400_000);
  const rotation = await rotateTenantKey(store, provider, 't1', clock.now());
  assert.deepEqual(rotation.retired, [first.kid]);
  const keys = await store.list();
  assert.equal(keys.length, 2);
  const old = keys.find((k) => k.kid === first.kid)!;
  assert.equal(old.status, 'retired');
  assert.deepEqual(old.notAfter, clock.now());
  assert.equal(currentSigningKey(keys, clock.now())!.kid, rotation.created.kid);
  clock.advance(1000);
  const again = await rotateTenantKey(store, provider, 't1', clock.now());
  assert.deepEqual(again.retired, [rotation.created.kid]);
  const after = await store.list();
  assert.equal(after.length, 3);
  assert.deepEqual(after.find((k) => k.kid === first.kid)!.notAfter, old.notAfter, 'a retired key keeps its retirement time');
});

test('the current signing key is the newest active key that has started', async () => {
  const a = await generateTenantKey('t1', provider, new Date('2026-01-01T00:00:00Z'));
  const b = await generateTenantKey('t1', provider, new Date('2026-02-01T00:00:00Z'));
  assert.equal(currentSigningKey([a, b], new Date('2026-03-01T00:00:00Z'))!.kid, b.kid);
  assert.equal(currentSigningKey([a, b], new Date('2026-01-15T00:00:00Z'))!.kid, a.kid);
  assert.equal(currentSigningKey([{ ...b, status: 'retired' }], new Date('2026-03-01T00:00:00Z')), undefined);
  assert.equal(currentSigningKey([], new Date()), undefined);
});

test('the store keeps keys to their tenant', async () => {
  const store = new MemoryTenantKeyStore('t1');
  const foreign = await generateTenantKey('t2', provider, new Date());
  await assert.rejects(store.insert(foreign), /cannot be stored for tenant t1/);
  const own = await generateTenantKey('t1', provider, new Date());
  await store.insert(own);
  await assert.rejects(store.insert(own), /already exists/);
  await assert.rejects(store.retire('nope', new Date()), /no key/);
});
