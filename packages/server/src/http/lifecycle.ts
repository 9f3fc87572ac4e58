import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Database } from '../db/database.ts';
import { migrationsCurrent } from '../db/migrate.ts';
import { Problem } from './problem.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** True from the moment the app starts closing: readiness fails and new requests get 503. */
    draining: boolean;
  }
}

/** How long the readiness probe waits for the database before calling it unreachable. */
const READY_TIMEOUT_MS = 2_000;
/** What a client is told to wait before retrying a server that is shutting down. */
const DRAIN_RETRY_AFTER_S = 1;

function sendProblem(reply: FastifyReply, problem: Problem, url: string): FastifyReply {
  return reply.code(problem.status).headers(problem.headers).type('application/problem+json').send(problem.body(url));
}

/**
 * Liveness, readiness and draining. `/healthz` answers while the process runs; `/readyz` only
 * while it is not draining and its database is reachable and migrated. From the first moment of
 * `close()` every other request gets a problem+json 503 with Retry-After and `connection: close`
 * (instead of Fastify's own 503), while requests already in flight finish.
 */
export function installLifecycle(app: FastifyInstance, db: Database): void {
  app.decorate('draining', false);
  app.addHook('preClose', async () => {
    app.draining = true;
  });
  // A response finished while draining closes its connection: a keep-alive client would otherwise
  // hold the server open until its idle timeout.
  app.addHook('onSend', async (_request, reply) => {
    if (app.draining) reply.header('connection', 'close');
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!app.draining || request.url === '/healthz') return;
    reply.header('connection', 'close');
    return sendProblem(reply, new Problem('unavailable', 'the server is shutting down; retry on another', {}, { 'retry-after': String(DRAIN_RETRY_AFTER_S) }), request.url);
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async () => {
    if (app.draining) throw new Problem('unavailable', 'the server is shutting down', {}, { 'retry-after': String(DRAIN_RETRY_AFTER_S) });
    let timer: NodeJS.Timeout | undefined;
    const ready = await Promise.race([
      migrationsCurrent(db).catch(() => false),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    if (!ready) throw new Problem('unavailable', 'the database is unreachable or not migrated', {}, { 'retry-after': '5' });
    return { status: 'ready' };
  });
}

// Node's HTTP parser errors, answered before any route runs. Fastify's default writes its own JSON.
const PARSER_PROBLEMS: Record<string, () => Problem> = {
  ERR_HTTP_REQUEST_TIMEOUT: () => new Problem('request-timeout', 'the request headers and body were not received in time'),
  HPE_HEADER_OVERFLOW: () => new Problem('headers-too-large', 'the request headers exceed the size limit'),
  HPE_INVALID_CONTENT_LENGTH: () => new Problem('invalid-request', 'the Content-Length header is invalid'),
  HPE_UNEXPECTED_CONTENT_LENGTH: () => new Problem('invalid-request', 'Content-Length and Transfer-Encoding must not be sent together'),
  HPE_INVALID_TRANSFER_ENCODING: () => new Problem('invalid-request', 'the Transfer-Encoding header is invalid'),
  HPE_INVALID_URL: () => new Problem('invalid-request', 'the request target contains bytes that are not allowed'),
  HPE_INVALID_METHOD: () => new Problem('invalid-request', 'the request method is invalid'),
  HPE_INVALID_HEADER_TOKEN: () => new Problem('invalid-request', 'a request header is malformed'),
  HPE_INVALID_CHUNK_SIZE: () => new Problem('invalid-request', 'a chunk of the request body is malformed'),
};

/**
 * Answers what Node's HTTP parser refuses with problem+json, then closes the connection (the
 * parser cannot resume mid-stream). A reset or already destroyed socket gets nothing.
 */
export function clientErrorHandler(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = PARSER_PROBLEMS[error.code ?? '']?.() ?? new Problem('invalid-request', 'the request could not be parsed as HTTP/1.1');
  this.log.info({ problem: problem.slug, code: error.code }, 'request refused by the HTTP parser');
  if (socket.writable) {
    const body = JSON.stringify(problem.body());
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
