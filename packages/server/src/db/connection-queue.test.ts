import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MAX_OVERTAKES } from './connection-queue.ts';
import { PgliteDatabase } from './pglite-database.ts';
import { inBackground } from './work-priority.ts';

// PGlite's one connection: a request waiting for it goes before waiting background work, and
// background work still gets its turn, on the real adapter.

let db: PgliteDatabase;
before(async () => {
  db = await PgliteDatabase.open();
  await db.exec('CREATE TABLE turns (n serial PRIMARY KEY, who text NOT NULL)');
});
after(() => db.close());

/** Holds the connection in a transaction until the returned function is called. */
async function holdConnection(): Promise<{ release: () => void; done: Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let entered!: () => void;
  const holding = new Promise<void>((resolve) => (entered = resolve));
  const done = db.transaction(async (tx) => {
    await tx.query(`INSERT INTO turns (who) VALUES ('holder')`);
    entered();
    await released;
  });
  await holding;
  return { release, done };
}

/** One unit of work that records its turn in the table, as a transaction. */
const takeTurn = (who: string) =>
  db.transaction(async (tx) => {
    await tx.query('INSERT INTO turns (who) VALUES ($1)', [who]);
  });

const turnsSince = async (n: number) => (await db.query<{ who: string }>('SELECT who FROM turns WHERE n > $1 ORDER BY n', [n])).map((r) => r.who);
const lastTurn = async () => (await db.query<{ n: number | null }>('SELECT max(n) AS n FROM turns'))[0]!.n ?? 0;

test('a request queued behind pending background work runs first, and the background work still completes', async () => {
  const from = await lastTurn();
  const holder = await holdConnection();
  const background = inBackground(() => takeTurn('decision-log flush'));
  const job = inBackground(() => db.query(`INSERT INTO turns (who) VALUES ('job claim')`));
  const request = takeTurn('request');
  holder.release();
  await Promise.all([holder.done, background, job, request]);
  assert.deepEqual(await turnsSince(from), ['holder', 'request', 'decision-log flush', 'job claim']);
});

test('requests go in the order they came; so does background work', async () => {
  const from = await lastTurn();
  const holder = await holdConnection();
  const work = [inBackground(() => takeTurn('background 1')), takeTurn('request 1'), inBackground(() => takeTurn('background 2')), takeTurn('request 2')];
  holder.release();
  await Promise.all([holder.done, ...work]);
  assert.deepEqual(await turnsSince(from), ['holder', 'request 1', 'request 2', 'background 1', 'background 2']);
});

test('background work is overtaken by a bounded number of requests, then runs even while requests wait', async () => {
  const from = await lastTurn();
  const holder = await holdConnection();
  const background = inBackground(() => takeTurn('background'));
  const requests = Array.from({ length: MAX_OVERTAKES + 2 }, (_, i) => takeTurn(`request ${i + 1}`));
  holder.release();
  await Promise.all([holder.done, background, ...requests]);
  const turns = await turnsSince(from);
  assert.equal(turns.indexOf('background'), 1 + MAX_OVERTAKES, turns.join(', '));
  assert.deepEqual(turns.slice(-2), [`request ${MAX_OVERTAKES + 1}`, `request ${MAX_OVERTAKES + 2}`]);
});

test('a failed transaction hands the connection on', async () => {
  const from = await lastTurn();
  const holder = await holdConnection();
  const failing = db.transaction(async (tx) => {
    await tx.query(`INSERT INTO turns (who) VALUES ('rolled back')`);
    throw new Error('refused');
  });
  const background = inBackground(() => takeTurn('background'));
  holder.release();
  await assert.rejects(failing, /refused/);
  await Promise.all([holder.done, background]);
  assert.deepEqual(await turnsSince(from), ['holder', 'background']);
});
