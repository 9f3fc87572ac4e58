import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { listAuditEvents } from '../src/audit/audit-events.ts';
import { PURGE_REGISTER_FILE, readPurgeRegister } from '../src/backup/purge-register.ts';
import { restoreBackup } from '../src/backup/restore-backup.ts';
import { takeBackup } from '../src/backup/take-backup.ts';
import type { Database } from '../src/db/database.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { verifyEnvelope } from '../src/evidence/dsse.ts';
import { insertSubject } from '../src/identity/subjects.ts';
import { platformSigner } from '../src/keys/platform-key.ts';
import { verifyTenantLedger } from '../src/ledger/verify-ledger.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { DEMO_USERS, PLATFORM_OPERATOR } from '../src/seed/seed-demo.ts';
import { canonicalJson } from '../src/util/canonical-json.ts';
import { TENANT_PURGE_DELETES, TENANT_PURGE_KEEPS } from '../src/workflows/purge/tenant-purge.ts';
import { readBlob, writeBlob } from './support/blobs.ts';
import { BlobWriteRefused } from '../src/blobs/index.ts';
import { PgBlobStore } from '../src/blobs/pg-blob-store.ts';
import { runWithContext } from '../src/context.ts';
import { BLOB_SWEEP_DELAY_MS } from '../src/workflows/purge/purge-job.ts';
import { restoreTargets, type RestoreTargets } from './support/restore-targets.ts';
import { draftQuote } from './support/revops-deal.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// A whole-tenant purge (ADR 0029): asked by a CompanyAdmin of the tenant, approved by two other
// people with the roles the policy names and by a platform operator, run by the purge job. The tenant's people, graph and
// keys go with every other mutable record it owns, the tenant ends purged (never enabled again,
// its id never given again), the signed manifest is receipted in the platform's own log, and a
// backup from before the purge comes back purged. Another tenant's rows are exactly as they were.

const kek = randomBytes(32);
const platform = platformSigner(kek);
const GONE = 'pilot-b';
const owner: [string, string] = [GONE, 'user-owner'];
const admin: [string, string] = [GONE, 'user-admin'];
const security: [string, string] = [GONE, 'user-security'];
const operator: [string, string] = [PLATFORM_OPERATOR.tenant, PLATFORM_OPERATOR.subject];

let h: TestApp;
let work: string;
let targets: RestoreTargets;
let purgeId: string;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'companyos-tenant-purge-test-'));
  h = await createTestApp({ config: { kek, backups: { dir: join(work, 'backups'), intervalMinutes: 0, tenant: 'internal' } }, ledgerBackground: false, jobsBackground: false });
  targets = restoreTargets(h.t, work);
  await withTenantTransaction(h.t.db, GONE, () => insertSubject({ subject_id: 'user-owner', display_name: 'Olu Owner', roles: ['CompanyAdmin'], attributes: {} }, h.clock.now()));
  // Both tenants hold sealed text and pseudonyms: an entity purge asked and withdrawn in each.
  for (const as of [security, ['pilot-a', 'user-security'] as [string, string]]) {
    const res = await h.call('POST', '/api/v1/purge-requests', { as, body: { scope: 'entity', subject: 'asset-1', rationale: `a note in ${as[0]}` } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal((await h.call('POST', `/api/v1/purge-requests/${res.json().purge_id}/cancel`, { as, body: { rationale: 'not now' } })).statusCode, 200);
  }
  // The tenant's workflows hold records too: an access request, a deal, a runbook and an incident.
  const access = { operation: 'TEMP_DB_READ_ACCESS', target: { database: 'test', schema: 'public', tables: ['orders'] }, duration_minutes: 30, rationale: 'investigate order 7' };
  assert.equal((await h.call('POST', '/api/v1/high-risk-ops/requests', { as: [GONE, 'user-engineer'], body: access })).statusCode, 201);
  await draftQuote(h, [GONE, 'user-ae'], 3000);
  const runbook = await h.call('PUT', '/api/v1/runbooks/api-down', { as: [GONE, 'user-team-lead'], body: { title: 'API down', body: '# API down', base_version: 0 } });
  assert.equal(runbook.statusCode, 200, runbook.body);
  const incident = await h.call('POST', '/api/v1/incidents', { as: [GONE, 'user-engineer'], body: { title: 'Checkout errors', severity: 'high', runbook: 'api-down' } });
  assert.equal(incident.statusCode, 201, incident.body);
  // Blobs in the database's store: two of the tenant's, one of another tenant's under the same key.
  for (const [tenant, key] of [[GONE, 'exports/one.tar.gz'], [GONE, 'boards/q1.tar.gz'], ['pilot-a', 'exports/one.tar.gz']]) await writeBlob(tenant!, key!, Buffer.from(`${tenant} ${key}`));
  await takeBackup({ db: h.t.db, databaseUrl: h.t.url, outDir: join(work, 'before-purge'), signer: platform, clock: h.clock });
});

