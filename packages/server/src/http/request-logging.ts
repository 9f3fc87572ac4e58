import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** Liveness, readiness and scrapes: polled every few seconds, they would drown the info log. */
const POLLED = new Set(['/healthz', '/readyz', '/metrics']);

const isPolled = (request: FastifyRequest): boolean => POLLED.has(request.url.split('?')[0]!);

/** The field that names the request on every log line. */
export const REQUEST_ID_LABEL = 'request_id';

/**
 * Fastify's request lines ("incoming request", "request completed") at info, except for probes
 * and scrapes, which are logged at debug. Errors stay at their own level.
 */
export class RequestLogging extends LogController {
  constructor() {
    super({ requestIdLogLabel: REQUEST_ID_LABEL });
  }

  override incomingRequest(request: FastifyRequest, reply: FastifyReply): void {
    if (isPolled(request) && !this.isLogDisabled(request)) request.log.debug({ req: request }, 'incoming request');
    else super.incomingRequest(request, reply);
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error == null && isPolled(request) && !this.isLogDisabled(request)) reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
    else super.requestCompleted(error, request, reply);
  }
}
