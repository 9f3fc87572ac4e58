// One small interface over both engines (PGlite in-process, PostgreSQL through `pg`), so the
// rest of the server never knows which one it talks to.
export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs one statement with positional parameters ($1, $2, ...) and returns its rows. */
  query<T extends object = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
}

export interface Tx extends Queryable {
  /**
   * Runs statements in order, each seeing what those before it did, and returns the rows of each:
   * on a PostgreSQL server in one round trip once the connection has prepared them all (with the
   * transaction's BEGIN, when nothing was sent yet).
   */
  queryEach(statements: ReadonlyArray<{ sql: string; params: unknown[] }>): Promise<Row[][]>;
  /**
   * Makes `sql` the transaction's last statement, sent with its COMMIT (on a PostgreSQL server in
   * one round trip, once the statement is prepared on the connection). Its failure fails the
   * transaction. At most one per transaction.
   */
  atCommit(sql: string, params: unknown[]): void;
}

export interface TransactionOptions {
  /**
   * Transaction-local settings (`set_config(name, value, true)`; `role` is SET LOCAL ROLE), made as
   * the transaction begins: on a PostgreSQL server in the same round trip as its BEGIN, which goes
   * with the opening read or else with the transaction's first statement (a transaction that sends
   * nothing sends no BEGIN either).
   */
  settings?: ReadonlyArray<readonly [name: string, value: string]>;
  /**
   * Transaction-scoped advisory locks taken shared as the transaction begins (after the
   * settings, in the same round trip): `pg_advisory_xact_lock_shared(space, hashtext(key))`.
   */
  sharedLocks?: ReadonlyArray<readonly [space: number, key: string]>;
  /**
   * A read without parameters made right after the settings and locks (which it may name through
   * `current_setting`): on a PostgreSQL server in that same round trip. Its rows are handed to the
   * transaction's function.
   */
  opening?: string;
}

export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `fn` in a transaction: commits when it resolves, rolls back when it throws. `opened`: the rows of `options.opening`. */
  transaction<T>(fn: (tx: Tx, opened: Row[]) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Calls `onNotify` with the payload of each NOTIFY on `channel` (delivered on commit) until the
   * returned function is called. PGlite delivers only its own notifications (one process). After
   * a lost listening connection is replaced, `onResume` is called: notifications may have been missed.
   */
  listen(channel: string, onNotify: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
