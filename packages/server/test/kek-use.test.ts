import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { constants, createHash, publicEncrypt, randomBytes } from 'node:crypto';
import { createLogger } from '../src/logger.ts';
import { KekUseTally } from '../src/keys/kek-use.ts';
import { flushKekUse, KEK_USE_JOB } from '../src/keys/kek-use-summaries.ts';
import { FakeClock } from '../src/util/clock.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Key use receipted (ADR 0030): each unwrap of a data key under a tenant's own KEK is counted in
// memory, and a durable job writes the counts as a `keys.kek.used` receipt with its audit event
// in the tenant's ledger. The platform's key is not the tenant's, and is not counted.

const admin: [string, string] = ['pilot-a', 'user-admin'];
const security: [string, string] = ['pilot-a', 'user-security'];
const kek1 = randomBytes(32);
const kek2 = randomBytes(32);
const fingerprint = (kek: Buffer) => createHash('sha256').update(kek).digest('hex').slice(0, 16);
const silent = createLogger({ level: 'silent' });

let h: TestApp;
let purgeId: string;
// The summary period: a summary job is due this long after the first count it holds.
const PERIOD_S = 60;
/** Lets the pending summaries fall due, and runs them. */
const runSummaries = async () => {
  h.clock.advance(PERIOD_S * 1000);
  await h.app.jobs.runDue();
};

