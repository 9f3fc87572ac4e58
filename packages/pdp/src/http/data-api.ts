import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { RegoError } from '@companyos/rego';
import type { ActiveBundle } from '../decision/active-bundle.ts';
import type { DecisionEvent, DecisionLogUploader } from '../decision/decision-log.ts';
import { evalErrorJson, evaluationFailed, OpaError } from './opa-errors.ts';

export interface DataApiOptions {
  bundles: { current(): ActiveBundle | undefined };
  /** Where decisions are logged; without it responses carry no `decision_id`, as in OPA. */
  decisionLog: DecisionLogUploader | undefined;
  /** The bundle's name in decision events and provenance (the tenant). */
  bundleName: string;
  /** The document `POST /` evaluates, as path segments below `data`. */
  defaultDecision: string[];
  /** The labels every decision event carries (`id`, `version`). */
  labels: Record<string, string>;
  version: string;
  evalTimeoutMs: number;
  bodyLimit: number;
  log: Logger;
}

interface Parsed {
  /** The input document, or undefined when the request has none. */
  input: unknown;
  parseNs: bigint;
}

const PLAIN_JSON = { 'content-type': 'application/json' };

/** OPA's boolean query parameters: present without a value, or `true` in any case. */
function flag(query: Record<string, unknown>, name: string): boolean {
  const v = query[name];
  const values = Array.isArray(v) ? v : v === undefined ? [] : [v];
  if (values.length === 1 && values[0] === '') return true;
  return values.some((x) => typeof x === 'string' && x.toLowerCase() === 'true');
}

const segmentsOf = (wildcard: string | undefined): string[] => (wildcard ?? '').split('/').filter((s) => s !== '');

/** The request body as bytes, decompressed when it came gzip-encoded (as OPA accepts). */
function bodyBytes(request: FastifyRequest, limit: number): Buffer | undefined {
  const raw = request.body as Buffer | undefined;
  if (raw === undefined || raw.length === 0) return undefined;
  if (!String(request.headers['content-encoding'] ?? '').includes('gzip')) return raw;
  try {
    return gunzipSync(raw, { maxOutputLength: limit });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new OpaError(400, 'invalid_parameter', 'compressed request body too large');
    throw new OpaError(400, 'invalid_parameter', `could not decompress the body: ${(error as Error).message}`);
  }
}

function parseJson(bytes: Buffer | undefined, what: 'body' | 'parameter'): unknown {
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new OpaError(400, 'invalid_parameter', `${what} contains malformed input document: ${(error as Error).message}`);
  }
}

/**
 * OPA's data API over the active bundle: `POST|GET /v1/data/{path}`, `POST /` (the default
 * decision), and `GET /health`. Errors have OPA's shapes and codes; nothing answers with a stack.
 */
