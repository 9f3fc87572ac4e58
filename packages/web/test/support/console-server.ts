import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, DevIssuer, seedDemo, type BuildAppOptions, type Config } from '@companyos/server';
import { createTestDatabase, type TestDatabase } from '../../../server/test/support/test-database.ts';
import { createLogger } from '../../../server/src/logger.ts';
import { ensureConsoleBuilt } from '../../scripts/console-build.ts';

export interface ConsoleServer {
  app: FastifyInstance;
  /** http://127.0.0.1:PORT */
  url: string;
  close(): Promise<void>;
}

/** What a test may set besides the config: a clock it moves, and jobs run only when it calls `app.jobs.runDue()`. */
export type ConsoleServerOptions = Pick<BuildAppOptions, 'clock' | 'jobsBackground'>;

/** The server with a freshly built console, on a seeded test database, listening on a free port. */
export async function startConsoleServer(config: Partial<Config> = {}, options: ConsoleServerOptions = {}): Promise<ConsoleServer> {
  await ensureConsoleBuilt({ quiet: true });
  const t: TestDatabase = await createTestDatabase();
  await seedDemo(t.db);
  const app = await buildApp({
    ...options,
    database: t.db,
    config,
    // An in-memory dev issuer key on the server's clock, unless the test turns the dev issuer off.
    devIssuer: config.devIssuer === false ? undefined : DevIssuer.open({ clock: options.clock }),
    logger: createLogger({ level: process.env.COMPANYOS_TEST_LOG ?? 'silent' }),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await t.close();
    },
  };
}
