import { mkdirSync } from 'node:fs';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { PgDatabase } from './pg-database.ts';
import { PgliteDatabase } from './pglite-database.ts';

export interface OpenDatabaseOptions {
  /** PostgreSQL server; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; absent (and no databaseUrl) = in memory. */
  dataDir?: string | undefined;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  let db: Database;
  if (options.databaseUrl !== undefined) {
    db = PgDatabase.open(options.databaseUrl);
  } else {
    if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true });
    db = await PgliteDatabase.open({ dataDir: options.dataDir });
  }
  if (options.migrate !== false) {
    try {
      await migrate(db);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}
