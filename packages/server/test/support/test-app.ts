import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuildAppOptions } from '../../src/http/app.ts';
import { DevIssuer } from '../../src/identity/dev-issuer.ts';
import { createLogger } from '../../src/logger.ts';
import { FakeClock } from '../../src/util/clock.ts';
import { createTestDatabase, TEST_START, type TestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  t: TestDatabase;
  clock: FakeClock;
  issuer: DevIssuer;
  token(tenant: string, subject: string, options?: { stepUp?: boolean; ttl?: number }): Promise<string>;
  /** Sends a request as `subject` of `tenant` (or anonymously when `as` is omitted). */
  call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options?: { as?: [string, string]; stepUp?: boolean; body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A seeded app on a fresh test database, with a fake clock and an in-memory token issuer. */
export async function createTestApp(options: Omit<BuildAppOptions, 'database' | 'clock'> = {}): Promise<TestApp> {
  // The demo tenants are seeded at TEST_START, where the clock starts.
  const t = await createTestDatabase('seeded');
  const clock = new FakeClock(TEST_START);
  const issuer = options.devIssuer ?? DevIssuer.open({ clock });
  // Files the app writes (evidence packs) go to a directory of its own, removed on close.
  const dataDir = mkdtempSync(join(tmpdir(), 'companyos-test-'));
  const app = await buildApp({
    logger: createLogger({ level: process.env.COMPANYOS_TEST_LOG ?? 'silent' }),
    ...options,
    config: { dataDir, ...options.config },
    database: t.db,
    clock,
    devIssuer: issuer,
  });
  const token = (tenant: string, subject: string, o: { stepUp?: boolean; ttl?: number } = {}) => issuer.mint({ tenant, subject, ...o });
  return {
    app,
    t,
    clock,
    issuer,
    token,
    async call(method, url, o = {}) {
      const headers: Record<string, string> = { ...o.headers };
      if (o.as !== undefined) headers.authorization = `Bearer ${await token(o.as[0], o.as[1], { stepUp: o.stepUp === true })}`;
      return app.inject({ method, url, headers, ...(o.body !== undefined ? { payload: o.body as object } : {}) });
    },
    async close() {
      await app.close();
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
