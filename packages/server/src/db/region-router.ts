import type { Database, Row, TransactionOptions, Tx } from './database.ts';

/**
 * The databases of a deployment that keeps each data region's tenants in a database of its own.
 * It is itself the home database (tenant registry, platform keys, the operator's tenant):
 * whatever names no tenant runs there, except listening, which hears every database (a tenant's
 * changes are notified where they are written). `withTenantTransaction` asks it for a tenant's database.
 */
export class RegionRouter implements Database {
  readonly engine: Database['engine'];
  /** Where each tenant seen so far lives: its region cannot change while regions have databases of their own. */
  private readonly placed = new Map<string, Database>();

  constructor(
    readonly home: Database,
    private readonly regions: ReadonlyMap<string, Database>,
    /** The data region of a tenant in the registry (undefined: no such tenant). */
    private readonly regionOf: (tenantId: string) => Promise<string | undefined>,
  ) {
    this.engine = home.engine;
  }

  /** The database of a region: its own, or the home database for a region without one. */
  forRegion(region: string): Database {
    return this.regions.get(region) ?? this.home;
  }

  /** Records where a tenant lives, as the registry is written (no look-up while a transaction is open). */
  place(tenantId: string, region: string): Database {
    const db = this.forRegion(region);
    this.placed.set(tenantId, db);
    return db;
  }

  /** The database holding a tenant's own rows; the home database for a tenant the registry does not know. */
  async forTenant(tenantId: string): Promise<Database> {
    const known = this.placed.get(tenantId);
    if (known !== undefined) return known;
    const region = await this.regionOf(tenantId);
    return region === undefined ? this.home : this.place(tenantId, region);
  }

  /** Every distinct database, the home one first. */
  get all(): Database[] {
    return [...new Set([this.home, ...this.regions.values()])];
  }

  query<T extends object = Row>(sql: string, params?: unknown[]): Promise<T[]> {
    return this.home.query<T>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.home.exec(sql);
  }

  transaction<T>(fn: (tx: Tx, opened: Row[]) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return this.home.transaction(fn, options);
  }

  async listen(channel: string, onNotify: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>> {
    const stops: Array<() => Promise<void>> = [];
    for (const db of this.all) stops.push(await db.listen(channel, onNotify, onResume));
    return async () => {
      for (const stop of stops) await stop();
    };
  }

  async close(): Promise<void> {
    for (const db of this.all) await db.close();
  }
}

/** Runs a scan across every tenant on each region's database (or the one database) and joins what each returns. */
export async function acrossDatabases<T>(db: Database, scan: (db: Database) => Promise<T[]>): Promise<T[]> {
  const found: T[] = [];
  for (const each of db instanceof RegionRouter ? db.all : [db]) found.push(...(await scan(each)));
  return found;
}
