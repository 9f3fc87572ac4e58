import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { asRole, createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { PgDatabase } from './pg-database.ts';
import type { Database } from './database.ts';
import { withTenantTransaction } from './tenant-tx.ts';
import { eraseTenantRows, TENANT_PURGE_DELETES, TENANT_PURGE_KEEPS } from '../workflows/purge/tenant-purge.ts';

// Probes the database walls directly with SQL: row-level security and append-only tables.
let t: TestDatabase;
let tenantTables: string[];

async function seedTenant(db: Database, id: string): Promise<void> {
  await asRole(db, 'companyos_platform', null, (q) =>
    q(`INSERT INTO tenants (tenant_id, display_name, data_region, config, created_at, updated_at) VALUES ($1, $1, 'eu', '{}', now(), now())`, [id]),
  );
  await asRole(db, 'companyos_app', id, async (q) => {
    await q(`INSERT INTO subjects (tenant_id, subject_id, display_name, created_at, updated_at) VALUES ($1, 'alice', 'Alice', now(), now())`, [id]);
    await q(`INSERT INTO api_keys (tenant_id, key_id, subject_id, name, secret_sha256, roles, created_at) VALUES ($1, $2, 'alice', 'k', 'x', '{}', now())`, [id, `key-${id}`]);
    await q(`INSERT INTO audit_events (tenant_id, event_id, occurred_at, type) VALUES ($1, gen_random_uuid(), now(), 'probe')`, [id]);
    await q(`INSERT INTO receipts (tenant_id, receipt_id, issued_at, action, actor, body, sha256) VALUES ($1, gen_random_uuid(), now(), 'probe', 'alice', '{}', repeat('a', 64))`, [id]);
    await q(`INSERT INTO usage_events (tenant_id, event_id, occurred_at, action) VALUES ($1, gen_random_uuid(), now(), 'probe')`, [id]);
    // Ledger tables (the receipt above is already queued by its trigger).
    const h = `decode(repeat('00', 32), 'hex')`;
    await q(`INSERT INTO tenant_keys (tenant_id, kid, public_key, wrapped_private_key, status, not_before) VALUES ($1, 'k1', ${h}, ${h}, 'active', now())`, [id]);
    await q(`INSERT INTO ledger_leaves (tenant_id, leaf_index, receipt_id) SELECT tenant_id, 0, receipt_id FROM receipts WHERE tenant_id = $1`, [id]);
    await q(`INSERT INTO ledger_nodes (tenant_id, level, idx, hash) VALUES ($1, 0, 0, ${h})`, [id]);
    await q(`INSERT INTO ledger_checkpoints (tenant_id, tree_size, root_hash, note, kid, created_at) VALUES ($1, 1, ${h}, 'n', 'k1', now())`, [id]);
    await q(`INSERT INTO evidence_blobs (tenant_id, sha256, media_type, size, content, created_at) VALUES ($1, repeat('b', 64), 'text/plain', 0, ${h}, now())`, [id]);
    // Flags and branding.
    await q(`INSERT INTO flag_settings (tenant_id, flag_id, setting, updated_at, updated_by) VALUES ($1, 'probe', '{}', now(), 'alice')`, [id]);
    await q(`INSERT INTO flag_changes (tenant_id, change_id, flag_id, changed_at, actor, kind) VALUES ($1, gen_random_uuid(), 'probe', now(), 'alice', 'set')`, [id]);
    await q(`INSERT INTO flag_usage (tenant_id, flag_id, last_evaluated_at) VALUES ($1, 'probe', now())`, [id]);
    await q(`INSERT INTO tenant_branding (tenant_id, product_name, colors, updated_at) VALUES ($1, 'Probe', '{}', now())`, [id]);
    // Jobs and audit exports.
    const job = `(SELECT job_id FROM jobs WHERE tenant_id = $1)`;
    await q(`INSERT INTO jobs (tenant_id, job_id, kind, payload, status, due_at, max_attempts, created_at, updated_at) VALUES ($1, gen_random_uuid(), 'probe', '{}', 'queued', now(), 1, now(), now())`, [id]);
    await q(`INSERT INTO audit_exports (tenant_id, export_id, job_id, requested_by, request_id, created_at, window_from, window_to, filters, status)
             VALUES ($1, gen_random_uuid(), ${job}, 'alice', 'r', now(), now() - interval '1 day', now(), '{}', 'queued')`, [id]);
    // High-risk requests.
    await q(`INSERT INTO high_risk_requests (tenant_id, request_id, operation, requester, target, duration_minutes, rationale, status, approver_roles, created_at, updated_at, pending_until)
             VALUES ($1, gen_random_uuid(), 'TEMP_DB_READ_ACCESS', 'alice', '{}', 5, 'r', 'requested', '[]', now(), now(), now())`, [id]);
    await q(`INSERT INTO high_risk_history (tenant_id, request_id, seq, at, actor, transition, to_state) SELECT tenant_id, request_id, 0, now(), 'alice', 'request', 'requested' FROM high_risk_requests WHERE tenant_id = $1`, [id]);
    // RevOps: a routing rule, a lead promoted to an opportunity, a quote with its history and contract.
    await q(`INSERT INTO revops_routing_rules (tenant_id, rule_id, priority, team, strategy, members) VALUES ($1, 'any', 1, 'sales', 'round_robin', '[{"subject_id": "alice", "weight": 1}]')`, [id]);
    await q(`INSERT INTO revops_leads (tenant_id, lead_id, company, contact, segment, region, estimated_value_minor, currency, team, owner, rule_id, status, created_by, created_at)
             VALUES ($1, gen_random_uuid(), 'Acme', '{}', 'enterprise', 'eu', 100, 'EUR', 'sales', 'alice', 'any', 'promoted', 'alice', now())`, [id]);
    await q(`INSERT INTO revops_opportunities (tenant_id, opportunity_id, lead_id, name, segment, region, team, owner, amount_minor, currency, stage, created_at, updated_at)
             SELECT tenant_id, gen_random_uuid(), lead_id, 'Acme', 'enterprise', 'eu', 'sales', 'alice', 100, 'EUR', 'open', now(), now() FROM revops_leads WHERE tenant_id = $1`, [id]);
    await q(`INSERT INTO revops_quotes (tenant_id, quote_id, opportunity_id, owner, version, status, currency, lines, discount_bp, terms, subtotal_minor, discount_minor, total_minor, valid_until, created_at, updated_at)
             SELECT tenant_id, gen_random_uuid(), opportunity_id, 'alice', 1, 'active', 'EUR', '[]', 0, '{}', 100, 0, 100, now(), now(), now() FROM revops_opportunities WHERE tenant_id = $1`, [id]);
    await q(`INSERT INTO revops_quote_history (tenant_id, quote_id, seq, at, actor, transition, to_state) SELECT tenant_id, quote_id, 0, now(), 'alice', 'create', 'draft' FROM revops_quotes WHERE tenant_id = $1`, [id]);
    await q(`INSERT INTO revops_contracts (tenant_id, contract_id, quote_id, opportunity_id, quote_version, effective_date, term_months, amount_minor, currency, created_by, created_at)
             SELECT tenant_id, gen_random_uuid(), quote_id, opportunity_id, 1, current_date, 12, 100, 'EUR', 'alice', now() FROM revops_quotes WHERE tenant_id = $1`, [id]);
    // Policy bundles.
    await q(`INSERT INTO policy_bundle_versions (tenant_id, version, hash, author, message, files, created_at) VALUES ($1, 1, repeat('c', 64), 'alice', 'm', '[]', now())`, [id]);
    await q(`INSERT INTO policy_bundle_contents (tenant_id, hash, files, first_used_at) VALUES ($1, repeat('c', 64), '[]', now())`, [id]);
    await q(`INSERT INTO policy_activations (tenant_id, activation_id, version, hash, kind, actor, activated_at) VALUES ($1, gen_random_uuid(), 1, repeat('c', 64), 'activate', 'alice', now())`, [id]);
    await q(`INSERT INTO policy_decisions (tenant_id, decision_id, "timestamp", allow, bundle_hash, path, input, result, latency_ns) VALUES ($1, gen_random_uuid(), now(), true, repeat('c', 64), 'p', '{}', '{}', 1)`, [id]);
    // Fleet: ledger leases and chunked blobs.
    await q(`INSERT INTO ledger_leases (tenant_id, holder, fencing_token, expires_at) VALUES ($1, 'probe', 1, now())`, [id]);
    await q(`INSERT INTO blobs (tenant_id, blob_id, key, media_type, status, created_at) VALUES ($1, gen_random_uuid(), 'probe', 'text/plain', 'writing', now())`, [id]);
    await q(`INSERT INTO blob_chunks (tenant_id, blob_id, seq, data) SELECT tenant_id, blob_id, 0, ${h} FROM blobs WHERE tenant_id = $1`, [id]);
    // FinOps: readings, plans, invoices with their lines, webhooks with deliveries, attributed cost.
    await q(`INSERT INTO meter_readings (tenant_id, meter, day, quantity, events, aggregated_at) VALUES ($1, 'api_request', '2026-03-01', 1, 1, now())`, [id]);
    await q(`INSERT INTO meter_aggregation_state (tenant_id, watermark, updated_at) VALUES ($1, now(), now())`, [id]);
    await q(`INSERT INTO plan_assignments (tenant_id, effective_from, plan_id, plan_version, assigned_by, assigned_at) VALUES ($1, '2026-03-01', 'pro', 1, 'alice', now())`, [id]);
    const invoice = `(SELECT invoice_id FROM invoices WHERE tenant_id = $1)`;
    await q(`INSERT INTO invoices (tenant_id, invoice_id, number, period, status, currency, subtotal, tax, total, document, sha256, rated_at)
             VALUES ($1, gen_random_uuid(), 'INV-1', '2026-03', 'draft', 'EUR', 0, 0, 0, '{}', repeat('d', 64), now())`, [id]);
    await q(`INSERT INTO rated_usage (tenant_id, invoice_id, line_no, kind, plan_id, plan_version, segment_from, segment_to, quantity, billable, amount, description)
             VALUES ($1, ${invoice}, 1, 'base_fee', 'pro', 1, '2026-03-01', '2026-03-31', 0, 0, 0, 'probe')`, [id]);
    await q(`INSERT INTO invoice_webhooks (tenant_id, webhook_id, url, secret_wrapped, created_by, created_at) VALUES ($1, gen_random_uuid(), 'https://example.com/h', 'x', 'alice', now())`, [id]);
    await q(`INSERT INTO webhook_deliveries (tenant_id, delivery_id, webhook_id, invoice_id, job_id, status, created_at, updated_at)
             SELECT $1, gen_random_uuid(), (SELECT webhook_id FROM invoice_webhooks WHERE tenant_id = $1), ${invoice}, ${job}, 'pending', now(), now()`, [id]);
    await q(`INSERT INTO cost_allocations (tenant_id, period, service, import_id, driver, share, amount, currency, created_at) VALUES ($1, '2026-03', 'compute', gen_random_uuid(), 'policy_decision', 0.5, 100, 'EUR', now())`, [id]);
    // The entity graph.
    await q(`INSERT INTO graph_types (tenant_id, kind, type_name, schema, created_at, updated_at) VALUES ($1, 'entity', 'Probe', '{}', now(), now())`, [id]);
    await q(`INSERT INTO entities (tenant_id, entity_id, type, created_at, updated_at) VALUES ($1, 'probe-1', 'Probe', now(), now()), ($1, 'probe-2', 'Probe', now(), now())`, [id]);
    await q(`INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, created_at) VALUES ($1, gen_random_uuid(), 'probe-1', 'probe-2', 'OWNS', now())`, [id]);
    // Runbooks and incidents.
    await q(`INSERT INTO runbooks (tenant_id, slug, title, current_version, created_by, created_at, updated_by, updated_at) VALUES ($1, 'probe', 'Probe', 1, 'alice', now(), 'alice', now())`, [id]);
    await q(`INSERT INTO runbook_versions (tenant_id, slug, version, title, body, author, created_at) VALUES ($1, 'probe', 1, 'Probe', '# Probe', 'alice', now())`, [id]);
    await q(`INSERT INTO incidents (tenant_id, incident_id, title, severity, status, source, runbook_slug, opened_by, opened_at, updated_at) VALUES ($1, gen_random_uuid(), 'Probe', 'low', 'open', 'manual', 'probe', 'alice', now(), now())`, [id]);
    await q(`INSERT INTO incident_history (tenant_id, incident_id, seq, at, actor, transition, to_state) SELECT tenant_id, incident_id, 0, now(), 'alice', 'open', 'open' FROM incidents WHERE tenant_id = $1`, [id]);
    // Purge requests.
    await q(`INSERT INTO purge_requests (tenant_id, purge_id, scope, subject, requester, rationale, status, approver_roles, created_at, updated_at) VALUES ($1, gen_random_uuid(), 'subject', 'alice', 'alice', 'probe', 'requested', '[]', now(), now())`, [id]);
    await q(`INSERT INTO purge_history (tenant_id, purge_id, seq, at, actor, transition, to_state) SELECT tenant_id, purge_id, 0, now(), 'alice', 'request', 'requested' FROM purge_requests WHERE tenant_id = $1`, [id]);
    // Data keys for sealed fields, a tenant-held KEK and a wrapping key to import one.
    await q(`INSERT INTO subject_data_keys (tenant_id, key_id, subject_id, wrapped_key, created_at) VALUES ($1, gen_random_uuid(), 'alice', ${h}, now())`, [id]);
    await q(`INSERT INTO tenant_keks (tenant_id, version, wrapped_kek, fingerprint, status, imported_by, imported_at) VALUES ($1, 1, ${h}, repeat('f', 16), 'active', 'alice', now())`, [id]);
    await q(`INSERT INTO kek_wrapping_keys (tenant_id, wrapping_key_id, public_key_pem, wrapped_private_key, created_at, expires_at) VALUES ($1, gen_random_uuid(), 'pem', ${h}, now(), now() + interval '1 day')`, [id]);
    // Service samples, board packs and onboarding.
    await q(`INSERT INTO service_samples (tenant_id, sample_id, instance_id, window_from, window_to, requests, errors, bucket_bounds_ms, bucket_counts) VALUES ($1, gen_random_uuid(), 'probe', now() - interval '1 minute', now(), 1, 0, '{10}', '{1,0}')`, [id]);
    await q(`INSERT INTO board_packs (tenant_id, pack_id, period, period_from, period_to, sha256, inputs, duration_ms, created_by, created_at) VALUES ($1, gen_random_uuid(), '2026-Q1', '2026-01-01', '2026-04-01', repeat('d', 64), '{}', 1, 'alice', now())`, [id]);
    await q(`INSERT INTO onboarding_events (tenant_id, event_id, cohort, step, outcome, duration_ms, occurred_at) VALUES ($1, gen_random_uuid(), 'probe', 'tenant', 'done', 1, now())`, [id]);
    // Trust portal invitations.
    await q(`INSERT INTO portal_invitations (tenant_id, invitation_id, email, role, purpose, legal_basis, token_sha256, invited_by, created_at, expires_at)
             VALUES ($1, gen_random_uuid(), 'probe@example.com', 'auditor', 'audit', 'legal_obligation', repeat('e', 64), 'alice', now(), now() + interval '1 day')`, [id]);
    await q(`INSERT INTO portal_invitation_mail (tenant_id, invitation_id, state, accept_url, created_at, updated_at)
             SELECT tenant_id, invitation_id, 'queued', 'https://console.example/portal/accept#probe', now(), now() FROM portal_invitations WHERE tenant_id = $1`, [id]);
  });
}

before(async () => {
  t = await createTestDatabase();
  await seedTenant(t.db, 'tenant-a');
  await seedTenant(t.db, 'tenant-b');
  const rows = await t.db.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
     JOIN information_schema.tables tb ON tb.table_name = c.table_name AND tb.table_schema = c.table_schema
     WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND tb.table_type = 'BASE TABLE' ORDER BY 1`,
  );
  tenantTables = rows.map((r) => r.table_name);
});
after(() => t.close());

test('every tenant table has tenant_id first in its primary key, and RLS enabled and forced', async () => {
  assert.ok(tenantTables.length >= 6, `found ${tenantTables.join(', ')}`);
  for (const table of tenantTables) {
    const rls = await t.db.query<{ relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = $1::regclass`,
      [table],
    );
    assert.deepEqual(rls[0], { relrowsecurity: true, relforcerowsecurity: true }, table);
    const pk = await t.db.query<{ first: string }>(
      `SELECT a.attname AS first FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
       WHERE i.indrelid = $1::regclass AND i.indisprimary`,
      [table],
    );
    assert.equal(pk[0]?.first, 'tenant_id', table);
  }
});

