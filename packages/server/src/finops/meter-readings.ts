import { currentTenantId, currentTx } from '../context.ts';
import { byTenant } from './by-tenant.ts';

export interface MeterReading {
  meter: string;
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  quantity: number;
  events: number;
  aggregated_at: string;
}

/** What one aggregation pass did. */
export interface AggregationResult {
  /** Readings written or changed. */
  readings: number;
  /** How long the oldest event new to this pass waited to be aggregated (0 when none was new). */
  lagMs: number;
  watermark: string | null;
}

/**
 * Events recorded this long before the watermark are read again: a transaction that recorded an
 * event earlier may commit after a later one, and re-reading a day is harmless (it is recomputed).
 */
export const REREAD_MS = 5 * 60_000;

const DAY_MS = 86_400_000;
/** The start of the UTC day of an instant. */
const dayStart = (at: Date): Date => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

/**
 * Rolls the current tenant's usage events into daily readings. Every day from the first to the
 * last that has an event recorded since the last pass is recomputed whole from its events, so a
 * late event corrects its day and running a pass twice changes nothing (a day recomputed without
 * news is unchanged and not written). Seats are the distinct subjects of a day.
 */
export async function aggregateUsage(now: Date): Promise<AggregationResult> {
  const tx = currentTx();
  const tenant = currentTenantId();
  const [state] = await tx.query<{ watermark: Date | string }>('SELECT watermark FROM meter_aggregation_state WHERE tenant_id = $1 FOR UPDATE', [tenant]);
  const previous = state === undefined ? null : new Date(state.watermark);
  const since = previous === null ? null : new Date(previous.getTime() - REREAD_MS).toISOString();
  const [span] = await tx.query<{ newest: Date | string | null; oldest_new: Date | string | null; first_at: Date | string | null; last_at: Date | string | null }>(
    `SELECT max(recorded_at) AS newest, min(recorded_at) FILTER (WHERE $3::timestamptz IS NULL OR recorded_at > $3) AS oldest_new,
       min(occurred_at) AS first_at, max(occurred_at) AS last_at
     FROM usage_events WHERE tenant_id = $1 AND ($2::timestamptz IS NULL OR recorded_at > $2)`,
    [tenant, since, previous?.toISOString() ?? null],
  );
  if (span?.newest === null || span === undefined || span.first_at === null || span.last_at === null) return { readings: 0, lagMs: 0, watermark: previous?.toISOString() ?? null };
  // The days' bounds are passed as plain timestamps: they stay index conditions under row-level
  // security, and the planner sees how much of the tenant's usage they cover. The events fold
  // first into one row per day, meter and subject, so the sums and the seats (distinct
  // subjects) are both taken from that small set rather than from every event.
  const rows = await tx.query<{ n: number }>(
    `WITH by_subject AS MATERIALIZED (
       SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, meter, subject, sum(quantity)::bigint AS quantity, count(*) AS events
       FROM usage_events WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3
       GROUP BY 1, 2, 3
     ), sums AS (
       SELECT meter, day, sum(quantity)::bigint AS quantity, sum(events)::bigint AS events FROM by_subject GROUP BY meter, day
     ), seats AS (
       SELECT 'seat'::text AS meter, day, count(DISTINCT subject)::bigint AS quantity, count(DISTINCT subject)::bigint AS events
       FROM by_subject WHERE subject IS NOT NULL GROUP BY day
     ), written AS (
       INSERT INTO meter_readings (tenant_id, meter, day, quantity, events, aggregated_at)
       SELECT $1, meter, day, quantity, events, $4 FROM (SELECT * FROM sums UNION ALL SELECT * FROM seats) r
       ON CONFLICT (tenant_id, meter, day) DO UPDATE SET quantity = EXCLUDED.quantity, events = EXCLUDED.events, aggregated_at = EXCLUDED.aggregated_at
       WHERE (meter_readings.quantity, meter_readings.events) IS DISTINCT FROM (EXCLUDED.quantity, EXCLUDED.events)
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM written`,
    [tenant, dayStart(new Date(span.first_at)).toISOString(), new Date(dayStart(new Date(span.last_at)).getTime() + DAY_MS).toISOString(), now.toISOString()],
  );
  const newest = new Date(span.newest);
  const watermark = previous !== null && previous > newest ? previous : newest;
  await tx.query(
    `INSERT INTO meter_aggregation_state (tenant_id, watermark, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id) DO UPDATE SET watermark = EXCLUDED.watermark, updated_at = EXCLUDED.updated_at`,
    [tenant, watermark.toISOString(), now.toISOString()],
  );
  const lagMs = span.oldest_new === null ? 0 : Math.max(0, now.getTime() - new Date(span.oldest_new).getTime());
  return { readings: Number(rows[0]!.n), lagMs, watermark: watermark.toISOString() };
}

export interface ReadingFilter {
  /** First day, inclusive (YYYY-MM-DD). */
  from?: string | undefined;
  /** Last day, exclusive. */
  to?: string | undefined;
  meter?: string | undefined;
}

type ReadingRow = { meter: string; day: string; quantity: string | number; events: string | number; aggregated_at: Date | string };

const toReading = (r: ReadingRow): MeterReading => ({ meter: r.meter, day: r.day, quantity: Number(r.quantity), events: Number(r.events), aggregated_at: new Date(r.aggregated_at).toISOString() });

/** The current tenant's daily readings, oldest first. */
export async function listReadings(f: ReadingFilter = {}): Promise<MeterReading[]> {
  const rows = await currentTx().query<ReadingRow>(
    `SELECT meter, to_char(day, 'YYYY-MM-DD') AS day, quantity, events, aggregated_at FROM meter_readings
     WHERE tenant_id = $1 AND ($2::date IS NULL OR day >= $2) AND ($3::date IS NULL OR day < $3) AND ($4::text IS NULL OR meter = $4)
     ORDER BY day, meter`,
    [currentTenantId(), f.from ?? null, f.to ?? null, f.meter ?? null],
  );
  return rows.map(toReading);
}

/** The readings of days [from, to) of several tenants (as many as row-level security lets the transaction read), each tenant's oldest first. */
export async function readingsOfTenants(tenantIds: string[], from: string, to: string): Promise<Map<string, MeterReading[]>> {
  const rows = await currentTx().query<ReadingRow & { tenant_id: string }>(
    `SELECT tenant_id, meter, to_char(day, 'YYYY-MM-DD') AS day, quantity, events, aggregated_at FROM meter_readings
     WHERE tenant_id = ANY ($1::text[]) AND day >= $2 AND day < $3 ORDER BY tenant_id, day, meter`,
    [tenantIds, from, to],
  );
  return byTenant(rows, toReading);
}
