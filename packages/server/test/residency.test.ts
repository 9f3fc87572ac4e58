import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { runDrill } from '../src/backup/dr-drill.ts';
import { appendPurgeRegister, PURGE_REGISTER_FILE } from '../src/backup/purge-register.ts';
import { reapplyPurgeRegister } from '../src/backup/restore-backup.ts';
import { restoreStoreBackup, storeDatabases, takeStoreBackup } from '../src/backup/store-backup.ts';
import type { Database } from '../src/db/database.ts';
import { openStore, type OpenStoreOptions } from '../src/db/open-store.ts';
import { RegionRouter } from '../src/db/region-router.ts';
import { withTenantBatch } from '../src/db/tenant-tx.ts';
import { MONTH_END_JOB, scheduleAggregation } from '../src/finops/metering-jobs.ts';
import { buildApp } from '../src/http/app.ts';
import { DevIssuer } from '../src/identity/dev-issuer.ts';
import { verifyPack } from '../src/evidence/index.ts';
import { LocalKeyProvider } from '../src/keys/key-provider.ts';
import { platformSigner } from '../src/keys/platform-key.ts';
import { readStoredState } from '../src/observability/stored-signals.ts';
import { verifyTenantLedger } from '../src/ledger/verify-ledger.ts';
import { createLogger } from '../src/logger.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { seedDemo } from '../src/seed/seed-demo.ts';
import { ROW_COPY_JOB } from '../src/tenancy/tenant-row-copy.ts';
import { FakeClock } from '../src/util/clock.ts';
import { uuidv7 } from '../src/util/ids.ts';
import { restoreTargets } from './support/restore-targets.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

// Two regions, two databases: eu in the home database (with the registry and the operator's
// tenant), us in one of its own. On PostgreSQL two fresh databases, on PGlite two data dirs; the
// store is opened as the server opens it, from COMPANYOS_REGION_DATABASES's settings.
const onPostgres = process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '';
const root = mkdtempSync(join(tmpdir(), 'companyos-residency-'));
const clock = new FakeClock('2026-03-02T09:00:00.000Z');
const issuer = DevIssuer.open({ clock });
// One platform KEK for the app and for what reads its keys afterwards (the drill's probe server).
const kek = randomBytes(32);
const keyProvider = new LocalKeyProvider(kek);
const operator: [string, string] = ['internal', 'user-platform-operator'];
const created: TestDatabase[] = [];
let store: RegionRouter;
let storeOptions: OpenStoreOptions;
let eu: Database;
let us: Database;
let app: FastifyInstance;

async function call(method: 'GET' | 'POST' | 'PATCH', url: string, as: [string, string], body?: object, stepUp = false) {
  const token = await issuer.mint({ tenant: as[0], subject: as[1], stepUp });
  return app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(body === undefined ? {} : { payload: body }) });
}

/** Tenants with rows in `table` of one database, read directly as its owner (no row-level security). */
async function tenantsIn(db: Database, table: string): Promise<string[]> {
  return (await db.query<{ tenant_id: string }>(`SELECT DISTINCT tenant_id FROM ${table} ORDER BY tenant_id`)).map((r) => r.tenant_id);
}

before(async () => {
  let options: OpenStoreOptions;
  if (onPostgres) {
    const [home, other] = [await createTestDatabase(), await createTestDatabase()];
    created.push(home, other);
    options = { databaseUrl: home.url!, regionDatabases: { eu: home.url!, us: other.url! } };
  } else {
    options = { dataDir: join(root, 'eu'), regionDatabases: { eu: join(root, 'eu'), us: join(root, 'us') } };
  }
  storeOptions = options;
  store = (await openStore(options)) as RegionRouter;
  assert.ok(store instanceof RegionRouter);
  eu = store.home;
  us = store.forRegion('us');
  assert.notEqual(eu, us);
  await seedDemo(store, { clock });
  app = await buildApp({
    logger: createLogger({ level: process.env.COMPANYOS_TEST_LOG ?? 'silent' }),
    config: { dataDir: join(root, 'files') },
    database: store,
    clock,
    devIssuer: issuer,
    keyProvider,
    ledgerBackground: false,
    jobsBackground: false,
  });
});

