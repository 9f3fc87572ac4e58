import { pino, type Logger } from 'pino';
import { currentContext } from './context.ts';

// Lines wait in memory until this much has gathered, or the flush below: a write per line costs a
// system call and a thread-pool hop and wake-up each, several per request on a busy server.
const LOG_BUFFER_BYTES = 4096;
const LOG_FLUSH_MS = 200;

/**
 * Standard output, buffered: lines leave in writes of about 4 KB, or within 200 ms of being
 * logged when fewer come. Whatever is pending is written synchronously when the process exits
 * (pino registers that for the destinations it makes), so only a SIGKILL loses the last lines;
 * those may land before a write still in flight at the exit.
 */
function bufferedStdout(): pino.DestinationStream {
  const out = pino.destination({ dest: 1, sync: false, minLength: LOG_BUFFER_BYTES });
  let pending = false;
  const write = out.write.bind(out);
  out.write = (line: string) => {
    pending = true;
    return write(line);
  };
  setInterval(() => {
    if (!pending) return;
    pending = false;
    out.flush();
  }, LOG_FLUSH_MS).unref();
  return out;
}

/** JSON logs where every line carries the tenant and request of the unit of work it belongs to, by default on buffered standard output. */
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
    options.destination ?? bufferedStdout(),
  );
}
