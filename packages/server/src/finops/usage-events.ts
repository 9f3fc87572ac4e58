import { currentTenantId, currentTx } from '../context.ts';
import type { Statement } from '../db/statement.ts';
import { shownActors, storedActor } from '../identity/actor-pseudonyms.ts';
import { uuidv7 } from '../util/ids.ts';

export type QuotaKind = 'runs' | 'exports';

/** One usage event as written: what was used, how much, when, by whom, once per idempotency key. */
export interface UsageEventInput {
  meter: string;
  quantity: number;
  /** Unique per tenant: a second event with the same key is dropped, so retries never count twice. */
  idempotencyKey: string;
  occurredAt: Date;
  /** Who used it: a person is stored by pseudonym when prepared in the transaction (ADR 0029), else as given. */
  subject: string | null;
  /** Where it came from: `pipeline`, `decision-log`, `job`, or `api` (reported from outside). */
  source: string;
  /** The governed action behind it, when there is one. */
  action: string;
  quota?: QuotaKind | null;
  properties?: Record<string, unknown>;
}

export interface UsageEvent {
  event_id: string;
  meter: string;
  quantity: number;
  idempotency_key: string;
  occurred_at: string;
  recorded_at: string;
  subject: string | null;
  source: string;
  action: string;
  properties: Record<string, unknown>;
}

/**
 * Inserts usage events of the current tenant in one statement (column arrays through unnest);
 * an event whose key the tenant already has is skipped. `recordedAt` is when they reach storage
 * (the aggregation reads by it, so a late event re-opens its day), and always after the tenant's
 * last invoice finalisation (by a millisecond, the precision of the times written here): an
 * invoice's evidence holds the events recorded by its finalisation, and this transaction,
 * holding the tenant's usage lock, commits before any finalisation it cannot see (tenant-locks.ts),
 * so a write that waited for a finalisation is recorded after it, whatever the writer's clock said.
 */
export function usageEventsStatement(events: UsageEventInput[], recordedAt: Date): Statement {
  const column = <T>(f: (e: UsageEventInput) => T): T[] => events.map(f);
  return {
    sql: `INSERT INTO usage_events (tenant_id, event_id, occurred_at, action, quota, meter, quantity, idempotency_key, subject, source, properties, recorded_at)
      SELECT $1, *, greatest($12::timestamptz, (SELECT max(finalized_at) + interval '1 millisecond' FROM invoices WHERE tenant_id = $1)) FROM unnest($2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[], $10::text[], $11::jsonb[])
      ON CONFLICT (tenant_id, idempotency_key) DO NOTHING`,
    params: [
      currentTenantId(),
      column((e) => uuidv7(e.occurredAt.getTime())),
      column((e) => e.occurredAt.toISOString()),
      column((e) => e.action),
      column((e) => e.quota ?? null),
      column((e) => e.meter),
      column((e) => e.quantity),
      column((e) => e.idempotencyKey),
      column((e) => storedActor(e.subject)),
      column((e) => e.source),
      column((e) => JSON.stringify(e.properties ?? {})),
      recordedAt.toISOString(),
    ],
  };
}

/** Writes usage events in the current transaction; resolves with how many were new. */
export async function insertUsageEvents(events: UsageEventInput[], recordedAt: Date): Promise<number> {
  if (events.length === 0) return 0;
  const s = usageEventsStatement(events, recordedAt);
  const rows = await currentTx().query<{ n: number }>(`WITH inserted AS (${s.sql} RETURNING 1) SELECT count(*)::int AS n FROM inserted`, s.params);
  return Number(rows[0]?.n ?? 0);
}

/** The usage event of one governed action, written with its receipt (see the pipeline). */
export function usageEventStatement(e: { action: string; meter: string; quota: QuotaKind | null; at: Date; subject: string | null; key: string; source?: string }): Statement {
  return usageEventsStatement(
    [{ meter: e.meter, quantity: 1, idempotencyKey: e.key, occurredAt: e.at, subject: e.subject, source: e.source ?? 'pipeline', action: e.action, quota: e.quota }],
    e.at,
  );
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

/** Usage events of the governed actions (decisions are metered apart, with the decision log). */
export async function countUsage(): Promise<number> {
  const rows = await currentTx().query<{ n: number }>(`SELECT count(*)::int AS n FROM usage_events WHERE tenant_id = $1 AND meter <> 'policy_decision'`, [currentTenantId()]);
  return Number(rows[0]!.n);
}

export interface UsageFilter {
  from?: string | undefined;
  to?: string | undefined;
  meter?: string | undefined;
  limit: number;
}

/** The current tenant's usage events, newest first, their subjects shown (the id while its key lives, `[purged] <purge id>` after). */
export async function listUsageEvents(f: UsageFilter): Promise<UsageEvent[]> {
  const rows = await currentTx().query<Omit<UsageEvent, 'occurred_at' | 'recorded_at' | 'quantity'> & { occurred_at: Date | string; recorded_at: Date | string; quantity: string | number }>(
    `SELECT event_id, meter, quantity, idempotency_key, occurred_at, recorded_at, subject, source, action, properties FROM usage_events
     WHERE tenant_id = $1 AND ($2::timestamptz IS NULL OR occurred_at >= $2) AND ($3::timestamptz IS NULL OR occurred_at < $3) AND ($4::text IS NULL OR meter = $4)
     ORDER BY occurred_at DESC, event_id DESC LIMIT $5`,
    [currentTenantId(), f.from ?? null, f.to ?? null, f.meter ?? null, f.limit],
  );
  const shown = await shownActors(rows.map((r) => r.subject));
  return rows.map((r) => ({
    ...r,
    subject: r.subject === null ? null : (shown.get(r.subject) ?? r.subject),
    event_id: String(r.event_id),
    quantity: Number(r.quantity),
    occurred_at: new Date(r.occurred_at).toISOString(),
    recorded_at: new Date(r.recorded_at).toISOString(),
  }));
}
