import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@companyos/server';
import { createTestApp, type TestApp } from '@companyos/server/test-support';
import { main } from '../main.ts';
import { verifyCommand } from './verify.ts';

// `companyos high-risk` against a running server whose governed database is the local PostgreSQL
// (as in the server's high-risk tests: they fail, never skip, without it).
const GOVERNED = 'postgres://postgres@127.0.0.1:5432/test';
const schema = `hr_cli_${randomUUID().slice(0, 8)}`;
let h: TestApp;
let url: string;
let dir: string;
const out: string[] = [];
const err: string[] = [];
const { log, error } = console;

const governed = (connectionString = GOVERNED) => openDatabase({ databaseUrl: connectionString, migrate: false });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'companyos-high-risk-cli-'));
  const db = await governed();
  try {
    await db.exec(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.orders (id int PRIMARY KEY); INSERT INTO ${schema}.orders VALUES (7)`);
  } finally {
    await db.close();
  }
  h = await createTestApp({ config: { highRiskDatabaseUrl: GOVERNED }, ledgerBackground: false, jobsBackground: false });
  url = await h.app.listen({ port: 0, host: '127.0.0.1' });
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
});

after(async () => {
  Object.assign(console, { log, error });
  await h.close();
  rmSync(dir, { recursive: true, force: true });
  const db = await governed();
  await db.exec(`DROP SCHEMA ${schema} CASCADE`).finally(() => db.close());
});

/** Runs `companyos high-risk ...` as a pilot-a subject: its exit code and what it printed. */
async function run(subject: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const [outAt, errAt] = [out.length, err.length];
  const code = await main(['high-risk', ...args, '--url', url, '--token', await h.token('pilot-a', subject)]);
  return { code, out: out.slice(outAt).join('\n'), err: err.slice(errAt).join('\n') };
}

const requestArgs = (minutes: number) => ['request', '--operation', 'TEMP_DB_READ_ACCESS', '--database', 'test', '--schema', schema, '--table', 'orders', '--minutes', String(minutes), '--rationale', 'investigate order 7'];

async function requested(minutes = 30): Promise<string> {
  const r = await run('user-engineer', requestArgs(minutes));
  assert.equal(r.code, 0, r.err);
  const id = /^([0-9a-f-]{36}): requested \(awaiting approval by: security_officer, team_lead\)$/.exec(r.out)?.[1];
  assert.ok(id !== undefined, r.out);
  return id;
}

/** A request approved by a team lead and a security officer. */
async function approved(): Promise<string> {
  const id = await requested();
  const lead = await run('user-team-lead', ['approve', id, '--rationale', 'on call this week']);
  assert.equal(lead.code, 0, lead.err);
  assert.equal(lead.out, `${id}: requested (awaiting approval by: security_officer)`);
  const officer = await run('user-security', ['approve', id, '--rationale', 'scoped to orders']);
  assert.equal(officer.out, `${id}: approved`);
  return id;
}

test('request, two approvals, list, show, execute with credentials shown once, revoke, evidence', async () => {
  const id = await approved();

  const list = (await run('user-engineer', ['list', '--status', 'approved'])).out.split('\n');
  assert.match(list[0]!, /^ID +STATUS +REQUESTER +OPERATION +TABLES +CREATED +ACTIVE UNTIL$/);
  assert.equal(list.length, 2);
  assert.match(list[1]!, new RegExp(`^${id} +approved +user-engineer +TEMP_DB_READ_ACCESS +${schema}\\.orders +2026-03-02T09:00:00\\.000Z +-$`));
  assert.equal((await run('user-engineer', ['list', '--requester', 'user-team-lead'])).out.split('\n').length, 1, 'the header only');

  const show = await run('user-engineer', ['show', id]);
  assert.match(show.out, /^ {2}status {13}approved$/m);
  assert.match(show.out, /^ {2}missing approvals  -$/m);
  assert.match(show.out, /^ {2}\S+ +user-engineer +request +- -> requested +investigate order 7$/m);
  assert.match(show.out, /^ {2}\S+ +user-team-lead +approve +requested -> requested +on call this week$/m);
  assert.match(show.out, /^ {2}\S+ +user-security +approve +requested -> approved +scoped to orders$/m);

  const exec = await run('user-engineer', ['execute', id, '--db-host', '127.0.0.1']);
  assert.equal(exec.code, 0, exec.err);
  assert.match(exec.out, /shown only once/);
  const user = /^ {2}user {6}(\S+)$/m.exec(exec.out)?.[1];
  const password = /^ {2}password {2}(\S+)$/m.exec(exec.out)?.[1];
  assert.ok(user !== undefined && password !== undefined, exec.out);
  assert.match(exec.out, new RegExp(`^Connect: PGPASSWORD=${password} psql -h 127\\.0\\.0\\.1 -U ${user} -d test$`, 'm'));
  const asGranted = `postgres://${user}:${password}@127.0.0.1:5432/test`;
  const db = await governed(asGranted);
  try {
    assert.deepEqual(await db.query(`SELECT id FROM ${schema}.orders`), [{ id: 7 }]);
  } finally {
    await db.close();
  }
  const shown = await run('user-engineer', ['show', id, '--json']);
  assert.equal(JSON.parse(shown.out).status, 'active');
  assert.ok(!shown.out.includes(password), 'the password is not shown again');

  const revoke = await run('user-security', ['revoke', id, '--rationale', 'investigation done']);
  assert.equal(revoke.out, `${id}: revoke queued, access is being removed`);
  await h.app.jobs.runDue();
  assert.match((await run('user-engineer', ['show', id])).out, /^ {2}status {13}reverted$/m);
  const gone = await governed(asGranted);
  await assert.rejects(gone.query('SELECT 1').finally(() => gone.close()), /does not exist|authentication failed/);

  // The whole story as an evidence pack, verifiable offline with the tenant's published keys.
  await h.app.ledger.flush('pilot-a');
  const pack = join(dir, 'request.tar.gz');
  const saved = await run('user-security', ['evidence', id, '-o', pack]);
  assert.equal(saved.code, 0, saved.err);
  assert.match(saved.out, /^wrote .*request\.tar\.gz \(sha256 [0-9a-f]{64}\); check it with `companyos verify .*request\.tar\.gz --jwks /);
  assert.equal(await verifyCommand([pack, '--jwks', `${url}/api/v1/tenants/pilot-a/jwks.json`]), 0, out.at(-1));
});

test('missing-receipts exits 0 while every step has its receipt and 1, naming the step, when one has not', async () => {
  const id = await approved();
  assert.equal((await run('user-engineer', ['execute', id])).code, 0);
  assert.equal((await run('user-engineer', ['revoke', id])).code, 0);
  await h.app.jobs.runDue();
  const clean = await run('user-security', ['missing-receipts']);
  assert.equal(clean.code, 0, clean.out + clean.err);
  assert.equal(clean.out, 'every executed high-risk request has a receipt for each step of its history');
  // A step written past the pipeline (straight into the history) has no receipt.
  await h.t.db.query(
    `INSERT INTO high_risk_history (tenant_id, request_id, seq, at, actor, transition, from_state, to_state, rationale, details)
     VALUES ('pilot-a', $1, 100, $2, 'user-team-lead', 'approve', 'requested', 'requested', 'backdated', '{}')`,
    [id, h.clock.now().toISOString()],
  );
  const lost = await run('user-security', ['missing-receipts']);
  assert.equal(lost.code, 1);
  assert.equal(lost.out, `${id} reverted, requested by user-engineer: 3 approve step(s) but 2 high_risk.request.approve receipt(s)`);
  const json = await run('user-security', ['missing-receipts', '--json']);
  assert.equal(json.code, 1);
  assert.deepEqual(JSON.parse(json.out).requests[0].missing_steps, [{ step: 'approve', action: 'high_risk.request.approve', expected: 3, found: 2 }]);
});

test('a request over the policy limit prints the reasons and exits non-zero; nothing is stored', async () => {
  const refused = await run('user-engineer', requestArgs(121));
  assert.equal(refused.code, 1);
  assert.match(refused.err, /403 The policy denied this action: the high-risk policy refused TEMP_DB_READ_ACCESS/);
  assert.match(refused.err, /reasons: TEMP_DB_READ_ACCESS may last at most 120 minutes, not 121/);
  const listed = await run('user-engineer', ['list', '--json']);
  assert.ok(JSON.parse(listed.out).requests.every((r: { duration_minutes: number }) => r.duration_minutes !== 121));
});

test('the requester cancels; a second cancel is a conflict naming the state', async () => {
  const id = await requested();
  const cancel = await run('user-engineer', ['cancel', id, '--rationale', 'fixed without access']);
  assert.equal(cancel.out, `${id}: cancelled`);
  const again = await run('user-engineer', ['cancel', id]);
  assert.equal(again.code, 1);
  assert.match(again.err, /^companyos high-risk: 409 Conflict: cannot cancel a request that is cancelled/);
  const list = await run('user-engineer', ['list', '--status', 'cancelled', '--json']);
  assert.deepEqual(JSON.parse(list.out).requests.map((r: { request_id: string }) => r.request_id), [id]);
});

test('a missing flag or id is a usage error', async () => {
  assert.equal((await run('user-engineer', ['request', '--operation', 'TEMP_DB_READ_ACCESS'])).code, 2);
  assert.equal((await run('user-engineer', ['approve', '--rationale', 'no id'])).code, 2);
  const noRationale = await run('user-team-lead', ['deny', randomUUID()]);
  assert.equal(noRationale.code, 2);
  assert.match(noRationale.err, /--rationale is required/);
});
