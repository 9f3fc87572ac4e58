import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Row, TransactionOptions, Tx } from './database.ts';
import { ConnectionQueue } from './connection-queue.ts';
import { CommitStatement } from './statement.ts';
import { isBackgroundWork } from './work-priority.ts';

export class PgliteDatabase implements Database {
  readonly engine = 'pglite' as const;
  private closed = false;
  /**
   * PGlite has one connection, which every statement and transaction takes in turn: ours decides
   * the turns, so a request does not wait behind a queue of background work (ADR 0009).
   */
  private readonly connection = new ConnectionQueue();
  /** A name for each opening read (TransactionOptions.opening) prepared in this session. */
  private readonly openings = new Map<string, string>();
  constructor(readonly pglite: PGlite) {}

  /**
   * `dataDir` undefined = in memory; `template` = a dumped data dir to start from; `settings` =
   * server settings given at start (`-c name=value`).
   */
  static async open(options: { dataDir?: string | undefined; template?: Blob | undefined; settings?: Record<string, string> } = {}): Promise<PgliteDatabase> {
    const settings = Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
    const pglite = await PGlite.create({
      ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
      ...(options.template !== undefined ? { loadDataDir: options.template } : {}),
      ...(settings.length > 0 ? { startParams: [...PGlite.defaultStartParams, ...settings] } : {}),
    });
    return new PgliteDatabase(pglite);
  }

  query<T extends object = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.inTurn(async () => (await this.pglite.query<T>(sql, params)).rows);
  }

  exec(sql: string): Promise<void> {
    return this.inTurn(async () => {
      await this.pglite.exec(sql);
    });
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    return this.connection.run(isBackgroundWork() ? 'background' : 'request', work);
  }

  transaction<T>(fn: (tx: Tx, opened: Row[]) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.inTurn(() => this.transactionNow(fn, options));
  }

  private transactionNow<T>(fn: (tx: Tx, opened: Row[]) => Promise<T>, options: TransactionOptions): Promise<T> {
    const settings = options.settings ?? [];
    const locks = options.sharedLocks ?? [];
    return this.pglite.transaction(async (inner) => {
      if (settings.length + locks.length > 0) {
        const begin = [
          ...settings.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`),
          ...locks.map((_, i) => `pg_advisory_xact_lock_shared($${2 * (settings.length + i) + 1}::int, hashtext($${2 * (settings.length + i) + 2}))`),
        ];
        await inner.query(`SELECT ${begin.join(', ')}`, [...settings.flat(), ...locks.flat()]);
      }
      const opened = options.opening === undefined ? [] : (await inner.query<Row>(`EXECUTE ${await this.prepareOpening(inner, options.opening)}`)).rows;
      const last = new CommitStatement();
      const result = await fn(
        {
          query: async <R extends object = Row>(sql: string, params: unknown[] = []) => (await inner.query<R>(sql, params)).rows,
          queryEach: async (statements) => {
            const out: Row[][] = [];
            for (const st of statements) out.push((await inner.query<Row>(st.sql, st.params)).rows);
            return out;
          },
          exec: async (sql: string) => {
            await inner.exec(sql);
          },
          atCommit: (sql, params) => last.set(sql, params),
        },
        opened,
      );
      if (last.statement !== undefined) await inner.query(last.statement.sql, last.statement.params);
      return result;
    });
  }

  /**
   * The name of an opening read, prepared in this session on first use so that it is planned once,
   * not in every transaction (it reads the transaction's settings, so one generic plan serves all).
   */
  private async prepareOpening(inner: Pick<Transaction, 'exec'>, sql: string): Promise<string> {
    let name = this.openings.get(sql);
    if (name === undefined) {
      name = `companyos_opening_${this.openings.size}`;
      await inner.exec(`PREPARE ${name} AS ${sql}`);
      this.openings.set(sql, name);
    }
    return name;
  }

  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    const unlisten = await this.pglite.listen(channel, onNotify);
    return async () => {
      if (!this.closed) await unlisten();
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pglite.close();
  }
}
