import pg from 'pg';
import type { Database, Row, TransactionOptions, Tx } from './database.ts';
import { CommitStatement, type Statement } from './statement.ts';
import { PgListener } from './pg-listener.ts';

const CONNECT_TIMEOUT_MS = 5_000;
/** Distinct statements kept prepared on each connection; later ones are parsed every time. */
const MAX_PREPARED = 500;

/** The driver's conversion of a JavaScript value to the text it binds (public on the default export). */
const pgUtils = (pg as unknown as { utils: { prepareValue(value: unknown): string | Buffer | null } }).utils;

/** The named statements each pooled connection has prepared (a replaced connection starts empty). */
const preparedStatements = new WeakMap<pg.PoolClient, Set<string>>();
function preparedOn(client: pg.PoolClient): Set<string> {
  let names = preparedStatements.get(client);
  if (names === undefined) preparedStatements.set(client, (names = new Set()));
  return names;
}

export class PgDatabase implements Database {
  readonly engine = 'postgres' as const;
  private closed = false;
  private listener: PgListener | undefined;
  /** A name for each parameterised statement text, so each connection parses and plans it once. */
  private readonly prepared = new Map<string, string>();
  /** A name for each opening read (TransactionOptions.opening), prepared on each connection that runs it. */
  private readonly openings = new Map<string, string>();
  constructor(readonly pool: pg.Pool) {}

  static open(connectionString: string, max = 10): PgDatabase {
    // A database that cannot be reached fails a request within seconds instead of queueing it forever.
    const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    return new PgDatabase(pool);
  }

  async query<T extends object = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(this.statement(sql, params))).rows as T[];
  }

  /**
   * A parameterised statement goes out named: PostgreSQL keeps it parsed on the connection (and,
   * where its plan does not depend on the values, planned), so repeating it costs neither again.
   * A statement without parameters may be a script of several and stays on the simple protocol.
   */
  private statement(text: string, values: unknown[]): pg.QueryConfig {
    if (values.length === 0) return { text };
    let name = this.prepared.get(text);
    if (name === undefined && this.prepared.size < MAX_PREPARED) {
      name = `companyos_${this.prepared.size}`;
      this.prepared.set(text, name);
    }
    return name === undefined ? { text, values } : { name, text, values };
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: Tx, opened: Row[]) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    // A connection lost between two statements (a terminated backend, a restart) is reported as
    // an 'error' event; unheard, it would crash the process. The next statement then fails.
    const onError = () => {
      broken = true;
    };
    client.on('error', onError);
    try {
      // One simple-protocol round trip for BEGIN, the settings and locks (values as escaped literals)
      // and the opening read; each statement of it is planned after the one before has run.
      const begin = [
        ...(options.settings ?? []).map(([name, value]) => `set_config(${client.escapeLiteral(name)}, ${client.escapeLiteral(value)}, true)`),
        ...(options.sharedLocks ?? []).map(([space, key]) => `pg_advisory_xact_lock_shared(${Math.trunc(space)}, hashtext(${client.escapeLiteral(key)}))`),
      ];
      const opening = options.opening === undefined ? [] : [`EXECUTE ${await this.prepareOpening(client, options.opening)}`];
      const script = ['BEGIN', ...(begin.length === 0 ? [] : [`SELECT ${begin.join(', ')}`]), ...opening];
      const begun: pg.QueryResult | pg.QueryResult[] = await client.query(script.join('; '));
      const opened = options.opening === undefined || !Array.isArray(begun) ? [] : (begun.at(-1)!.rows as Row[]);
      const last = new CommitStatement();
      const result = await fn(
        {
          query: async <R extends object = Row>(sql: string, params: unknown[] = []) => (await this.run(client, sql, params)).rows as R[],
          exec: async (sql: string) => {
            await client.query(sql);
          },
          atCommit: (sql, params) => last.set(sql, params),
        },
        opened,
      );
      await this.commit(client, last.statement);
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

  /**
   * The name of an opening read prepared on this connection, preparing it on first use: the
   * simple protocol would plan it again in every transaction (a join of four tables under
   * row-level security: most of its cost). It reads its values from the transaction's settings,
   * so it has no parameters and its one generic plan serves every tenant.
   */
  private async prepareOpening(client: pg.PoolClient, sql: string): Promise<string> {
    let name = this.openings.get(sql);
    if (name === undefined) this.openings.set(sql, (name = `companyos_opening_${this.openings.size}`));
    const prepared = preparedOn(client);
    if (!prepared.has(name)) {
      await client.query(`PREPARE ${name} AS ${sql}`);
      prepared.add(name);
    }
    return name;
  }

  /** Runs a statement in a transaction, noting which statements the connection has prepared. */
  private async run(client: pg.PoolClient, sql: string, params: unknown[]): Promise<pg.QueryResult> {
    const statement = this.statement(sql, params);
    const result = await client.query(statement);
    if (statement.name !== undefined) preparedOn(client).add(statement.name);
    return result;
  }

  /**
   * COMMIT, after the transaction's last statement. A statement the connection has prepared is
   * executed by name with its values as literals (each converted as the driver would bind it, then
   * cast to the type PostgreSQL inferred for that parameter), in COMMIT's own round trip.
   */
  private async commit(client: pg.PoolClient, last: Statement | undefined): Promise<void> {
    if (last === undefined) {
      await client.query('COMMIT');
      return;
    }
    const name = this.prepared.get(last.sql);
    if (name === undefined || !preparedOn(client).has(name)) {
      await this.run(client, last.sql, last.params);
      await client.query('COMMIT');
      return;
    }
    const literal = (value: unknown): string => {
      const text = pgUtils.prepareValue(value);
      if (text === null) return 'NULL';
      // The driver binds bytes as they are; as text they are bytea's hex form.
      return client.escapeLiteral(typeof text === 'string' ? text : `\\x${text.toString('hex')}`);
    };
    await client.query(`EXECUTE ${name}(${last.params.map(literal).join(', ')}); COMMIT`);
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
