// An open-loop HTTP load driver: requests leave on a fixed schedule (evenly spaced at the target
// rate) whether or not earlier ones have been answered, and each latency is measured from the
// request's scheduled send time, so time spent queueing anywhere (in this process, in the
// connection pool, in the server) is in the figure rather than hidden (coordinated omission).
// See docs/adr/0009-one-server-throughput.md for why this is not an npm load generator.

import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

export interface OpenLoopRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface OpenLoopOptions {
  origin: string;
  /** Requests per second. */
  rate: number;
  durationS: number;
  /** The `n`-th request of the run. */
  request: (n: number) => OpenLoopRequest;
  /** Whether a response counts as a success (others are errors). */
  ok: (n: number, status: number) => boolean;
  /** A request unanswered this long after its scheduled time is an error (ms). */
  timeoutMs?: number;
  /** Connections the pool may open (default 512): enough that the pool is rarely what queues. */
  connections?: number;
  /** Called with each request's latency and outcome (for figures per kind of request in a mix). */
  onLatency?: (n: number, ms: number, ok: boolean) => void;
}

export interface OpenLoopResult {
  rate: number;
  sent: number;
  ok: number;
  errors: number;
  /** Status codes and error names of the failures. */
  errorKinds: Record<string, number>;
  /** Successful responses per second over the run's schedule plus its drain. */
  achievedRate: number;
  /** How far behind its schedule the driver itself ever fell (ms): large values mean the driver, not the server, lagged. */
  maxSendLagMs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const percentile = (sorted: number[], p: number): number => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((sorted.length * p) / 100) - 1)]!);

/** Runs one open-loop load and reports latency percentiles of all requests (failed ones included). */
export async function runOpenLoop(o: OpenLoopOptions): Promise<OpenLoopResult> {
  const pool = new Pool(o.origin, { connections: o.connections ?? 512, pipelining: 1, keepAliveTimeout: 30_000 });
  const total = Math.round(o.rate * o.durationS);
  const intervalMs = 1000 / o.rate;
  const timeoutMs = o.timeoutMs ?? 10_000;
  const latencies: number[] = [];
  const errorKinds: Record<string, number> = {};
  let ok = 0;
  let maxSendLagMs = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now() + 20;

  const fire = (n: number, scheduled: number): Promise<void> => {
    const r = o.request(n);
    const signal = AbortSignal.timeout(Math.max(1, Math.round(scheduled + timeoutMs - performance.now())));
    return pool
      .request({ method: r.method, path: r.path, headers: r.headers, body: r.body, signal })
      .then(async (res) => {
        await res.body.dump();
        const ms = performance.now() - scheduled;
        latencies.push(ms);
        const good = o.ok(n, res.statusCode);
        o.onLatency?.(n, ms, good);
        if (good) ok++;
        else errorKinds[String(res.statusCode)] = (errorKinds[String(res.statusCode)] ?? 0) + 1;
      })
      .catch((error: unknown) => {
        latencies.push(performance.now() - scheduled);
        o.onLatency?.(n, performance.now() - scheduled, false);
        const kind = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError' ? 'timeout' : ((error as { code?: string }).code ?? (error as Error).name);
        errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
      });
  };

  let n = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Everything due by now leaves now, each with its own scheduled time.
      while (n < total && start + n * intervalMs <= now) {
        const scheduled = start + n * intervalMs;
        maxSendLagMs = Math.max(maxSendLagMs, now - scheduled);
        pending.push(fire(n, scheduled));
        n++;
      }
      if (n >= total) return resolve();
      setTimeout(tick, Math.max(0, start + n * intervalMs - performance.now()));
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  await Promise.all(pending);
  const elapsedS = (performance.now() - start) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  return {
    rate: o.rate,
    sent: total,
    ok,
    errors: total - ok,
    errorKinds,
    achievedRate: ok / Math.max(elapsedS, o.durationS),
    maxSendLagMs,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
  };
}

/** The steps of a warm-up ramp: a fifth of its time at each fifth of the rate. */
const WARM_UP_STEPS = 5;

/**
 * Brings a fresh server to the rate before it is measured: the same requests, in an open loop
 * whose rate climbs in steps to `rate` over `seconds`, so that the server's hot paths are compiled
 * and its database connections opened (each prepares its statements on first use) under load like
 * the measured one. Its figures are not counted; the last step's are returned for the record.
 */
export async function warmUp(o: Omit<OpenLoopOptions, 'durationS'> & { seconds: number }): Promise<OpenLoopResult> {
  let last: OpenLoopResult | undefined;
  for (let step = 1; step <= WARM_UP_STEPS; step++) {
    last = await runOpenLoop({ ...o, rate: (o.rate * step) / WARM_UP_STEPS, durationS: o.seconds / WARM_UP_STEPS });
  }
  return last!;
}
