import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { KeyProviderError, LocalKeyProvider } from './key-provider.ts';
import { KmsKeyProvider, type KmsClient } from './kms-key-provider.ts';

/** A KMS in memory: each key reference is a local KEK, and a key can be disabled as a tenant would. */
class FakeKms implements KmsClient {
  readonly keys = new Map<string, LocalKeyProvider>();
  readonly disabled = new Set<string>();
  private key(ref: string): LocalKeyProvider {
    const key = this.keys.get(ref);
    if (key === undefined || this.disabled.has(ref)) throw Object.assign(new Error(`arn ${ref} of account 123 is disabled`), { name: 'DisabledException' });
    return key;
  }
  encrypt = async (ref: string, plaintext: Uint8Array, aad: Uint8Array) => this.key(ref).wrap(plaintext, aad);
  decrypt = async (ref: string, ciphertext: Uint8Array, aad: Uint8Array) => this.key(ref).unwrap(ciphertext, aad);
}

test('a KMS-held key wraps and unwraps through the client, bound to its associated data', async () => {
  const kms = new FakeKms();
  kms.keys.set('tenant-a-kek', new LocalKeyProvider(randomBytes(32)));
  const provider = new KmsKeyProvider(kms, 'tenant-a-kek');
  const aad = Buffer.from('tenant-a/key-1');
  const wrapped = await provider.wrap(Buffer.from('data key'), aad);
  assert.deepEqual(Buffer.from(await provider.unwrap(wrapped, aad)), Buffer.from('data key'));
  await assert.rejects(provider.unwrap(wrapped, Buffer.from('tenant-b/key-1')), KeyProviderError);
});

test('a key disabled in the KMS cannot unwrap, and the error does not repeat what the KMS said', async () => {
  const kms = new FakeKms();
  kms.keys.set('k', new LocalKeyProvider(randomBytes(32)));
  const provider = new KmsKeyProvider(kms, 'k');
  const wrapped = await provider.wrap(Buffer.from('data key'), Buffer.alloc(0));
  kms.disabled.add('k');
  await assert.rejects(provider.unwrap(wrapped, Buffer.alloc(0)), (err: Error) => err instanceof KeyProviderError && /DisabledException/.test(err.message) && !/account 123/.test(err.message));
  assert.throws(() => new KmsKeyProvider(kms, ' '), KeyProviderError);
});
