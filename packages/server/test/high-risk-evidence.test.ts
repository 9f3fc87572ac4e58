import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { listAuditEvents, type AuditEvent } from '../src/audit/audit-events.ts';
import { openAuditEvents } from '../src/audit/sealed-details.ts';
import { currentTx } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { shownActors, storedFormsOf } from '../src/identity/actor-pseudonyms.ts';
import { gzipChunks } from '../src/evidence/gzip-frame.ts';
import { retryingCatalogRace } from '../src/workflows/high-risk/catalog-retry.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { governed, highRiskApp } from './support/high-risk-app.ts';
import { jsonLines, packFiles, verifyAgainstJwks } from './support/pack-files.ts';
import type { TestApp } from './support/test-app.ts';

const schema = `hr_evidence_${randomUUID().slice(0, 8)}`;
const engineer: [string, string] = ['pilot-a', 'user-engineer'];
const lead: [string, string] = ['pilot-a', 'user-team-lead'];
const officer: [string, string] = ['pilot-a', 'sam-officer'];
const admin: [string, string] = ['pilot-a', 'user-admin'];
let h: TestApp;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hr-evidence-'));
  h = await highRiskApp(schema, [`CREATE TABLE ${schema}.orders (id int PRIMARY KEY)`]);
});

after(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const body = (minutes = 30) => ({ operation: 'TEMP_DB_READ_ACCESS', target: { database: 'test', schema, tables: ['orders'] }, duration_minutes: minutes, rationale: 'investigate order 7' });

/** A request approved by a team lead and a security officer, then executed by its requester. */
async function executed(): Promise<string> {
  const res = await h.call('POST', '/api/v1/high-risk-ops/requests', { as: engineer, body: body() });
  assert.equal(res.statusCode, 201, res.body);
  const id = res.json().request_id as string;
  assert.equal((await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/approve`, { as: lead, body: { rationale: 'on call tonight' } })).statusCode, 200);
  assert.equal((await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/approve`, { as: officer, body: { rationale: 'scoped to orders' } })).json().status, 'approved');
  const exec = await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/execute`, { as: engineer });
  assert.equal(exec.json().status, 'active', exec.body);
  return id;
}

const verify = (pack: Buffer) => verifyAgainstJwks(h, dir, pack);

test('the evidence pack of a reverted request verifies and holds its approvals, receipts and revert record', async () => {
  const id = await executed();
  await h.app.ledger.flush('pilot-a');
  // The revert job runs at the end of the window, on the fake clock.
  h.clock.advance(30 * 60_000);
  await h.app.jobs.runDue();
  assert.equal((await h.call('GET', `/api/v1/high-risk-ops/requests/${id}`, { as: engineer })).json().status, 'reverted');

  // Until a checkpoint covers every step (the revert's is not yet), the pack would be incomplete: retry later.
  const early = await h.call('GET', `/api/v1/evidence/high-risk-ops/${id}`, { as: officer });
  assert.equal(early.statusCode, 409, early.body);
  assert.equal(early.headers['retry-after'], '5');
  assert.match(early.json().detail, /high_risk\.request\.revert\) is not yet under a checkpoint/);

  await h.app.ledger.flush('pilot-a');
  await policyRuntime().engine.flushDecisions();
  const res = await h.call('GET', `/api/v1/evidence/high-risk-ops/${id}`, { as: officer });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/gzip');
  const pack = res.rawPayload;

  const verified = await verify(pack);
  assert.deepEqual(verified.failures, []);
  assert.equal(verified.ok, true);

  const files = await packFiles(pack);
  const receipts = jsonLines(files.get('receipts.jsonl')).map((r) => r.receipt);
  assert.ok(receipts.every((r) => r.target === `high-risk-request:${id}`));
  const steps = receipts.map((r) => r.action).filter((a) => a !== 'high_risk.request.get');
  assert.deepEqual(steps.sort(), ['high_risk.request.approve', 'high_risk.request.approve', 'high_risk.request.create', 'high_risk.request.execute', 'high_risk.request.revert']);
  const revertReceipt = receipts.find((r) => r.action === 'high_risk.request.revert');
  assert.equal(revertReceipt.actor, 'system:high-risk');

  const events = jsonLines(files.get('audit_events.jsonl'));
  // The pack carries the rationales as stored, sealed; the tenant's data keys open them.
  assert.ok(!files.get('audit_events.jsonl')!.includes('scoped to orders'));
  const opened = await withTenantTransaction(h.t.db, 'pilot-a', () => openAuditEvents(events as AuditEvent[]));
  const history = opened.filter((e) => e.type === 'high_risk.history').map((e) => e.details as Record<string, any>);
  // People are named by pseudonym, which the tenant resolves while their keys live.
  const people = await withTenantTransaction(h.t.db, 'pilot-a', () => shownActors(history.map((d) => d.actor as string)));
  assert.deepEqual(
    history.map((d) => `${d.transition}:${people.get(d.actor) ?? d.actor}:${d.rationale}`),
    ['request:user-engineer:investigate order 7', 'approve:user-team-lead:on call tonight', 'approve:sam-officer:scoped to orders', 'execute:user-engineer:null', 'revert:system:high-risk:null'],
  );
  assert.equal(history[0].request.operation, 'TEMP_DB_READ_ACCESS');
  // The policy bundle is recorded per step, and the pack carries it.
  const bundles = jsonLines(files.get('bundles.jsonl')).map((b) => b.bundle_hash);
  assert.ok(history.slice(0, 3).every((d) => bundles.includes(d.details.bundle_hash)));
  const execute = history[3];
  const revert = events.find((e) => e.type === 'high_risk.reverted');
  assert.equal(revert?.details.job_id, execute.details.revert_job_id);
  assert.equal(revert?.details.role_dropped, true);
  // The decisions of the steps' API calls, with their bundle.
  // The pack carries them as stored: their actor is a pseudonym, read here as the subject id.
  const decisions = jsonLines(files.get('decisions.jsonl'));
  const deciders = await withTenantTransaction(h.t.db, 'pilot-a', () => shownActors(decisions.map((d) => d.actor as string)));
  assert.ok(decisions.some((d) => d.action === 'high_risk.request.approve' && deciders.get(d.actor) === 'sam-officer' && d.allow === true && bundles.includes(d.bundle_hash)));

  // One changed byte in a record (the pack compressed again) no longer matches the signed manifest.
  // The sealed rationales are only in the audit events (the history).
  const tar = gunzipSync(pack);
  const rationale = tar.indexOf('sealed:v1:');
  tar[rationale] = 'S'.charCodeAt(0);
  const tampered = await verify(Buffer.concat(await Readable.from(gzipChunks(Readable.from([tar]))).toArray()));
  assert.equal(tampered.ok, false);
  assert.ok(tampered.failures.some((f) => f.file === 'audit_events.jsonl'), JSON.stringify(tampered.failures));
});

test('the evidence pack is for request readers; an unknown request is a 404 after the decision', async () => {
  const id = (await h.call('GET', '/api/v1/high-risk-ops/requests', { as: admin })).json().requests[0].request_id as string;
  const mine = await h.call('GET', `/api/v1/evidence/high-risk-ops/${id}`, { as: engineer });
  assert.equal(mine.statusCode, 403);
  assert.equal((await h.call('GET', `/api/v1/evidence/high-risk-ops/${randomUUID()}`, { as: engineer })).statusCode, 403);
  assert.equal((await h.call('GET', `/api/v1/evidence/high-risk-ops/${randomUUID()}`, { as: officer })).statusCode, 404);
});

test('the missing-receipts detector is empty in normal operation and lists a request whose receipt was deleted', async () => {
  const id = await executed();
  const clean = await h.call('GET', '/api/v1/high-risk-ops/missing-receipts', { as: officer });
  assert.equal(clean.statusCode, 200, clean.body);
  assert.deepEqual(clean.json().requests, []);
  assert.equal((await h.call('GET', '/api/v1/high-risk-ops/missing-receipts', { as: engineer })).statusCode, 403);

  // As the database owner, past the append-only triggers: one approval's receipt disappears.
  const sam = await withTenantTransaction(h.t.db, 'pilot-a', () => storedFormsOf(['sam-officer']));
  await h.t.db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('session_replication_role', 'replica', true)`);
    const rows = await tx.query<{ receipt_id: string }>(
      `SELECT receipt_id FROM receipts WHERE tenant_id = 'pilot-a' AND target = $1 AND action = 'high_risk.request.approve' AND actor = ANY($2)`,
      [`high-risk-request:${id}`, sam],
    );
    assert.equal(rows.length, 1);
    for (const table of ['ledger_queue', 'ledger_leaves', 'receipts']) {
      await tx.query(`DELETE FROM ${table} WHERE tenant_id = 'pilot-a' AND receipt_id = $1`, [rows[0]!.receipt_id]);
    }
  });
  const found = await h.call('GET', '/api/v1/high-risk-ops/missing-receipts', { as: admin });
  assert.deepEqual(found.json().requests, [
    { request_id: id, status: 'active', requester: 'user-engineer', operation: 'TEMP_DB_READ_ACCESS', missing_steps: [{ step: 'approve', action: 'high_risk.request.approve', expected: 2, found: 1 }] },
  ]);
});