export function buildDataApi(o: DataApiOptions): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: o.bodyLimit,
    exposeHeadRoutes: false,
    routerOptions: { maxParamLength: 2048 },
  });
  let requests = 0;

  // Every body is read as bytes and parsed here, whatever its content type (OPA ignores it).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof OpaError) return sendError(reply, error);
    const e = error as { code?: string; statusCode?: number; message?: string };
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, new OpaError(400, 'invalid_parameter', 'request body too large'));
    if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) return sendError(reply, new OpaError(400, 'invalid_parameter', 'the request is malformed'));
    o.log.error({ err_message: e.message }, 'request failed');
    return sendError(reply, new OpaError(500, 'internal_error', 'an internal error occurred'));
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, new OpaError(404, 'resource_not_found', `no route ${request.method} ${request.url.split('?')[0]}`)));

  function sendError(reply: FastifyReply, error: OpaError) {
    return reply.code(error.status).headers(PLAIN_JSON).send(`${JSON.stringify(error.body())}\n`);
  }

  function send(reply: FastifyReply, request: FastifyRequest, value: unknown) {
    const pretty = flag(request.query as Record<string, unknown>, 'pretty');
    return reply.headers(PLAIN_JSON).send(`${pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`);
  }

  /** Evaluates, logs the decision, and returns what the data API answers with. */
  function decide(request: FastifyRequest, segments: string[], parsed: Parsed, started: bigint, strict: boolean) {
    const bundle = o.bundles.current();
    const decisionId = o.decisionLog === undefined ? undefined : randomUUID();
    let result: unknown;
    let evalNs = 0n;
    let failure: RegoError | undefined;
    if (bundle !== undefined) {
      const query = bundle.query(segments);
      const t0 = process.hrtime.bigint();
      try {
        result = query(parsed.input, { timeoutMs: o.evalTimeoutMs, strictBuiltinErrors: strict });
      } catch (error) {
        if (error instanceof RegoError) failure = error;
        // Input nested deeper than the evaluator can walk is the client's to fix.
        else if (error instanceof RangeError) throw new OpaError(400, 'invalid_parameter', 'the input document is nested too deeply');
        else throw error;
      }
      evalNs = process.hrtime.bigint() - t0;
    }
    const metrics = { timer_rego_input_parse_ns: Number(parsed.parseNs), timer_rego_query_eval_ns: Number(evalNs), timer_server_handler_ns: Number(process.hrtime.bigint() - started) };
    if (decisionId !== undefined) {
      const event: DecisionEvent = {
        labels: o.labels,
        decision_id: decisionId,
        bundles: bundle === undefined ? {} : { [o.bundleName]: { revision: bundle.revision } },
        path: segments.join('/'),
        ...(parsed.input !== undefined ? { input: parsed.input } : {}),
        ...(result !== undefined ? { result } : {}),
        ...(failure !== undefined ? { error: evalErrorJson(failure) } : {}),
        requested_by: `${request.socket.remoteAddress ?? ''}:${request.socket.remotePort ?? ''}`,
        timestamp: new Date().toISOString(),
        metrics,
        req_id: ++requests,
      };
      // Only a decision made with a bundle can name its revision; none is logged without one.
      if (bundle !== undefined) o.decisionLog!.append(event);
    }
    if (failure !== undefined) throw evaluationFailed(failure);
    return { result, decisionId, metrics, bundle };
  }

  async function dataApi(request: FastifyRequest, reply: FastifyReply, parsed: Parsed, started: bigint) {
    const query = request.query as Record<string, unknown>;
    const segments = segmentsOf((request.params as { '*'?: string })['*']);
    const d = decide(request, segments, parsed, started, flag(query, 'strict-builtin-errors'));
    const response: Record<string, unknown> = {};
    if (flag(query, 'provenance')) {
      response.provenance = { version: o.version, build_commit: '', build_timestamp: '', build_hostname: '', bundles: d.bundle === undefined ? {} : { [o.bundleName]: { revision: d.bundle.revision } } };
    }
    if (flag(query, 'metrics')) response.metrics = d.metrics;
    if (d.result !== undefined) response.result = d.result;
    if (parsed.input === undefined && request.method === 'POST') response.warning = { code: 'api_usage_warning', message: "'input' key missing from the request" };
    if (d.decisionId !== undefined) response.decision_id = d.decisionId;
    return send(reply, request, response);
  }

  const postData = async (request: FastifyRequest, reply: FastifyReply) => {
    const started = process.hrtime.bigint();
    const body = parseJson(bodyBytes(request, o.bodyLimit), 'body');
    if (body !== undefined && (body === null || typeof body !== 'object' || Array.isArray(body))) {
      throw new OpaError(400, 'invalid_parameter', 'body contains malformed input document: the request must be a JSON object such as {"input": ...}');
    }
    // `"input": null` counts as no input, as in OPA.
    const input = (body as { input?: unknown } | undefined)?.input ?? undefined;
    return dataApi(request, reply, { input, parseNs: process.hrtime.bigint() - started }, started);
  };
  const getData = async (request: FastifyRequest, reply: FastifyReply) => {
    const started = process.hrtime.bigint();
    const given = (request.query as Record<string, unknown>).input;
    const last = Array.isArray(given) ? given[given.length - 1] : given;
    const input = typeof last === 'string' ? (parseJson(Buffer.from(last), 'parameter') ?? undefined) : undefined;
    return dataApi(request, reply, { input, parseNs: process.hrtime.bigint() - started }, started);
  };
  app.post('/v1/data', postData);
  app.post('/v1/data/*', postData);
  app.get('/v1/data', getData);
  app.get('/v1/data/*', getData);
  const ownedByBundle = async () => {
    throw new OpaError(400, 'invalid_parameter', `all paths owned by bundle "${o.bundleName}": change the data in CompanyOS`);
  };
  app.route({ method: ['PUT', 'PATCH', 'DELETE'], url: '/v1/data', handler: ownedByBundle });
  app.route({ method: ['PUT', 'PATCH', 'DELETE'], url: '/v1/data/*', handler: ownedByBundle });

  // The unversioned API: the body is the input itself, the answer the bare default decision.
  app.post('/', async (request, reply) => {
    const started = process.hrtime.bigint();
    const input = parseJson(bodyBytes(request, o.bodyLimit), 'body');
    const d = decide(request, o.defaultDecision, { input, parseNs: process.hrtime.bigint() - started }, started, false);
    if (d.result === undefined) {
      const ref = `data.${o.defaultDecision.join('.')}`;
      throw new OpaError(404, 'undefined_document', `${d.bundle === undefined ? 'document missing' : 'document undefined'}: ${ref}`);
    }
    return send(reply, request, d.result);
  });

  app.get('/health', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const activated = o.bundles.current() !== undefined;
    const unhealthy = (error: string) => reply.code(500).headers(PLAIN_JSON).send(`${JSON.stringify({ error })}\n`);
    if ((flag(query, 'bundles') || flag(query, 'bundle')) && !activated) return unhealthy('one or more bundles are not activated');
    if (flag(query, 'plugins')) {
      const excluded = new Set([query['exclude-plugin']].flat().filter((x): x is string => typeof x === 'string'));
      const states: Record<string, boolean> = { bundle: activated, ...(o.decisionLog !== undefined ? { decision_logs: true } : {}) };
      if (Object.entries(states).some(([name, ok]) => !ok && !excluded.has(name))) return unhealthy('one or more plugins are not up');
    }
    return reply.headers(PLAIN_JSON).send('{}\n');
  });

  return app;
}
