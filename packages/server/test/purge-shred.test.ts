import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { BackupError } from '../src/backup/backup-manifest.ts';
import { PURGE_REGISTER_FILE, readPurgeRegister } from '../src/backup/purge-register.ts';
import { restoreBackup } from '../src/backup/restore-backup.ts';
import { takeBackup } from '../src/backup/take-backup.ts';
import type { Database } from '../src/db/database.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { buildApp } from '../src/http/app.ts';
import { insertSubject } from '../src/identity/subjects.ts';
import { platformSigner } from '../src/keys/platform-key.ts';
import { verifyTenantLedger } from '../src/ledger/verify-ledger.ts';
import { createLogger } from '../src/logger.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { packFiles, verifyAgainstJwks } from './support/pack-files.ts';
import { restoreTargets, type RestoreTargets } from './support/restore-targets.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Crypto-shredding (ADR 0025): what a subject wrote into append-only records is sealed under the
// subject's data key; a purge destroys the key, so the text cannot be read back from the database,
// the API, exports, or a backup taken before the purge and restored after it, while every ledger
// still verifies. Receipts and audit events name the subject by a pseudonym that the purge unlinks
// (ADR 0029). Another tenant's keys, and its person of the same id, are untouched.

const kek = randomBytes(32);
const platform = platformSigner(kek);
// What only the subject wrote; it must not be readable anywhere once the subject is purged.
const SECRET = 'Lee asks to wipe the Zanzibar laptop';
const B_TEXT = 'pilot-b keeps its own Lee and this note';
const security: [string, string] = ['pilot-a', 'user-security'];
const admin: [string, string] = ['pilot-a', 'user-admin'];
const officer: [string, string] = ['pilot-a', 'user-dpo'];
const leaver: [string, string] = ['pilot-a', 'user-leaver'];

let h: TestApp;
let work: string;
let targets: RestoreTargets;
let leaverPurge: string;
let purgeId: string;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'companyos-shred-test-'));
  h = await createTestApp({ config: { kek, backups: { dir: join(work, 'backups'), intervalMinutes: 0, tenant: 'internal' } }, ledgerBackground: false, jobsBackground: false });
  targets = restoreTargets(h.t, work);
  for (const tenant of ['pilot-a', 'pilot-b']) {
    await withTenantTransaction(h.t.db, tenant, async () => {
      await insertSubject({ subject_id: 'user-leaver', display_name: 'Lee Leaver', roles: ['security'], attributes: {} }, h.clock.now());
      if (tenant === 'pilot-a') await insertSubject({ subject_id: 'user-dpo', display_name: 'Dana Data Protection', roles: ['security_officer'], attributes: {} }, h.clock.now());
    });
  }
  // An admin changes and reads the subject: records naming it as their target.
  assert.equal((await h.call('PATCH', '/api/v1/subjects/user-leaver', { as: admin, body: { display_name: 'Lee L. Leaver' } })).statusCode, 200);
  assert.equal((await h.call('GET', '/api/v1/subjects/user-leaver', { as: admin })).statusCode, 200);
  // The subject writes free text in both tenants: a purge request of its own, withdrawn.
  const ask = async (as: [string, string], rationale: string) => {
    const res = await h.call('POST', '/api/v1/purge-requests', { as, body: { scope: 'entity', subject: 'asset-9', rationale } });
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().purge_id as string;
    assert.equal((await h.call('POST', `/api/v1/purge-requests/${id}/cancel`, { as, body: { rationale } })).statusCode, 200);
    return id;
  };
  leaverPurge = await ask(leaver, SECRET);
  await ask(['pilot-b', 'user-leaver'], B_TEXT);
  await backup('before-purge');
});

after(async () => {
  await h.close();
  await targets.dropAll();
  rmSync(work, { recursive: true, force: true });
});

const backup = (name: string) => takeBackup({ db: h.t.db, databaseUrl: h.t.url, outDir: join(work, name), signer: platform, clock: h.clock });
const history = async (as: [string, string], id: string) => (await h.call('GET', `/api/v1/purge-requests/${id}`, { as })).json().history as Array<{ actor: string; rationale: string | null }>;

/** Every row of every table in the database, as text (the decision log written first). */
async function everyRow(db: Database): Promise<string> {
  await policyRuntime().engine.flushDecisions();
  const tables = await db.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const out: string[] = [];
  for (const { name } of tables) for (const r of await db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${name} t`)) out.push(r.row);
  return out.join('\n');
}

/** The receipt and audit rows of pilot-a that hold the leaver's subject id in plain text. */
async function leaverMentions(db: Database): Promise<string[]> {
  const out: string[] = [];
  for (const table of ['receipts', 'audit_events']) {
    const rows = await db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${table} t WHERE tenant_id = 'pilot-a'`);
    out.push(...rows.map((r) => r.row).filter((r) => r.includes('user-leaver')));
  }
  return out;
}