test('refusals are audited denials with the policy reasons; a refused request stores nothing', async () => {
  h.clock.advance(60_000);
  const since = h.clock.now().toISOString();
  const refused = await h.call('POST', '/api/v1/high-risk-ops/requests', { as: engineer, body: body(121) });
  assert.equal(refused.statusCode, 403);
  assert.deepEqual(refused.json().reasons, ['TEMP_DB_READ_ACCESS may last at most 120 minutes, not 121']);
  assert.equal(typeof refused.json().bundle_hash, 'string');
  const requests = await h.call('GET', `/api/v1/high-risk-ops/requests?from=${since}`, { as: admin });
  assert.deepEqual(requests.json().requests, []);

  // The team lead may request and approve, but not approve their own request; the engineer may cancel, but only their own.
  const res = await h.call('POST', '/api/v1/high-risk-ops/requests', { as: lead, body: body() });
  const id = res.json().request_id as string;
  const self = await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/approve`, { as: lead, body: { rationale: 'mine' } });
  const cancel = await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/cancel`, { as: engineer, body: {} });
  assert.deepEqual([refused.statusCode, self.statusCode, cancel.statusCode], [403, 403, 403]);

  const denials = await withTenantTransaction(h.t.db, 'pilot-a', () => listAuditEvents({ type: 'action.denied' }));
  const of = (r: typeof refused) => denials.find((e) => e.request_id === r.headers['x-request-id']);
  assert.deepEqual(of(refused)?.reasons, ['TEMP_DB_READ_ACCESS may last at most 120 minutes, not 121']);
  assert.equal(of(refused)?.details.bundle_hash, refused.json().bundle_hash);
  assert.equal(of(refused)?.action, 'high_risk.request.create');
  assert.match(String(of(self)?.reasons[0]), /cannot approve/);
  assert.match(String(of(cancel)?.reasons[0]), /only the requester/);
  // Refusals aimed at a request name it, so they travel in its evidence pack; the preflight had none to name.
  assert.deepEqual([of(refused)?.target, of(self)?.target, of(cancel)?.target], [null, `high-risk-request:${id}`, `high-risk-request:${id}`]);
  // The refused approval left the request and its history as they were.
  const got = (await h.call('GET', `/api/v1/high-risk-ops/requests/${id}`, { as: lead })).json();
  assert.deepEqual([got.status, got.history.map((e: { transition: string }) => e.transition)], ['requested', ['request']]);
});

