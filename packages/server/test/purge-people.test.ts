import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { insertSubject } from '../src/identity/subjects.ts';
import { verifyTenantLedger } from '../src/ledger/verify-ledger.ts';
import { DROPPED } from '../src/policy/decision-pseudonyms.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { namesNoPerson, SUBJECT_COLUMNS } from '../src/workflows/purge/subject-rewrite.ts';
import { TENANT_PURGE_DELETES } from '../src/workflows/purge/tenant-purge.ts';
import { leadBody, quoteBody, step } from './support/revops-deal.ts';
import { rowsNaming as rowsNamingIn } from './support/rows-naming.ts';
import { admin, type As, leaver, PSEUDONYM, purgeLeaver, T } from './support/subject-purge.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// A subject purge leaves no row of the tenant naming the person: the mutable records they made,
// own or asked for name them by the pseudonym the append-only records use (ADR 0029), the
// subject's own rows and graph entity go, and the logged decisions keep no display name or email.

const NAME = 'Lee Leaver';
const EMAIL = 'lee.leaver@pilot-a.example';

let h: TestApp;

/** Every row of the tenant, in every table, that holds `text` anywhere (read as the owner, the decision log written first). */
async function rowsNaming(tenant: string, text: string): Promise<string[]> {
  const tables = await h.t.db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY table_name`,
  );
  const found: string[] = [];
  for (const { name } of tables) for (const row of await rowsNamingIn(h.t.db, name, tenant, text)) found.push(`${name}: ${row.slice(0, 300)}`);
  return found;
}

async function ok(res: { statusCode: number; body: string }, status = 200): Promise<void> {
  assert.equal(res.statusCode, status, res.body);
}

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
  for (const tenant of [T, 'pilot-b']) {
    await withTenantTransaction(h.t.db, tenant, async () => {
      const roles = ['CompanyAdmin', 'engineer', 'account_executive'];
      await insertSubject({ subject_id: 'user-leaver', display_name: NAME, roles, attributes: { department: 'sales', region: tenant === T ? 'eu' : 'us', email: EMAIL } as never }, h.clock.now());
      if (tenant === T) await insertSubject({ subject_id: 'user-dpo', display_name: 'Dana Data Protection', roles: ['security_officer'], attributes: {} }, h.clock.now());
    });
  }
  // The tenant keeps decisions' resources in its log (the base rules remove them).
  const version = await h.call('POST', '/api/v1/policy/versions', { as: admin, body: { message: 'keep resources', data_patch: { mask_rules: [] } } });
  await ok(version, 201);
  await ok(await h.call('POST', `/api/v1/policy/versions/${version.json().version.version as number}/activate`, { as: admin, stepUp: true }));

  // The leaver touches every kind of record, in both tenants (tenant B's person of the same id stays).
  for (const tenant of [T, 'pilot-b']) {
    const as: As = [tenant, 'user-leaver'];
    await ok(await h.call('PUT', '/api/v1/flags/console.audit-view/setting', { as, body: { rollout: { variant: 'timeline', percent: 50 } } }));
    await ok(await h.call('PUT', '/api/v1/runbooks/leaver-steps', { as, body: { title: 'Leaver steps', body: 'hand over the laptop' } }));
    await ok(await h.call('PUT', '/api/v1/runbooks/leaver-steps', { as, body: { title: 'Leaver steps', body: 'hand over the laptop and badge' } }));
    await ok(await h.call('POST', '/api/v1/incidents', { as, body: { title: 'Checkout errors', severity: 'high' } }), 201);
    const rule = { priority: 0, segment: 'enterprise', region: 'eu', team: 'eu-enterprise', strategy: 'round_robin', members: [{ subject_id: 'user-leaver', weight: 1 }] };
    await ok(await h.call('PUT', '/api/v1/revops/routing-rules/eu-enterprise', { as: [tenant, 'user-admin'], body: rule }));
    const lead = await h.call('POST', '/api/v1/revops/leads', { as, body: leadBody() });
    await ok(lead, 201);
    const quote = await h.call('POST', '/api/v1/revops/quotes', { as, body: quoteBody(lead.json().opportunity.opportunity_id as string, 0) });
    await ok(quote, 201);
    const quoteId = quote.json().quote_id as string;
    await ok(await step(h, as, quoteId, 'submit-for-approval'));
    await ok(await step(h, as, quoteId, 'activate', {}));
    await ok(await h.call('POST', '/api/v1/audit/exports', { as, stepUp: true, body: { from: '2026-01-01T00:00:00.000Z', to: h.clock.now().toISOString() } }), 202);
    await ok(await h.call('GET', '/api/v1/subjects/user-leaver', { as: [tenant, 'user-admin'] }));
  }
  // Records whose flows need outside systems (a governed database, a mail relay, a public
  // webhook target) are written as their stores write them.
  await h.t.db.query(
    `INSERT INTO high_risk_requests (tenant_id, request_id, operation, requester, target, duration_minutes, rationale, status, approver_roles, created_at, updated_at, pending_until)
     VALUES ($1, $2, 'TEMP_DB_READ_ACCESS', 'user-leaver', '{"database": "test", "grantee": "user-leaver"}', 30, 'x', 'requested', '[]', now(), now(), now() + interval '1 hour')`,
    [T, randomUUID()],
  );
  await h.t.db.query(
    `INSERT INTO portal_invitations (tenant_id, invitation_id, email, role, purpose, legal_basis, token_sha256, invited_by, created_at, expires_at, revoked_at, revoked_by)
     VALUES ($1, $2, 'auditor@example.com', 'auditor', 'audit', 'contract', 'x', 'user-leaver', now(), now() + interval '1 day', now(), 'user-leaver')`,
    [T, randomUUID()],
  );
  await h.t.db.query(`INSERT INTO invoice_webhooks (tenant_id, webhook_id, url, secret_wrapped, created_by, created_at) VALUES ($1, $2, 'https://hooks.example.com/x', 'x', 'user-leaver', now())`, [T, randomUUID()]);
  await h.t.db.query(`INSERT INTO plan_assignments (tenant_id, effective_from, plan_id, plan_version, assigned_by, assigned_at) VALUES ($1, '2031-01-01', 'pro', 1, 'user-leaver', now())`, [T]);
  // A decision service uploads a decision whose resource names the leaver deep down, and nests past the bound.
  await ok(await h.call('POST', '/api/v1/subjects', { as: admin, body: { subject_id: 'pdp-1', display_name: 'Decision service', roles: ['policy_agent'] } }), 201);
  const agentKey = (await h.call('POST', '/api/v1/api-keys', { as: admin, body: { subject_id: 'pdp-1', name: 'pdp', roles: ['policy_agent'] } })).json().secret as string;
  const hash = (await h.call('GET', '/api/v1/policy/versions', { as: admin })).json().loaded_hash as string;
  let tower: unknown = 'user-leaver';
  for (let i = 0; i < 40; i++) tower = { up: tower };
  const resource = { a: { b: { c: { d: ['user-leaver', { e: 'user-ghost' }] } } }, tower, email: EMAIL };
  const decision = { decision_id: randomUUID(), timestamp: h.clock.now().toISOString(), bundles: { [T]: { revision: hash } }, path: 'companyos/authz/decision', input: { subject: { id: 'pdp-1' }, action: 'runbook.get', resource }, result: { allow: true, reasons: [], obligations: {} } };
  const headers = { authorization: `Bearer ${agentKey}`, 'content-type': 'application/json' };
  await ok(await h.app.inject({ method: 'POST', url: '/api/v1/policy/decision-logs', headers, payload: JSON.stringify([decision]) }));
  await h.app.jobs.runDue();
});
after(() => h.close());

type Logged = { action: string; actor: string; input: { resource?: Record<string, unknown> } };
async function logged(action: string): Promise<Logged[]> {
  await policyRuntime().engine.flushDecisions();
  const res = await h.call('GET', `/api/v1/policy/decisions?action=${action}`, { as: admin });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json().decisions as Logged[]).filter((d) => d.input.resource !== undefined);
}

test('every text, JSON or array column of a mutable table is in the subject purge rewrite list, or known to name no person', async () => {
  const columns = await h.t.db.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', 'json', 'ARRAY', 'character varying') ORDER BY 1, 2`,
  );
  const mutable = columns.filter((c) => TENANT_PURGE_DELETES.includes(c.table_name));
  assert.ok(mutable.length > 50);
  const listed = new Set(SUBJECT_COLUMNS.map((c) => `${c.table}.${c.column}`));
  const forgotten = mutable.filter((c) => !listed.has(`${c.table_name}.${c.column_name}`) && !namesNoPerson(c.table_name, c.column_name));
  assert.deepEqual(forgotten, [], 'a column that may name a person must be rewritten by a subject purge, or said to name nobody');
  const present = new Set(mutable.map((c) => `${c.table_name}.${c.column_name}`));
  assert.deepEqual([...listed].filter((c) => !present.has(c)), [], 'every rewritten column exists');
});

