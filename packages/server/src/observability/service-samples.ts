import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { currentTenantId, currentTx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { withTenantTransaction } from '../db/tenant-tx.ts';
import { inBackground } from '../db/work-priority.ts';
import type { Clock } from '../util/clock.ts';
import { uuidv7 } from '../util/ids.ts';
import type { ActionObservation, Signals } from './signals.ts';

/** Upper bounds (ms) of the stored latency buckets; one more bucket holds everything slower. */
export const SAMPLE_BOUNDS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];
/** How long a server sums requests before it writes the window's rows. */
export const SAMPLE_WINDOW_MS = 60_000;

interface Window {
  /** The flush this window began after (earlier than the last one when a write of it failed). */
  from: Date;
  requests: number;
  errors: number;
  counts: number[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Writes the open window of service samples now (also done every minute and at close). */
    serviceSamples: { flush(): Promise<number> };
  }
}

/**
 * Keeps per-tenant request counts, server errors and a latency histogram of every governed action
 * this server answers, and stores them as one `service_samples` row per tenant and window, so
 * uptime and API latency over any past period can be computed from the database (the board pack),
 * not only from a Prometheus that may not keep them that long.
 */
export class ServiceSampler {
  private windows = new Map<string, Window>();
  private from: Date;
  private readonly instanceId = uuidv7();

  constructor(private readonly o: { db: Database; clock: Clock }) {
    this.from = o.clock.now();
  }

  record(o: ActionObservation): void {
    let w = this.windows.get(o.tenant);
    if (w === undefined) {
      w = { from: this.from, requests: 0, errors: 0, counts: new Array<number>(SAMPLE_BOUNDS_MS.length + 1).fill(0) };
      this.windows.set(o.tenant, w);
    }
    w.requests++;
    if (o.outcome === 'error') w.errors++;
    const ms = o.seconds * 1000;
    const i = SAMPLE_BOUNDS_MS.findIndex((bound) => ms <= bound);
    w.counts[i === -1 ? SAMPLE_BOUNDS_MS.length : i]!++;
  }

  /**
   * Writes each tenant's window so far (one row per tenant with requests) and opens the next;
   * returns the rows written. While the database is unavailable the windows are kept and written,
   * with what their tenants record meanwhile, by a later flush: that is when requests fail with
   * 503, and uptime computed from the samples must count those failures.
   */
  async flush(): Promise<number> {
    const to = this.o.clock.now();
    const pending = [...this.windows];
    this.windows = new Map();
    this.from = to;
    let written = 0;
    let failure: unknown;
    for (const [i, [tenant, w]] of pending.entries()) {
      // A window that has lasted no time yet (a clock that has not moved) stays open.
      if (to.getTime() <= w.from.getTime()) {
        this.keep(tenant, w);
        continue;
      }
      try {
        written += await this.store(tenant, w, to);
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
          for (const [t, unwritten] of pending.slice(i)) this.keep(t, unwritten);
          throw error;
        }
        // Any other failure is this window's own: it is dropped, the other tenants' are written.
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
    return written;
  }

  /** Puts an unwritten window back, with what its tenant has recorded since. */
  private keep(tenant: string, w: Window): void {
    const since = this.windows.get(tenant);
    if (since !== undefined) {
      w.requests += since.requests;
      w.errors += since.errors;
      since.counts.forEach((n, i) => (w.counts[i]! += n));
    }
    this.windows.set(tenant, w);
  }

  private store(tenant: string, w: Window, to: Date): Promise<number> {
    // A request refused before its tenant was known (an unknown tenant) is not any tenant's.
    return withTenantTransaction(this.o.db, tenant, async () => {
      const rows = await currentTx().query(
        `INSERT INTO service_samples (tenant_id, sample_id, instance_id, window_from, window_to, requests, errors, bucket_bounds_ms, bucket_counts)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9 WHERE EXISTS (SELECT 1 FROM tenants WHERE tenant_id = $1) RETURNING sample_id`,
        [tenant, uuidv7(), this.instanceId, w.from.toISOString(), to.toISOString(), w.requests, w.errors, SAMPLE_BOUNDS_MS, w.counts],
      );
      return rows.length;
    });
  }
}

/** Records every governed action into service samples written each minute and when the app closes. */
export function installServiceSamples(app: FastifyInstance, o: { db: Database; clock: Clock; log: Logger; signals: Signals | undefined; background: boolean }): void {
  const sampler = new ServiceSampler(o);
  o.signals?.onAction((a) => sampler.record(a));
  const flush = () => sampler.flush();
  app.decorate('serviceSamples', { flush });
  if (o.background) {
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      timer = setInterval(() => void inBackground(flush).catch((err: unknown) => o.log.warn({ err }, 'service samples could not be stored')), SAMPLE_WINDOW_MS).unref();
    });
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await inBackground(flush).catch((err: unknown) => o.log.warn({ err }, 'service samples could not be stored'));
    });
  }
}

/** One UTC day of the current tenant's stored samples. */
export interface ServiceDay {
  day: string;
  requests: number;
  errors: number;
  /** Requests per latency bucket (bounds in `SAMPLE_BOUNDS_MS`, then the slower rest). */
  counts: number[];
}

/** The current tenant's samples in [from, to) by the day their window began (rows of other bucket bounds are left out). */
export async function serviceDays(from: Date, to: Date): Promise<ServiceDay[]> {
  const tx = currentTx();
  const args = [currentTenantId(), from.toISOString(), to.toISOString(), SAMPLE_BOUNDS_MS];
  const where = 'tenant_id = $1 AND window_from >= $2 AND window_from < $3 AND bucket_bounds_ms = $4::float8[]';
  const totals = await tx.query<{ day: string; requests: string; errors: string }>(
    `SELECT to_char(window_from AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, sum(requests)::text AS requests, sum(errors)::text AS errors
     FROM service_samples WHERE ${where} GROUP BY 1 ORDER BY 1`,
    args,
  );
  const buckets = await tx.query<{ day: string; i: number; n: string }>(
    `SELECT day, i, sum(c)::text AS n FROM (
       SELECT to_char(window_from AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, unnest(bucket_counts) AS c, generate_subscripts(bucket_counts, 1) AS i
       FROM service_samples WHERE ${where}) x GROUP BY day, i`,
    args,
  );
  const days = new Map(totals.map((t) => [t.day, { day: t.day, requests: Number(t.requests), errors: Number(t.errors), counts: new Array<number>(SAMPLE_BOUNDS_MS.length + 1).fill(0) }]));
  for (const b of buckets) days.get(b.day)!.counts[b.i - 1] = Number(b.n);
  return [...days.values()];
}

/**
 * The latency below which `q` of the requests fell, in ms, interpolated within its bucket (as
 * Prometheus's histogram_quantile does); null without requests. A quantile in the slowest bucket
 * is reported as its lower bound, the most that is known.
 */
export function latencyQuantile(counts: number[], q: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i]!;
    if (seen + n >= rank && n > 0) {
      const lower = i === 0 ? 0 : SAMPLE_BOUNDS_MS[i - 1]!;
      if (i === SAMPLE_BOUNDS_MS.length) return lower;
      return lower + ((SAMPLE_BOUNDS_MS[i]! - lower) * (rank - seen)) / n;
    }
    seen += n;
  }
  return SAMPLE_BOUNDS_MS.at(-1)!;
}
