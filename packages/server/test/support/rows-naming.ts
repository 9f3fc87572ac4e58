import type { Database } from '../../src/db/database.ts';
import { policyRuntime } from '../../src/policy/policy-runtime.ts';

/** The rows of a tenant's table that hold `text` in any column, read as the database owner (no row-level security), the decision log written first. */
export async function rowsNaming(db: Database, table: string, tenant: string, text: string): Promise<string[]> {
  await policyRuntime().engine.flushDecisions();
  const rows = await db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${table} t WHERE tenant_id = $1`, [tenant]);
  return rows.map((r) => r.row).filter((r) => r.includes(text));
}