test('a decision logged with a kept resource holds no display name or email, and no id however deeply nested', async () => {
  // Only the subject's row and its graph entity hold the display name or email before the purge.
  const own = (r: string) => r.startsWith('subjects:') || r.startsWith('entities: {"tenant_id":"pilot-a","entity_id":"subject:user-leaver"');
  for (const text of [NAME, EMAIL]) assert.deepEqual((await rowsNaming(T, text)).filter((r) => !own(r)), [], `no decision holds ${text}`);
  const [read] = await logged('subject.get');
  assert.equal(read?.input.resource?.display_name, DROPPED);
  assert.equal(read?.input.resource?.subject_id, 'user-leaver', 'the person is shown by id while the key lives');
  const [upload] = await logged('runbook.get');
  const deep = upload?.input.resource as Record<string, unknown>;
  assert.deepEqual(deep.a, { b: { c: { d: ['user-leaver', { e: 'user-ghost' }] } } }, 'an id nested deep is shown, stored by pseudonym');
  assert.equal(JSON.stringify(deep.tower).includes(DROPPED), true, 'what lies past the depth bound is dropped');
  assert.deepEqual((await rowsNaming(T, 'user-leaver')).filter((r) => r.startsWith('policy_decisions:')), []);
});

test('after a subject purge no row of the tenant names the person, the manifest counts what was rewritten, and the ledger verifies', async () => {
  assert.ok((await rowsNaming(T, 'user-leaver')).length > 20, 'the leaver is named in many records before');
  const { purgeId, done } = await purgeLeaver(h);
  assert.deepEqual(done.manifest.not_shreddable, []);
  const rewritten = Object.fromEntries((done.manifest.rewritten as Array<{ table: string; column: string; rows: number }>).filter((c) => c.rows > 0).map((c) => [`${c.table}.${c.column}`, c.rows]));
  for (const column of [
    'flag_settings.updated_by',
    'runbooks.created_by',
    'runbooks.updated_by',
    'incidents.opened_by',
    'revops_routing_rules.members',
    'revops_leads.owner',
    'revops_leads.created_by',
    'revops_opportunities.owner',
    'revops_quotes.owner',
    'revops_contracts.created_by',
    'audit_exports.requested_by',
    'high_risk_requests.requester',
    'high_risk_requests.target',
    'portal_invitations.invited_by',
    'portal_invitations.revoked_by',
    'invoice_webhooks.created_by',
    'plan_assignments.assigned_by',
    'entities.owner',
  ]) {
    assert.ok((rewritten[column] ?? 0) > 0, `${column} is rewritten: ${JSON.stringify(rewritten)}`);
  }

  for (const text of ['user-leaver', NAME, EMAIL]) assert.deepEqual(await rowsNaming(T, text), [], `no row of the tenant holds ${text}`);
  const [owner] = await h.t.db.query<{ owner: string }>(`SELECT owner FROM revops_leads WHERE tenant_id = $1`, [T]);
  assert.match(owner!.owner, PSEUDONYM, 'the lead names its owner by pseudonym');
  assert.equal(owner!.owner, done.manifest.subject, 'the same pseudonym the manifest and the append-only records use');
  const entity = await h.call('GET', '/api/v1/graph/entities/subject:user-leaver', { as: admin });
  assert.equal(entity.statusCode, 404, "the subject's own entity is gone");
  const ledger = await verifyTenantLedger(h.t.db, T);
  assert.equal(ledger.ok, true, ledger.errors.join('; '));

  // Tenant B's person of the same id is untouched.
  assert.ok((await rowsNaming('pilot-b', 'user-leaver')).some((r) => r.startsWith('revops_leads:')));
  assert.ok((await rowsNaming('pilot-b', NAME)).some((r) => r.startsWith('subjects:')));
});
