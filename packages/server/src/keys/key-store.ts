import type { TenantKey } from './tenant-key.ts';

/**
 * Storage of one tenant's keys. The database implementation takes the tenant from the request
 * context; keys are never deleted, only retired.
 */
export interface TenantKeyStore {
  list(): Promise<TenantKey[]>;
  insert(key: TenantKey): Promise<void>;
  /** Marks the key retired as of `at`; a key already retired keeps its first retirement time. */
  retire(kid: string, at: Date): Promise<void>;
}

/** In-memory store for tests and offline tools. */
export class MemoryTenantKeyStore implements TenantKeyStore {
  private readonly keys: TenantKey[] = [];

  constructor(readonly tenantId: string) {}

  async list(): Promise<TenantKey[]> {
    return this.keys.map((k) => ({ ...k }));
  }

  async insert(key: TenantKey): Promise<void> {
    if (key.tenantId !== this.tenantId) throw new Error(`key of tenant ${key.tenantId} cannot be stored for tenant ${this.tenantId}`);
    if (this.keys.some((k) => k.kid === key.kid)) throw new Error(`key ${key.kid} already exists`);
    this.keys.push({ ...key });
  }

  async retire(kid: string, at: Date): Promise<void> {
    const key = this.keys.find((k) => k.kid === kid);
    if (key === undefined) throw new Error(`no key ${kid}`);
    if (key.status === 'retired') return;
    key.status = 'retired';
    key.notAfter = at;
  }
}
