import { pino, type Logger } from 'pino';
import { currentContext } from './context.ts';

/**
 * JSON logs where every line carries the tenant and request of the unit of work it belongs to.
 * By default they go to stdout asynchronously: lines logged while a write is in flight leave in
 * the next write, so a busy server makes a few large writes instead of one system call per line
 * (pino flushes what is pending when the process exits, and at once after a fatal line).
 */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'companyos' },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => {
        const ctx = currentContext();
        if (ctx === undefined) return {};
        const ids = { tenant_id: ctx.tenantId === '' ? null : ctx.tenantId, request_id: ctx.requestId };
        return ctx.traceId === undefined ? ids : { ...ids, trace_id: ctx.traceId };
      },
      redact: { paths: ['req.headers.authorization', '*.secret', '*.password', 'secret'], censor: '[masked]' },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
