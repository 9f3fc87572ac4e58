import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Credential } from '../identity/authenticate.ts';
import { CONSOLE_ROUTES } from '../http/console.ts';
import { REQUEST_ID_LABEL } from '../http/request-logging.ts';
import { ProblemSchema } from '../http/problem.ts';
import { RawReply, type AnyAction } from './define-action.ts';
import { authenticateStep, executeStep, type PipelineDeps } from './execute.ts';
import { outcomeOf } from '../observability/signals.ts';
import type { ActionTrace } from '../observability/tracing.ts';

export const API_PREFIX = '/api/v1';

/**
 * The only routes that are not actions: health, readiness, metrics, the API description, public
 * keys, and the console's sign-in (the methods on offer, and the development sign-in, which
 * mints a dev-issuer token only for an active seeded user and is refused when that issuer is off).
 */
export const PUBLIC_ROUTES = new Set([
  '/healthz',
  '/readyz',
  '/metrics',
  `${API_PREFIX}/openapi.json`,
  '/.well-known/jwks.json',
  // Where the dev issuer's key lives, so `companyos token` signs with the key this server trusts.
  '/.well-known/companyos-dev-issuer',
  `${API_PREFIX}/sign-in/options`,
  `${API_PREFIX}/dev/sign-in`,
  // Tenant branding and logo: themes the sign-in page before anyone is authenticated (GET only).
  `${API_PREFIX}/tenants/:id/branding`,
  `${API_PREFIX}/tenants/:id/branding/logo`,
  // A tenant's public signing keys, for verifying receipts, checkpoints and evidence offline.
  `${API_PREFIX}/tenants/:id/jwks.json`,
]);

/**
 * Refuses, at registration time, any route that is neither an action nor a named public route,
 * so no privileged path can bypass the pipeline. Must be installed before any route.
 */
export function guardRoutes(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const config = route.config as { action?: unknown } | undefined;
    if (typeof config?.action === 'string') return;
    if (PUBLIC_ROUTES.has(route.url)) return;
    if (route.method === 'GET' && CONSOLE_ROUTES.has(route.url)) return;
    throw new Error(`route ${String(route.method)} ${route.url} is not a governed action; define it with defineAction()`);
  });
}

const credentials = new WeakMap<FastifyRequest, Credential>();
/** The tenant of each request's verified credential, known even when the request fails after. */
const tenants = new WeakMap<FastifyRequest, string>();
/** When each action request was routed (performance.now()), for its latency. */
const arrivals = new WeakMap<IncomingMessage, number>();
const traces = new WeakMap<IncomingMessage, ActionTrace>();

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Mounts each action as a route whose every request runs the pipeline. */
export function registerActions(app: FastifyInstance, actions: AnyAction[], deps: PipelineDeps): void {
  const seen = new Set<string>();
  for (const action of actions) {
    if (seen.has(action.name)) throw new Error(`action ${action.name} is defined twice`);
    seen.add(action.name);
    const status = action.status ?? 200;
    const url = `${API_PREFIX}${action.path}`;
    app.route({
      method: action.method,
      url,
      config: { action: action.name },
      ...(action.bodyLimit !== undefined ? { bodyLimit: action.bodyLimit } : {}),
      schema: {
        operationId: action.name,
        summary: action.summary ?? action.name,
        description: `Governed action \`${action.name}\` (${action.scope} scope${action.quota !== undefined ? `, counts against the ${action.quota} quota` : ''}).`,
        tags: [action.name.split('.')[0]!],
        security: [{ bearer: [] }],
        ...(action.params !== undefined ? { params: action.params } : {}),
        ...(action.query !== undefined ? { querystring: action.query } : {}),
        ...(action.input !== undefined ? { body: action.input } : {}),
        response: {
          ...(action.response !== undefined ? { [status]: action.response } : {}),
          '4XX': ProblemSchema,
          '5XX': ProblemSchema,
        },
      },
      // The request's trace starts as it is routed, before any hook, so every log line of the
      // request carries its trace id ("incoming request" too), and so does a request refused
      // before the pipeline (shed past capacity, or the server draining).
      childLoggerFactory: (logger, bindings, options, raw) => {
        arrivals.set(raw, performance.now());
        const trace = deps.tracing?.startAction(action.name, String(bindings[REQUEST_ID_LABEL]));
        if (trace === undefined) return logger.child(bindings, options);
        traces.set(raw, trace);
        return logger.child({ ...bindings, trace_id: trace.traceId }, options);
      },
      // Authentication and the tenant check run before the body is parsed and validated, so an
      // anonymous or cross-tenant caller learns nothing about the input schema.
      onRequest: async (request, reply) => {
        const trace = traces.get(request.raw);
        const credential = await authenticateStep(deps, action, {
          requestId: request.id,
          authorization: request.headers.authorization,
          tenantHeader: str(request.headers['x-tenant-id']),
          route: `${action.method} ${url}`,
          params: request.params as Record<string, unknown>,
          trace,
          onTenant: (tenantId) => tenants.set(request, tenantId),
        });
        credentials.set(request, credential);
        // From here on the request's own log lines (including "request completed") name the tenant.
        request.log = reply.log = request.log.child({ tenant_id: credential.tenantId });
      },
      // Every request of an action is counted once, whatever ended it (a refusal before the handler too).
      onResponse: async (request, reply) => {
        const arrived = arrivals.get(request.raw);
        const trace = traces.get(request.raw);
        trace?.end(reply.statusCode);
        if (deps.signals === undefined) return;
        // A request refused before the pipeline began (shed past capacity, or the server draining)
        // still counts: a 503 is a failure the availability SLO must see.
        deps.signals.action({
          action: action.name,
          outcome: outcomeOf(reply.statusCode),
          tenant: credentials.get(request)?.tenantId ?? tenants.get(request) ?? 'none',
          seconds: arrived === undefined ? reply.elapsedTime / 1000 : (performance.now() - arrived) / 1000,
          traceId: trace?.traceId,
        });
      },
      handler: async (request, reply) => {
        const credential = credentials.get(request);
        if (credential === undefined) throw new Error('pipeline: request reached the handler unauthenticated');
        const outcome = await executeStep(deps, action, credential, {
          requestId: request.id,
          authorization: request.headers.authorization,
          tenantHeader: str(request.headers['x-tenant-id']),
          route: `${action.method} ${url}`,
          params: request.params as Record<string, unknown>,
          query: (request.query ?? {}) as Record<string, unknown>,
          body: request.body,
          headers: request.headers,
          trace: traces.get(request.raw),
        });
        reply.code(outcome.status).header('x-receipt-id', outcome.receiptId);
        const { result } = outcome;
        if (result instanceof RawReply) return reply.code(result.status ?? outcome.status).headers(result.headers).send(result.body);
        return result;
      },
    });
  }
}

/** Methods registered for a concrete path, for 405 responses with an Allow header. */
export function allowedMethods(actions: AnyAction[], path: string): string[] {
  const methods = new Set<string>();
  for (const a of actions) {
    const pattern = new RegExp(`^${API_PREFIX}${a.path.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`);
    if (pattern.test(path)) methods.add(a.method);
  }
  return [...methods].sort();
}
