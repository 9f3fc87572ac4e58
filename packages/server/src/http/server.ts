import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from './app.ts';
import { loadConfig } from '../config.ts';

/**
 * Builds the app and listens on COMPANYOS_HOST:COMPANYOS_PORT. SIGINT/SIGTERM close it
 * gracefully: new requests get 503 while in-flight ones finish, then the database closes.
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
      app.log.info({ signal }, 'shutting down');
      app.close().then(
        () => process.exit(0),
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