test('a revert that fails for good marks the request failed and raises high_risk.revert.failed', async () => {
  const id = await executed();
  const role = (await h.call('GET', `/api/v1/high-risk-ops/requests/${id}`, { as: engineer })).json().role_name as string;
  // An object the role owns in another database: DROP OWNED in the governed database cannot remove
  // it, so DROP ROLE fails on every attempt.
  const other = `hr_evidence_other_${randomUUID().slice(0, 8)}`;
  await governed((c) => c.query(`CREATE DATABASE ${other} OWNER ${role}`));
  try {
    await h.call('POST', `/api/v1/high-risk-ops/requests/${id}/revoke`, { as: engineer, body: { rationale: 'done early' } });
    for (let attempt = 0; attempt < 8; attempt++) {
      await h.app.jobs.runDue();
      h.clock.advance(60 * 60_000);
    }
    const got = (await h.call('GET', `/api/v1/high-risk-ops/requests/${id}`, { as: engineer })).json();
    assert.equal(got.status, 'failed');
    assert.equal(got.history.at(-1).transition, 'fail');
    const failed = await h.call('GET', '/api/v1/high-risk-ops/requests?status=failed', { as: officer });
    assert.ok(failed.json().requests.some((r: { request_id: string }) => r.request_id === id));
    const alerts = await withTenantTransaction(h.t.db, 'pilot-a', () => listAuditEvents({ type: 'high_risk.revert.failed' }));
    const alert = alerts.find((e) => e.target === `high-risk-request:${id}`);
    assert.ok(alert);
    assert.match(String(alert.details.error), /cannot be dropped|owner of database/);
    // The failed request is executed, and its fail step has its receipt like every other.
    const receipts = await withTenantTransaction(h.t.db, 'pilot-a', () =>
      currentTx().query<{ action: string }>(`SELECT action FROM receipts WHERE target = $1 AND action = 'high_risk.request.fail'`, [`high-risk-request:${id}`]),
    );
    assert.equal(receipts.length, 1);
  } finally {
    // Other tests change roles and grants on the same server at the same time: a lost catalog race is run again.
    await retryingCatalogRace(() =>
      governed(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${other}`);
        await c.query(`DROP OWNED BY ${role}`);
        await c.query(`DROP ROLE ${role}`);
      }),
    );
  }
});
