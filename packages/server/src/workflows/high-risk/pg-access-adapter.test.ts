import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { PgAccessAdapter, roleFor } from './pg-access-adapter.ts';

// The adapter acts on a real PostgreSQL: these tests need the local server and fail loudly without it.
const ADMIN_URL = process.env.COMPANYOS_HIGH_RISK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `hr_scratch_${randomUUID().slice(0, 8)}`;
const adapter = new PgAccessAdapter(ADMIN_URL);

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await c.connect();
  } catch (err) {
    throw new Error(`the high-risk adapter tests need PostgreSQL at ${ADMIN_URL}: ${(err as Error).message}`);
  }
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function as(role: string, password: string): pg.Client {
  const url = new URL(ADMIN_URL);
  url.username = role;
  url.password = password;
  const c = new pg.Client({ connectionString: url.toString() });
  c.on('error', () => {});
  return c;
}

before(async () => {
  await admin(async (c) => {
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.query(`CREATE TABLE ${schema}.orders (id int PRIMARY KEY, total int)`);
    await c.query(`CREATE TABLE ${schema}.salaries (id int PRIMARY KEY, amount int)`);
    await c.query(`INSERT INTO ${schema}.orders VALUES (1, 40), (2, 2)`);
  });
});

after(async () => {
  await admin((c) => c.query(`DROP SCHEMA ${schema} CASCADE`));
});

test('a granted role reads exactly the named tables until it is reverted', async () => {
  const id = randomUUID();
  const access = await adapter.grant(id, { schema, tables: ['orders'] }, new Date(Date.now() + 3_600_000));
  assert.equal(access.role, roleFor(id));
  assert.ok(access.password.length >= 32);

  const session = as(access.role, access.password);
  await session.connect();
  const rows = await session.query(`SELECT total FROM ${schema}.orders ORDER BY id`);
  assert.deepEqual(rows.rows, [{ total: 40 }, { total: 2 }]);
  await assert.rejects(session.query(`SELECT * FROM ${schema}.salaries`), /permission denied/);
  await assert.rejects(session.query(`DELETE FROM ${schema}.orders`), /permission denied/);

  assert.equal(await adapter.revert(id), true);
  // The open session is terminated, and no new one may start.
  await assert.rejects(session.query('SELECT 1'));
  await session.end().catch(() => undefined);
  await assert.rejects(as(access.role, access.password).connect(), /role .* does not exist|authentication failed/);
  const left = await admin((c) => c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [access.role]));
  assert.equal(left.rowCount, 0);
});

test('revert is idempotent and grant may be repeated', async () => {
  const id = randomUUID();
  const until = new Date(Date.now() + 600_000);
  await adapter.grant(id, { schema, tables: ['orders', 'salaries'] }, until);
  const again = await adapter.grant(id, { schema, tables: ['orders'] }, until);
  const session = as(again.role, again.password);
  await session.connect();
  // The repeated grant replaced the first: salaries is no longer readable.
  await assert.rejects(session.query(`SELECT * FROM ${schema}.salaries`), /permission denied/);
  await session.end();
  const valid = await admin((c) => c.query<{ v: Date }>('SELECT rolvaliduntil AS v FROM pg_roles WHERE rolname = $1', [again.role]));
  assert.equal(valid.rows[0]!.v.getTime(), until.getTime());
  assert.equal(await adapter.revert(id), true);
  assert.equal(await adapter.revert(id), false);
});

test('names that are not plain identifiers are refused before any SQL runs', async () => {
  await assert.rejects(adapter.grant(randomUUID(), { schema, tables: ['orders; DROP TABLE x'] }, new Date()), /not a plain identifier/);
  await assert.rejects(adapter.grant(randomUUID(), { schema: 'Bad"Schema', tables: ['orders'] }, new Date()), /not a plain identifier/);
});

/**
 * Grants on `schema` while another transaction holds an uncommitted GRANT on the same schema,
 * committing that one once the adapter's waits behind it: PostgreSQL then refuses the adapter's
 * catalog update with "tuple concurrently updated".
 */
async function grantRacingAnotherGrant(racer: PgAccessAdapter, id: string): Promise<unknown> {
  const other = `hr_race_${randomUUID().slice(0, 8)}`;
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(`CREATE ROLE ${other} NOLOGIN`);
    await c.query('BEGIN');
    await c.query(`GRANT USAGE ON SCHEMA ${schema} TO ${other}`);
    const grant = racer.grant(id, { schema, tables: ['orders'] }, new Date(Date.now() + 600_000)).then(
      (access) => access,
      (error: unknown) => error,
    );
    const waiting = `GRANT USAGE ON SCHEMA "${schema}" TO "${roleFor(id)}"`;
    while ((await admin((a) => a.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query = $1`, [waiting]))).rowCount === 0) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await c.query('COMMIT');
    return await grant;
  } finally {
    await c.query(`REVOKE ALL ON SCHEMA ${schema} FROM ${other}`).catch(() => undefined);
    await c.query(`DROP ROLE ${other}`);
    await c.end();
  }
}

test('a grant that loses a catalog update race to a concurrent GRANT is run again and succeeds', async () => {
  // Without retries the race is lost: the setup does provoke PostgreSQL's refusal.
  const once = await grantRacingAnotherGrant(new PgAccessAdapter(ADMIN_URL, { attempts: 1, backoffMs: 0 }), randomUUID());
  assert.equal((once as { code?: string }).code, 'XX000');
  assert.match((once as Error).message, /tuple concurrently updated/);

  const id = randomUUID();
  const access = await grantRacingAnotherGrant(adapter, id);
  assert.ok(!(access instanceof Error), String(access));
  const { role, password } = access as { role: string; password: string };
  const session = as(role, password);
  await session.connect();
  assert.equal((await session.query(`SELECT count(*)::int AS n FROM ${schema}.orders`)).rows[0].n, 2);
  await session.end();
  assert.equal(await adapter.revert(id), true);
});

test('concurrent grants and reverts on the same schema and tables all succeed', async () => {
  const ids = Array.from({ length: 8 }, () => randomUUID());
  const until = new Date(Date.now() + 600_000);
  const granted = await Promise.all(ids.map((id) => adapter.grant(id, { schema, tables: ['orders', 'salaries'] }, until)));
  for (const access of granted) {
    const session = as(access.role, access.password);
    await session.connect();
    assert.equal((await session.query(`SELECT count(*)::int AS n FROM ${schema}.salaries`)).rows[0].n, 0);
    await session.end();
  }
  assert.deepEqual(await Promise.all(ids.map((id) => adapter.revert(id))), ids.map(() => true));
});
