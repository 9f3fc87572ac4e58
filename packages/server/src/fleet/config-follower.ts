import type { Database } from '../db/database.ts';

/** Sent (on commit) with the tenant id whenever a tenant's configuration version moves (migration 0008). */
export const CONFIG_CHANNEL = 'companyos_config';

/** Something a process keeps in memory per tenant: how to drop it, and how to reload it in a request. */
export interface TenantState {
  /** Drops what is held for the tenant (on a notification; no transaction open). */
  forget(tenantId: string): void;
  /** Brings the tenant's state up to date inside the request's tenant transaction (optional). */
  sync?(tenantId: string): Promise<void>;
}

/**
 * Keeps a process's per-tenant state (active policy bundle, flag settings, branding, public keys)
 * in step with the database across a fleet of servers. A change notification drops the tenant's
 * state at once; and because a notification can be lost (a dropped connection), every governed
 * request compares the tenant's configuration version, read with the tenant row, with the one
 * this process last synced, and syncs first when they differ. A change is therefore in force on
 * every server from its next request for the tenant.
 */
export class ConfigFollower {
  private readonly synced = new Map<string, string>();
  private readonly states: TenantState[] = [];
  private unlisten: (() => Promise<void>) | undefined;

  follow(state: TenantState): void {
    this.states.push(state);
  }

  async start(db: Database): Promise<void> {
    this.unlisten = await db.listen(CONFIG_CHANNEL, (tenantId) => this.changed(tenantId), () => this.changedAll());
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = undefined;
  }

  /** Called in the request's tenant transaction with the version just read from the tenant row. */
  async observe(tenantId: string, version: string): Promise<void> {
    if (this.synced.get(tenantId) === version) return;
    for (const state of this.states) {
      state.forget(tenantId);
      await state.sync?.(tenantId);
    }
    this.synced.set(tenantId, version);
  }

  /** The tenant's configuration version this process last brought its state up to, if it has not been told of a change since. */
  versionOf(tenantId: string): string | undefined {
    return this.synced.get(tenantId);
  }

  private changed(tenantId: string): void {
    this.synced.delete(tenantId);
    for (const state of this.states) state.forget(tenantId);
  }

  private changedAll(): void {
    for (const tenantId of [...this.synced.keys()]) this.changed(tenantId);
  }
}