after(async () => {
  await app?.close();
  await store?.close();
  for (const t of created) await t.close();
  rmSync(root, { recursive: true, force: true });
});

test('with one database the store is that database, with no router in between', async () => {
  const single = await openStore(onPostgres ? { databaseUrl: created[0]!.url! } : { dataDir: join(root, 'single') });
  try {
    assert.equal(single instanceof RegionRouter, false);
  } finally {
    await single.close();
  }
});

test("each tenant's rows are written to its own region's database, and only there", async () => {
  assert.equal((await call('GET', '/api/v1/subjects', ['pilot-a', 'user-admin'])).statusCode, 200);
  assert.equal((await call('GET', '/api/v1/subjects', ['pilot-b', 'user-admin'])).statusCode, 200);
  const renamed = await call('PATCH', '/api/v1/tenants/pilot-b/config', ['pilot-b', 'user-admin'], { display_name: 'Pilot B (US)' });
  assert.equal(renamed.statusCode, 200, renamed.body);
  await policyRuntime().engine.flushDecisions();

  for (const table of ['subjects', 'receipts', 'audit_events', 'usage_events']) {
    const inEu = await tenantsIn(eu, table);
    const inUs = await tenantsIn(us, table);
    assert.ok(inEu.includes('pilot-a'), `${table}: pilot-a in eu`);
    assert.ok(inUs.includes('pilot-b'), `${table}: pilot-b in us`);
    assert.deepEqual(inEu.filter((t) => t === 'pilot-b' || t === 'summit-internal'), [], `${table}: no us tenant in eu`);
    assert.deepEqual(inUs.filter((t) => t !== 'pilot-b' && t !== 'summit-internal'), [], `${table}: only us tenants in us`);
  }
  // The registry (home) knows every tenant; the us database holds the rows of its own tenants, kept equal.
  assert.deepEqual(await tenantsIn(eu, 'tenants'), ['demo-external', 'internal', 'pilot-a', 'pilot-b', 'summit-internal']);
  assert.deepEqual(await tenantsIn(us, 'tenants'), ['pilot-b', 'summit-internal']);
  for (const db of [eu, us]) {
    const [row] = await db.query<{ display_name: string }>(`SELECT display_name FROM tenants WHERE tenant_id = 'pilot-b'`);
    assert.equal(row?.display_name, 'Pilot B (US)');
  }
});

