import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadMigrations, migrate } from '../../db/migrate.ts';
import { PgliteDatabase } from '../../db/pglite-database.ts';

// Migration 0017 turns the deal desk's objects stored before it into entities and edges.
let db: PgliteDatabase;
const L = '01890000-0000-7000-8000-000000000011';
const O = '01890000-0000-7000-8000-000000000012';
const Q = '01890000-0000-7000-8000-000000000013';
const C = '01890000-0000-7000-8000-000000000014';
before(async () => {
  db = await PgliteDatabase.open();
  const all = loadMigrations();
  await migrate(db, all.filter((m) => m.version < '0017'));
  const q = (sql: string) => db.query(sql);
  await q(`INSERT INTO tenants (tenant_id, display_name, data_region, config, created_at, updated_at) VALUES ('acme', 'Acme', 'eu', '{}', now(), now())`);
  await q(`INSERT INTO subjects (tenant_id, subject_id, display_name, roles, attributes, created_at, updated_at) VALUES
           ('acme', 'ae', 'Ae', '{account_executive}', '{}', now(), now()), ('acme', 'fin', 'Fin', '{finance}', '{}', now(), now())`);
  await q(`INSERT INTO revops_routing_rules (tenant_id, rule_id, priority, team, strategy, members) VALUES ('acme', 'all', 1, 'ent', 'round_robin', '[{"subject_id": "ae", "weight": 1}]')`);
  await q(`INSERT INTO revops_leads (tenant_id, lead_id, company, contact, segment, region, estimated_value_minor, currency, team, owner, rule_id, status, created_by, created_at)
           VALUES ('acme', '${L}', 'Big', '{}', 'enterprise', 'eu', 100, 'EUR', 'ent', 'ae', 'all', 'promoted', 'ae', now())`);
  await q(`INSERT INTO revops_opportunities (tenant_id, opportunity_id, lead_id, name, segment, region, team, owner, amount_minor, currency, stage, created_at, updated_at)
           VALUES ('acme', '${O}', '${L}', 'Big', 'enterprise', 'eu', 'ent', 'ae', 100, 'EUR', 'won', now(), now())`);
  await q(`INSERT INTO revops_quotes (tenant_id, quote_id, opportunity_id, owner, version, status, currency, lines, discount_bp, terms, subtotal_minor, discount_minor, total_minor, valid_until, created_at, updated_at)
           VALUES ('acme', '${Q}', '${O}', 'ae', 1, 'active', 'EUR', '[]', 3000, '{}', 100, 30, 70, now(), now(), now())`);
  await q(`INSERT INTO revops_quote_history (tenant_id, quote_id, seq, at, actor, transition, to_state) VALUES
           ('acme', '${Q}', 0, now(), 'ae', 'create', 'draft'), ('acme', '${Q}', 1, now(), 'fin', 'approve', 'approved')`);
  await q(`INSERT INTO revops_contracts (tenant_id, contract_id, quote_id, opportunity_id, quote_version, effective_date, term_months, amount_minor, currency, created_by, created_at)
           VALUES ('acme', '${C}', '${Q}', '${O}', 1, '2026-01-01', 12, 70, 'EUR', 'ae', now())`);
  await q(`INSERT INTO receipts (tenant_id, receipt_id, issued_at, action, actor, target, body, sha256)
           VALUES ('acme', '01890000-0000-7000-8000-0000000000bb', now(), 'revops.quote.activate', 'ae', 'revops-quote:${Q}', '{}', repeat('b', 64))`);
  await q(`INSERT INTO entities (tenant_id, entity_id, type, properties, source, created_at, updated_at)
           VALUES ('acme', 'receipt:01890000-0000-7000-8000-0000000000bb', 'Receipt', '{}', 'ledger', now(), now()),
                  ('acme', 'subject:ae', 'User', '{}', 'identity', now(), now()), ('acme', 'subject:fin', 'User', '{}', 'identity', now(), now())`);
  await migrate(db, all);
});
after(() => db.close());

test('existing leads, opportunities, quotes, approvals and contracts become entities with their edges', async () => {
  const entities = await db.query<{ entity_id: string; type: string }>(`SELECT entity_id, type FROM entities WHERE tenant_id = 'acme' AND source = 'revops' ORDER BY type`);
  assert.deepEqual(entities, [
    { entity_id: `revops-approval:${Q}:1`, type: 'Approval' },
    { entity_id: `revops-contract:${C}`, type: 'ContractStub' },
    { entity_id: `revops-lead:${L}`, type: 'Lead' },
    { entity_id: `revops-opportunity:${O}`, type: 'Opportunity' },
    { entity_id: `revops-quote:${Q}`, type: 'Quote' },
  ]);
  const edges = await db.query<{ edge: string }>(`SELECT from_id || ' ' || type || ' ' || to_id AS edge FROM relationships WHERE tenant_id = 'acme' ORDER BY 1`);
  assert.deepEqual(
    edges.map((e) => e.edge),
    [
      `revops-approval:${Q}:1 APPROVED revops-quote:${Q}`,
      `revops-approval:${Q}:1 DECIDED_BY subject:fin`,
      `revops-lead:${L} TRIGGERS revops-opportunity:${O}`,
      `revops-opportunity:${O} OWNS revops-quote:${Q}`,
      `revops-quote:${Q} RECEIPTED_BY receipt:01890000-0000-7000-8000-0000000000bb`,
      `revops-quote:${Q} TRIGGERS revops-contract:${C}`,
      `subject:ae OWNS revops-lead:${L}`,
      `subject:ae OWNS revops-opportunity:${O}`,
    ],
  );
});
