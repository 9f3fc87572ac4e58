import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { currentTx } from '../src/context.ts';
import { LedgerIntegrator } from '../src/ledger/integrator.ts';
import { verifyTenantLedger } from '../src/ledger/verify-ledger.ts';
import { ledgerServices } from '../src/ledger/ledger-runtime.ts';
import { createLogger } from '../src/logger.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// What an operator with database superuser rights can do to the log, and how verification notices.
let h: TestApp;

before(async () => {
  h = await createTestApp({ ledgerBackground: false, config: { checkpointEvery: 5, checkpointIntervalMs: 60_000 } });
  for (let i = 0; i < 12; i++) assert.equal((await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-admin'] })).statusCode, 200);
  await h.app.ledger.flush('pilot-a');
});
after(() => h.close());

/** Runs `sql` as the database superuser with triggers (append-only, foreign keys) switched off. */
async function asSuperuser(sql: string, params: unknown[] = []): Promise<void> {
  await h.t.db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('session_replication_role', 'replica', true)`);
    await tx.query(sql, params);
  });
}

const receiptAt = (index: number) =>
  withTenantTransaction(h.t.db, 'pilot-a', async () => {
    const rows = await currentTx().query<{ receipt_id: string }>('SELECT receipt_id FROM ledger_leaves WHERE tenant_id = $1 AND leaf_index = $2', ['pilot-a', index]);
    return rows[0]!.receipt_id;
  });

test('the untouched log verifies', async () => {
  const report = await verifyTenantLedger(h.t.db, 'pilot-a');
  assert.deepEqual(report.errors, []);
  assert.equal(report.size, 12);
  assert.equal(report.checkpoints, 3);
});

test('the app role cannot change or delete receipts, leaves, nodes or checkpoints', async () => {
  for (const sql of ['UPDATE receipts SET actor = $2 WHERE tenant_id = $1', 'DELETE FROM ledger_leaves WHERE tenant_id = $1', 'DELETE FROM ledger_nodes WHERE tenant_id = $1', 'DELETE FROM ledger_checkpoints WHERE tenant_id = $1']) {
    await assert.rejects(
      withTenantTransaction(h.t.db, 'pilot-a', () => currentTx().query(sql, sql.includes('$2') ? ['pilot-a', 'x'] : ['pilot-a'])),
      /permission denied|append-only/,
      sql,
    );
  }
  // A key can be retired, never changed or deleted.
  await assert.rejects(withTenantTransaction(h.t.db, 'pilot-a', () => currentTx().query('DELETE FROM tenant_keys')), /permission denied|only be retired/);
  await assert.rejects(h.t.db.query(`UPDATE tenant_keys SET public_key = public_key || '\\x00'::bytea`), /only be retired/);
});

test('a receipt edited by a superuser fails verification, naming its leaf index', async () => {
  const id = await receiptAt(7);
  await asSuperuser(`UPDATE receipts SET body = jsonb_set(body, '{actor}', '"mallory"') WHERE tenant_id = 'pilot-a' AND receipt_id = $1`, [id]);
  const report = await verifyTenantLedger(h.t.db, 'pilot-a');
  assert.equal(report.ok, false);
  assert.equal(report.firstBadIndex, 7, report.errors.join('\n'));
  assert.ok(report.errors.some((e) => e.includes('checkpoint 10')), report.errors.join('\n'));
});

test('a receipt deleted by a superuser fails verification, naming the first bad index', async () => {
  const id = await receiptAt(3);
  await asSuperuser(`DELETE FROM receipts WHERE tenant_id = 'pilot-a' AND receipt_id = $1`, [id]);
  const report = await verifyTenantLedger(h.t.db, 'pilot-a');
  assert.equal(report.ok, false);
  assert.equal(report.firstBadIndex, 3, report.errors.join('\n'));
});

test('a leaf dropped from the log, or a forged checkpoint, is found', async () => {
  await asSuperuser(`DELETE FROM ledger_leaves WHERE tenant_id = 'pilot-a' AND leaf_index = 1`);
  const report = await verifyTenantLedger(h.t.db, 'pilot-a');
  assert.equal(report.firstBadIndex, 1, report.errors.join('\n'));
  await asSuperuser(`UPDATE ledger_checkpoints SET note = replace(note, 'ledger', 'ledgers') WHERE tenant_id = 'pilot-a' AND tree_size = 5`);
  const forged = await verifyTenantLedger(h.t.db, 'pilot-b');
  assert.ok(forged.ok, 'another tenant is unaffected');
  assert.ok((await verifyTenantLedger(h.t.db, 'pilot-a')).errors.some((e) => e.startsWith('checkpoint 5:')));
});

test('receipts committed out of id order are all integrated, none skipped, indexes never reused', async () => {
  // Two integrators (as two server processes would run) share the database and take turns per tenant.
  const mk = () =>
    new LedgerIntegrator({
      db: h.t.db,
      keys: ledgerServices().keys,
      clock: h.clock,
      log: createLogger({ level: 'silent' }),
      checkpointEvery: 3,
      checkpointIntervalMs: 60_000,
    });
  await h.app.ledger.flush('pilot-b');
  const early = '0190a000-0000-7000-8000-000000000001';
  const late = '0190a000-0000-7000-8000-000000000002';
  const insert = (id: string) =>
    currentTx().query(
      `INSERT INTO receipts (tenant_id, receipt_id, issued_at, action, actor, target, body, sha256) VALUES ('pilot-b', $1, $2, 'probe', 'alice', null, $3, repeat('a', 64))`,
      [
        id,
        h.clock.now().toISOString(),
        JSON.stringify({ receipt_id: id, tenant_id: 'pilot-b', actor: 'alice', action: 'probe', target: null, decision: 'allow', bundle_hash: 'h', evidence_refs: [], issued_at: h.clock.now().toISOString() }),
      ],
    );
  if (h.t.db.engine === 'postgres') {
    // The smaller id's transaction commits last, after an integration pass.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedEarly = new Promise<void>((resolve) => (inserted = resolve));
    const slow = withTenantTransaction(h.t.db, 'pilot-b', async () => {
      await insert(early);
      inserted();
      await held;
    });
    await insertedEarly;
    await withTenantTransaction(h.t.db, 'pilot-b', () => insert(late));
    await Promise.all([mk().flush('pilot-b'), mk().flush('pilot-b')]);
    release();
    await slow;
  } else {
    // One connection: the same order of commits, serially.
    await withTenantTransaction(h.t.db, 'pilot-b', () => insert(late));
    await mk().flush('pilot-b');
    await withTenantTransaction(h.t.db, 'pilot-b', () => insert(early));
  }
  await Promise.all([mk().flush('pilot-b'), h.app.ledger.flush('pilot-b')]);
  const rows = await withTenantTransaction(h.t.db, 'pilot-b', () =>
    currentTx().query<{ receipt_id: string; i: number }>(`SELECT receipt_id, leaf_index::int AS i FROM ledger_leaves WHERE tenant_id = 'pilot-b' ORDER BY leaf_index`),
  );
  const ids = rows.map((r) => r.receipt_id);
  assert.deepEqual(
    rows.map((r) => r.i),
    rows.map((_, i) => i),
  );
  assert.ok(ids.indexOf(late) < ids.indexOf(early) && ids.indexOf(late) >= 0, 'the late commit is integrated after the earlier one, not skipped');
  const report = await verifyTenantLedger(h.t.db, 'pilot-b');
  assert.deepEqual(report.errors, []);
  assert.equal(report.queued, 0);
});