test("an operator creates a tenant in another region: its first admin and keys are in that region's database", async () => {
  const res = await call('POST', '/api/v1/tenants', operator, {
    tenant_id: 'acme-us',
    display_name: 'Acme US',
    data_region: 'us',
    owner_contact: 'owner@acme.example.com',
    admin: { subject_id: 'acme-admin', display_name: 'Acme Admin' },
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.deepEqual(await tenantsIn(us, 'tenants'), ['acme-us', 'pilot-b', 'summit-internal']);
  assert.deepEqual(await us.query(`SELECT subject_id FROM subjects WHERE tenant_id = 'acme-us'`), [{ subject_id: 'acme-admin' }]);
  assert.equal((await eu.query(`SELECT 1 FROM subjects WHERE tenant_id = 'acme-us'`)).length, 0);
  assert.equal((await us.query(`SELECT 1 FROM tenant_keys WHERE tenant_id = 'acme-us'`)).length, 1);
  const listed = await call('GET', '/api/v1/subjects', ['acme-us', 'acme-admin']);
  assert.equal(listed.statusCode, 200, listed.body);
  assert.deepEqual(listed.json().subjects.map((s: { subject_id: string }) => s.subject_id), ['acme-admin']);

  // Disabled by the operator in the registry, refused in its region.
  const disabled = await call('POST', '/api/v1/tenants/acme-us/disable', operator, { reason: 'residency test' }, true);
  assert.equal(disabled.statusCode, 200, disabled.body);
  const refused = await call('GET', '/api/v1/subjects', ['acme-us', 'acme-admin']);
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().type, 'https://companyos.dev/problems/tenant-disabled');
  assert.equal((await us.query(`SELECT 1 FROM audit_events WHERE tenant_id = 'acme-us' AND type = 'tenant.status_changed'`)).length, 1);
});

test('ledger verify and evidence export work per region', async () => {
  await app.ledger.flush('pilot-a');
  await app.ledger.flush('pilot-b');
  for (const tenant of ['pilot-a', 'pilot-b']) {
    const report = await verifyTenantLedger(store, tenant);
    assert.deepEqual(report.errors, []);
    assert.ok(report.ok && report.size > 0, `${tenant}: ${JSON.stringify(report)}`);
  }
  // In another region's database a tenant has no log: the home one knows pilot-b from the registry only.
  assert.equal((await verifyTenantLedger(eu, 'pilot-b')).size, 0);
  assert.deepEqual((await verifyTenantLedger(us, 'pilot-a')).errors, ['no tenant pilot-a in this database']);

  const from = '2026-03-02T08:00:00.000Z';
  clock.advance(1_000);
  const started = await call('POST', '/api/v1/audit/exports', ['pilot-b', 'user-admin'], { from, to: clock.now().toISOString() }, true);
  assert.equal(started.statusCode, 202, started.body);
  const id = started.json().export_id as string;
  await app.jobs.runDue();
  const done = await call('GET', `/api/v1/audit/exports/${id}`, ['pilot-b', 'user-admin']);
  assert.equal(done.json().status, 'done', done.body);
  const pack = await call('GET', `/api/v1/audit/exports/${id}/download`, ['pilot-b', 'user-admin']);
  assert.equal(pack.statusCode, 200);
  const file = join(root, 'pilot-b.tar.gz');
  writeFileSync(file, pack.rawPayload);
  const jwks = (await app.inject({ method: 'GET', url: '/api/v1/tenants/pilot-b/jwks.json' })).json();
  const verified = await verifyPack(file, { trustedJwks: jwks });
  assert.deepEqual(verified.failures, []);
  for (const table of ['audit_exports', 'blobs', 'ledger_checkpoints']) {
    assert.ok((await tenantsIn(us, table)).includes('pilot-b'), `${table}: pilot-b in us`);
    assert.equal((await tenantsIn(eu, table)).includes('pilot-b'), false, `${table}: pilot-b not in eu`);
  }
});

test('a cross-region export is refused with the policy reasons', async () => {
  const made = await call('POST', '/api/v1/subjects', ['pilot-b', 'user-admin'], {
    subject_id: 'eu-admin',
    display_name: 'EU Admin',
    roles: ['CompanyAdmin'],
    attributes: { region: 'eu' },
  });
  assert.equal(made.statusCode, 201, made.body);
  const res = await call('POST', '/api/v1/audit/exports', ['pilot-b', 'eu-admin'], { from: '2026-03-02T08:00:00.000Z', to: clock.now().toISOString() }, true);
  assert.equal(res.statusCode, 403, res.body);
  assert.equal(res.json().type, 'https://companyos.dev/problems/policy-denied');
  assert.ok(res.json().reasons.includes("exports are allowed only to users in the tenant's data region us"), res.body);
});

test("isolation holds across region databases: pilot-b never reaches pilot-a's data, and the attempt is audited in eu", async () => {
  const res = await call('GET', '/api/v1/tenants/pilot-a/config', ['pilot-b', 'user-admin']);
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().type, 'https://companyos.dev/problems/tenant-isolation');
  const events = await eu.query<{ tenant_id: string }>(`SELECT tenant_id FROM audit_events WHERE type = 'isolation.denied'`);
  assert.deepEqual(events.map((e) => e.tenant_id), ['pilot-a']);
  assert.equal((await us.query(`SELECT 1 FROM audit_events WHERE type = 'isolation.denied'`)).length, 0);
  const mine = await call('GET', '/api/v1/subjects', ['pilot-b', 'user-admin']);
  assert.ok(mine.json().subjects.every((s: { subject_id: string }) => s.subject_id !== 'acme-admin'));
});

