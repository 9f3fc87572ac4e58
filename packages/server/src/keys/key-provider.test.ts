import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { KeyProviderError, LocalKeyProvider, parseKek } from './key-provider.ts';

const KEK = randomBytes(32);
const provider = new LocalKeyProvider(KEK);
const aad = Buffer.from('tenant-a/kid-1');

test('wrap then unwrap returns the plaintext, with a fresh nonce each time', async () => {
  const secret = Buffer.from('a private key');
  const a = await provider.wrap(secret, aad);
  const b = await provider.wrap(secret, aad);
  assert.notDeepEqual(Buffer.from(a), Buffer.from(b));
  assert.equal(Buffer.from(a).includes(secret), false, 'the plaintext does not appear in the wrapped bytes');
  assert.deepEqual(Buffer.from(await provider.unwrap(a, aad)), secret);
  assert.deepEqual(Buffer.from(await provider.unwrap(b, aad)), secret);
});

test('unwrapping fails on other AAD, altered bytes or another KEK', async () => {
  const wrapped = Buffer.from(await provider.wrap(Buffer.from('k'), aad));
  await assert.rejects(provider.unwrap(wrapped, Buffer.from('tenant-b/kid-1')), /another tenant or key id/);
  for (const at of [20, wrapped.length - 1]) {
    const bad = Buffer.from(wrapped);
    bad[at]! ^= 1;
    await assert.rejects(provider.unwrap(bad, aad), KeyProviderError, `byte ${at}`);
  }
  await assert.rejects(new LocalKeyProvider(randomBytes(32)).unwrap(wrapped, aad), /different key-encryption key/);
  await assert.rejects(provider.unwrap(wrapped.subarray(0, 20), aad), /unknown format/);
});

test('COMPANYOS_KEK is validated with a clear message that never echoes it', () => {
  const good = KEK.toString('base64');
  assert.deepEqual(parseKek(good), KEK);
  assert.deepEqual(parseKek(` ${good}\n`), KEK);
  assert.throws(() => parseKek(undefined), /COMPANYOS_KEK is not set: it must be 32 random bytes/);
  assert.throws(() => parseKek('  '), /is not set/);
  const short = randomBytes(16).toString('base64');
  assert.throws(() => parseKek(short), (e: unknown) => e instanceof KeyProviderError && /decodes to 16 bytes/.test(e.message) && !e.message.includes(short));
  assert.throws(() => parseKek('not base64 at all!'), /not valid base64/);
  assert.throws(() => parseKek(KEK.toString('base64url')), /base64/);
  assert.throws(() => LocalKeyProvider.fromEnv({}), /COMPANYOS_KEK is not set/);
  assert.ok(LocalKeyProvider.fromEnv({ COMPANYOS_KEK: good }) instanceof LocalKeyProvider);
  assert.throws(() => new LocalKeyProvider(randomBytes(16)), /32 bytes/);
});