async function install(path: 'import' | 'rotate', kek: Buffer) {
  const w = (await h.call('POST', '/api/v1/keys/wrapping-keys', { as: admin })).json();
  const wrapped = publicEncrypt({ key: w.public_key_pem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, kek).toString('base64');
  const res = await h.call('POST', `/api/v1/keys/kek/${path}`, { as: admin, stepUp: true, body: { wrapping_key_id: w.wrapping_key_id, wrapped_key: wrapped } });
  assert.ok(res.statusCode === 200 || res.statusCode === 201, res.body);
}

const rationale = async () => (await h.call('GET', `/api/v1/purge-requests/${purgeId}`, { as: security })).json().history[0].rationale as string;

type Event = { type: string; actor: string; target: string; request_id: string; details: { version: number; unwraps: number; from: string; to: string; receipt_id: string } };
const useEvents = async (as: [string, string]) => {
  const res = await h.call('GET', '/api/v1/audit-events?type=keys.kek_used', { as });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().events as Event[];
};

before(async () => {
  h = await createTestApp({ config: { kekUseSummaryS: PERIOD_S }, ledgerBackground: false, jobsBackground: false });
  await install('import', kek1);
  const res = await h.call('POST', '/api/v1/purge-requests', { as: security, body: { scope: 'entity', subject: 'asset-1', rationale: 'Wipe the Oslo laptop before it is sold' } });
  assert.equal(res.statusCode, 201, res.body);
  purgeId = res.json().purge_id;
  // What the set-up counted is summarised now, so each test starts from nothing.
  await h.app.kekUse.flush();
  await runSummaries();
});

after(async () => h.close());

test('each unwrap under the tenant KEK is counted, and a durable job writes the summary receipt and audit event', async () => {
  const before = (await useEvents(admin)).length;
  await install('rotate', kek2);
  // A rotation re-wraps every data key: the next use unwraps under version 2, once, then the key is cached.
  const firstAt = h.clock.now().toISOString();
  assert.equal(await rationale(), 'Wipe the Oslo laptop before it is sold');
  h.clock.advance(60_000);
  assert.equal(await rationale(), 'Wipe the Oslo laptop before it is sold');

  assert.equal(await h.app.kekUse.flush(), 1, 'one summary: one tenant, one version');
  const [job] = await h.t.db.query<{ status: string; payload: { version: number; unwraps: number } }>(
    `SELECT status, payload FROM jobs WHERE tenant_id = 'pilot-a' AND kind = $1 ORDER BY job_id DESC LIMIT 1`,
    [KEK_USE_JOB],
  );
  assert.equal(job?.status, 'queued', 'the summary waits as a durable job in the tenant’s queue');
  assert.deepEqual([job?.payload.version, job?.payload.unwraps], [2, 1]);
  assert.equal((await useEvents(admin)).length, before, 'no receipt before the job runs');
  await h.app.jobs.runDue();
  assert.equal((await useEvents(admin)).length, before, 'nor before the period ends');

  await runSummaries();
  const events = await useEvents(admin);
  assert.equal(events.length, before + 1);
  const e = events[0]!;
  assert.deepEqual([e.actor, e.target, e.details.version, e.details.unwraps, e.details.from, e.details.to], ['system:keys', 'tenant:pilot-a/kek/2', 2, 1, firstAt, firstAt]);
  const [receipt] = await h.t.db.query<{ action: string; actor: string; target: string; body: { evidence_refs: string[] } }>(
    `SELECT action, actor, target, body FROM receipts WHERE tenant_id = 'pilot-a' AND receipt_id = $1`,
    [e.details.receipt_id],
  );
  assert.deepEqual([receipt?.action, receipt?.actor, receipt?.target], ['keys.kek.used', 'system:keys', 'tenant:pilot-a/kek/2']);
  assert.ok(receipt?.body.evidence_refs.includes(`kek-fingerprint:${fingerprint(kek2)}`), 'the receipt names the key by its fingerprint');

  assert.equal(await h.app.kekUse.flush(), 0, 'nothing new was used');
});

test('a summary job run again writes its receipt once', async () => {
  assert.equal(await rationale(), 'Wipe the Oslo laptop before it is sold');
  await install('rotate', randomBytes(32));
  assert.equal(await rationale(), 'Wipe the Oslo laptop before it is sold');
  assert.equal(await h.app.kekUse.flush(), 1);
  await runSummaries();
  const [job] = await h.t.db.query<{ job_id: string }>(`SELECT job_id FROM jobs WHERE tenant_id = 'pilot-a' AND kind = $1 ORDER BY job_id DESC LIMIT 1`, [KEK_USE_JOB]);
  const mine = async () => (await useEvents(admin)).filter((e) => e.request_id === `job:${job!.job_id}`).length;
  assert.equal(await mine(), 1);
  // An attempt interrupted after its transaction committed runs again.
  await h.t.db.query(`UPDATE jobs SET status = 'queued', attempts = 0 WHERE tenant_id = 'pilot-a' AND job_id = $1`, [job!.job_id]);
  await h.app.jobs.runDue();
  assert.equal(await mine(), 1, 'still one receipt for the job');
});

test('the platform key is not counted, and another tenant sees nothing of tenant A’s key use', async () => {
  const res = await h.call('POST', '/api/v1/purge-requests', { as: ['pilot-b', 'user-security'], body: { scope: 'entity', subject: 'asset-2', rationale: 'Wipe the Bergen tablet before it is sold' } });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal((await h.call('GET', `/api/v1/purge-requests/${res.json().purge_id}`, { as: ['pilot-b', 'user-security'] })).statusCode, 200);
  assert.equal(await h.app.kekUse.flush(), 0, 'pilot-b holds no KEK of its own');
  assert.deepEqual(await useEvents(['pilot-b', 'user-admin']), []);
  assert.ok((await useEvents(admin)).length >= 2, 'pilot-a has its summaries');
  const claimed = await h.call('GET', '/api/v1/audit-events?type=keys.kek_used', { as: ['pilot-b', 'user-admin'], headers: { 'x-tenant-id': 'pilot-a' } });
  assert.equal(claimed.statusCode, 403, claimed.body);
});

test('counts flushed within a period add up in one pending summary: durable at once, one receipt', async () => {
  const clock = new FakeClock(h.clock.now().toISOString());
  const tally = new KekUseTally(clock);
  const due = new Date(clock.now().getTime() + PERIOD_S * 1000);
  const pending = () => h.t.db.query<{ payload: { version: number; unwraps: number; from: string; to: string } }>(
    `SELECT payload FROM jobs WHERE tenant_id = 'pilot-a' AND kind = $1 AND status = 'queued' AND payload->>'version' = '7'`,
    [KEK_USE_JOB],
  );
  const from = clock.now().toISOString();
  tally.record('pilot-a', 7);
  assert.equal(await flushKekUse(h.t.db, tally, clock.now(), silent, due), 1);
  clock.advance(1_000);
  tally.record('pilot-a', 7);
  tally.record('pilot-a', 7);
  assert.equal(await flushKekUse(h.t.db, tally, clock.now(), silent, new Date(clock.now().getTime() + PERIOD_S * 1000)), 1);
  assert.deepEqual((await pending()).map((j) => j.payload), [{ version: 7, unwraps: 3, from, to: clock.now().toISOString() }], 'one summary, in the database as soon as it is flushed');
  await runSummaries();
  assert.deepEqual(await pending(), []);
  const events = (await useEvents(admin)).filter((e) => e.details.version === 7);
  assert.deepEqual(events.map((e) => e.details.unwraps), [3]);
  // Counts flushed after the summary ran start the next one.
  tally.record('pilot-a', 7);
  assert.equal(await flushKekUse(h.t.db, tally, h.clock.now(), silent, new Date(h.clock.now().getTime() + PERIOD_S * 1000)), 1);
  assert.deepEqual((await pending()).map((j) => j.payload.unwraps), [1]);
});

test('counts a tenant transaction could not take wait for the next summary, merged with newer ones', async () => {
  const clock = new FakeClock('2026-03-02T10:00:00.000Z');
  const tally = new KekUseTally(clock);
  tally.record('no-such-tenant', 1);
  clock.advance(1_000);
  tally.record('no-such-tenant', 1);
  const queuedBefore = await h.t.db.query(`SELECT 1 FROM jobs WHERE kind = $1`, [KEK_USE_JOB]);
  assert.equal(await flushKekUse(h.t.db, tally, clock.now(), silent), 0, 'a tenant that does not exist cannot queue its summary');
  assert.equal((await h.t.db.query(`SELECT 1 FROM jobs WHERE kind = $1`, [KEK_USE_JOB])).length, queuedBefore.length);

  clock.advance(1_000);
  tally.record('no-such-tenant', 1);
  assert.deepEqual(tally.take(), [{ tenantId: 'no-such-tenant', version: 1, unwraps: 3, from: new Date('2026-03-02T10:00:00.000Z'), to: new Date('2026-03-02T10:00:02.000Z') }]);
  assert.deepEqual(tally.take(), [], 'taken counts are gone from the tally');
});
