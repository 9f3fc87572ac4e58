import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Gauge } from 'prom-client';
import type { Metrics } from '../observability/metrics.ts';
import { Problem } from './problem.ts';

export interface LoadSheddingOptions {
  /** Shed while the event loop's mean delay over the last sample passes this (ms); 0 = never. */
  maxEventLoopDelayMs: number;
  /** Shed while this many requests are in flight in this process; 0 = no limit. */
  maxInFlight: number;
  /** Retry-After of a shed request, in seconds. */
  retryAfterS: number;
  /** How often the event-loop delay is sampled (ms, default 500). */
  sampleIntervalMs?: number;
}

/** Probes and scrapes answer even past capacity: a load balancer must see a busy server as alive. */
const EXEMPT = new Set(['/healthz', '/readyz', '/metrics']);

const exempt = (request: FastifyRequest): boolean => EXEMPT.has(request.routeOptions.url ?? '');

/**
 * Past capacity the server answers 503 problems with Retry-After at once instead of queueing
 * without bound: when the event loop lags (`@fastify/under-pressure` measures it) or when too
 * many requests are in flight. Register before the routes.
 */
export async function installLoadShedding(app: FastifyInstance, o: LoadSheddingOptions, metrics: Metrics): Promise<void> {
  const shed = new Counter({
    name: 'companyos_http_shed_total',
    help: 'Requests answered 503 because the server was past capacity, by reason',
    labelNames: ['reason'] as const,
    registers: [metrics.registry],
  });
  let inFlight = 0;
  new Gauge({
    name: 'companyos_http_in_flight',
    help: 'Requests in flight in this process (health probes and scrapes excluded)',
    registers: [metrics.registry],
    collect() {
      this.set(inFlight);
    },
  });
  const refuse = (request: FastifyRequest, reply: FastifyReply, reason: 'event_loop_delay' | 'in_flight', detail: string) => {
    shed.inc({ reason });
    const problem = new Problem('overloaded', detail, { retry_after: o.retryAfterS }, { 'retry-after': String(o.retryAfterS) });
    reply.code(problem.status).headers(problem.headers).type('application/problem+json');
    return problem.body(request.url.split('?')[0]);
  };

  if (o.maxEventLoopDelayMs > 0) {
    const sampleInterval = o.sampleIntervalMs ?? 500;
    // Start-up (migrations, policy compilation) blocks the loop too; that is not load. The delay
    // counts from the second full sample after the app is ready.
    let armed = false;
    app.addHook('onReady', async () => {
      setTimeout(() => (armed = true), 2 * sampleInterval).unref();
    });
    await app.register(underPressure, {
      maxEventLoopDelay: o.maxEventLoopDelayMs,
      sampleInterval,
      // A value returned is sent as the reply; nothing returned lets the request through.
      pressureHandler: ((request: FastifyRequest, reply: FastifyReply, _type: string, value: number | undefined) => {
        // A sample without a single measurement (Infinity) tells nothing either way.
        if (!armed || exempt(request) || value === undefined || !Number.isFinite(value)) return undefined;
        return refuse(request, reply, 'event_loop_delay', `the server is past capacity (event loop delay ${Math.round(value ?? 0)} ms); retry after ${o.retryAfterS} s`);
      }) as unknown as () => void,
    });
  }

  if (o.maxInFlight > 0) {
    app.addHook('onRequest', (request, reply, done) => {
      if (exempt(request)) return done();
      if (inFlight >= o.maxInFlight) {
        reply.send(refuse(request, reply, 'in_flight', `the server is past capacity (${inFlight} requests in flight); retry after ${o.retryAfterS} s`));
        return;
      }
      inFlight++;
      // 'close' comes once the response is sent or the client has gone, whichever is first.
      reply.raw.once('close', () => inFlight--);
      done();
    });
  }
}
