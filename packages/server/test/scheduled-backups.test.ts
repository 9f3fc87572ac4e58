import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyBackup } from '../src/backup/backup-manifest.ts';
import { nextSlot } from '../src/backup/scheduled-backups.ts';
import { LocalKeyProvider } from '../src/keys/key-provider.ts';
import { platformSigner } from '../src/keys/platform-key.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Scheduled backups run as durable jobs, one per slot of the interval, each queuing the next.

const kek = randomBytes(32);
let h: TestApp;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'companyos-scheduled-backups-'));
  h = await createTestApp({
    ledgerBackground: false,
    jobsBackground: false,
    keyProvider: new LocalKeyProvider(kek),
    config: { kek, backups: { dir, intervalMinutes: 15, tenant: 'internal' } },
  });
  await h.app.ready();
});

after(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

test('slots start at the epoch, so every server computes the same next one', () => {
  assert.equal(nextSlot(new Date('2026-03-02T09:00:00.000Z'), 15).toISOString(), '2026-03-02T09:15:00.000Z');
  assert.equal(nextSlot(new Date('2026-03-02T09:14:59.999Z'), 15).toISOString(), '2026-03-02T09:15:00.000Z');
  assert.equal(nextSlot(new Date('2026-03-02T23:59:00.000Z'), 60).toISOString(), '2026-03-03T00:00:00.000Z');
});

test('each slot gets one signed backup, written when the slot is due, and queues the next', async () => {
  await h.app.jobs.runDue();
  assert.deepEqual(readdirSync(dir), [], 'nothing is due before the first slot');
  h.clock.advance(15 * 60_000);
  await h.app.jobs.runDue();
  assert.deepEqual(readdirSync(dir), ['backup-2026-03-02T09-15-00-000Z']);
  const manifest = await verifyBackup(join(dir, 'backup-2026-03-02T09-15-00-000Z'), platformSigner(kek).jwks);
  assert.equal(manifest.created_at, '2026-03-02T09:15:00.000Z');
  assert.ok(manifest.tenants.some((t) => t.tenant_id === 'pilot-a'));

  await h.app.jobs.runDue();
  assert.equal(readdirSync(dir).length, 1, 'the next slot is not due yet');
  h.clock.advance(15 * 60_000);
  await h.app.jobs.runDue();
  assert.deepEqual(readdirSync(dir).sort(), ['backup-2026-03-02T09-15-00-000Z', 'backup-2026-03-02T09-30-00-000Z']);
});