test("changing a tenant's region between databases is refused as an operator procedure; within one database it is not", async () => {
  const res = await call('PATCH', '/api/v1/tenants/pilot-b/config', ['pilot-b', 'user-admin'], { data_region: 'eu' });
  assert.equal(res.statusCode, 409, res.body);
  assert.equal(res.json().type, 'https://companyos.dev/problems/region-move-unsupported');
  assert.match(res.json().detail, /operator procedure/);
  assert.deepEqual([res.json().from_region, res.json().to_region], ['us', 'eu']);
  // demo-external (uk) has no database of its own: the home one, like eu. The flag still decides.
  const same = await call('PATCH', '/api/v1/tenants/demo-external/config', ['demo-external', 'user-admin'], { data_region: 'eu' });
  assert.equal(same.json().type, 'https://companyos.dev/problems/feature-disabled', same.body);
});

test("the operator's list shows each tenant's active bundle, read from its own region's database", async () => {
  const res = await call('GET', '/api/v1/tenants', operator);
  assert.equal(res.statusCode, 200, res.body);
  const summit = res.json().tenants.find((t: { tenant_id: string }) => t.tenant_id === 'summit-internal');
  assert.equal(summit.policy_bundle.version, 1);
  assert.deepEqual(summit.policy_bundle.tags, ['finance']);
  // The server decides with that same bundle: it was loaded from the us database at start.
  assert.equal(policyRuntime().engine.bundleFor('summit-internal').hash, summit.policy_bundle.hash);
});

test("the month's close runs each region's tenants in batches in their own region's database", async () => {
  clock.set('2026-03-02T09:00:00.000Z');
  await scheduleAggregation(store, clock.now());
  const groups = async (db: Database) =>
    (await db.query<{ tenant_id: string; payload: { tenants: string[] } }>(`SELECT tenant_id, payload FROM jobs WHERE kind = $1 ORDER BY tenant_id`, [MONTH_END_JOB])).map((j) => [
      j.tenant_id,
      j.payload.tenants,
    ]);
  // uk has no database of its own: its tenants are closed in the home one, by a job of their own.
  assert.deepEqual(await groups(eu), [['demo-external', ['demo-external']], ['internal', ['internal', 'pilot-a']]]);
  assert.deepEqual(await groups(us), [['acme-us', ['acme-us', 'pilot-b', 'summit-internal']]]);
  await app.jobs.runDue();
  for (const [db, other, tenants] of [[eu, us, ['demo-external', 'internal', 'pilot-a']], [us, eu, ['acme-us', 'pilot-b', 'summit-internal']]] as const) {
    for (const tenant of tenants) {
      assert.deepEqual(await db.query(`SELECT status FROM invoices WHERE tenant_id = $1 AND period = '2026-02'`, [tenant]), [{ status: 'finalized' }], tenant);
      assert.equal((await db.query(`SELECT 1 FROM receipts WHERE tenant_id = $1 AND action = 'finops.invoice.finalized'`, [tenant])).length, 1, tenant);
      assert.equal((await other.query(`SELECT 1 FROM invoices WHERE tenant_id = $1`, [tenant])).length, 0, `${tenant}: nothing in the other region`);
    }
  }
  await assert.rejects(withTenantBatch(store, ['pilot-a', 'pilot-b'], async () => undefined), /the tenants of one database/);
});