test('every foreign key between tenant tables includes tenant_id', async () => {
  const fks = await t.db.query<{ name: string; cols: string[] }>(
    `SELECT conname AS name, array(SELECT attname FROM pg_attribute WHERE attrelid = conrelid AND attnum = ANY (conkey))::text[] AS cols
     FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
  );
  assert.ok(fks.length > 0);
  for (const fk of fks) assert.ok(fk.cols.includes('tenant_id'), fk.name);
});

test('every tenant table refuses a query as the app role with no tenant set', async () => {
  for (const table of tenantTables) {
    await assert.rejects(
      asRole(t.db, 'companyos_app', null, (q) => q(`SELECT * FROM ${table}`)),
      /no tenant in context/,
      table,
    );
  }
});

test('a session that had a tenant and then sets none fails instead of seeing zero rows', async () => {
  // One connection, so the second transaction runs in the session where the first set a tenant.
  const single = t.url === undefined ? t.db : PgDatabase.open(t.url, 1);
  try {
    await asRole(single, 'companyos_app', 'tenant-a', (q) => q('SELECT * FROM subjects'));
    const leftover = await single.query<{ v: string | null }>(`SELECT current_setting('app.tenant_id', true) AS v`);
    assert.equal(leftover[0]!.v, '');
    for (const table of tenantTables) {
      await assert.rejects(asRole(single, 'companyos_app', null, (q) => q(`SELECT * FROM ${table}`)), /no tenant in context/, table);
    }
  } finally {
    if (single !== t.db) await single.close();
  }
});

test('a tenant sees only its own rows and cannot write rows of another tenant', async () => {
  for (const table of tenantTables) {
    const rows = await asRole(t.db, 'companyos_app', 'tenant-b', (q) => q<{ tenant_id: string }>(`SELECT tenant_id FROM ${table}`));
    assert.ok(rows.length > 0, table);
    assert.ok(
      rows.every((r) => r.tenant_id === 'tenant-b'),
      table,
    );
  }
  await assert.rejects(
    asRole(t.db, 'companyos_app', 'tenant-b', (q) =>
      q(`INSERT INTO audit_events (tenant_id, event_id, occurred_at, type) VALUES ('tenant-a', gen_random_uuid(), now(), 'forged')`),
    ),
    /row-level security/,
  );
  const changed = await asRole(t.db, 'companyos_app', 'tenant-b', (q) =>
    q(`UPDATE subjects SET display_name = 'hijacked' WHERE tenant_id = 'tenant-a' RETURNING 1`),
  );
  assert.equal(changed.length, 0);
});

test('a relationship can never join entities of two tenants, not even when the owner writes it', async () => {
  const edge = (tenant: string, from: string, to: string) =>
    `INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, created_at) VALUES ('${tenant}', gen_random_uuid(), '${from}', '${to}', 'OWNS', now())`;
  // tenant-b has no entity named like this one of tenant-a: the foreign key, which carries tenant_id, refuses it.
  await t.db.query(`INSERT INTO entities (tenant_id, entity_id, type, created_at, updated_at) VALUES ('tenant-a', 'only-in-a', 'Probe', now(), now())`);
  await assert.rejects(t.db.query(edge('tenant-b', 'probe-1', 'only-in-a')), /foreign key/);
  await assert.rejects(t.db.query(edge('tenant-b', 'only-in-a', 'probe-2')), /foreign key/);
  // Within one tenant the same edge is fine.
  await t.db.query(edge('tenant-a', 'only-in-a', 'probe-2'));
  await assert.rejects(asRole(t.db, 'companyos_app', 'tenant-b', (q) => q(edge('tenant-a', 'probe-1', 'probe-2'))), /row-level security/);
});

test('the app role cannot change tenant status, only settings of its own tenant', async () => {
  await assert.rejects(
    asRole(t.db, 'companyos_app', 'tenant-a', (q) => q(`UPDATE tenants SET status = 'disabled'`)),
    /permission denied/,
  );
  const own = await asRole(t.db, 'companyos_app', 'tenant-a', (q) => q(`UPDATE tenants SET display_name = 'A' RETURNING tenant_id`));
  assert.deepEqual(own, [{ tenant_id: 'tenant-a' }]);
});

test('append-only tables refuse UPDATE and DELETE by privilege and by trigger', async () => {
  for (const table of ['audit_events', 'receipts', 'usage_events', 'policy_bundle_versions', 'policy_bundle_contents', 'policy_activations', 'policy_decisions', 'high_risk_history', 'revops_quote_history']) {
    for (const stmt of [`UPDATE ${table} SET tenant_id = tenant_id`, `DELETE FROM ${table}`]) {
      await assert.rejects(asRole(t.db, 'companyos_app', 'tenant-a', (q) => q(stmt)), /permission denied/, `${table}: ${stmt}`);
      // The owner is not stopped by privileges; the trigger still refuses.
      await assert.rejects(t.db.query(stmt), /append-only/, `${table} as owner: ${stmt}`);
    }
    await assert.rejects(t.db.query(`TRUNCATE ${table} CASCADE`), /append-only/, `${table} truncate`);
  }
});

test('a data key can only be destroyed or re-wrapped under a new KEK version: never revived, renamed or deleted', async () => {
  const asApp = (sql: string) => asRole(t.db, 'companyos_app', 'tenant-a', (q) => q(sql));
  await assert.rejects(asApp(`UPDATE subject_data_keys SET wrapped_key = decode('01', 'hex')`), /can only be shredded/);
  await assert.rejects(asApp(`UPDATE subject_data_keys SET subject_id = 'bob'`), /can only be shredded/);
  await assert.rejects(asApp(`DELETE FROM subject_data_keys`), /permission denied/);
  await assert.rejects(t.db.query(`DELETE FROM subject_data_keys`), /can only be shredded/);
  await assert.rejects(t.db.query(`TRUNCATE subject_data_keys`), /append-only/);
  // Destroying a key also unlinks it from its person: its id was their pseudonym (ADR 0029).
  const shredded = await asApp(`UPDATE subject_data_keys SET wrapped_key = NULL, shredded_at = now() RETURNING subject_id`);
  assert.deepEqual(shredded, [{ subject_id: '[purged]' }]);
  await assert.rejects(asApp(`UPDATE subject_data_keys SET wrapped_key = decode('01', 'hex'), shredded_at = NULL`), /can only be shredded/);
  // A returning subject gets a new key; the destroyed one stays destroyed.
  await asApp(`INSERT INTO subject_data_keys (tenant_id, key_id, subject_id, wrapped_key, created_at) VALUES ('tenant-a', gen_random_uuid(), 'alice', decode('02', 'hex'), now())`);
  await assert.rejects(asApp(`INSERT INTO subject_data_keys (tenant_id, key_id, subject_id, wrapped_key, created_at) VALUES ('tenant-a', gen_random_uuid(), 'alice', decode('03', 'hex'), now())`), /unique|duplicate/);
  // A live key may be re-wrapped under a new KEK version of its own tenant, and only so.
  const rewrapped = await asApp(`UPDATE subject_data_keys SET wrapped_key = decode('05', 'hex'), kek_version = 1 WHERE shredded_at IS NULL RETURNING subject_id`);
  assert.deepEqual(rewrapped, [{ subject_id: 'alice' }]);
  await assert.rejects(asApp(`UPDATE subject_data_keys SET wrapped_key = decode('06', 'hex') WHERE shredded_at IS NULL`), /can only be shredded/);
  await assert.rejects(asApp(`UPDATE tenant_keks SET status = 'active', wrapped_kek = decode('07', 'hex')`), /can only be retired or revoked/);
  await assert.rejects(asApp(`DELETE FROM tenant_keks`), /permission denied/);
  const revoked = await asApp(`UPDATE tenant_keks SET status = 'revoked', wrapped_kek = NULL, revoked_at = now() WHERE status = 'active' RETURNING version`);
  assert.deepEqual(revoked, [{ version: 1 }]);
  const b = await asRole(t.db, 'companyos_app', 'tenant-b', (q) => q<{ n: number }>(`SELECT count(*)::int AS n FROM subject_data_keys WHERE shredded_at IS NULL`));
  assert.deepEqual(b, [{ n: 1 }], "tenant-b's key is untouched");
});

test('tenant transactions run as the app role, without superuser rights, with the tenant set', async () => {
  const { withTenantTransaction, withPlatformTransaction } = await import('./tenant-tx.ts');
  const { currentTx } = await import('../context.ts');
  const probe = () =>
    currentTx().query<{ role: string; tenant: string; superuser: string }>(
      `SELECT current_user AS role, current_setting('app.tenant_id') AS tenant, current_setting('is_superuser') AS superuser`,
    );
  assert.deepEqual(await withTenantTransaction(t.db, 'tenant-a', probe), [{ role: 'companyos_app', tenant: 'tenant-a', superuser: 'off' }]);
  assert.deepEqual(await withPlatformTransaction(t.db, probe), [{ role: 'companyos_platform', tenant: '', superuser: 'off' }]);
  // The role does not outlive the transaction.
  const after = await t.db.query<{ role: string }>('SELECT current_user AS role');
  assert.notEqual(after[0]!.role, 'companyos_app');
});

test('a tenant batch reaches the billing rows of exactly the tenants it names, and only as the platform role', async () => {
  const BILLING = ['meter_readings', 'plan_assignments', 'invoices', 'rated_usage'];
  const seen = (role: 'companyos_app' | 'companyos_platform', batch: string | null, table: string) =>
    asRole(t.db, role, 'tenant-a', async (q) => {
      if (batch !== null) await q(`SELECT set_config('app.tenant_batch', $1, true)`, [batch]);
      const rows = await q<{ tenant_id: string }>(`SELECT DISTINCT tenant_id FROM ${table} ORDER BY 1`);
      return rows.map((r) => r.tenant_id);
    });
  for (const table of BILLING) {
    assert.deepEqual(await seen('companyos_platform', null, table), ['tenant-a'], `${table}: no batch named`);
    assert.deepEqual(await seen('companyos_platform', 'tenant-a,tenant-b', table), ['tenant-a', 'tenant-b'], `${table}: both named`);
    assert.deepEqual(await seen('companyos_platform', 'tenant-b', table), ['tenant-a', 'tenant-b'], `${table}: its own tenant and the one named`);
    assert.deepEqual(await seen('companyos_platform', 'tenant', table), ['tenant-a'], `${table}: names match whole`);
    assert.deepEqual(await seen('companyos_app', 'tenant-a,tenant-b', table), ['tenant-a'], `${table}: the app role ignores a batch`);
  }
  // Other tenant tables stay with the transaction's tenant.
  for (const table of ['subjects', 'usage_events', 'meter_aggregation_state', 'cost_allocations', 'invoice_webhooks', 'webhook_deliveries']) {
    assert.deepEqual(await seen('companyos_platform', 'tenant-a,tenant-b', table), ['tenant-a'], table);
  }
  // Writes: only into the named tenants' rows.
  const touch = (role: 'companyos_app' | 'companyos_platform', batch: string) =>
    asRole(t.db, role, 'tenant-a', async (q) => {
      await q(`SELECT set_config('app.tenant_batch', $1, true)`, [batch]);
      return (await q<{ tenant_id: string }>(`UPDATE plan_assignments SET assigned_by = 'batch' WHERE tenant_id = 'tenant-b' RETURNING tenant_id`)).length;
    });
  assert.equal(await touch('companyos_platform', 'tenant-a,tenant-b'), 1);
  assert.equal(await touch('companyos_platform', 'tenant-a'), 0);
  assert.equal(await touch('companyos_app', 'tenant-a,tenant-b'), 0);
  const forge = (role: 'companyos_app' | 'companyos_platform', batch: string) =>
    asRole(t.db, role, 'tenant-a', async (q) => {
      await q(`SELECT set_config('app.tenant_batch', $1, true)`, [batch]);
      await q(`INSERT INTO invoices (tenant_id, invoice_id, number, period, status, currency, subtotal, tax, total, document, sha256, rated_at)
               VALUES ('tenant-b', gen_random_uuid(), 'INV-forged', '2026-04', 'draft', 'EUR', 0, 0, 0, '{}', repeat('d', 64), now())`);
    });
  await assert.rejects(forge('companyos_platform', 'tenant-a'), /row-level security/);
  await assert.rejects(forge('companyos_app', 'tenant-a,tenant-b'), /row-level security/);
});

test("a tenant's workflow and settings rows are deleted only once the tenant is purged", async () => {
  for (const table of ['high_risk_requests', 'revops_contracts', 'portal_invitations', 'jobs', 'invoices', 'runbooks']) {
    await assert.rejects(asRole(t.db, 'companyos_app', 'tenant-a', (q) => q(`DELETE FROM ${table}`)), /deleted only with their tenant/, table);
  }
});

test('an append-only history row still needs its request of its own tenant, though it may outlive it', async () => {
  const step = (request: string, seq: number) =>
    asRole(t.db, 'companyos_app', 'tenant-a', (q) =>
      q(`INSERT INTO high_risk_history (tenant_id, request_id, seq, at, actor, transition, to_state) VALUES ('tenant-a', $1, $2, now(), 'alice', 'approve', 'approved')`, [request, seq]),
    );
  const requestOf = async (tenant: string) => (await t.db.query<{ id: string }>(`SELECT request_id::text AS id FROM high_risk_requests WHERE tenant_id = $1`, [tenant]))[0]!.id;
  await assert.rejects(step('00000000-0000-7000-8000-000000000001', 0), /foreign key/);
  await assert.rejects(step(await requestOf('tenant-b'), 1), /foreign key/, "another tenant's request does not count");
  await step(await requestOf('tenant-a'), 1);
});

// Last: tenant-a ends purged.
test('a tenant purge leaves no mutable row of the tenant, keeps the append-only ones, and touches no row of another tenant', async () => {
  const counts = async (tenant: string) => {
    const out: Record<string, number> = {};
    for (const table of tenantTables) out[table] = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenant]))[0]!.n;
    return out;
  };
  assert.deepEqual(tenantTables.filter((table) => !TENANT_PURGE_DELETES.includes(table) && !(table in TENANT_PURGE_KEEPS)), [], 'every tenant table is either deleted or kept by a tenant purge');
  const before = await counts('tenant-a');
  const other = await counts('tenant-b');
  assert.deepEqual(TENANT_PURGE_DELETES.filter((table) => before[table] === 0), [], 'the probe tenant has a row in every table');
  await asRole(t.db, 'companyos_platform', null, (q) => q(`UPDATE tenants SET status = 'purged' WHERE tenant_id = 'tenant-a'`));
  const erased = await withTenantTransaction(t.db, 'tenant-a', () => eraseTenantRows({ purgeId: '00000000-0000-7000-8000-000000000000' }));
  assert.deepEqual(erased.map((e) => e.table).sort(), [...TENANT_PURGE_DELETES].sort());
  const after = await counts('tenant-a');
  assert.deepEqual(TENANT_PURGE_DELETES.filter((table) => after[table] !== 0), [], 'no mutable row of the purged tenant is left');
  for (const table of Object.keys(TENANT_PURGE_KEEPS)) assert.equal(after[table], before[table], `${table} keeps its rows`);
  assert.deepEqual(await counts('tenant-b'), other, "another tenant's rows are untouched");
});
