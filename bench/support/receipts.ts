// Receipts in bulk for benchmarks: committed as actions would commit them (the trigger queues each
// for the ledger), a thousand per transaction.

import { currentTx } from '../../packages/server/src/context.ts';
import type { Database } from '../../packages/server/src/db/database.ts';
import { withPlatformTransaction, withTenantTransaction } from '../../packages/server/src/db/tenant-tx.ts';
import { uuidv7 } from '../../packages/server/src/util/ids.ts';

export async function createTenant(db: Database, id: string): Promise<void> {
  await withPlatformTransaction(db, () =>
    currentTx().query(`INSERT INTO tenants (tenant_id, display_name, data_region, config, created_at, updated_at) VALUES ($1, $1, 'eu', '{}', now(), now())`, [id]),
  );
}

/** Commits `count` receipts in transactions of 1,000, as actions would (the trigger queues them). */
export async function commitReceipts(db: Database, tenant: string, count: number): Promise<void> {
  for (let done = 0; done < count; done += 1_000) {
    const n = Math.min(1_000, count - done);
    const now = new Date();
    const bodies = Array.from({ length: n }, (_, i) => ({
      receipt_id: uuidv7(now.getTime()),
      tenant_id: tenant,
      actor: `user-${(done + i) % 97}`,
      action: 'subject.list',
      target: null,
      decision: 'allow',
      bundle_hash: 'b'.repeat(64),
      evidence_refs: [`request:${done + i}`],
      issued_at: now.toISOString(),
      request_id: `r${done + i}`,
    }));
    await withTenantTransaction(db, tenant, () =>
      currentTx().query(
        `INSERT INTO receipts (tenant_id, receipt_id, issued_at, action, actor, target, body, sha256)
         SELECT $1, (b->>'receipt_id')::uuid, (b->>'issued_at')::timestamptz, b->>'action', b->>'actor', NULL, b, repeat('0', 64)
         FROM unnest($2::jsonb[]) AS b`,
        [tenant, bodies.map((b) => JSON.stringify(b))],
      ),
    );
  }
}
