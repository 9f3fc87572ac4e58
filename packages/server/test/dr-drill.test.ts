import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runDrill } from '../src/backup/dr-drill.ts';
import { writeDrillReport } from '../src/backup/drill-report.ts';
import { verifyPack } from '../src/evidence/index.ts';
import { LocalKeyProvider } from '../src/keys/key-provider.ts';
import { platformSigner } from '../src/keys/platform-key.ts';
import { createLogger } from '../src/logger.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// The drill end to end on the engine under test: back up a store with receipts, restore it into a
// fresh database, verify every ledger there, probe a server on it, and sign the report as a pack.

const kek = randomBytes(32);
const keyProvider = new LocalKeyProvider(kek);
const platform = platformSigner(kek);
let h: TestApp;
let work: string;

before(async () => {
  h = await createTestApp({ ledgerBackground: false, keyProvider });
  for (let i = 0; i < 3; i++) assert.equal((await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-admin'] })).statusCode, 200);
  await h.app.ledger.integrateTenant('pilot-a');
  work = mkdtempSync(join(tmpdir(), 'companyos-drill-test-'));
});

after(async () => {
  await h.close();
  rmSync(work, { recursive: true, force: true });
});

test('a drill restores every tenant with a verified ledger, proves a receipt on a restored server and signs its report', async () => {
  const newest = h.clock.now().toISOString();
  h.clock.advance(90_000);
  const report = await runDrill({ db: h.t.db, databaseUrl: h.t.url, signer: platform, keyProvider, workDir: work, clock: h.clock, log: createLogger({ level: 'silent' }) });
  assert.equal(report.ok, true, JSON.stringify(report, null, 2));
  assert.equal(report.engine, h.t.db.engine);
  const pilotA = report.tenants.find((t) => t.tenant_id === 'pilot-a')!;
  assert.ok(pilotA.ledger_ok && pilotA.leaves >= 3 && pilotA.checkpoints >= 1, JSON.stringify(pilotA));
  assert.ok(report.tenants.every((t) => t.ledger_ok));
  // The newest receipt was issued at the fake clock's earlier now; the drill started 90 s later.
  assert.equal(report.recovery_point.newest_receipt_at, newest);
  assert.equal(report.recovery_point.age_ms, 90_000);
  assert.equal(report.probe.ok, true, report.probe.detail);
  assert.equal(report.probe.status, 200);
  assert.ok(report.probe.tenant_id !== null && report.probe.receipt_id !== null);
  assert.equal(report.recovery_time_ms, report.timings_ms.restore + report.timings_ms.verify + report.timings_ms.probe);

  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeDrillReport(report, platform, out);
  const file = join(work, 'drill.tar.gz');
  writeFileSync(file, Buffer.concat(chunks));
  const checked = await verifyPack(file, { trustedJwks: platform.jwks });
  assert.equal(checked.ok, true, JSON.stringify(checked.failures));
  assert.equal(checked.manifest?.counts.audit_events, 1);
  const stranger = await verifyPack(file, { trustedJwks: platformSigner(randomBytes(32)).jwks });
  assert.equal(stranger.ok, false, 'a report is trusted only under the platform key');
});
