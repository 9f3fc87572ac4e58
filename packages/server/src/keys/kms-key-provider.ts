import { KeyProviderError, type KeyProvider } from './key-provider.ts';

/**
 * The two calls a cloud KMS adapter makes (ADR 0030), e.g. AWS KMS `Encrypt`/`Decrypt` with the
 * associated data as the encryption context, Google Cloud KMS `encrypt`/`decrypt` with it as
 * additional authenticated data, Azure Key Vault `wrapKey`/`unwrapKey`. The key never leaves the
 * KMS; `keyRef` names it there (an ARN, a resource name, a key URL). A key the tenant disabled or
 * scheduled for deletion in its KMS makes `decrypt` fail, which is how a KMS-held key is revoked.
 */
export interface KmsClient {
  encrypt(keyRef: string, plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array>;
  decrypt(keyRef: string, ciphertext: Uint8Array, aad: Uint8Array): Promise<Uint8Array>;
}

/**
 * A key provider whose key-encryption key stays in a KMS. It stands wherever a `LocalKeyProvider`
 * does: as the platform provider, or as a tenant's KEK referenced instead of imported.
 */
export class KmsKeyProvider implements KeyProvider {
  constructor(
    private readonly client: KmsClient,
    readonly keyRef: string,
  ) {
    if (keyRef.trim() === '') throw new KeyProviderError('a KMS key provider needs the reference of its key');
  }

  async wrap(plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
    return this.client.encrypt(this.keyRef, plaintext, aad);
  }

  async unwrap(ciphertext: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
    try {
      return await this.client.decrypt(this.keyRef, ciphertext, aad);
    } catch (err) {
      // The KMS's own message may name accounts or endpoints: keep it out of what callers show.
      throw new KeyProviderError(`the KMS refused to unwrap with ${this.keyRef} (${err instanceof Error ? err.name : 'error'})`);
    }
  }
}
