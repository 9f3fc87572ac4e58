// The plans of the graph's walks on the bench's own PostgreSQL data: the server's functions (a
// depth-2 neighbourhood of the hub with the entitlements among its nodes, a lineage) run in a
// tenant transaction as the server runs them (its role, row-level security), each statement
// explained with EXPLAIN (ANALYZE, BUFFERS) before it runs.

import type { Database, Row, TransactionOptions, Tx } from '../../packages/server/src/db/database.ts';
import { PgDatabase } from '../../packages/server/src/db/pg-database.ts';
import { withTenantTransaction } from '../../packages/server/src/db/tenant-tx.ts';
import { lineage, loadEntities, neighbourhood } from '../../packages/server/src/graph/graph-queries.ts';

export interface ExplainedStatement {
  /** What the walk was doing. */
  step: string;
  sql: string;
  plan: string[];
  /** The execution time PostgreSQL reports (ms). */
  ms: number;
}

/** A database whose transactions explain every read before running it, recorded under the current step. */
class ExplainingDatabase implements Database {
  readonly engine = 'postgres' as const;
  readonly explained: ExplainedStatement[] = [];
  step = '';
  constructor(private readonly inner: Database) {}

  query<T extends object = Row>(sql: string, params?: unknown[]): Promise<T[]> {
    return this.inner.query<T>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.inner.exec(sql);
  }

  transaction<T>(fn: (tx: Tx, opened: Row[]) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return this.inner.transaction((tx, opened) => {
      const explaining: Tx = {
        query: async <R extends object = Row>(sql: string, params?: unknown[]) => {
          if (/^\s*(SELECT|WITH)\b/i.test(sql)) {
            const rows = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
            const plan = rows.map((r) => r['QUERY PLAN']);
            const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan.at(-1) ?? '')?.[1] ?? NaN);
            this.explained.push({ step: this.step, sql: sql.replace(/\s+/g, ' ').trim(), plan, ms });
          }
          return tx.query<R>(sql, params);
        },
        queryEach: async (statements) => {
          const out: Row[][] = [];
          for (const st of statements) out.push(await explaining.query(st.sql, st.params));
          return out;
        },
        exec: (sql: string) => tx.exec(sql),
        atCommit: (sql: string, params: unknown[]) => tx.atCommit(sql, params),
      };
      return fn(explaining, opened);
    }, options);
  }

  listen(channel: string, onNotify: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>> {
    return this.inner.listen(channel, onNotify, onResume);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Explains the walks of one tenant's hub (as the neighbours flow asks for it) and returns each statement's plan. */
export async function explainWalks(databaseUrl: string, tenant: string, hub: string, subject: string): Promise<ExplainedStatement[]> {
  const db = new ExplainingDatabase(PgDatabase.open(databaseUrl, 1));
  try {
    await withTenantTransaction(db, tenant, async () => {
      const start = (await loadEntities([hub])).get(hub);
      if (start === undefined) throw new Error(`no entity ${hub} in ${tenant}`);
      db.step = 'neighbours depth 2 (limit 500), with the entitlements among them';
      await neighbourhood(start, { depth: 2, direction: 'both', types: [], limit: 500, subjectId: subject });
      db.step = 'lineage downstream along OWNS (depth 5)';
      await lineage(hub, { direction: 'downstream', types: ['OWNS'], maxDepth: 5, limit: 1000 });
    });
  } finally {
    await db.close();
  }
  return db.explained.filter((e) => e.step !== '');
}

/** The plans as text: per statement its step, time, statement and plan. */
export function plansText(explained: ExplainedStatement[]): string {
  return explained.map((e) => `-- ${e.step}: ${e.ms} ms\n-- ${e.sql}\n${e.plan.join('\n')}\n`).join('\n');
}
