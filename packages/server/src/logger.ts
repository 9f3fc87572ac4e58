import { pino, type Logger } from 'pino';
import { currentContext } from './context.ts';

/** JSON logs where every line carries the tenant and request of the unit of work it belongs to. */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'companyos' },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => {
        const ctx = currentContext();
        return ctx === undefined ? {} : { tenant_id: ctx.tenantId === '' ? null : ctx.tenantId, request_id: ctx.requestId };
      },
      redact: { paths: ['req.headers.authorization', '*.secret', '*.password', 'secret'], censor: '[masked]' },
    },
    options.destination,
  );
}