test('what a subject writes is stored sealed and read back in plain text while its key lives', async () => {
  const raw = await everyRow(h.t.db);
  assert.ok(!raw.includes(SECRET), 'the rationale is not stored in plain text anywhere');
  assert.match(raw, /sealed:v1:[0-9a-f-]{36}:/);
  const steps = await history(security, leaverPurge);
  assert.deepEqual(steps.map((s) => s.rationale), [SECRET, SECRET]);
  const audit = (await h.call('GET', '/api/v1/audit-events?type=purge.step', { as: admin })).json().events as Array<{ actor: string; details: { rationale: unknown; purge?: unknown } }>;
  const mine = audit.filter((e) => e.actor === 'user-leaver');
  assert.equal(mine.length, 2, 'the pseudonym reads as the subject id while its key lives');
  assert.equal((await h.call('GET', '/api/v1/audit-events?type=purge.step&actor=user-leaver', { as: admin })).json().events.length, 2, 'a filter by subject id finds the pseudonymous events');
  assert.deepEqual(await leaverMentions(h.t.db), [], 'receipts and audit events store a pseudonym, not the subject id');
  assert.match(raw, /"actor":"pseudonym:[0-9a-f-]{36}"/);
  assert.match(raw, /"target":"subject:pseudonym:[0-9a-f-]{36}"/);
  const about = (await h.call('GET', '/api/v1/audit-events?target=subject:user-leaver', { as: admin })).json().events as Array<{ action: string; target: string }>;
  assert.deepEqual(about.map((e) => `${e.action} ${e.target}`).sort(), ['subject.get subject:user-leaver', 'subject.update subject:user-leaver'], 'a filter by target finds the events about the subject, shown by its id');
  assert.ok(mine.every((e) => e.details.rationale === SECRET));
  assert.equal((mine.find((e) => e.details.purge !== undefined)!.details.purge as { rationale: string }).rationale, SECRET, 'the snapshot opens back into its object');
});

