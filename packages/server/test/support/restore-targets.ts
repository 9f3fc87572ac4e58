import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import type { RestoreTarget } from '../../src/backup/restore-backup.ts';
import type { Database } from '../../src/db/database.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import type { TestDatabase } from './test-database.ts';

export interface RestoreTargets {
  /**
   * An empty target of the engine under test: a new database, or a new PGlite data dir under
   * `work`. On PostgreSQL, `extension` is created in it first, as a template database may carry one.
   */
  next(o?: { extension?: string }): Promise<{ target: RestoreTarget; open: () => Promise<Database> }>;
  /** Drops the databases made for PostgreSQL targets. */
  dropAll(): Promise<void>;
}

export function restoreTargets(t: TestDatabase, work: string): RestoreTargets {
  const databases: string[] = [];
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>, connectionString = process.env.DATABASE_URL): Promise<T> => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    async next(o = {}) {
      if (t.url === undefined) {
        const pgliteDir = join(work, `restored-${randomBytes(4).toString('hex')}`);
        return { target: { pgliteDir }, open: () => openDatabase({ dataDir: pgliteDir, migrate: false }) };
      }
      const name = `companyos_restore_${randomBytes(6).toString('hex')}`;
      await admin((c) => c.query(`CREATE DATABASE ${name}`));
      databases.push(name);
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${name}`;
      const extension = o.extension;
      if (extension !== undefined) await admin((c) => c.query(`CREATE EXTENSION ${c.escapeIdentifier(extension)}`), url.toString());
      return { target: { databaseUrl: url.toString() }, open: () => openDatabase({ databaseUrl: url.toString(), migrate: false }) };
    },
    async dropAll() {
      if (databases.length === 0) return;
      await admin(async (c) => {
        for (const name of databases) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}
