import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storedFormsOf } from '../src/identity/actor-pseudonyms.ts';
import { buildApp } from '../src/http/app.ts';
import { verifyPack } from '../src/evidence/index.ts';
import { LocalKeyProvider } from '../src/keys/key-provider.ts';
import { createLogger } from '../src/logger.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { currentTx } from '../src/context.ts';
import { claimJob } from '../src/jobs/job-store.ts';
import { packKey } from '../src/audit/export-job.ts';
import { listAuditEvents } from '../src/audit/audit-events.ts';
import { getReceipt } from '../src/ledger/receipts.ts';
import { auditEventSource } from '../src/audit/export-sources.ts';
import { jsonLines, packFiles } from './support/pack-files.ts';
import { readBlob } from './support/blobs.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let h: TestApp;
let dataDir: string;
const keyProvider = new LocalKeyProvider(randomBytes(32));
const admin: [string, string] = ['pilot-a', 'user-admin'];
let windowFrom: string;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'audit-export-'));
  h = await createTestApp({ config: { dataDir }, keyProvider, ledgerBackground: false, jobsBackground: false });
  windowFrom = h.clock.now().toISOString();
  // Some history: allowed reads by two people, and a denial.
  await h.call('GET', '/api/v1/subjects', { as: admin });
  h.clock.advance(1_000);
  await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-security'] });
  h.clock.advance(1_000);
  await h.call('POST', '/api/v1/subjects', { as: ['pilot-a', 'user-engineer'], body: { subject_id: 'x', display_name: 'X', roles: [] } });
  h.clock.advance(1_000);
  await policyRuntime().engine.flushDecisions();
});
after(async () => {
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function exportAndDownload(body: Record<string, unknown>, as: [string, string] = admin) {
  const created = await h.call('POST', '/api/v1/audit/exports', { as, stepUp: true, body });
  assert.equal(created.statusCode, 202, created.body);
  const id = created.json().export_id as string;
  await h.app.jobs.runDue();
  const status = await h.call('GET', `/api/v1/audit/exports/${id}`, { as });
  assert.equal(status.json().status, 'done', status.body);
  const download = await h.call('GET', `/api/v1/audit/exports/${id}/download`, { as });
  assert.equal(download.statusCode, 200);
  return { id, status: status.json(), pack: download.rawPayload, receiptId: String(created.headers['x-receipt-id']) };
}

test('an export without a recent step-up is refused with 401 step-up-required saying what is needed', async () => {
  const res = await h.call('POST', '/api/v1/audit/exports', { as: admin, body: { from: windowFrom, to: h.clock.now().toISOString() } });
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().type, 'https://companyos.dev/problems/step-up-required');
  assert.match(res.json().detail, /second factor .* within the last 10 minutes/);
  const stale = await h.token('pilot-a', 'user-admin', { stepUp: true, ttl: 3600 });
  h.clock.advance(601_000);
  const old = await h.app.inject({ method: 'POST', url: '/api/v1/audit/exports', headers: { authorization: `Bearer ${stale}` }, payload: { from: windowFrom, to: windowFrom.replace('09:00:00', '09:00:01') } });
  assert.equal(old.statusCode, 401);
});

test('a window must be ordered and must not reach into the future', async () => {
  const now = h.clock.now().toISOString();
  const future = await h.call('POST', '/api/v1/audit/exports', { as: admin, stepUp: true, body: { from: windowFrom, to: new Date(h.clock.now().getTime() + 1000).toISOString() } });
  assert.equal(future.statusCode, 400);
  assert.match(future.body, /must not be in the future/);
  const reversed = await h.call('POST', '/api/v1/audit/exports', { as: admin, stepUp: true, body: { from: now, to: windowFrom } });
  assert.equal(reversed.statusCode, 400);
  const missing = await h.call('POST', '/api/v1/audit/exports', { as: admin, stepUp: true, body: { to: now } });
  assert.equal(missing.statusCode, 400);
});

test('an export runs as a job and yields a pack that verifies against the published keys, its digest receipted', async () => {
  const to = h.clock.now().toISOString();
  const { id, status, pack } = await exportAndDownload({ from: windowFrom, to });
  assert.equal(status.progress.percent, 100);
  const sha = createHash('sha256').update(pack).digest('hex');
  assert.equal(status.pack_sha256, sha);
  assert.equal(status.pack_size, pack.length);

  const jwks = (await h.call('GET', '/api/v1/tenants/pilot-a/jwks.json')).json();
  const file = join(dataDir, 'downloaded.tar.gz');
  writeFileSync(file, pack);
  const verified = await verifyPack(file, { trustedJwks: jwks });
  assert.deepEqual(verified.failures, []);
  assert.equal(verified.ok, true);
  assert.deepEqual(verified.manifest?.window, { from: windowFrom, to });
  assert.ok(verified.manifest!.counts.audit_events >= 3);
  assert.ok(verified.manifest!.counts.receipts >= 2);
  assert.ok(verified.manifest!.counts.decisions >= 3);
  assert.ok(verified.manifest!.counts.bundles >= 1);

  // The finished pack's SHA-256 is in a receipt of its own, and the completion is audited.
  const done = await withTenantTransaction(h.t.db, 'pilot-a', () => listAuditEvents({ type: 'export.completed' }));
  const mine = done.find((e) => e.target === `export:${id}`);
  assert.equal(mine?.details.pack_sha256, sha);
  const receipt = await withTenantTransaction(h.t.db, 'pilot-a', () => getReceipt(String(mine?.details.receipt_id)));
  assert.deepEqual(receipt?.body.evidence_refs, [`export:${id}`, `sha256:${sha}`]);
  assert.equal(receipt?.body.action, 'audit.export.complete');

  // Changing a byte of the compressed records is caught (a change in bits deflate ignores is
  // caught only by comparing the file's digest with the receipted one).
  const bad = Buffer.from(pack);
  bad[Math.floor(bad.length / 2)] ^= 0xff;
  writeFileSync(file, bad);
  assert.equal((await verifyPack(file, { trustedJwks: jwks })).ok, false);
});

test('the pack holds exactly what the filters select', async () => {
  const to = h.clock.now().toISOString();
  const { pack } = await exportAndDownload({ from: windowFrom, to, actors: ['user-engineer'], outcome: 'denied' });
  const files = await packFiles(pack);
  const events = jsonLines(files.get('audit_events.jsonl'));
  // Audit events name the person by pseudonym; the filter by subject id matches both forms.
  const forms = await withTenantTransaction(h.t.db, 'pilot-a', () => storedFormsOf(['user-engineer']));
  assert.ok(events.length >= 1, 'events selected');
  assert.ok(events.every((e) => forms.includes(e.actor) && e.decision === 'deny'), 'only the actor and outcome asked for');
  assert.ok(events.some((e) => e.action === 'subject.create'), 'the denied create is there');
  const decisions = jsonLines(files.get('decisions.jsonl'));
  assert.ok(decisions.length >= 1, 'decisions selected');
  assert.ok(decisions.every((d) => forms.includes(d.actor) && d.allow === false), 'only denied decisions of the actor');
  assert.ok(decisions.every((d) => d.actor !== 'user-engineer'), 'the decision log names the person by pseudonym too');
  assert.deepEqual(jsonLines(files.get('receipts.jsonl')), [], 'receipts record allowed actions only');
  const manifest = JSON.parse(files.get('manifest.json')!) as { filters: { actors: string[]; outcome: string } };
  assert.deepEqual({ ...manifest.filters, actors: [...manifest.filters.actors].sort() }, { actors: [...forms].sort(), outcome: 'denied' });

  const byAction = await exportAndDownload({ from: windowFrom, to, actions: ['subject.list'] });
  const allowed = jsonLines((await packFiles(byAction.pack)).get('receipts.jsonl'));
  assert.ok(allowed.length >= 2);
  assert.ok(allowed.every((r) => (r.receipt as { action: string }).action === 'subject.list'));
});

test("tenant B cannot read, list or download tenant A's exports", async () => {
  const { id } = await exportAndDownload({ from: windowFrom, to: h.clock.now().toISOString() });
  const b: [string, string] = ['pilot-b', 'user-admin'];
  assert.equal((await h.call('GET', `/api/v1/audit/exports/${id}`, { as: b })).statusCode, 404);
  assert.equal((await h.call('GET', `/api/v1/audit/exports/${id}/download`, { as: b })).statusCode, 404);
  const list = await h.call('GET', '/api/v1/audit/exports', { as: b });
  assert.equal(list.statusCode, 200);
  assert.ok(!list.body.includes(id));
  assert.ok((await h.call('GET', '/api/v1/audit/exports', { as: admin })).body.includes(id));
  const sneaky = await h.call('GET', `/api/v1/audit/exports/${id}`, { as: b, headers: { 'x-tenant-id': 'pilot-a' } });
  assert.equal(sneaky.statusCode, 403);
});

test('a download before the pack is done is a 409 conflict', async () => {
  const created = await h.call('POST', '/api/v1/audit/exports', { as: admin, stepUp: true, body: { from: windowFrom, to: h.clock.now().toISOString() } });
  const early = await h.call('GET', `/api/v1/audit/exports/${created.json().export_id}/download`, { as: admin });
  assert.equal(early.statusCode, 409);
  assert.equal(created.json().status, 'queued');
  await h.app.jobs.runDue();
});

test('an export interrupted by a dead process is reclaimed after a restart and yields the same bytes when redone', async () => {
  // pilot-a has used its exports of the day above.
  const summit: [string, string] = ['summit-internal', 'user-admin'];
  const created = await h.call('POST', '/api/v1/audit/exports', { as: summit, stepUp: true, body: { from: windowFrom, to: h.clock.now().toISOString() } });
  const { export_id: id } = created.json() as { export_id: string };
  const jobId = (await withTenantTransaction(h.t.db, 'summit-internal', () => currentTx().query<{ job_id: string }>('SELECT job_id FROM audit_exports WHERE export_id = $1', [id])))[0]!.job_id;
  // A process claims the job, leaves half a pack behind in the blob store and dies.
  const now = h.clock.now();
  await withTenantTransaction(h.t.db, 'summit-internal', async () => {
    await claimJob(jobId, 'dead-process', now, new Date(now.getTime() + 300_000));
    await currentTx().query(
      `WITH b AS (INSERT INTO blobs (tenant_id, blob_id, key, media_type, status, created_at) VALUES ('summit-internal', gen_random_uuid(), $1, 'application/gzip', 'writing', now()) RETURNING tenant_id, blob_id)
       INSERT INTO blob_chunks (tenant_id, blob_id, seq, data) SELECT tenant_id, blob_id, 0, 'half a pack'::bytea FROM b`,
      [packKey(id)],
    );
  });

  // A new process on the same database.
  const restarted = await buildApp({
    logger: createLogger({ level: 'silent' }),
    database: h.t.db,
    clock: h.clock,
    devIssuer: h.issuer,
    keyProvider,
    config: { dataDir },
    ledgerBackground: false,
    jobsBackground: false,
  });
  try {
    assert.equal(await restarted.jobs.runDue(), 0, 'the lease still holds');
    h.clock.advance(300_000);
    assert.equal(await restarted.jobs.runDue(), 1);
    const status = await restarted.inject({ method: 'GET', url: `/api/v1/audit/exports/${id}`, headers: { authorization: `Bearer ${await h.token(...summit)}` } });
    assert.equal(status.json().status, 'done');
    const first = (await readBlob('summit-internal', packKey(id)))!;
    const leftovers = await withTenantTransaction(h.t.db, 'summit-internal', () => currentTx().query(`SELECT 1 FROM blobs WHERE key = $1 AND status = 'writing'`, [packKey(id)]));
    assert.equal(leftovers.length, 0, 'the half-written pack is gone');
    assert.equal(createHash('sha256').update(first).digest('hex'), status.json().pack_sha256);

    // Run the same export once more from scratch: same inputs and clock, same bytes.
    await h.t.db.query(`UPDATE jobs SET status = 'queued', due_at = $2 WHERE job_id = $1`, [jobId, h.clock.now().toISOString()]);
    await h.t.db.query(`UPDATE audit_exports SET status = 'running' WHERE export_id = $1`, [id]);
    assert.equal(await restarted.jobs.runDue(), 1);
    assert.deepEqual(await readBlob('summit-internal', packKey(id)), first);
  } finally {
    await restarted.close();
  }
});

test('exports past the per-day quota are refused with 429 and Retry-After', async () => {
  // pilot-b allows 5 exports a day.
  const b: [string, string] = ['pilot-b', 'user-admin'];
  const body = { from: windowFrom, to: h.clock.now().toISOString() };
  for (let i = 0; i < 5; i++) assert.equal((await h.call('POST', '/api/v1/audit/exports', { as: b, stepUp: true, body })).statusCode, 202);
  const over = await h.call('POST', '/api/v1/audit/exports', { as: b, stepUp: true, body });
  assert.equal(over.statusCode, 429);
  assert.equal(over.json().type, 'https://companyos.dev/problems/quota-exceeded');
  assert.match(over.json().detail, /exports quota \(5 per day\)/);
  assert.ok(Number(over.headers['retry-after']) > 0);
  await h.app.jobs.runDue();
});

test('paging reads every event once, also across pages whose times have microseconds', async () => {
  const window = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' };
  await h.t.db.query(
    `INSERT INTO audit_events (tenant_id, event_id, occurred_at, type, actor, action, decision)
     SELECT 'pilot-a', gen_random_uuid(), '2026-01-01T00:00:00Z'::timestamptz + g * interval '1.2345 ms', 'probe', 'u', 'a', 'allow'
     FROM generate_series(0, 4499) g`,
  );
  const tx = <T>(fn: () => Promise<T>) => withTenantTransaction(h.t.db, 'pilot-a', fn);
  const ids: string[] = [];
  for await (const e of auditEventSource(tx, { window, filters: {}, checkpointSize: 0 })) ids.push(e.event_id);
  assert.equal(ids.length, 4500);
  assert.equal(new Set(ids).size, 4500);
});

test('a client waits for an export with one long poll (one audit event), and the audit list tells reads from writes', async () => {
  // A day later: the earlier tests used up the day's export quota.
  h.clock.advance(24 * 3600_000);
  const created = await h.call('POST', '/api/v1/audit/exports', { as: admin, stepUp: true, body: { from: windowFrom, to: h.clock.now().toISOString() } });
  assert.equal(created.statusCode, 202, created.body);
  const id = created.json().export_id as string;
  const waiting = h.call('GET', `/api/v1/audit/exports/${id}?wait=30`, { as: admin });
  await new Promise((resolve) => setTimeout(resolve, 300));
  await h.app.jobs.runDue();
  const settled = await waiting;
  assert.equal(settled.statusCode, 200, settled.body);
  assert.equal(settled.json().status, 'done');
  assert.equal(settled.json().download, `/api/v1/audit/exports/${id}/download`);
  assert.equal((await h.call('GET', `/api/v1/audit/exports/${id}?wait=0`, { as: admin })).statusCode, 400);

  const reads = (await h.call('GET', `/api/v1/audit-events?kind=read&action=audit.export.get&limit=1000`, { as: admin })).json().events;
  assert.equal(reads.filter((e: { target: string }) => e.target === `export:${id}`).length, 1);
  const writes = (await h.call('GET', '/api/v1/audit-events?kind=write&limit=1000', { as: admin })).json().events as Array<{ action: string; details: { route?: string } }>;
  assert.ok(writes.some((e) => e.action === 'audit.export.create'));
  assert.ok(writes.every((e) => !(e.details.route ?? '').startsWith('GET ')));
  const allReads = (await h.call('GET', '/api/v1/audit-events?kind=read&limit=1000', { as: admin })).json().events as Array<{ details: { route?: string } }>;
  assert.ok(allReads.length > 0 && allReads.every((e) => (e.details.route ?? '').startsWith('GET ')));
});