test('a purge destroys the subject key: the text reads as [purged] in the API and cannot be found in the database or an export', async () => {
  const created = await h.call('POST', '/api/v1/purge-requests', { as: security, body: { scope: 'subject', subject: 'user-leaver', rationale: 'erasure request, ticket 4711' } });
  purgeId = created.json().purge_id as string;
  for (const as of [admin, officer]) assert.equal((await h.call('POST', `/api/v1/purge-requests/${purgeId}/approve`, { as, body: { rationale: 'approved' } })).statusCode, 200);
  await h.app.jobs.runDue();
  const done = (await h.call('GET', `/api/v1/purge-requests/${purgeId}`, { as: security })).json();
  assert.equal(done.status, 'done');
  assert.equal(done.manifest.shredded_keys.length, 1);
  assert.equal(done.subject, `[purged] ${purgeId}`, 'the done request names its subject by the destroyed pseudonym');
  assert.match(done.manifest.subject, /^pseudonym:[0-9a-f-]{36}$/);
  const notShreddable = Object.fromEntries((done.manifest.not_shreddable as Array<{ table: string; rows: number }>).map((n) => [n.table, n.rows]));
  assert.equal(notShreddable.receipts, undefined, 'receipts name the subject by pseudonym');
  assert.equal(notShreddable.audit_events, undefined, 'audit events name the subject by pseudonym');
  assert.equal(notShreddable.policy_decisions, undefined, 'the decision log names the subject by pseudonym');
  assert.equal(notShreddable.usage_events, undefined, 'usage events name the subject by pseudonym');
  assert.equal(notShreddable.purge_history, undefined, 'sealed rationales are not listed');
  assert.deepEqual(await leaverMentions(h.t.db), []);
  const keyRows = await h.t.db.query<{ subject_id: string }>(`SELECT subject_id FROM subject_data_keys WHERE tenant_id = 'pilot-a' AND shredded_at IS NOT NULL`);
  assert.deepEqual(keyRows.map((k) => k.subject_id), ['[purged]'], 'the destroyed key no longer links its pseudonym to the subject');

  assert.deepEqual((await history(security, leaverPurge)).map((s) => s.rationale), [`[purged] ${purgeId}`, `[purged] ${purgeId}`]);
  const steps = (await h.call('GET', '/api/v1/audit-events?type=purge.step', { as: admin })).json().events as Array<{ actor: string; details: { actor: string; rationale: unknown; purge?: { requester: string } } }>;
  const purged = steps.filter((e) => e.actor === `[purged] ${purgeId}`);
  assert.ok(purged.length === 2 && purged.every((e) => e.details.rationale === `[purged] ${purgeId}` && e.details.actor === `[purged] ${purgeId}`));
  assert.equal(purged.find((e) => e.details.purge !== undefined)!.details.purge!.requester, `[purged] ${purgeId}`);
  assert.equal((await h.call('GET', '/api/v1/audit-events?type=purge.step&actor=user-leaver', { as: admin })).json().events.length, 0, 'nothing ties the events to the subject id any more');
  assert.equal((await h.call('GET', '/api/v1/audit-events?target=subject:user-leaver', { as: admin })).json().events.length, 0, 'nor to it as their target');
  const updates = (await h.call('GET', '/api/v1/audit-events?action=subject.update', { as: admin })).json().events as Array<{ target: string }>;
  assert.deepEqual(updates.map((e) => e.target), [`subject:[purged] ${purgeId}`], 'the target reads as purged');
  const storedTargets = await h.t.db.query<{ target: string }>(
    `SELECT target FROM receipts WHERE tenant_id = 'pilot-a' AND target LIKE 'subject:%' UNION ALL SELECT target FROM audit_events WHERE tenant_id = 'pilot-a' AND target LIKE 'subject:%'`,
  );
  assert.ok(storedTargets.length >= 4, 'the receipts and audit events about the subject are still there');
  assert.ok(
    storedTargets.every((t) => /^subject:pseudonym:[0-9a-f-]{36}$/.test(t.target)),
    storedTargets.map((t) => t.target).join(', '),
  );
  assert.ok(!(await everyRow(h.t.db)).includes(SECRET));

  // An audit export made now carries the records as stored: sealed, and no way to open them.
  const from = '2026-03-01T00:00:00.000Z';
  h.clock.advance(1_000);
  const exported = await h.call('POST', '/api/v1/audit/exports', { as: admin, stepUp: true, body: { from, to: h.clock.now().toISOString() } });
  assert.equal(exported.statusCode, 202, exported.body);
  await h.app.jobs.runDue();
  const download = (await h.call('GET', `/api/v1/audit/exports/${exported.json().export_id}/download`, { as: admin })).rawPayload;
  const pack = gunzipSync(download).toString('latin1');
  assert.ok(pack.includes('sealed:v1:'), 'the export holds the sealed records');
  assert.ok(!pack.includes(SECRET));
  const files = await packFiles(download);
  for (const name of ['receipts.jsonl', 'audit_events.jsonl']) {
    assert.ok(files.get(name)!.includes('pseudonym:'), name);
    assert.ok(!files.get(name)!.includes('user-leaver'), `${name} does not name the purged subject`);
  }
  assert.deepEqual((await verifyAgainstJwks(h, work, download)).failures, [], 'the pack verifies offline');

  await h.app.ledger.flush('pilot-a');
  const ledger = await verifyTenantLedger(h.t.db, 'pilot-a');
  assert.equal(ledger.ok, true, ledger.errors.join('; '));
});

test("tenant B's keys, and its own person of the same id, are untouched by tenant A's purge", async () => {
  const b: [string, string] = ['pilot-b', 'user-admin'];
  const list = (await h.call('GET', '/api/v1/purge-requests', { as: ['pilot-b', 'user-security'] })).json().requests as Array<{ purge_id: string }>;
  assert.equal(list.length, 1);
  assert.deepEqual((await history(['pilot-b', 'user-security'], list[0]!.purge_id)).map((s) => s.rationale), [B_TEXT, B_TEXT]);
  assert.equal((await h.call('GET', `/api/v1/purge-requests/${purgeId}`, { as: b })).statusCode, 404);
  const keys = await h.t.db.query<{ live: number; gone: number }>(
    `SELECT count(*) FILTER (WHERE shredded_at IS NULL)::int AS live, count(*) FILTER (WHERE shredded_at IS NOT NULL)::int AS gone FROM subject_data_keys WHERE tenant_id = 'pilot-b'`,
  );
  assert.ok(keys[0]!.live >= 1);
  assert.equal(keys[0]!.gone, 0);
});

