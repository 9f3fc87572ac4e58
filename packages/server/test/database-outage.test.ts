import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { PgDatabase } from '../src/db/pg-database.ts';
import { PgliteDatabase } from '../src/db/pglite-database.ts';
import { buildApp } from '../src/http/app.ts';
import { DevIssuer } from '../src/identity/dev-issuer.ts';
import { createLogger } from '../src/logger.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { createTestDatabase } from './support/test-database.ts';

// While the database cannot serve, requests get 503 with Retry-After (never a 500) and readiness
// fails; when it can again, the same server process serves without a restart. An empty
// (unmigrated) database is reproducible on both engines; refused connections and a dropped
// database need a PostgreSQL server, and run only when DATABASE_URL names one.
const issuer = DevIssuer.open();
const cleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function appOn(db: Database): Promise<FastifyInstance> {
  const app = await buildApp({ database: db, devIssuer: issuer, logger: createLogger({ level: 'silent' }) });
  cleanups.push(() => app.close());
  return app;
}

async function get(app: FastifyInstance, url: string) {
  const token = await issuer.mint({ tenant: 'pilot-a', subject: 'user-admin' });
  return app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
}

async function assertUnavailable(app: FastifyInstance): Promise<void> {
  const res = await get(app, '/api/v1/subjects');
  assert.equal(res.statusCode, 503, res.body);
  assert.match(String(res.headers['content-type']), /problem\+json/);
  assert.equal(res.json().type, 'https://companyos.dev/problems/unavailable');
  assert.ok(Number(res.headers['retry-after']) > 0);
  assert.equal((await app.inject({ url: '/readyz' })).statusCode, 503);
}

async function assertServing(app: FastifyInstance): Promise<void> {
  assert.equal((await get(app, '/api/v1/subjects')).statusCode, 200);
  assert.equal((await app.inject({ url: '/readyz' })).statusCode, 200);
}

/** A database with nothing in it: a fresh PGlite, or a new database on the PostgreSQL server. */
async function emptyDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') {
    const db = await PgliteDatabase.open();
    cleanups.push(() => db.close());
    return db;
  }
  const t = await createTestDatabase();
  const name = new URL(t.url!).pathname.slice(1);
  await admin(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  cleanups.push(() => t.close());
  return t.db;
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

test('an empty, unmigrated database answers 503 with Retry-After; once migrated the same server serves', async () => {
  const db = await emptyDatabase();
  const app = await appOn(db);
  await assertUnavailable(app);
  await migrate(db);
  await seedDemo(db);
  await assertServing(app);
});

test('the 503s of an outage count against availability: as errors of their action on /metrics, and in the stored samples once the database is back', async () => {
  const db = await emptyDatabase();
  const app = await appOn(db);
  await assertUnavailable(app);
  const metrics = (await app.inject({ url: '/metrics' })).body;
  assert.match(metrics, /^companyos_action_requests_total\{action="subject\.list",outcome="error"\} 1$/m);
  // The samples cannot be written while the database is down; they are kept, not lost.
  await assert.rejects(app.serviceSamples.flush());
  await migrate(db);
  await seedDemo(db);
  await assertServing(app);
  assert.equal(await app.serviceSamples.flush(), 1);
  const [stored] = await db.query<{ requests: number; errors: number }>(
    `SELECT sum(requests)::int AS requests, sum(errors)::int AS errors FROM service_samples WHERE tenant_id = 'pilot-a'`,
  );
  assert.deepEqual(stored, { requests: 2, errors: 1 });
});

if (process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '') {
  async function servingDatabase(): Promise<{ db: PgDatabase; name: string; app: FastifyInstance }> {
    const t = await createTestDatabase();
    cleanups.push(async () => {
      await admin(`ALTER DATABASE ${new URL(t.url!).pathname.slice(1)} ALLOW_CONNECTIONS true`).catch(() => undefined);
      await t.close();
    });
    await seedDemo(t.db);
    const app = await appOn(t.db);
    await assertServing(app);
    return { db: t.db as PgDatabase, name: new URL(t.url!).pathname.slice(1), app };
  }

  test('a database refusing connections, its backends terminated, answers 503; allowed again, the server recovers by itself', async () => {
    const { name, app } = await servingDatabase();
    await admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
    await assertUnavailable(app);
    await assertUnavailable(app);
    await admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    await assertServing(app);
  });

  test('a dropped database answers 503; restored, the server recovers by itself', async () => {
    const { db, name, app } = await servingDatabase();
    await admin(`DROP DATABASE ${name} WITH (FORCE)`);
    await assertUnavailable(app);
    await admin(`CREATE DATABASE ${name}`);
    await assertUnavailable(app);
    await migrate(db);
    await seedDemo(db);
    await assertServing(app);
  });

  test('the listening connection comes back after its backend is terminated, and notifications flow again', async () => {
    const { db, name } = await servingDatabase();
    const got: string[] = [];
    let resumed = 0;
    const unlisten = await db.listen('companyos_probe', (p) => got.push(p), () => resumed++);
    await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
    for (let i = 0; i < 100 && resumed === 0; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(resumed, 1);
    await db.query(`SELECT pg_notify('companyos_probe', 'after')`);
    for (let i = 0; i < 100 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(got, ['after']);
    await unlisten();
  });
} else {
  test('on PGlite the database is in the process: notifications are delivered locally and the listener never drops', async () => {
    const db = await emptyDatabase();
    const got: string[] = [];
    const unlisten = await db.listen('companyos_probe', (p) => got.push(p));
    await db.query(`SELECT pg_notify('companyos_probe', 'local')`);
    for (let i = 0; i < 100 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(got, ['local']);
    await unlisten();
  });
}
