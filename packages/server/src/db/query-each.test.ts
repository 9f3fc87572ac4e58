import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { PgDatabase, quoteLiteral } from './pg-database.ts';
import type { Database, Tx } from './database.ts';

// Statements sent together (Tx.queryEach), and BEGIN sent with a transaction's first statement: on
// PostgreSQL, once a connection has prepared the statements, they go as one simple-protocol script
// with their values written as literals. What a statement reads and writes must not depend on
// which way it went.
let t: TestDatabase;

before(async () => {
  t = await createTestDatabase();
  await t.db.exec(`CREATE TABLE each_probe (id int PRIMARY KEY, note text, data jsonb, bytes bytea, tags text[], at timestamptz, flag boolean)`);
});
after(() => t.close());

const INSERT = `INSERT INTO each_probe (id, note, data, bytes, tags, at, flag) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`;
const READ = `SELECT id, note, data, bytes, tags, at, flag FROM each_probe WHERE id = ANY($1::int[]) ORDER BY id`;
const COUNT = `SELECT count(*)::int AS n FROM each_probe WHERE id >= $1`;

// Values whose literal form is easy to get wrong: quotes, backslashes (an E'' string), bytes, arrays, JSON.
const awkward = (id: number): unknown[] => [
  id,
  `it's a \\back\\slash, a ''quote'' and \\x00 and E'\\n' — ünïcödé`,
  { path: 'C:\\dir\\file', quote: "'", nested: [1, 'two', null, { deep: '\\' }] },
  Buffer.from([0, 1, 92, 39, 255]),
  ['a,b', 'with "double"', "with 'single'", 'back\\slash', '', 'NULL'],
  new Date('2026-03-02T09:00:00.123Z'),
  false,
];

test('statements sent together run in order, each seeing what those before it did, and answer with their own rows', async () => {
  for (let round = 0; round < 3; round++) {
    const base = 100 * (round + 1);
    const rows = await t.db.transaction((tx) =>
      tx.queryEach([
        { sql: INSERT, params: [base, 'first', null, null, null, null, true] },
        { sql: COUNT, params: [base] },
        { sql: INSERT, params: [base + 1, 'second', null, null, null, null, true] },
        { sql: COUNT, params: [base] },
      ]),
    );
    // The first round prepares them; the later ones send them as one script.
    assert.deepEqual(rows, [[{ id: base }], [{ n: 1 }], [{ id: base + 1 }], [{ n: 2 }]], `round ${round}`);
  }
});

test('values read back the same whether they were bound or written as literals', async () => {
  const [bound, inline] = await t.db.transaction(async (tx) => {
    // Run alone first: each goes bound, and its connection prepares it.
    await tx.query(INSERT, awkward(1));
    const first = await tx.query(READ, [[1]]);
    // Now prepared on this connection: sent together, as literals.
    const [, second] = await tx.queryEach([
      { sql: INSERT, params: awkward(2) },
      { sql: READ, params: [[2]] },
    ]);
    return [first, second!];
  });
  assert.equal(bound.length, 1);
  assert.deepEqual({ ...inline[0], id: 1 }, bound[0]);
  assert.deepEqual(Buffer.from(inline[0]!.bytes as Uint8Array), Buffer.from([0, 1, 92, 39, 255]));
});

test('a statement that fails among others rolls back the whole transaction, and the connection serves the next', async () => {
  await assert.rejects(
    t.db.transaction((tx) =>
      tx.queryEach([
        { sql: INSERT, params: [500, 'kept?', null, null, null, null, true] },
        { sql: INSERT, params: [500, 'duplicate', null, null, null, null, true] },
      ]),
    ),
    /duplicate key/,
  );
  const [after] = await t.db.transaction((tx) => tx.queryEach([{ sql: COUNT, params: [500] }]));
  assert.deepEqual(after, [{ n: 0 }]);
});

test('a string as a literal reads as the driver’s own escaping writes it', () => {
  const client = new pg.Client();
  for (const s of ['', 'plain', "it's", "''", '\\', 'a\\b', "\\'", "E'x'", 'ünï\u0001cödé', '\\x00ff']) {
    assert.equal(quoteLiteral(s), client.escapeLiteral(s), JSON.stringify(s));
  }
});

test('on PostgreSQL, BEGIN goes with the first statement, a transaction that sends nothing sends nothing, and COMMIT goes with the last write', async () => {
  // One connection, so that what it has prepared is known; the driver's calls counted.
  const db: Database = t.url === undefined ? t.db : PgDatabase.open(t.url, 1);
  const sent: string[] = [];
  const original = pg.Client.prototype.query;
  const counting = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text: string };
    sent.push(typeof q === 'string' ? q : q.text);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  const run = async <T>(fn: (tx: Tx) => Promise<T>): Promise<{ result: T; sent: string[] }> => {
    sent.length = 0;
    pg.Client.prototype.query = counting as typeof original;
    try {
      const result = await db.transaction(fn, { settings: [['app.tenant_id', 'each-probe']] });
      return { result, sent: [...sent] };
    } finally {
      pg.Client.prototype.query = original;
    }
  };
  try {
    const write = (tx: Tx, id: number) => {
      tx.atCommit(INSERT, [id, 'at commit', null, null, null, null, true]);
    };
    // Prepares both statements on the connection.
    await run(async (tx) => {
      await tx.query(COUNT, [0]);
      write(tx, 600);
    });
    const nothing = await run(async () => 'done');
    const readAndWrite = await run(async (tx) => {
      const rows = await tx.query(COUNT, [600]);
      write(tx, 601);
      return rows;
    });
    const writeOnly = await run(async (tx) => write(tx, 602));
    assert.equal(nothing.result, 'done');
    assert.deepEqual(readAndWrite.result, [{ n: 1 }], 'the read ran after BEGIN and the settings, and saw the committed row');
    const [stored] = await db.transaction((tx) => tx.queryEach([{ sql: COUNT, params: [600] }]));
    assert.deepEqual(stored, [{ n: 3 }], 'every write at commit was committed');
    if (db instanceof PgDatabase) {
      assert.deepEqual(nothing.sent, []);
      assert.equal(readAndWrite.sent.length, 2, readAndWrite.sent.join(' | '));
      assert.match(readAndWrite.sent[0]!, /^BEGIN; SELECT set_config\('app\.tenant_id', 'each-probe', true\); EXECUTE companyos_\d+\('600'\)$/);
      assert.match(readAndWrite.sent[1]!, /^EXECUTE companyos_\d+\('601', 'at commit', NULL, NULL, NULL, NULL, 'true'\); COMMIT$/);
      assert.equal(writeOnly.sent.length, 1, writeOnly.sent.join(' | '));
      assert.match(writeOnly.sent[0]!, /^BEGIN; SELECT set_config\(.*\); EXECUTE companyos_\d+\('602', .*\); COMMIT$/);
    }
  } finally {
    if (db !== t.db) await db.close();
  }
});
