import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackupError, verifyBackup } from '../src/backup/backup-manifest.ts';
import { restoreBackup } from '../src/backup/restore-backup.ts';
import { summarizeTenants } from '../src/backup/store-summary.ts';
import { takeBackup } from '../src/backup/take-backup.ts';
import { platformSigner } from '../src/keys/platform-key.ts';
import { verifyTenantLedger } from '../src/ledger/verify-ledger.ts';
import { restoreTargets, type RestoreTargets } from './support/restore-targets.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// A backup of a store with receipts restores into an empty target with the same tenants,
// receipts and verifiable ledgers; a tampered or foreign backup, or a used target, is refused.

let h: TestApp;
let work: string;
const platform = platformSigner(randomBytes(32));
let targets: RestoreTargets;

before(async () => {
  h = await createTestApp({ ledgerBackground: false });
  for (let i = 0; i < 3; i++) assert.equal((await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-admin'] })).statusCode, 200);
  assert.equal((await h.call('GET', '/api/v1/subjects', { as: ['pilot-b', 'user-admin'] })).statusCode, 200);
  await h.app.ledger.integrateTenant('pilot-a');
  await h.app.ledger.integrateTenant('pilot-b');
  work = mkdtempSync(join(tmpdir(), 'companyos-backup-test-'));
  targets = restoreTargets(h.t, work);
});

after(async () => {
  await h.close();
  await targets.dropAll();
  rmSync(work, { recursive: true, force: true });
});

const emptyTarget = () => targets.next();

const backup = (name: string) => takeBackup({ db: h.t.db, databaseUrl: h.t.url, outDir: join(work, name), signer: platform, clock: h.clock });

test('a restored backup holds the same tenants and receipts, and every ledger verifies', async () => {
  const manifest = await backup('full');
  assert.equal(manifest.engine, h.t.db.engine);
  assert.equal(manifest.created_at, h.clock.now().toISOString());
  const pilotA = manifest.tenants.find((t) => t.tenant_id === 'pilot-a');
  assert.ok(pilotA !== undefined && pilotA.receipts >= 3 && pilotA.newest_receipt_at !== null);
  assert.deepEqual(readdirSync(join(work, 'full')).sort(), ['manifest.dsse.json', 'manifest.json', manifest.files[0]!.name].sort());

  const { target, open } = await emptyTarget();
  await restoreBackup({ dir: join(work, 'full'), jwks: platform.jwks, target });
  const restored = await open();
  try {
    assert.deepEqual(await summarizeTenants(restored), manifest.tenants);
    for (const t of manifest.tenants) {
      const report = await verifyTenantLedger(restored, t.tenant_id);
      assert.equal(report.ok, true, `${t.tenant_id}: ${report.errors.join('; ')}`);
    }
    // The restored walls stand: the app role sees only its own tenant's receipts.
    const seen = await restored.transaction(async (tx) => tx.query<{ tenant_id: string }>(`SELECT DISTINCT tenant_id FROM receipts`), {
      settings: [['role', 'companyos_app'], ['app.tenant_id', 'pilot-b']],
    });
    assert.deepEqual(seen.map((r) => r.tenant_id), ['pilot-b']);
  } finally {
    await restored.close();
  }
});

test('a restore refuses a target that is not empty, and leaves it as it was', async () => {
  const { target, open } = await emptyTarget();
  await restoreBackup({ dir: join(work, 'full'), jwks: platform.jwks, target });
  await assert.rejects(restoreBackup({ dir: join(work, 'full'), jwks: platform.jwks, target }), (err: Error) => err instanceof BackupError && /not empty/.test(err.message));
  const db = await open();
  try {
    assert.ok((await summarizeTenants(db)).length > 0);
  } finally {
    await db.close();
  }
});

if (process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '') {
  test('on PostgreSQL, a new database holding only an extension\'s views (made from a template that has it) takes a restore', async () => {
    const { target, open } = await targets.next({ extension: 'pg_buffercache' });
    await restoreBackup({ dir: join(work, 'full'), jwks: platform.jwks, target });
    const db = await open();
    try {
      assert.ok((await summarizeTenants(db)).length > 0);
    } finally {
      await db.close();
    }
  });
}

test('a backup whose dump, manifest or signature was changed is refused before anything is restored', async () => {
  const manifest = await backup('tampered');
  const dir = join(work, 'tampered');
  const dumpFile = join(dir, manifest.files[0]!.name);
  const original = readFileSync(dumpFile);
  const flipped = Buffer.from(original);
  flipped[flipped.length >> 1]! ^= 1;
  writeFileSync(dumpFile, flipped);
  await assert.rejects(verifyBackup(dir, platform.jwks), /does not match its checksum/);
  const { target, open } = await emptyTarget();
  await assert.rejects(restoreBackup({ dir, jwks: platform.jwks, target }), /does not match its checksum/);
  writeFileSync(dumpFile, original);

  const manifestFile = join(dir, 'manifest.json');
  const text = readFileSync(manifestFile, 'utf8');
  writeFileSync(manifestFile, text.replace('"pilot-a"', '"pilot-z"'));
  await assert.rejects(verifyBackup(dir, platform.jwks), /differs from the signed manifest/);
  writeFileSync(manifestFile, text);

  const stranger = platformSigner(randomBytes(32));
  await assert.rejects(verifyBackup(dir, stranger.jwks), /signature does not verify/);
  await assert.rejects(verifyBackup(join(work, 'nowhere'), platform.jwks), /not a backup: manifest.json is missing/);

  // Nothing reached the target of the refused restore: it still takes a good backup.
  await restoreBackup({ dir, jwks: platform.jwks, target });
  const db = await open();
  await db.close();
});

test('a backup goes only into a new folder, and a failed one leaves no folder behind', async () => {
  await assert.rejects(backup('full'), /is not empty/);
  const broken = takeBackup({ db: h.t.db, databaseUrl: h.t.db.engine === 'postgres' ? 'postgres://postgres@127.0.0.1:1/none' : undefined, outDir: join(work, 'broken'), signer: platform, clock: h.clock });
  if (h.t.db.engine === 'postgres') {
    await assert.rejects(broken, /pg_dump failed/);
    assert.deepEqual(readdirSync(work).filter((n) => n.includes('broken')), []);
  } else {
    await broken;
  }
});