test("an operator and a tenant writing the tenant's row at once, from two databases, never wait on each other; both copies end equal", async () => {
  const admin: [string, string] = ['pilot-b', 'user-admin'];
  const writes: Array<Promise<{ statusCode: number; body: string }>> = [];
  for (let round = 0; round < 4; round++) {
    writes.push(call('POST', '/api/v1/tenants/pilot-b/disable', operator, { reason: `round ${round}` }, true));
    writes.push(call('PATCH', '/api/v1/tenants/pilot-b/config', admin, { display_name: `Pilot B round ${round}` }));
    writes.push(call('POST', '/api/v1/tenants/pilot-b/enable', operator, { reason: `round ${round}` }, true));
    writes.push(call('PATCH', '/api/v1/tenants/pilot-b/config', admin, { display_name: `Pilot B (US) ${round}` }));
  }
  // A disabled tenant's own writes are refused; nothing else may fail.
  for (const res of await Promise.all(writes)) assert.ok(res.statusCode === 200 || (res.statusCode === 403 && res.body.includes('tenant-disabled')), res.body);

  const row = (db: Database) => db.query<{ status: string; display_name: string; config: unknown }>(`SELECT status, display_name, config FROM tenants WHERE tenant_id = 'pilot-b'`);
  assert.deepEqual(await row(us), await row(eu), 'the registry and the region hold the same row');
  // Each side's own writes land on the other: the last status in the registry, the last settings in the region.
  assert.equal((await call('POST', '/api/v1/tenants/pilot-b/enable', operator, { reason: 'after the race' }, true)).statusCode, 200);
  assert.equal((await call('PATCH', '/api/v1/tenants/pilot-b/config', admin, { display_name: 'Pilot B (US)' })).statusCode, 200);
  assert.deepEqual(await row(us), await row(eu));
  assert.deepEqual((await row(eu)).map((r) => [r.status, r.display_name]), [['active', 'Pilot B (US)']]);
});

test("a copy of the tenant's row that fails while the region database is down is made later by its job", async () => {
  const status = async (db: Database) => (await db.query<{ status: string }>(`SELECT status FROM tenants WHERE tenant_id = 'pilot-b'`))[0]?.status;
  const copyJobs = () => eu.query<{ status: string; attempts: number }>(`SELECT status, attempts FROM jobs WHERE tenant_id = 'pilot-b' AND kind = $1 AND status <> 'done'`, [ROW_COPY_JOB]);
  await app.jobs.runDue();
  assert.deepEqual(await copyJobs(), [], 'no copy is pending to begin with');
  // The us database refuses writes to pilot-b's row as a database shutting down does.
  await us.exec(`CREATE FUNCTION refuse_tenant_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'the database system is shutting down' USING ERRCODE = '57P03'; END $$;
    CREATE TRIGGER refuse_tenant_write BEFORE UPDATE ON tenants FOR EACH ROW WHEN (NEW.tenant_id = 'pilot-b') EXECUTE FUNCTION refuse_tenant_write()`);
  try {
    const res = await call('POST', '/api/v1/tenants/pilot-b/disable', operator, { reason: 'while us is down' }, true);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([await status(eu), await status(us)], ['disabled', 'active'], 'the registry changed; the copy did not reach us');
    assert.deepEqual(await copyJobs(), [{ status: 'queued', attempts: 0 }], 'the copy waits as a job beside the registry');
    await app.jobs.runDue();
    const [failed] = await copyJobs();
    assert.deepEqual([failed?.status, failed?.attempts], ['queued', 1], 'an attempt while us is down is retried later');
  } finally {
    await us.exec(`DROP TRIGGER refuse_tenant_write ON tenants; DROP FUNCTION refuse_tenant_write()`);
  }
  assert.equal(await status(us), 'active', 'nothing copies before the backoff has passed');
  await app.jobs.runDue();
  assert.equal(await status(us), 'active', 'still within the backoff');
  clock.advance(10_000);
  await app.jobs.runDue();
  assert.equal(await status(us), 'disabled', 'the job copied the status once us took writes again');
  assert.deepEqual(await copyJobs(), []);

  // A copy run again changes nothing, and the tenant comes back in both databases.
  assert.equal((await call('POST', '/api/v1/tenants/pilot-b/enable', operator, { reason: 'us is back' }, true)).statusCode, 200);
  assert.deepEqual([await status(eu), await status(us)], ['active', 'active']);
  await app.jobs.runDue();
  assert.deepEqual([await status(eu), await status(us)], ['active', 'active']);
});

