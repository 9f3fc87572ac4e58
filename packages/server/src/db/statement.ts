import type { Row } from './database.ts';
import { currentTx } from '../context.ts';

/** One SQL statement with its own $1..$n parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * A read sent after a batch's writes, in the same statement (runBatch), and the rows it returned.
 * It sees the data as the statement began: not what the batch writes.
 */
export interface BatchRead {
  statement: Statement;
  rows?: Row[];
}

/**
 * Several INSERT statements as one: each becomes a data-modifying CTE, with its parameters
 * renumbered; then `read`, or nothing. Used on the hot path where a decision writes receipt,
 * audit and usage.
 */
function batched(statements: Statement[], read?: Statement): Statement {
  const all = read === undefined ? statements : [...statements, read];
  const params = all.flatMap((s) => s.params);
  const key = all.map((s) => `${s.params.length}\u0000${s.sql}`).join('\u0000') + (read === undefined ? '' : '\u0000read');
  let sql = batchedSql.get(key);
  if (sql === undefined) {
    let offset = 0;
    const renumbered = all.map((s) => {
      const at = offset;
      offset += s.params.length;
      return s.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + at}`);
    });
    const parts = renumbered.slice(0, statements.length).map((sql, i) => `s${i} AS (${sql} RETURNING 1)`);
    sql = `WITH ${parts.join(', ')} ${read === undefined ? 'SELECT 1' : renumbered.at(-1)!}`;
    if (batchedSql.size < MAX_BATCH_SHAPES) batchedSql.set(key, sql);
  }
  return { sql, params };
}

/**
 * The combined text of each sequence of statements batched so far: the hot path batches the same
 * few shapes (receipt, audit, usage) with every request, so each is renumbered once.
 */
const batchedSql = new Map<string, string>();
const MAX_BATCH_SHAPES = 500;

/** Runs one statement in the current transaction. */
export function runStatement<T extends object = Row>(statement: Statement): Promise<T[]> {
  return currentTx().query<T>(statement.sql, statement.params);
}

/** Runs several INSERT statements in one round trip, with `read` after them (its rows kept in it). */
export async function runBatch(statements: Statement[], read?: BatchRead): Promise<void> {
  if (statements.length === 0) {
    if (read !== undefined) read.rows = await currentTx().query<Row>(read.statement.sql, read.statement.params);
    return;
  }
  const { sql, params } = batched(statements, read?.statement);
  const rows = await currentTx().query<Row>(sql, params);
  if (read !== undefined) read.rows = rows;
}

/** Runs several INSERT statements in one round trip; resolves with how many rows the first inserted. */
export async function runBatchCounting(statements: Statement[]): Promise<number> {
  const { sql, params } = batched(statements, { sql: 'SELECT (SELECT count(*) FROM s0)::int AS n', params: [] });
  const rows = await currentTx().query<{ n: number }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

/** Makes several INSERT statements, as one, the last of the current transaction, sent with its COMMIT. */
export function batchAtCommit(statements: Statement[]): void {
  if (statements.length === 0) return;
  const { sql, params } = batched(statements);
  currentTx().atCommit(sql, params);
}

/** A transaction's statement at commit (see Tx.atCommit): at most one. */
export class CommitStatement {
  statement: Statement | undefined;

  set(sql: string, params: unknown[]): void {
    if (this.statement !== undefined) throw new Error('a transaction has one statement at commit');
    this.statement = { sql, params };
  }
}
