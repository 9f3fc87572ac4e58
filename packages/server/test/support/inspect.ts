import { listAuditEvents, type AuditEvent } from '../../src/audit/audit-events.ts';
import type { Database } from '../../src/db/database.ts';
import { withTenantTransaction } from '../../src/db/tenant-tx.ts';
import { shownActors } from '../../src/identity/actor-pseudonyms.ts';
import { countUsage } from '../../src/finops/usage-events.ts';
import { listReceipts, type Receipt } from '../../src/ledger/receipts.ts';

export interface TenantRecords {
  audit: AuditEvent[];
  receipts: Receipt[];
  usage: number;
}

/** What a tenant's audit, ledger and usage hold, read through its own tenant context. */
export function tenantRecords(db: Database, tenant: string): Promise<TenantRecords> {
  return withTenantTransaction(db, tenant, async () => ({
    audit: await listAuditEvents({ limit: 1000 }),
    receipts: await listReceipts(1000),
    usage: await countUsage(),
  }));
}

/** Who a stored actor (a person's pseudonym in receipts) is, as a reader of the tenant sees it. */
export function shownActor(db: Database, tenant: string, actor: string | undefined): Promise<string | undefined> {
  if (actor === undefined) return Promise.resolve(undefined);
  return withTenantTransaction(db, tenant, async () => (await shownActors([actor])).get(actor) ?? actor);
}