test('a subject id that returns gets a new key, and the old text stays unreadable', async () => {
  await withTenantTransaction(h.t.db, 'pilot-a', () => insertSubject({ subject_id: 'user-leaver', display_name: 'Lee Again', roles: ['security'], attributes: {} }, h.clock.now()));
  const again = await h.call('POST', '/api/v1/purge-requests', { as: leaver, body: { scope: 'entity', subject: 'asset-10', rationale: 'a new note' } });
  assert.equal(again.statusCode, 201, again.body);
  assert.deepEqual(again.json().history.map((s: { rationale: string }) => s.rationale), ['a new note']);
  assert.deepEqual((await history(security, leaverPurge)).map((s) => s.rationale), [`[purged] ${purgeId}`, `[purged] ${purgeId}`]);
});

test('a backup taken before the purge, restored after it, comes back purged: the register destroys the key again', async () => {
  const registerFile = join(work, 'backups', PURGE_REGISTER_FILE);
  const register = await readPurgeRegister(registerFile, platform.jwks);
  const done = (await h.call('GET', `/api/v1/purge-requests/${purgeId}`, { as: security })).json();
  assert.deepEqual(register.map((e) => [e.tenant_id, e.purge_id, e.key_ids]), [['pilot-a', purgeId, done.manifest.shredded_keys]]);

  const { target, open } = await targets.next();
  const restored = await restoreBackup({ dir: join(work, 'before-purge'), jwks: platform.jwks, target, purgeRegister: registerFile });
  assert.equal(restored.keysDestroyedAgain, 1);
  const db = await open();
  const app = await buildApp({ logger: createLogger({ level: 'silent' }), config: { dataDir: join(work, 'restored-app'), kek }, database: db, clock: h.clock, devIssuer: h.issuer, ledgerBackground: false, jobsBackground: false });
  try {
    const read = await app.inject({ method: 'GET', url: `/api/v1/purge-requests/${leaverPurge}`, headers: { authorization: `Bearer ${await h.token(...security)}` } });
    assert.deepEqual(read.json().history.map((s: { rationale: string }) => s.rationale), [`[purged] ${purgeId}`, `[purged] ${purgeId}`]);
    const bRead = await app.inject({ method: 'GET', url: '/api/v1/purge-requests', headers: { authorization: `Bearer ${await h.token('pilot-b', 'user-security')}` } });
    const bId = bRead.json().requests[0].purge_id as string;
    const bHistory = await app.inject({ method: 'GET', url: `/api/v1/purge-requests/${bId}`, headers: { authorization: `Bearer ${await h.token('pilot-b', 'user-security')}` } });
    assert.deepEqual(bHistory.json().history.map((s: { rationale: string }) => s.rationale), [B_TEXT, B_TEXT], "tenant B's restored text still opens");
    assert.ok(!(await everyRow(db)).includes(SECRET));
    assert.deepEqual(await leaverMentions(db), [], 'the restored receipts and audit events do not name the subject');
    const keys = await db.query<{ subject_id: string }>(`SELECT subject_id FROM subject_data_keys WHERE tenant_id = 'pilot-a' AND shredded_at IS NOT NULL`);
    assert.ok(!keys.some((k) => k.subject_id === 'user-leaver'), 'the register unlinks the restored key too');
    for (const tenant of ['pilot-a', 'pilot-b']) {
      const v = await verifyTenantLedger(db, tenant);
      assert.equal(v.ok, true, `${tenant}: ${v.errors.join('; ')}`);
    }
  } finally {
    await app.close();
    await db.close();
  }
});

test('a register line that does not verify refuses the restore before the target is touched', async () => {
  const registerFile = join(work, 'backups', PURGE_REGISTER_FILE);
  const forged = join(work, 'forged-register.jsonl');
  const line = JSON.parse(readFileSync(registerFile, 'utf8').split('\n')[0]!) as { payload: string };
  const entry = JSON.parse(Buffer.from(line.payload, 'base64').toString('utf8')) as { key_ids: string[] };
  writeFileSync(forged, `${JSON.stringify({ ...line, payload: Buffer.from(JSON.stringify({ ...entry, key_ids: [] })).toString('base64') })}\n`);
  const { target, open } = await targets.next();
  await assert.rejects(restoreBackup({ dir: join(work, 'before-purge'), jwks: platform.jwks, target, purgeRegister: forged }), (err: Error) => err instanceof BackupError && /line 1 of the purge register does not verify/.test(err.message));
  writeFileSync(forged, 'not json\n');
  await assert.rejects(restoreBackup({ dir: join(work, 'before-purge'), jwks: platform.jwks, target, purgeRegister: forged }), /line 1 of the purge register is not JSON/);
  // Nothing reached the target: it still takes the backup, with the real register.
  assert.equal((await restoreBackup({ dir: join(work, 'before-purge'), jwks: platform.jwks, target, purgeRegister: registerFile })).keysDestroyedAgain, 1);
  const db = await open();
  await db.close();
});
