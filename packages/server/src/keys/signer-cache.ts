import { createPrivateKey, createPublicKey, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { ed25519PublicKeyOf } from './jwk.ts';
import type { KeyProvider } from './key-provider.ts';
import { type TenantKey, keyWrapAad } from './tenant-key.ts';

export interface TenantSigner {
  tenantId: string;
  kid: string;
  publicKey: Uint8Array;
  sign(data: Uint8Array): Buffer;
}

/**
 * Unwraps each tenant key once and keeps its KeyObject: unwrapping and parsing per signature
 * would cost about ten times the signature itself. Bounded, least recently used first out.
 */
export class SignerCache {
  private readonly entries = new Map<string, Promise<KeyObject>>();

  constructor(
    private readonly provider: KeyProvider,
    private readonly maxEntries = 1024,
  ) {}

  /** A signer for an active key. Retired keys never sign again. */
  async signer(key: TenantKey): Promise<TenantSigner> {
    if (key.status !== 'active') throw new Error(`key ${key.kid} of tenant ${key.tenantId} is retired and cannot sign`);
    const id = `${key.tenantId}\u0000${key.kid}`;
    let entry = this.entries.get(id);
    if (entry === undefined) {
      entry = this.load(key);
      entry.catch(() => {
        if (this.entries.get(id) === entry) this.entries.delete(id);
      });
      this.entries.set(id, entry);
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    } else {
      this.entries.delete(id);
      this.entries.set(id, entry);
    }
    const privateKey = await entry;
    return { tenantId: key.tenantId, kid: key.kid, publicKey: key.publicKey, sign: (data) => cryptoSign(null, data, privateKey) };
  }

  forget(tenantId: string, kid: string): void {
    this.entries.delete(`${tenantId}\u0000${kid}`);
  }

  get size(): number {
    return this.entries.size;
  }

  private async load(key: TenantKey): Promise<KeyObject> {
    const der = await this.provider.unwrap(key.wrappedPrivateKey, keyWrapAad(key.tenantId, key.kid));
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey({ key: Buffer.from(der.buffer, der.byteOffset, der.length), format: 'der', type: 'pkcs8' });
    } finally {
      der.fill(0);
    }
    // Fail closed if the stored public key does not belong to the private key.
    const derived = ed25519PublicKeyOf(createPublicKey(privateKey).export({ format: 'jwk' }));
    if (derived === undefined || !derived.equals(key.publicKey)) {
      throw new Error(`key ${key.kid} of tenant ${key.tenantId}: private key does not match the stored public key`);
    }
    return privateKey;
  }
}
