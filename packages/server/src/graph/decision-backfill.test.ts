import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadMigrations, migrate } from '../db/migrate.ts';
import { PgliteDatabase } from '../db/pglite-database.ts';

// Migration 0029 links stored receipts to the decisions that allowed them and decisions to their
// bundles, and puts the receipts written outside the action pipeline into the graph.
const REQUEST = '01890000-0000-7000-8000-000000000001';
const CREATED = '01890000-0000-7000-8000-0000000000c1';
const EXPIRED = '01890000-0000-7000-8000-0000000000c2';
const ALLOWED = '01890000-0000-7000-8000-0000000000d1';
const DENIED = '01890000-0000-7000-8000-0000000000d2';
const BUNDLE = 'd'.repeat(64);

let db: PgliteDatabase;
before(async () => {
  db = await PgliteDatabase.open();
  const all = loadMigrations();
  await migrate(db, all.filter((m) => m.version < '0012'));
  const q = (sql: string) => db.query(sql);
  await q(`INSERT INTO tenants (tenant_id, display_name, data_region, config, created_at, updated_at) VALUES ('acme', 'Acme', 'eu', '{}', now(), now())`);
  await q(`INSERT INTO subjects (tenant_id, subject_id, display_name, roles, attributes, created_at, updated_at) VALUES ('acme', 'alice', 'Alice', '{engineer}', '{}', now(), now())`);
  await q(`INSERT INTO high_risk_requests (tenant_id, request_id, operation, requester, target, duration_minutes, rationale, status, approver_roles, created_at, updated_at, pending_until)
           VALUES ('acme', '${REQUEST}', 'TEMP_DB_READ_ACCESS', 'alice', '{}', 5, 'r', 'expired', '[]', now(), now(), now())`);
  // The request's create was allowed (and receipted); an approval of it was denied.
  await q(`INSERT INTO policy_decisions (tenant_id, decision_id, "timestamp", actor, action, allow, reasons, bundle_hash, path, input, result, latency_ns) VALUES
           ('acme', '${ALLOWED}', now(), 'alice', 'high_risk.request.create', true, '[]', '${BUNDLE}', 'companyos/authz/decision', '{"context": {"request_id": "req-1"}}', '{}', 1),
           ('acme', '${DENIED}', now(), 'alice', 'high_risk.request.approve', false, '["own request"]', '${BUNDLE}', 'companyos/authz/decision', '{"context": {"request_id": "req-2"}}', '{}', 1)`);
  await q(`INSERT INTO receipts (tenant_id, receipt_id, issued_at, action, actor, target, body, sha256)
           VALUES ('acme', '${CREATED}', now(), 'high_risk.request.create', 'alice', 'high-risk-request:${REQUEST}', '{"request_id": "req-1"}', repeat('a', 64))`);
  await migrate(db, all.filter((m) => m.version < '0029'));
  // A job's step receipted after the graph existed, by a writer that left it out of the graph.
  await q(`INSERT INTO receipts (tenant_id, receipt_id, issued_at, action, actor, target, body, sha256)
           VALUES ('acme', '${EXPIRED}', now(), 'high_risk.request.expire', 'system:high-risk', 'high-risk-request:${REQUEST}', '{"request_id": "job:1"}', repeat('b', 64))`);
  await migrate(db, all);
});
after(() => db.close());

test('stored receipts are linked to the decisions that allowed them, and decisions to the bundle that governs them', async () => {
  const edges = await db.query<{ edge: string }>(
    `SELECT from_id || ' ' || type || ' ' || to_id AS edge FROM relationships WHERE tenant_id = 'acme' AND type IN ('RECEIPTED_BY', 'DECIDED_BY', 'GOVERNS') ORDER BY 1`,
  );
  assert.deepEqual(
    edges.map((e) => e.edge),
    [
      `high-risk-request:${REQUEST} RECEIPTED_BY receipt:${CREATED}`,
      `high-risk-request:${REQUEST} RECEIPTED_BY receipt:${EXPIRED}`,
      `policy:${BUNDLE} GOVERNS decision:${ALLOWED}`,
      `policy:${BUNDLE} GOVERNS decision:${DENIED}`,
      `receipt:${CREATED} DECIDED_BY decision:${ALLOWED}`,
    ],
  );
  const entities = await db.query<{ entity_id: string; type: string }>(
    `SELECT entity_id, type FROM entities WHERE tenant_id = 'acme' AND type IN ('Receipt', 'Policy', 'PolicyDecision') ORDER BY entity_id`,
  );
  assert.deepEqual(entities, [
    { entity_id: `decision:${ALLOWED}`, type: 'PolicyDecision' },
    { entity_id: `decision:${DENIED}`, type: 'PolicyDecision' },
    { entity_id: `policy:${BUNDLE}`, type: 'Policy' },
    { entity_id: `receipt:${CREATED}`, type: 'Receipt' },
    { entity_id: `receipt:${EXPIRED}`, type: 'Receipt' },
  ]);
});
