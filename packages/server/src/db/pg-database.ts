import pg from 'pg';
import type { Database, Row, TransactionOptions, Tx } from './database.ts';

export class PgDatabase implements Database {
  readonly engine = 'postgres' as const;
  private closed = false;
  constructor(readonly pool: pg.Pool) {}

  static open(connectionString: string, max = 10): PgDatabase {
    const pool = new pg.Pool({ connectionString, max });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    return new PgDatabase(pool);
  }

  async query<T extends object = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      // One simple-protocol round trip for BEGIN and the settings (values as escaped literals).
      const settings = (options.settings ?? []).map(([name, value]) => `set_config(${client.escapeLiteral(name)}, ${client.escapeLiteral(value)}, true)`);
      await client.query(settings.length === 0 ? 'BEGIN' : `BEGIN; SELECT ${settings.join(', ')}`);
      const result = await fn({
        query: async <R extends object = Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as R[],
        exec: async (sql: string) => {
          await client.query(sql);
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** Listens on a connection of its own, outside the pool (a pooled client would be handed out again). */
  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    const client = new pg.Client(this.pool.options);
    // A lost listening connection must not crash the process; callers poll as well.
    client.on('error', () => {});
    await client.connect();
    client.on('notification', (n) => {
      if (n.channel === channel) onNotify(n.payload ?? '');
    });
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    return async () => {
      await client.end();
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
