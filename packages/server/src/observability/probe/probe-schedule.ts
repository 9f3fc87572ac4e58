import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Database } from '../../db/database.ts';
import type { DevIssuer } from '../../identity/dev-issuer.ts';
import type { Clock } from '../../util/clock.ts';
import type { Metrics } from '../metrics.ts';
import { runGoldenPath, type ProbeHttp } from './golden-path.ts';
import { ProbeSignals } from './probe-signals.ts';
import { ensureProbeTenant, PROBE_SUBJECT, PROBE_TENANT } from './probe-tenant.ts';

export interface ProbeScheduleOptions {
  db: Database;
  clock: Clock;
  log: Logger;
  metrics: Metrics;
  issuer: DevIssuer;
  intervalS: number;
}

/** Requests go through the app's own router and pipeline, as a client's would, without a socket. */
const injected =
  (app: FastifyInstance): ProbeHttp =>
  async (method, path, o) => {
    const res = await app.inject({
      method: method as 'GET',
      url: path,
      headers: { ...(o.token !== undefined ? { authorization: `Bearer ${o.token}` } : {}), ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(o.body !== undefined ? { payload: JSON.stringify(o.body) } : {}),
    });
    return { status: res.statusCode, headers: res.headers as Record<string, string | undefined>, body: res.rawPayload };
  };

/**
 * Runs the golden path every `intervalS` seconds once the app is listening, as the probe
 * tenant's own admin (never in a customer's tenant), and records each run on /metrics. A run
 * never overlaps the previous one; closing the app waits for the run in progress.
 */
export function scheduleProbe(app: FastifyInstance, o: ProbeScheduleOptions): void {
  const signals = new ProbeSignals(o.metrics.registry);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let ready: Promise<void> | undefined;
  const stop = new AbortController();

  const runOnce = async (): Promise<void> => {
    ready ??= ensureProbeTenant(o.db, o.clock.now());
    await ready;
    const token = await o.issuer.mint({ tenant: PROBE_TENANT, subject: PROBE_SUBJECT, ttl: 600, stepUp: true });
    const report = await runGoldenPath({ http: injected(app), token, now: () => o.clock.now(), signal: stop.signal });
    // A run cut short by the server closing says nothing about the service.
    if (stop.signal.aborted) return;
    signals.record(report, o.clock.now());
    const failed = report.checks.find((c) => c.outcome === 'failed');
    if (failed === undefined) o.log.debug({ probe: report.checks.map((c) => c.check) }, 'probe passed');
    else o.log.warn({ check: failed.check, detail: failed.detail }, 'probe failed');
  };
  const tick = (): void => {
    if (running !== undefined) return;
    running = runOnce()
      .catch((err: unknown) => {
        // Not a check's failure: the probe tenant could not be set up. Nothing is recorded as a run.
        ready = undefined;
        o.log.error({ err }, 'probe could not run');
      })
      .finally(() => (running = undefined));
  };

  app.addHook('onListen', async () => {
    timer = setInterval(tick, o.intervalS * 1000);
    timer.unref();
    tick();
  });
  app.addHook('preClose', async () => {
    clearInterval(timer);
    stop.abort();
    await running;
  });
}
