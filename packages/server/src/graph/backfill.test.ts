import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadMigrations, migrate } from '../db/migrate.ts';
import { PgliteDatabase } from '../db/pglite-database.ts';

// The graph migration turns the domain objects stored before it into entities and edges.
let db: PgliteDatabase;
before(async () => {
  db = await PgliteDatabase.open();
  const all = loadMigrations();
  await migrate(db, all.filter((m) => m.version < '0012'));
  const q = (sql: string) => db.query(sql);
  await q(`INSERT INTO tenants (tenant_id, display_name, data_region, config, created_at, updated_at) VALUES ('acme', 'Acme', 'eu', '{}', now(), now())`);
  await q(`INSERT INTO subjects (tenant_id, subject_id, display_name, roles, attributes, created_at, updated_at) VALUES
           ('acme', 'alice', 'Alice', '{engineer}', '{"department": "engineering"}', now(), now()),
           ('acme', 'bob', 'Bob', '{team_lead}', '{"department": "engineering"}', now(), now())`);
  await q(`INSERT INTO high_risk_requests (tenant_id, request_id, operation, requester, target, duration_minutes, rationale, status, approver_roles, created_at, updated_at, pending_until)
           VALUES ('acme', '01890000-0000-7000-8000-000000000001', 'TEMP_DB_READ_ACCESS', 'alice', '{}', 5, 'r', 'approved', '[]', now(), now(), now())`);
  await q(`INSERT INTO high_risk_history (tenant_id, request_id, seq, at, actor, transition, to_state) VALUES
           ('acme', '01890000-0000-7000-8000-000000000001', 0, now(), 'alice', 'request', 'requested'),
           ('acme', '01890000-0000-7000-8000-000000000001', 1, now(), 'bob', 'approve', 'approved')`);
  await q(`INSERT INTO receipts (tenant_id, receipt_id, issued_at, action, actor, target, body, sha256)
           VALUES ('acme', '01890000-0000-7000-8000-0000000000aa', now(), 'high_risk.request.approve', 'bob', 'high-risk-request:01890000-0000-7000-8000-000000000001', '{}', repeat('a', 64))`);
  // An evidence pack of another tenant (so the lists above stay acme's alone).
  await q(`INSERT INTO tenants (tenant_id, display_name, data_region, config, created_at, updated_at) VALUES ('beta', 'Beta', 'eu', '{}', now(), now())`);
  await q(`INSERT INTO subjects (tenant_id, subject_id, display_name, roles, attributes, created_at, updated_at) VALUES ('beta', 'carol', 'Carol', '{CompanyAdmin}', '{}', now(), now())`);
  await q(`INSERT INTO jobs (tenant_id, job_id, kind, payload, status, due_at, max_attempts, created_at, updated_at)
           VALUES ('beta', '01890000-0000-7000-8000-0000000000b1', 'audit.export', '{}', 'done', now(), 3, now(), now())`);
  await q(`INSERT INTO audit_exports (tenant_id, export_id, job_id, requested_by, request_id, created_at, window_from, window_to, filters, status, pack_sha256)
           VALUES ('beta', '01890000-0000-7000-8000-0000000000e1', '01890000-0000-7000-8000-0000000000b1', 'carol', 'req-1', now(), now() - interval '1 day', now(), '{}', 'done', repeat('b', 64))`);
  await migrate(db, all);
});
after(() => db.close());

test('existing subjects, teams, requests, approvals and receipts become entities with their edges', async () => {
  const entities = await db.query<{ entity_id: string; type: string }>(`SELECT entity_id, type FROM entities WHERE tenant_id = 'acme' ORDER BY entity_id`);
  assert.deepEqual(entities, [
    { entity_id: 'approval:01890000-0000-7000-8000-000000000001:1', type: 'Approval' },
    { entity_id: 'high-risk-request:01890000-0000-7000-8000-000000000001', type: 'HighRiskOperationRequest' },
    { entity_id: 'receipt:01890000-0000-7000-8000-0000000000aa', type: 'Receipt' },
    { entity_id: 'subject:alice', type: 'User' },
    { entity_id: 'subject:bob', type: 'User' },
    { entity_id: 'team:engineering', type: 'Team' },
  ]);
  const edges = await db.query<{ edge: string }>(`SELECT from_id || ' ' || type || ' ' || to_id AS edge FROM relationships WHERE tenant_id = 'acme' ORDER BY 1`);
  assert.deepEqual(
    edges.map((e) => e.edge),
    [
      'approval:01890000-0000-7000-8000-000000000001:1 APPROVED high-risk-request:01890000-0000-7000-8000-000000000001',
      'approval:01890000-0000-7000-8000-000000000001:1 DECIDED_BY subject:bob',
      'high-risk-request:01890000-0000-7000-8000-000000000001 RECEIPTED_BY receipt:01890000-0000-7000-8000-0000000000aa',
      'subject:alice MEMBER_OF team:engineering',
      'subject:alice REQUESTED high-risk-request:01890000-0000-7000-8000-000000000001',
      'subject:bob MEMBER_OF team:engineering',
    ],
  );
});

test('existing evidence packs become entities with their digest, linked from the subject who asked for them', async () => {
  const pack = await db.query<{ type: string; sha: string }>(`SELECT type, properties ->> 'pack_sha256' AS sha FROM entities WHERE tenant_id = 'beta' AND entity_id = 'export:01890000-0000-7000-8000-0000000000e1'`);
  assert.deepEqual(pack, [{ type: 'EvidenceBundle', sha: 'b'.repeat(64) }]);
  const edges = await db.query<{ edge: string }>(`SELECT from_id || ' ' || type || ' ' || to_id AS edge FROM relationships WHERE tenant_id = 'beta' ORDER BY 1`);
  assert.deepEqual(edges.map((e) => e.edge), ['subject:carol REQUESTED export:01890000-0000-7000-8000-0000000000e1']);
});
