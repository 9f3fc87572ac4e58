import pg from 'pg';
import type { Database, Row, TransactionOptions, Tx } from './database.ts';
import { CommitStatement, type Statement } from './statement.ts';
import { PgListener } from './pg-listener.ts';

const CONNECT_TIMEOUT_MS = 5_000;
/** Distinct statements kept prepared on each connection; later ones are parsed every time. */
const MAX_PREPARED = 500;

/** The driver's conversion of a JavaScript value to the text it binds (public on the default export). */
const pgUtils = (pg as unknown as { utils: { prepareValue(value: unknown): string | Buffer | null } }).utils;

/**
 * A string as an SQL literal, as the driver's escapeLiteral writes it (backslashes doubled in an
 * E'' string, so it reads the same whatever standard_conforming_strings says), by native replaces.
 */
export function quoteLiteral(text: string): string {
  const quoted = `'${text.replaceAll("'", "''")}'`;
  return text.includes('\\') ? ` E${quoted.replaceAll('\\', '\\\\')}` : quoted;
}

/** A value as the literal of the text the driver would bind for it (bytes in bytea's hex form). */
function literal(value: unknown): string {
  const text = pgUtils.prepareValue(value);
  if (text === null) return 'NULL';
  return quoteLiteral(typeof text === 'string' ? text : `\\x${text.toString('hex')}`);
}

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
    // BEGIN with the settings and locks (values as literals), in the round trip of the opening read
    // when there is one; otherwise it waits to go with the transaction's first statement. Each
    // statement of a round trip is planned after the one before has run.
    const begin = [
      ...(options.settings ?? []).map(([name, value]) => `set_config(${quoteLiteral(name)}, ${quoteLiteral(value)}, true)`),
      ...(options.sharedLocks ?? []).map(([space, key]) => `pg_advisory_xact_lock_shared(${Math.trunc(space)}, hashtext(${quoteLiteral(key)}))`),
    ];
    let unsent: string[] | undefined = ['BEGIN', ...(begin.length === 0 ? [] : [`SELECT ${begin.join(', ')}`])];
    /** Sends `script` after what the transaction has not sent yet; the results of `script`'s own statements. */
    const send = async (script: string[]): Promise<pg.QueryResult[]> => {
      const before = unsent ?? [];
      unsent = undefined;
      const results: pg.QueryResult | pg.QueryResult[] = await client.query([...before, ...script].join('; '));
      return (Array.isArray(results) ? results : [results]).slice(before.length);
    };
    try {
      const opening = options.opening === undefined ? [] : [`EXECUTE ${await this.prepareOpening(client, options.opening)}`];
      const opened = opening.length === 0 ? [] : ((await send(opening)).at(-1)!.rows as Row[]);
      const last = new CommitStatement();
      /**
       * Runs statements in order, then `then` (COMMIT): in one round trip with what is unsent when
       * each can be inlined, one by one otherwise (a lone statement on a begun transaction goes
       * bound, as ever).
       */
      const each = async (statements: readonly Statement[], then: string[] = []): Promise<Row[][]> => {
        const inline = statements.length + then.length + (unsent?.length ?? 0) > 1 ? statements.map((st) => this.inline(client, st)) : [undefined];
        if (inline.every((text) => text !== undefined)) {
          return (await send([...(inline as string[]), ...then])).slice(0, statements.length).map((r) => r.rows as Row[]);
        }
        if (unsent !== undefined) await send([]);
        const out: Row[][] = [];
        for (const st of statements) out.push((await this.run(client, st.sql, st.params)).rows as Row[]);
        if (then.length > 0) await send(then);
        return out;
      };
      const result = await fn(
        {
          query: async <R extends object = Row>(sql: string, params: unknown[] = []) => (await each([{ sql, params }]))[0] as R[],
          queryEach: each,
          exec: async (sql: string) => {
            await send([sql]);
          },
          atCommit: (sql, params) => last.set(sql, params),
        },
        opened,
      );
      // A transaction that sent nothing and writes nothing has nothing to begin or commit.
      if (unsent !== undefined && last.statement === undefined) return result;
      await each(last.statement === undefined ? [] : [last.statement], ['COMMIT']);
      return result;
    } catch (error) {
      // Nothing sent, nothing begun.
      if (unsent === undefined) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
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
   * A statement as text for a simple-protocol script: as it is when it has no parameters; executed
   * by name with its values as literals (each converted as the driver would bind it, then cast to
   * the type PostgreSQL inferred for that parameter) once the connection has prepared it.
   * Undefined otherwise: it goes on its own, and is prepared then.
   */
  private inline(client: pg.PoolClient, st: Statement): string | undefined {
    // A script of several statements would answer with several results.
    if (st.params.length === 0) return st.sql.includes(';') ? undefined : st.sql;
    const name = this.prepared.get(st.sql);
    if (name === undefined || !preparedOn(client).has(name)) return undefined;
    return `EXECUTE ${name}(${st.params.map(literal).join(', ')})`;
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
