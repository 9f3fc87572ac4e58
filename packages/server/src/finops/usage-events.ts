import { currentTenantId, currentTx } from '../context.ts';
import type { Statement } from '../db/statement.ts';
import { uuidv7 } from '../util/ids.ts';

export type QuotaKind = 'runs' | 'exports';

export function usageEventStatement(e: { action: string; quota: QuotaKind | null; at: Date }): Statement {
  return {
    sql: 'INSERT INTO usage_events (tenant_id, event_id, occurred_at, action, quota) VALUES ($1, $2, $3, $4, $5)',
    params: [currentTenantId(), uuidv7(e.at.getTime()), e.at.toISOString(), e.action, e.quota],
  };
}

/** Usage of one quota in the current tenant since `since`: the count and the oldest event time. */
export async function usageSince(quota: QuotaKind, since: Date): Promise<{ count: number; oldest: Date | null }> {
  const rows = await currentTx().query<{ count: number; oldest: Date | null }>(
    `SELECT count(*)::int AS count, min(occurred_at) AS oldest FROM usage_events
     WHERE tenant_id = $1 AND quota = $2 AND occurred_at > $3`,
    [currentTenantId(), quota, since.toISOString()],
  );
  const row = rows[0]!;
  return { count: Number(row.count), oldest: row.oldest === null ? null : new Date(row.oldest) };
}

export async function countUsage(): Promise<number> {
  const rows = await currentTx().query<{ n: number }>('SELECT count(*)::int AS n FROM usage_events WHERE tenant_id = $1', [currentTenantId()]);
  return Number(rows[0]!.n);
}
