import assert from 'node:assert/strict';
import pg from 'pg';
import { createTestApp, type TestApp } from './test-app.ts';

// The high-risk tests govern the local PostgreSQL: they fail, never skip, without it.
export const GOVERNED = 'postgres://postgres@127.0.0.1:5432/test';

/** Runs `fn` on a connection to the governed database (as its owner, or as `url` says). */
export async function governed<T>(fn: (c: pg.Client) => Promise<T>, url = GOVERNED): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => {});
  try {
    await c.connect();
  } catch (err) {
    throw new Error(`the high-risk tests need PostgreSQL at ${url}: ${(err as Error).message}`);
  }
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/**
 * A test app governing `schema` (created with `statements`, dropped by `close`), with
 * `sam-officer` as the tenant's security officer besides the seeded team lead.
 */
export async function highRiskApp(schema: string, statements: string[]): Promise<TestApp> {
  await governed(async (c) => {
    await c.query(`CREATE SCHEMA ${schema}`);
    for (const sql of statements) await c.query(sql);
  });
  const h = await createTestApp({ config: { highRiskDatabaseUrl: GOVERNED, highRiskPendingMinutes: 60 }, ledgerBackground: false, jobsBackground: false });
  const created = await h.call('POST', '/api/v1/subjects', {
    as: ['pilot-a', 'user-admin'],
    body: { subject_id: 'sam-officer', display_name: 'Sam Officer', roles: ['security_officer'] },
  });
  assert.equal(created.statusCode, 201, created.body);
  return {
    ...h,
    async close() {
      await h.close();
      await governed((c) => c.query(`DROP SCHEMA ${schema} CASCADE`));
    },
  };
}
