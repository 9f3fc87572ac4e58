import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from './app.ts';
import { loadConfig } from '../config.ts';

/**
 * Builds the app and listens on COMPANYOS_HOST:COMPANYOS_PORT. SIGINT/SIGTERM drain it: readiness
 * fails and new requests get 503 at once, in-flight requests finish, pending decision logs and
 * usage are written, leases and claimed jobs are released, then the database closes. Past
 * COMPANYOS_DRAIN_TIMEOUT_MS the remaining connections are cut and the process exits anyway.
 */
export async function startServer(options: BuildAppOptions & { handleSignals?: boolean } = {}): Promise<FastifyInstance> {
  const config = { ...loadConfig(), ...options.config };
  const app = await buildApp({ ...options, config });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    throw error;
  }
  if (options.handleSignals !== false) {
    let closing = false;
    const stop = (signal: string) => {
      // Ctrl-C reaches a cluster's workers directly and through the primary's SIGTERM: close once.
      if (closing) return;
      closing = true;
      app.log.info({ signal, deadline_ms: config.drainTimeoutMs }, 'draining');
      const deadline = setTimeout(() => {
        app.log.error({ deadline_ms: config.drainTimeoutMs }, 'drain deadline passed; cutting open connections');
        app.server.closeAllConnections();
        process.exit(1);
      }, config.drainTimeoutMs);
      deadline.unref();
      app.close().then(
        () => {
          app.log.info('drained');
          process.exit(0);
        },
        (error: unknown) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  return app;
}
