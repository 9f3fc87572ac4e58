import type { Row } from './database.ts';
import { currentTx } from '../context.ts';

/** One SQL statement with its own $1..$n parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * Runs several INSERT statements as one round trip: each becomes a data-modifying CTE, with its
 * parameters renumbered. Used on the hot path where a decision writes receipt, audit and usage.
 */
export async function runBatch(statements: Statement[]): Promise<void> {
  if (statements.length === 0) return;
  const params: unknown[] = [];
  const parts = statements.map((s, i) => {
    const offset = params.length;
    params.push(...s.params);
    return `s${i} AS (${s.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)} RETURNING 1)`;
  });
  await currentTx().query<Row>(`WITH ${parts.join(', ')} SELECT 1`, params);
}
