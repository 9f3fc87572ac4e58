// A Database that counts what it sends to the engine: statements, transactions, and round trips
// (each statement is one, and a transaction adds its BEGIN and COMMIT). Load-independent figures
// for comparing the work a request does before and after a change.

import type { Database, Row, TransactionOptions, Tx } from '../../packages/server/src/db/database.ts';

export interface QueryCounts {
  statements: number;
  transactions: number;
  roundTrips: number;
}

export class CountingDatabase implements Database {
  readonly counts: QueryCounts = { statements: 0, transactions: 0, roundTrips: 0 };
  constructor(private readonly inner: Database) {}

  get engine(): Database['engine'] {
    return this.inner.engine;
  }

  snapshot(): QueryCounts {
    return { ...this.counts };
  }

  private count(): void {
    this.counts.statements++;
    this.counts.roundTrips++;
  }

  query<T extends object = Row>(sql: string, params?: unknown[]): Promise<T[]> {
    this.count();
    return this.inner.query<T>(sql, params);
  }

  exec(sql: string): Promise<void> {
    this.count();
    return this.inner.exec(sql);
  }

  // On PGlite a transaction's settings and its opening read are one more statement each; on
  // PostgreSQL they share BEGIN's round trip (the opening read still counts as a statement).
  transaction<T>(fn: (tx: Tx, opened: Row[]) => Promise<T>, options?: TransactionOptions): Promise<T> {
    this.counts.transactions++;
    this.counts.roundTrips += 2;
    if ((options?.settings?.length ?? 0) > 0 && this.engine === 'pglite') this.count();
    if (options?.opening !== undefined) {
      this.counts.statements++;
      if (this.engine === 'pglite') this.counts.roundTrips++;
    }
    return this.inner.transaction(
      (tx, opened) =>
      fn({
        query: <R extends object = Row>(sql: string, params?: unknown[]) => {
          this.count();
          return tx.query<R>(sql, params);
        },
        queryEach: (statements) => {
          for (const _ of statements) this.count();
          return tx.queryEach(statements);
        },
        exec: (sql: string) => {
          this.count();
          return tx.exec(sql);
        },
        // Sent with COMMIT: one round trip more on PGlite, none on PostgreSQL once prepared.
        atCommit: (sql: string, params: unknown[]) => {
          this.counts.statements++;
          if (this.engine === 'pglite') this.counts.roundTrips++;
          tx.atCommit(sql, params);
        },
      }, opened),
      options,
    );
  }

  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    return this.inner.listen(channel, onNotify);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