after(async () => {
  await h.close();
  await targets.dropAll();
  rmSync(work, { recursive: true, force: true });
});

/** Rows per table of one tenant, in every table that has a tenant_id (the decision log written first). */
async function rowCounts(db: Database, tenant: string): Promise<Record<string, number>> {
  await policyRuntime().engine.flushDecisions();
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'
       AND table_name IN (SELECT tablename FROM pg_tables WHERE schemaname = 'public') ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name} WHERE tenant_id = $1`, [tenant]))[0]!.n;
  return counts;
}

const one = async <T extends object>(db: Database, sql: string, params: unknown[] = []): Promise<T> => (await db.query<T>(sql, params))[0]!;

test('a tenant purge names the tenant it is asked in, by a role the policy names; anything else is refused', async () => {
  const mismatch = await h.call('POST', '/api/v1/purge-requests', { as: owner, body: { scope: 'tenant', subject: 'pilot-a', rationale: 'wrong tenant' } });
  assert.equal(mismatch.statusCode, 400, mismatch.body);
  assert.match(mismatch.json().type, /invalid-request$/);
  assert.equal(mismatch.json().errors[0].field, 'subject');
  const unknown = await h.call('POST', '/api/v1/purge-requests', { as: owner, body: { scope: 'galaxy', subject: GONE, rationale: 'no such scope' } });
  assert.equal(unknown.statusCode, 400, unknown.body);
  const notAdmin = await h.call('POST', '/api/v1/purge-requests', { as: security, body: { scope: 'tenant', subject: GONE, rationale: 'security may not ask' } });
  assert.equal(notAdmin.statusCode, 403, notAdmin.body);
  assert.equal((await one<{ n: number }>(h.t.db, `SELECT count(*)::int AS n FROM purge_requests WHERE scope = 'tenant'`)).n, 0);
});

test("two of its people's approvals and an operator's run the purge: people, graph and keys go, the tenant ends purged, the platform log holds the signed manifest", async () => {
  const others = await rowCounts(h.t.db, 'pilot-a');
  const before = await rowCounts(h.t.db, GONE);
  const asked = await h.call('POST', '/api/v1/purge-requests', { as: owner, body: { scope: 'tenant', subject: GONE, rationale: 'contract ended; delete everything' } });
  assert.equal(asked.statusCode, 201, asked.body);
  purgeId = asked.json().purge_id as string;
  assert.deepEqual([asked.json().approver_roles, asked.json().platform_approver_roles], [['CompanyAdmin', 'security_officer'], ['platform_operator']]);
  assert.equal((await h.call('POST', `/api/v1/purge-requests/${purgeId}/approve`, { as: owner, body: { rationale: 'I asked for it myself' } })).statusCode, 403, 'the asker never approves');
  const first = await h.call('POST', `/api/v1/purge-requests/${purgeId}/approve`, { as: admin, body: { rationale: 'confirmed with the customer' } });
  assert.deepEqual([first.json().status, first.json().missing_approvals], ['requested', ['security_officer', 'platform_operator']]);
  const second = await h.call('POST', `/api/v1/purge-requests/${purgeId}/approve`, { as: security, body: { rationale: 'no legal hold' } });
  assert.deepEqual([second.json().status, second.json().missing_approvals], ['requested', ['platform_operator']], "the tenant's own two approvers cannot purge it alone");
  const approved = await h.call('POST', `/api/v1/tenants/${GONE}/purge-requests/${purgeId}/approve`, { as: operator, stepUp: true, body: { rationale: 'the contract end is confirmed' } });
  assert.equal(approved.statusCode, 200, approved.body);
  assert.equal(approved.json().status, 'approved');
  assert.deepEqual(approved.json().history.at(-1).details.operator_tenant, PLATFORM_OPERATOR.tenant);
  // The decision log (and its graph mirror) is written before the job runs.
  await policyRuntime().engine.flushDecisions();
  await h.app.jobs.runDue();

  const done = await one<{ status: string; manifest: { scope: string; subject: string; deleted: Array<{ table: string; rows: number }>; shredded_keys: string[]; blobs: { store: string; deleted: number } } }>(
    h.t.db,
    `SELECT status, manifest FROM purge_requests WHERE tenant_id = $1 AND purge_id = $2`,
    [GONE, purgeId],
  );
  assert.equal(done.status, 'done');
  assert.deepEqual([done.manifest.scope, done.manifest.subject], ['tenant', GONE]);
  const deleted = Object.fromEntries(done.manifest.deleted.map((d) => [d.table, d.rows]));
  assert.ok(deleted.subjects === DEMO_USERS.length + 1 && deleted.entities! >= 1, JSON.stringify(deleted));
  assert.equal((await one<{ status: string }>(h.t.db, `SELECT status FROM tenants WHERE tenant_id = $1`, [GONE])).status, 'purged');
  assert.deepEqual([done.manifest.blobs.store, done.manifest.blobs.deleted], ['postgres', 2]);
  assert.equal(await readBlob(GONE, 'exports/one.tar.gz'), undefined);
  assert.equal((await readBlob('pilot-a', 'exports/one.tar.gz'))?.toString(), 'pilot-a exports/one.tar.gz');
  const after = await rowCounts(h.t.db, GONE);
  assert.deepEqual([after.subjects, after.api_keys, after.entities, after.relationships], [0, 0, 0, 0]);
  // Every tenant-owned table is either deleted or kept, and of the deleted ones only this purge's request and job are left.
  assert.deepEqual(Object.keys(after).filter((t) => !TENANT_PURGE_DELETES.includes(t) && !(t in TENANT_PURGE_KEEPS)), [], 'every tenant table is in the inventory');
  assert.deepEqual(Object.fromEntries(TENANT_PURGE_DELETES.filter((t) => after[t]! > 0).map((t) => [t, after[t]])), { purge_requests: 1, jobs: 2 }, 'no other mutable record of the tenant is left but the purge job and its sweep');
  for (const table of ['high_risk_requests', 'revops_leads', 'revops_opportunities', 'revops_quotes', 'revops_routing_rules', 'runbooks', 'incidents']) {
    assert.ok(before[table]! > 0 && deleted[table] === before[table], `${table}: ${before[table]} before, ${deleted[table]} in the manifest`);
  }
  for (const table of ['high_risk_history', 'revops_quote_history', 'incident_history', 'runbook_versions']) assert.ok(after[table]! > 0, `${table} is append-only and stays`);
  const versions = await h.t.db.query<{ body: string; author: string }>(`SELECT body, author FROM runbook_versions WHERE tenant_id = $1`, [GONE]);
  assert.ok(versions.every((v) => v.body.startsWith('sealed:v1:') && v.author.startsWith('pseudonym:')), 'a runbook version kept holds nothing readable');
  const keys = await h.t.db.query<{ subject_id: string; live: boolean }>(`SELECT subject_id, wrapped_key IS NOT NULL AS live FROM subject_data_keys WHERE tenant_id = $1`, [GONE]);
  assert.ok(keys.length >= 2 && keys.length === done.manifest.shredded_keys.length);
  assert.ok(keys.every((k) => !k.live && k.subject_id === '[purged]'), 'every key destroyed and unlinked');
  assert.equal((await h.call('GET', '/api/v1/purge-requests', { as: admin })).statusCode, 401, "the tenant's people cannot sign in");

  assert.deepEqual(await rowCounts(h.t.db, 'pilot-a'), others, "another tenant's rows are exactly as they were");

  // The platform's own log: a receipt citing the manifest, and the manifest signed by the platform key.
  const [event] = await withTenantTransaction(h.t.db, 'internal', () => listAuditEvents({ type: 'purge.tenant_purged' }));
  assert.ok(event, 'the platform audit records the purge');
  const signed = event.details.signed_manifest as Parameters<typeof verifyEnvelope>[0];
  const check = verifyEnvelope(signed, platform.jwks);
  assert.equal(check.ok, true);
  assert.equal(check.ok && check.payload.toString('utf8'), canonicalJson(event.details.manifest));
  const receipts = await h.t.db.query<{ target: string; body: { evidence_refs: string[] } }>(`SELECT target, body FROM receipts WHERE tenant_id = 'internal' AND action = 'purge.tenant.complete'`);
  assert.deepEqual(receipts.map((r) => r.target), [`tenant:${GONE}`]);
  assert.ok(receipts[0]!.body.evidence_refs.includes(`purge-manifest:sha256:${event.details.manifest_sha256 as string}`));
  for (const tenant of ['internal', GONE]) {
    await h.app.ledger.flush(tenant);
    const v = await verifyTenantLedger(h.t.db, tenant);
    assert.equal(v.ok, true, `${tenant}: ${v.errors.join('; ')}`);
  }
});

test("an operator's approval counts only from the platform, for a whole-tenant purge of the tenant it names", async () => {
  const asked = await h.call('POST', '/api/v1/purge-requests', { as: ['pilot-a', 'user-admin'], body: { scope: 'tenant', subject: 'pilot-a', rationale: 'a purge that will wait' } });
  assert.equal(asked.statusCode, 201, asked.body);
  const pending = asked.json().purge_id as string;
  const approveAs = (as: [string, string], tenant: string, id: string) => h.call('POST', `/api/v1/tenants/${tenant}/purge-requests/${id}/approve`, { as, stepUp: true, body: { rationale: 'approving for the platform' } });
  // Another tenant's path never reaches this request.
  const elsewhere = await approveAs(operator, 'demo-external', pending);
  assert.equal(elsewhere.statusCode, 404, elsewhere.body);
  // A tenant's admin is no operator, and neither is a person the tenant gives the operator's role.
  const admin = await approveAs(['pilot-a', 'user-admin'], 'pilot-a', pending);
  assert.equal(admin.statusCode, 403, admin.body);
  assert.ok(admin.json().reasons.includes('platform actions are reserved to operators of a platform tenant'), admin.body);
  await withTenantTransaction(h.t.db, 'pilot-a', () => insertSubject({ subject_id: 'user-posing', display_name: 'Posing Operator', roles: ['security_officer', 'platform_operator'], attributes: {} }, h.clock.now()));
  const posing = await approveAs(['pilot-a', 'user-posing'], 'pilot-a', pending);
  assert.equal(posing.statusCode, 403, posing.body);
  // On the tenant's own route the operator's role counts for nothing: only security_officer is covered.
  const posingHere = await h.call('POST', `/api/v1/purge-requests/${pending}/approve`, { as: ['pilot-a', 'user-posing'], body: { rationale: 'I hold the operator role' } });
  assert.equal(posingHere.statusCode, 200, posingHere.body);
  assert.deepEqual([posingHere.json().status, posingHere.json().missing_approvals], ['requested', ['CompanyAdmin', 'platform_operator']]);
  // An operator approves once, and only a whole-tenant purge.
  assert.equal((await approveAs(operator, 'pilot-a', pending)).json().missing_approvals.includes('platform_operator'), false);
  const twice = await approveAs(operator, 'pilot-a', pending);
  assert.equal(twice.statusCode, 409, twice.body);
  assert.match(twice.json().type, /conflict$/);
  const entity = await h.call('POST', '/api/v1/purge-requests', { as: ['pilot-a', 'user-security'], body: { scope: 'entity', subject: 'asset-2', rationale: 'an entity purge' } });
  const notTenant = await approveAs(operator, 'pilot-a', entity.json().purge_id as string);
  assert.equal(notTenant.statusCode, 409, notTenant.body);
  assert.match(notTenant.json().detail, /takes no platform operator's approval/);
  for (const id of [pending, entity.json().purge_id as string]) {
    const requester: [string, string] = id === pending ? ['pilot-a', 'user-admin'] : ['pilot-a', 'user-security'];
    assert.equal((await h.call('POST', `/api/v1/purge-requests/${id}/cancel`, { as: requester, body: { rationale: 'not now' } })).statusCode, 200);
  }
});

test("a blob that lands after the purge listed the tenant's blobs is swept once the purge committed, and receipted", async () => {
  // An upload that passed its check before the purge and landed after the purge's listing.
  await runWithContext({ tenantId: GONE, requestId: 'late-upload' }, () => new PgBlobStore(h.t.db).put('exports/late.tar.gz', Readable.from([Buffer.from('late')]), 'application/gzip'));
  assert.equal((await readBlob(GONE, 'exports/late.tar.gz'))?.toString(), 'late');
  // The store takes no new write of a purged tenant, nor of a disabled one.
  await assert.rejects(writeBlob(GONE, 'exports/later.tar.gz', Buffer.from('later')), BlobWriteRefused);
  const disabled = await h.call('POST', '/api/v1/tenants/demo-external/disable', { as: operator, stepUp: true, body: { reason: 'unpaid invoices' } });
  assert.equal(disabled.statusCode, 200, disabled.body);
  await assert.rejects(writeBlob('demo-external', 'exports/x.tar.gz', Buffer.from('x')), /refused for tenant demo-external: it is disabled/);
  await h.app.jobs.runDue();
  assert.equal((await readBlob(GONE, 'exports/late.tar.gz'))?.toString(), 'late', 'the sweep waits for uploads in flight to land');
  h.clock.advance(BLOB_SWEEP_DELAY_MS);
  await h.app.jobs.runDue();
  assert.equal(await readBlob(GONE, 'exports/late.tar.gz'), undefined);
  const [event] = await withTenantTransaction(h.t.db, GONE, () => listAuditEvents({ type: 'purge.blobs_swept' }));
  assert.deepEqual([event?.details.purge_id, event?.details.store, event?.details.keys], [purgeId, 'postgres', ['exports/late.tar.gz']]);
  const receipts = await h.t.db.query<{ body: { evidence_refs: string[] } }>(`SELECT body FROM receipts WHERE tenant_id = $1 AND action = 'purge.tenant.blobs_swept'`, [GONE]);
  assert.equal(receipts.length, 1);
  assert.ok(receipts[0]!.body.evidence_refs.includes(`blob-keys:sha256:${event?.details.keys_sha256 as string}`));
  const left = await rowCounts(h.t.db, GONE);
  assert.deepEqual([left.blobs, left.blob_chunks, left.entities], [0, 0, 0]);
  // Run again (a retried job): nothing more to delete, and no second receipt.
  await h.app.jobs.runDue();
  assert.equal((await h.t.db.query(`SELECT 1 FROM receipts WHERE tenant_id = $1 AND action = 'purge.tenant.blobs_swept'`, [GONE])).length, 1);
  await h.app.ledger.flush(GONE);
  const v = await verifyTenantLedger(h.t.db, GONE);
  assert.equal(v.ok, true, v.errors.join('; '));
});

test('a purged tenant is never enabled again, and its id is not given to a new tenant', async () => {
  const enabled = await h.call('POST', `/api/v1/tenants/${GONE}/enable`, { as: operator, stepUp: true, body: { reason: 'customer came back' } });
  assert.equal(enabled.statusCode, 409, enabled.body);
  const created = await h.call('POST', '/api/v1/tenants', { as: operator, stepUp: true, body: { tenant_id: GONE, display_name: 'Pilot B again', data_region: 'us', owner_contact: 'b@example.com' } });
  assert.equal(created.statusCode, 409, created.body);
  assert.equal((await one<{ status: string }>(h.t.db, `SELECT status FROM tenants WHERE tenant_id = $1`, [GONE])).status, 'purged');
});

test('a backup from before the purge, restored with the register, comes back purged', async () => {
  const registerFile = join(work, 'backups', PURGE_REGISTER_FILE);
  const register = await readPurgeRegister(registerFile, platform.jwks);
  assert.deepEqual(register.map((e) => [e.tenant_id, e.purge_id, e.scope]), [[GONE, purgeId, 'tenant']]);
  const { target, open } = await targets.next();
  const restored = await restoreBackup({ dir: join(work, 'before-purge'), jwks: platform.jwks, target, purgeRegister: registerFile });
  assert.ok(restored.keysDestroyedAgain >= 1);
  const db = await open();
  try {
    assert.equal((await one<{ status: string }>(db, `SELECT status FROM tenants WHERE tenant_id = $1`, [GONE])).status, 'purged');
    const counts = await rowCounts(db, GONE);
    assert.deepEqual(TENANT_PURGE_DELETES.filter((t) => counts[t]! > 0), [], 'no mutable record of the tenant comes back');
    assert.equal((await one<{ n: number }>(db, `SELECT count(*)::int AS n FROM subject_data_keys WHERE tenant_id = $1 AND shredded_at IS NULL`, [GONE])).n, 0);
    assert.equal((await rowCounts(db, 'pilot-a')).subjects, DEMO_USERS.length, "the other tenant's people are restored");
    const v = await verifyTenantLedger(db, GONE);
    assert.equal(v.ok, true, v.errors.join('; '));
  } finally {
    await db.close();
  }
});
