import cluster, { type Worker } from 'node:cluster';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { openStore } from '../db/open-store.ts';
import { DEV_ISSUER_KEY_FILE, DevIssuer } from '../identity/dev-issuer.ts';
import { devKeyProvider } from '../keys/kek.ts';
import { startServer } from './server.ts';

export interface ServeOptions {
  config: Config;
  log: Logger;
  /** Runs once against the migrated database before any request is served (seeding). */
  prepare?: (db: Database) => Promise<void>;
}

export type Served = { role: 'single'; app: FastifyInstance } | { role: 'primary'; workers: number } | { role: 'worker'; app: FastifyInstance };

/** The worker count a configuration runs: PGlite is one process's embedded database, so it runs one. */
export function workerCount(config: Pick<Config, 'workers' | 'databaseUrl'>): number {
  return config.databaseUrl === undefined ? 1 : config.workers;
}

/** A worker that dies this soon after its start counts as a crash loop, and is not restarted. */
const CRASH_LOOP_MS = 5_000;

/**
 * Serves with `config.workers` processes sharing the port (node:cluster; the primary hands out
 * connections and serves nothing itself). Everything the workers share lives in PostgreSQL:
 * policy activations reach every worker by LISTEN/NOTIFY, the ledger integrator takes a
 * per-tenant lock, jobs are claimed with SKIP LOCKED, caches expire within a second. The
 * primary migrates, seeds and creates the development keys first, so workers never race to.
 * On PGlite, or with one worker, the server runs in this process.
 */
export async function serve(o: ServeOptions): Promise<Served> {
  const { config, log } = o;
  if (cluster.isWorker) return { role: 'worker', app: await startServer({ config, logger: log }) };
  const workers = workerCount(config);
  if (workers < config.workers) log.info({ requested: config.workers }, `PGlite is single-process: running 1 server process instead of ${config.workers} (set DATABASE_URL for more)`);
  if (workers === 1) {
    const app = await startServer({ config, logger: log });
    await o.prepare?.(app.db);
    return { role: 'single', app };
  }

  const db = await openStore({ databaseUrl: config.databaseUrl, regionDatabases: config.regionDatabases });
  try {
    await o.prepare?.(db);
  } finally {
    await db.close();
  }
  if (config.kek === undefined) devKeyProvider(config.dataDir, log);
  if (config.devIssuer) DevIssuer.open({ keyFile: join(config.dataDir, DEV_ISSUER_KEY_FILE) });

  let stopping = false;
  const fork = (): Promise<Worker> => {
    const worker = cluster.fork();
    const startedAt = Date.now();
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      const crashLoop = Date.now() - startedAt < CRASH_LOOP_MS;
      log.error({ worker_pid: worker.process.pid, code, signal }, crashLoop ? 'server worker died at start; not restarting it' : 'server worker died; starting another');
      if (!crashLoop) fork().catch((error: unknown) => log.error({ err: error }, 'a replacement server worker did not start'));
      else if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
    });
    return new Promise((resolve, reject) => {
      worker.once('listening', () => resolve(worker));
      worker.once('exit', (code) => reject(new Error(`a server worker exited with code ${code} before listening`)));
    });
  };
  // Each worker drains on SIGTERM (see startServer); the primary exits when the last one has.
  const stop = (exitCode: number) => {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    let left = alive.length;
    if (left === 0) process.exit(exitCode);
    for (const w of alive) {
      w.once('exit', () => {
        if (--left === 0) process.exit(exitCode);
      });
      w.process.kill('SIGTERM');
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    log.info({ signal }, 'shutting down the server workers');
    stop(0);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await Promise.all(Array.from({ length: workers }, fork));
  } catch (error) {
    log.error({ err: error }, 'the server workers did not all start');
    stop(1);
    throw error;
  }
  log.info({ workers, port: config.port }, `${workers} server workers are listening`);
  return { role: 'primary', workers };
}
