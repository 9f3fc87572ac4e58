import pg from 'pg';
import type { Database, Row, TransactionOptions, Tx } from './database.ts';
import { PgListener } from './pg-listener.ts';

const CONNECT_TIMEOUT_MS = 5_000;

export class PgDatabase implements Database {
  readonly engine = 'postgres' as const;
  private closed = false;
  private listener: PgListener | undefined;
  constructor(readonly pool: pg.Pool) {}

  static open(connectionString: string, max = 10): PgDatabase {
    // A database that cannot be reached fails a request within seconds instead of queueing it forever.
    const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
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
    // A connection lost between two statements (a terminated backend, a restart) is reported as
    // an 'error' event; unheard, it would crash the process. The next statement then fails.
    const onError = () => {
      broken = true;
    };
    client.on('error', onError);
    try {
      // One simple-protocol round trip for BEGIN, the settings and the locks (values as escaped literals).
      const begin = [
        ...(options.settings ?? []).map(([name, value]) => `set_config(${client.escapeLiteral(name)}, ${client.escapeLiteral(value)}, true)`),
        ...(options.sharedLocks ?? []).map(([space, key]) => `pg_advisory_xact_lock_shared(${Math.trunc(space)}, hashtext(${client.escapeLiteral(key)}))`),
      ];
      await client.query(begin.length === 0 ? 'BEGIN' : `BEGIN; SELECT ${begin.join(', ')}`);
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
      client.off('error', onError);
      client.release(broken);
    }
  }

  /** Listens on a connection of its own, outside the pool (a pooled client would be handed out again). */
  async listen(channel: string, onNotify: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>> {
    this.listener ??= new PgListener(this.pool.options);
    return this.listener.subscribe(channel, onNotify, onResume);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.listener?.close();
    await this.pool.end();
  }
}