test('a backup covers every region database, a signed manifest each, and a restore puts each back in its own', async () => {
  const platform = platformSigner(randomBytes(32));
  const settings = { databaseUrl: storeOptions.databaseUrl, homeTarget: storeOptions.databaseUrl ?? storeOptions.dataDir, regionDatabases: storeOptions.regionDatabases ?? {} };
  const dir = join(root, 'store-backup');
  const taken = await takeStoreBackup({ databases: storeDatabases(store, settings), outDir: dir, signer: platform, clock });
  assert.deepEqual(taken.map((t) => t.label), ['home', 'us']);
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'databases.json'), 'utf8')).databases, [{ label: 'home', dir: 'home' }, { label: 'us', dir: 'us' }]);
  const receiptsOf = (label: string, tenant: string) => taken.find((t) => t.label === label)!.manifest.tenants.find((t) => t.tenant_id === tenant)?.receipts ?? 0;
  const [inUs] = await us.query<{ n: number }>(`SELECT count(*)::int AS n FROM receipts WHERE tenant_id = 'pilot-b'`);
  assert.ok(inUs!.n > 0);
  assert.equal(receiptsOf('us', 'pilot-b'), inUs!.n, "pilot-b's receipts are in the us backup");
  assert.ok(receiptsOf('home', 'pilot-a') > 0);

  const targets = restoreTargets(onPostgres ? created[0]! : ({ url: undefined } as TestDatabase), root);
  try {
    // Settings that do not name the same databases are refused before anything is written.
    const lone = await targets.next();
    await assert.rejects(restoreStoreBackup({ dir, jwks: platform.jwks, targets: new Map([['home', lone.target]]) }), /holds the databases home, us but the settings name home/);
    const [home, usTarget] = [await targets.next(), await targets.next()];
    const restored = await restoreStoreBackup({ dir, jwks: platform.jwks, targets: new Map([['home', home.target], ['us', usTarget.target]]) });
    assert.deepEqual(restored.map((r) => r.label), ['home', 'us']);
    for (const [target, tenant, expected] of [[usTarget, 'pilot-b', inUs!.n], [home, 'pilot-b', 0]] as const) {
      const db = await target.open();
      try {
        const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM receipts WHERE tenant_id = $1`, [tenant]);
        assert.equal(row!.n, expected);
      } finally {
        await db.close();
      }
    }
  } finally {
    await targets.dropAll();
  }
});

test('restore --purges-only destroys again, in every region database, the keys its purge register lists', async () => {
  const platform = platformSigner(kek);
  const settings = { databaseUrl: storeOptions.databaseUrl, homeTarget: storeOptions.databaseUrl ?? storeOptions.dataDir, regionDatabases: storeOptions.regionDatabases ?? {} };
  const dir = join(root, 'purges-only-backup');
  await takeStoreBackup({ databases: storeDatabases(store, settings), outDir: dir, signer: platform, clock });
  const [key] = await us.query<{ key_id: string }>(`SELECT key_id::text AS key_id FROM subject_data_keys WHERE tenant_id = 'pilot-b' AND shredded_at IS NULL ORDER BY key_id LIMIT 1`);
  assert.ok(key !== undefined, 'pilot-b has a live data key in the us database');
  // A purge of pilot-b made after the recovery point, recorded in the register beside the backups.
  const registerDir = join(root, 'purges-only-register');
  await appendPurgeRegister(registerDir, { tenant_id: 'pilot-b', purge_id: uuidv7(clock.now().getTime()), shredded_at: clock.now().toISOString(), key_ids: [key.key_id] }, platform);

  const targets = restoreTargets(onPostgres ? created[0]! : ({ url: undefined } as TestDatabase), root);
  try {
    const [home, usTarget] = [await targets.next(), await targets.next()];
    const recovered = new Map([['home', home.target], ['us', usTarget.target]]);
    // Recovered by other means (here a restore without the register): the keys are still live.
    await restoreStoreBackup({ dir, jwks: platform.jwks, targets: recovered });
    const file = join(registerDir, PURGE_REGISTER_FILE);
    assert.deepEqual(await reapplyPurgeRegister(recovered, file, platform.jwks), [{ label: 'home', keysDestroyedAgain: 0 }, { label: 'us', keysDestroyedAgain: 1 }]);
    const db = await usTarget.open();
    try {
      const [row] = await db.query<{ wrapped: boolean; shredded: boolean }>(`SELECT wrapped_key IS NOT NULL AS wrapped, shredded_at IS NOT NULL AS shredded FROM subject_data_keys WHERE tenant_id = 'pilot-b' AND key_id = $1`, [key.key_id]);
      assert.deepEqual(row, { wrapped: false, shredded: true }, 'the key is destroyed in the us database');
    } finally {
      await db.close();
    }
    assert.deepEqual(await reapplyPurgeRegister(recovered, file, platform.jwks), [{ label: 'home', keysDestroyedAgain: 0 }, { label: 'us', keysDestroyedAgain: 0 }], 'applying it again destroys nothing more');
  } finally {
    await targets.dropAll();
  }
  const [live] = await us.query<{ shredded: boolean }>(`SELECT shredded_at IS NOT NULL AS shredded FROM subject_data_keys WHERE tenant_id = 'pilot-b' AND key_id = $1`, [key.key_id]);
  assert.equal(live?.shredded, false, 'the live store is untouched');
});

test('the recovery drill restores every region database into a fresh one and verifies each tenant in its own', async () => {
  await app.ledger.flush('pilot-a');
  await app.ledger.flush('pilot-b');
  const work = mkdtempSync(join(root, 'drill-'));
  const report = await runDrill({
    db: store,
    databaseUrl: storeOptions.databaseUrl,
    regionDatabases: storeOptions.regionDatabases,
    pgliteDir: storeOptions.dataDir,
    signer: platformSigner(kek),
    keyProvider,
    workDir: work,
    clock,
    log: createLogger({ level: 'silent' }),
  });
  assert.equal(report.ok, true, JSON.stringify(report, null, 2));
  assert.deepEqual(report.databases, ['home', 'us']);
  assert.ok(report.backup.files.some((f) => f.name.startsWith('home/')) && report.backup.files.some((f) => f.name.startsWith('us/')), JSON.stringify(report.backup.files));
  const [inUs] = await us.query<{ n: number }>(`SELECT count(*)::int AS n FROM receipts WHERE tenant_id = 'pilot-b'`);
  const pilotB = report.tenants.find((t) => t.tenant_id === 'pilot-b');
  assert.ok(pilotB !== undefined && pilotB.ledger_ok && pilotB.leaves > 0, JSON.stringify(pilotB));
  assert.equal(pilotB.receipts, inUs!.n, "pilot-b's receipts came back from the us database");
  assert.ok(report.tenants.some((t) => t.tenant_id === 'pilot-a' && t.ledger_ok && t.receipts > 0), 'the home database came back too');
  assert.equal(report.probe.ok, true, report.probe.detail);
});

test('the SLO status and the stored-state gauges count what every region database holds', async () => {
  const count = async (db: Database, sql: string) => (await db.query<{ n: number }>(sql))[0]!.n;
  const now = clock.now();
  const inWindow = `SELECT count(*)::int AS n FROM receipts WHERE issued_at > '${new Date(now.getTime() - 7 * 86_400_000).toISOString()}' AND issued_at <= '${now.toISOString()}'`;
  const [inEu, inUs] = [await count(eu, inWindow), await count(us, inWindow)];
  assert.ok(inEu > 0 && inUs > 0);
  const res = await call('GET', '/api/v1/observability/slos', operator);
  assert.equal(res.statusCode, 200, res.body);
  const completeness = res.json().slos.find((s: { name: string }) => s.name === 'receipts-completeness');
  assert.equal(completeness.total, inEu + inUs, 'receipts of both databases');

  const queued = 'SELECT count(*)::int AS n FROM ledger_queue';
  const state = await readStoredState(store, clock);
  assert.equal(state.queuedReceipts, (await count(eu, queued)) + (await count(us, queued)));
  assert.ok((await count(us, queued)) > 0, 'the us database has receipts waiting for its ledger');
});
