import { currentTx } from '../context.ts';
import type { Database } from './database.ts';
import { openDatabase, type OpenDatabaseOptions } from './open-database.ts';
import { RegionRouter } from './region-router.ts';
import { withPlatformTransaction } from './tenant-tx.ts';

export interface OpenStoreOptions extends OpenDatabaseOptions {
  /** The database of each region with one of its own: a PostgreSQL URL, or a PGlite data dir. */
  regionDatabases?: Readonly<Record<string, string>>;
}

/**
 * Opens the home database and, when regions have databases of their own, each of them (migrated
 * like the home one) behind a `RegionRouter`. A region naming the home database is served by it.
 */
export async function openStore(options: OpenStoreOptions): Promise<Database> {
  const { regionDatabases = {}, ...homeOptions } = options;
  const home = await openDatabase(homeOptions);
  if (Object.keys(regionDatabases).length === 0) return home;
  const homeTarget = options.databaseUrl ?? options.dataDir;
  const opened = new Map<string, Database>();
  const regions = new Map<string, Database>();
  try {
    for (const [region, target] of Object.entries(regionDatabases)) {
      if (target === homeTarget) {
        regions.set(region, home);
        continue;
      }
      let db = opened.get(target);
      if (db === undefined) {
        db = await openDatabase({ ...(options.databaseUrl === undefined ? { dataDir: target } : { databaseUrl: target }), migrate: options.migrate });
        opened.set(target, db);
      }
      regions.set(region, db);
    }
  } catch (error) {
    for (const db of [home, ...opened.values()]) await db.close();
    throw error;
  }
  const registry = (sql: string, params: unknown[] = []) =>
    withPlatformTransaction(home, () => currentTx().query<{ tenant_id: string; data_region: string }>(`SELECT tenant_id, data_region FROM tenants ${sql}`, params));
  const router = new RegionRouter(home, regions, async (tenantId) => (await registry('WHERE tenant_id = $1', [tenantId]))[0]?.data_region);
  // Known from the start, so a transaction already open never waits on a look-up of the registry.
  if (options.migrate !== false) for (const t of await registry('')) router.place(t.tenant_id, t.data_region);
  return router;
}
