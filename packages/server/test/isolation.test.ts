import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { constants, publicEncrypt, randomBytes } from 'node:crypto';
import { allActions } from '../src/actions.ts';
import { listAuditEvents } from '../src/audit/audit-events.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { isPseudonym, shownActors } from '../src/identity/actor-pseudonyms.ts';
import { createApiKey } from '../src/identity/api-keys.ts';
import { insertSubject, updateSubject } from '../src/identity/subjects.ts';
import { loadBundleDir } from '../src/policy/bundle.ts';
import { defaultPolicyDir } from '../src/config.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { assertTenantIsolation } from './isolation-harness.ts';
import { draftQuote, leadBody, quoteBody, step } from './support/revops-deal.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let h: TestApp;
let victimKeyId: string;
let victimReceiptId: string;
let victimExportId: string;
let victimRequestId: string;
let victimPurgeId: string;
let victimInvoiceId: string;
let victimQuoteId: string;
let victimOpportunityId: string;
let victimEntityId: string;
let victimEdgeId: string;
let victimIncidentId: string;
let victimInvitationId: string;
let victimWrappingKeyId: string;
let victimKekFingerprint: string;
before(async () => {
  h = await createTestApp();
  const at = h.clock.now();
  victimKeyId = await withTenantTransaction(h.t.db, 'pilot-a', async () => {
    await insertSubject({ subject_id: 'only-in-a', display_name: 'Secret Agent A', roles: ['engineer'], attributes: {} }, at);
    return (await createApiKey({ subject_id: 'only-in-a', name: 'a-key', roles: ['engineer'] }, at)).key.key_id;
  });
  // The attacker holds every role of the catalog, so only isolation can stop it.
  const roles = Object.keys((loadBundleDir(defaultPolicyDir).data as { roles: Record<string, unknown> }).roles);
  await withTenantTransaction(h.t.db, 'pilot-b', () => updateSubject('user-admin', { roles }, at));
  // A receipt of the victim, in its log under a checkpoint.
  victimReceiptId = String((await h.call('GET', '/api/v1/subjects', { as: ['pilot-a', 'user-admin'] })).headers['x-receipt-id']);
  // Two policy bundle versions of the victim, with data only it knows; the second is active
  // (the attacker's own proposal becomes its version 1, so the cases name version 2).
  for (const owner of ['Secret Agent A', 'only-in-a']) {
    const proposed = await h.call('POST', '/api/v1/policy/versions', { as: ['pilot-a', 'user-admin'], body: { message: `only-in-a policy for ${owner}`, data_patch: { tenant: { owner } } } });
    await h.call('POST', `/api/v1/policy/versions/${String(proposed.json().version.version)}/activate`, { as: ['pilot-a', 'user-admin'], stepUp: true });
  }
  // A finished audit export of the victim.
  victimExportId = (await h.call('POST', '/api/v1/audit/exports', { as: ['pilot-a', 'user-admin'], stepUp: true, body: { from: '2026-03-01T00:00:00.000Z', to: h.clock.now().toISOString() } })).json().export_id;
  // A high-risk request of the victim.
  const request = { operation: 'TEMP_DB_READ_ACCESS', target: { database: 'test', schema: 'only_in_a', tables: ['orders'] }, duration_minutes: 30, rationale: 'only-in-a incident' };
  victimRequestId = (await h.call('POST', '/api/v1/high-risk-ops/requests', { as: ['pilot-a', 'user-engineer'], body: request })).json().request_id;
  // A pending purge request of the victim, naming its subject.
  victimPurgeId = (await h.call('POST', '/api/v1/purge-requests', { as: ['pilot-a', 'user-security'], body: { scope: 'subject', subject: 'only-in-a', rationale: 'only-in-a asked to be forgotten' } })).json().purge_id;
  // A draft invoice of the victim.
  victimInvoiceId = (await h.call('POST', '/api/v1/finops/invoices/rate', { as: ['pilot-a', 'user-admin'], body: { period: '2026-03' } })).json().invoice.invoice_id;
  // A RevOps deal of the victim: an enterprise lead, its opportunity and a submitted quote.
  ({ quoteId: victimQuoteId, opportunityId: victimOpportunityId } = await draftQuote(h, ['pilot-a', 'user-ae'], 3000, 'only-in-a AG'));
  await step(h, ['pilot-a', 'user-ae'], victimQuoteId, 'submit-for-approval');
  // Two related entities of the victim, and an entitlement to one.
  const entity = async (name: string) => (await h.call('POST', '/api/v1/entities', { as: ['pilot-a', 'user-admin'], body: { type: 'Asset', properties: { name } } })).json().entity_id as string;
  victimEntityId = await entity('only-in-a asset');
  const other = await entity('only-in-a replica');
  victimEdgeId = (await h.call('POST', '/api/v1/relationships', { as: ['pilot-a', 'user-admin'], body: { from: victimEntityId, to: other, type: 'OWNS' } })).json().relationship_id;
  await h.call('POST', '/api/v1/entitlements', { as: ['pilot-a', 'user-admin'], body: { subject_id: 'only-in-a', entity_id: victimEntityId } });
  await h.app.jobs.runDue();
  // A runbook of the victim and an incident following it.
  await h.call('PUT', '/api/v1/runbooks/victim-runbook', { as: ['pilot-a', 'user-admin'], body: { title: 'only-in-a steps', body: 'only-in-a body' } });
  victimIncidentId = (await h.call('POST', '/api/v1/incidents', { as: ['pilot-a', 'user-admin'], body: { title: 'only-in-a outage', severity: 'low', runbook: 'victim-runbook' } })).json().incident_id;
  // A trust portal invitation of the victim.
  const invited = await h.call('POST', '/api/v1/portal/invitations', { as: ['pilot-a', 'user-admin'], body: { email: 'only-in-a@victim.example.com', role: 'auditor', expires_at: '2027-01-01T00:00:00.000Z' } });
  victimInvitationId = invited.json().invitation.invitation_id;
  // A key-encryption key the victim imported, and an unused wrapping key of the victim.
  const wrappingKey = async () => (await h.call('POST', '/api/v1/keys/wrapping-keys', { as: ['pilot-a', 'user-admin'] })).json() as { wrapping_key_id: string; public_key_pem: string };
  const forImport = await wrappingKey();
  const wrapped = publicEncrypt({ key: forImport.public_key_pem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, randomBytes(32)).toString('base64');
  const imported = await h.call('POST', '/api/v1/keys/kek/import', { as: ['pilot-a', 'user-admin'], stepUp: true, body: { wrapping_key_id: forImport.wrapping_key_id, wrapped_key: wrapped } });
  victimKekFingerprint = imported.json().fingerprint;
  victimWrappingKeyId = (await wrappingKey()).wrapping_key_id;
  await h.app.ledger.flush('pilot-a');
  // The victim's own decisions so far are written now, not in the middle of the attack.
  await policyRuntime().engine.flushDecisions();
});
after(() => h.close());

test('tenant B cannot read, change or write anything of tenant A through any action', async () => {
  await assertTenantIsolation({
    app: h.app,
    db: h.t.db,
    actions: allActions,
    victim: 'pilot-a',
    attackerTenant: 'pilot-b',
    attackerToken: await h.token('pilot-b', 'user-admin', { stepUp: true, ttl: 3600 }),
    victimMarkers: ['only-in-a', 'Secret Agent A', victimKeyId, victimEntityId, victimEdgeId, victimPurgeId, victimKekFingerprint],
    cases: {
      'tenant.create': { body: { tenant_id: 'pilot-b-clone', display_name: 'X', data_region: 'eu', owner_contact: 'x@y.example.com' } },
      'tenant.list': {},
      'observability.slo.get': {},
      'tenant.get': { params: { id: 'pilot-a' } },
      'tenant.disable': { params: { id: 'pilot-a' }, body: { reason: 'attack' } },
      'tenant.enable': { params: { id: 'pilot-a' }, body: { reason: 'attack' } },
      'tenant.overview': { params: { id: 'pilot-a' } },
      'tenant.config.get': { params: { id: 'pilot-a' } },
      'tenant.config.update': { params: { id: 'pilot-a' }, body: { display_name: 'Owned' } },
      'subject.create': { body: { subject_id: 'impostor', display_name: 'Impostor', roles: ['CompanyAdmin'] } },
      'subject.get': { params: { subjectId: 'only-in-a' } },
      'subject.list': {},
      'subject.update': { params: { subjectId: 'only-in-a' }, body: { roles: ['CompanyAdmin'] } },
      'api_key.create': { body: { subject_id: 'only-in-a', name: 'steal', roles: ['engineer'] } },
      'api_key.list': {},
      'api_key.revoke': { params: { keyId: victimKeyId } },
      'audit.list': {},
      'audit.export.create': { body: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' } },
      'audit.export.get': { params: { id: victimExportId } },
      'audit.export.list': {},
      'audit.export.download': { params: { id: victimExportId } },
      'audit.export.verify': { params: { id: victimExportId } },
      'provenance.receipt.get': { params: { id: victimReceiptId } },
      'provenance.receipt.disclose': { params: { id: victimReceiptId } },
      'provenance.checkpoint.get': {},
      'provenance.consistency.get': {},
      'provenance.evidence.create': { body: { media_type: 'text/plain', content_base64: 'b25seS1pbi1h' } },
      'tenant.keys.rotate': { params: { id: 'pilot-a' } },
      'keys.wrapping_key.create': {},
      'keys.kek.import': { body: { wrapping_key_id: victimWrappingKeyId, wrapped_key: randomBytes(384).toString('base64') } },
      'keys.kek.rotate': { body: { wrapping_key_id: victimWrappingKeyId, wrapped_key: randomBytes(384).toString('base64') } },
      'keys.kek.revoke': {},
      'keys.kek.status': {},
      'flag.list': {},
      'flag.get': { params: { flagId: 'identity.api-key-admin-roles' } },
      'flag.evaluate': { body: {} },
      'flag.set': { params: { flagId: 'identity.api-key-admin-roles' }, body: { variant: 'on' } },
      'flag.revert': { params: { flagId: 'identity.api-key-admin-roles' } },
      'config.drift.get': {},
      'branding.update': { params: { id: 'pilot-a' }, body: { product_name: 'Owned', colors: { primary: '#000000', on_primary: '#ffffff', background: '#ffffff', text: '#000000' } } },
      'branding.logo.upload': { params: { id: 'pilot-a' }, body: { content_type: 'image/png', data_base64: 'iVBORw0KGgo=' } },
      'tenant.kit.export': { params: { id: 'pilot-a' } },
      'tenant.kit.import': { params: { id: 'pilot-a' }, body: { kit: { payloadType: 'x', payload: 'e30=', signatures: [{ keyid: 'k', sig: 's' }] }, jwks: { keys: [{}] } } },
      'policy.bundle.list': {},
      'policy.bundle.get': { params: { version: '2' } },
      'policy.bundle.propose': { body: { message: 'attack', data_patch: { tenant: { owner: 'attacker' } } } },
      'policy.bundle.activate': { params: { version: '2' } },
      'policy.bundle.rollback': { body: { version: 2 } },
      'policy.bundle.diff': { body: { to: '2' } },
      'policy.simulate': { body: { version: '2', inputs: [{}] } },
      'policy.decision.list': {},
      'policy.decision.upload': {
        body: [{ decision_id: '019a0000-0000-7000-8000-00000000a0a0', timestamp: '2026-03-02T09:00:00.000Z', path: 'companyos/authz/decision', input: { action: 'attack' }, result: { allow: true, reasons: [] }, bundles: { 'pilot-a': { revision: 'a'.repeat(64) } } }],
      },
      'policy.bundle.download': { params: { tenantId: 'pilot-a' } },
      'policy.drift.get': {},
      'policy.can': { body: { checks: [{ action: 'high_risk.request.approve', resource: { id: victimRequestId } }, { action: 'revops.quote.get', resource: { id: victimQuoteId } }] } },
      'approval.inbox.list': { query: 'assignee=me' },
      'high_risk.request.create': { body: { operation: 'TEMP_DB_READ_ACCESS', target: { database: 'test', schema: 'public', tables: ['orders'] }, duration_minutes: 30, rationale: 'attack' } },
      'high_risk.request.approve': { params: { id: victimRequestId }, body: { rationale: 'attack' } },
      'high_risk.request.deny': { params: { id: victimRequestId }, body: { rationale: 'attack' } },
      'high_risk.request.execute': { params: { id: victimRequestId } },
      'high_risk.request.revoke': { params: { id: victimRequestId }, body: {} },
      'high_risk.request.cancel': { params: { id: victimRequestId }, body: {} },
      'high_risk.request.list': {},
      'high_risk.request.get': { params: { id: victimRequestId } },
      'high_risk.evidence.get': { params: { id: victimRequestId } },
      'high_risk.receipts.missing': {},
      'high_risk.dashboard.get': {},
      'purge.request.create': { body: { scope: 'subject', subject: 'user-engineer', rationale: 'attack' } },
      'purge.request.approve': { params: { id: victimPurgeId }, body: { rationale: 'attack' } },
      'purge.request.deny': { params: { id: victimPurgeId }, body: { rationale: 'attack' } },
      'purge.request.cancel': { params: { id: victimPurgeId }, body: {} },
      'purge.request.list': {},
      'purge.request.get': { params: { id: victimPurgeId } },
      'purge.request.operator_approve': { params: { id: 'pilot-a', purgeId: victimPurgeId }, body: { rationale: 'attack' } },
      'finops.usage.report': { body: { specversion: '1.0', id: 'attack-1', source: 'attacker', type: 'api_request' } },
      'finops.usage.list': {},
      'finops.meter_readings.list': {},
      'finops.plan.list': {},
      'finops.plan.assign': { params: { id: 'pilot-a' }, body: { plan_id: 'enterprise', effective_from: '2026-03-01' } },
      'finops.invoice.rate': { body: { period: '2026-03' } },
      'finops.invoice.list': {},
      'finops.invoice.get': { params: { id: victimInvoiceId } },
      'finops.invoice.finalize': { params: { id: victimInvoiceId } },
      'finops.invoice.evidence': { params: { id: victimInvoiceId } },
      'finops.estimate': { body: { plan_id: 'pro', usage: { policy_decision: 1000 } } },
      'finops.cost.import': { body: { csv: 'service,period,amount\ncompute,2026-03,10.00\n' } },
      'finops.cost.get': {},
      'finops.cost.tenants': {},
      'board.pack.create': { body: { period: '2026-Q1' } },
      'board.pack.list': {},
      'onboarding.step.run': { params: { id: 'pilot-a' }, body: { cohort: 'c1', row: { name: 'X', region: 'eu', owner: 'x@y.example.com', admin: 'only-in-a', webhook_url: 'https://hooks.example.com/x', plan: 'pro' } } },
      'onboarding.cohort.get': { params: { cohort: 'c1' } },
      'finops.webhook.create': { body: { url: 'https://203.0.113.10/hook' } },
      'finops.webhook.list': {},
      'revops.lead.create': { body: leadBody() },
      'revops.lead.list': {},
      'revops.opportunity.list': {},
      'revops.opportunity.get': { params: { id: victimOpportunityId } },
      'revops.quote.create': { body: quoteBody(victimOpportunityId, 0) },
      'revops.quote.update': { params: { id: victimQuoteId }, body: { discount_bp: 0 } },
      'revops.quote.submit': { params: { id: victimQuoteId }, body: { rationale: 'attack' } },
      'revops.quote.approve': { params: { id: victimQuoteId }, body: { rationale: 'attack' } },
      'revops.quote.reject': { params: { id: victimQuoteId }, body: { rationale: 'attack' } },
      'revops.quote.activate': { params: { id: victimQuoteId }, body: {} },
      'revops.quote.cancel': { params: { id: victimQuoteId }, body: {} },
      'revops.quote.list': {},
      'revops.quote.get': { params: { id: victimQuoteId } },
      'revops.evidence.get': { params: { id: victimOpportunityId } },
      'revops.routing.list': {},
      'revops.policy.impact': { body: { to: '2' } },
      'revops.dashboard.get': {},
      'revops.routing.set': { params: { ruleId: 'enterprise' }, body: { priority: 0, segment: null, region: null, team: 'stolen', strategy: 'round_robin', members: [{ subject_id: 'user-admin', weight: 1 }] } },
      'graph.entity.create': { body: { type: 'Asset', properties: { name: 'attacker asset' } } },
      'graph.entity.batch': { body: [{ key: 'attack-1', type: 'Asset' }] },
      'graph.entity.get': { params: { id: victimEntityId } },
      'graph.entity.update': { params: { id: victimEntityId }, body: { properties: { name: 'owned' } } },
      'graph.entity.delete': { params: { id: victimEntityId } },
      'graph.entity.list': {},
      'graph.relationship.create': { body: { from: victimEntityId, to: victimEntityId, type: 'OWNS' } },
      'graph.relationship.delete': { params: { id: victimEdgeId } },
      'graph.entitlement.grant': { body: { subject_id: 'user-admin', entity_id: victimEntityId } },
      'graph.entitlement.revoke': { params: { subjectId: 'only-in-a', entityId: victimEntityId } },
      'graph.type.list': {},
      'graph.type.put': { params: { kind: 'entity', name: 'OnlyInA' }, body: { schema: { type: 'object' } } },
      'graph.neighbours.get': { params: { id: victimEntityId } },
      'graph.lineage.get': { params: { id: victimEntityId } },
      'runbook.list': {},
      'runbook.get': { params: { slug: 'victim-runbook' } },
      'runbook.versions': { params: { slug: 'victim-runbook' } },
      'runbook.version.get': { params: { slug: 'victim-runbook', version: '1' } },
      'runbook.save': { params: { slug: 'victim-runbook' }, body: { title: 'owned', body: 'owned' } },
      'incident.open': { body: { title: 'attacker incident', severity: 'low', runbook: 'victim-runbook' } },
      'incident.open_from_alert': { body: { alert: 'AttackAlert', runbook: 'victim-runbook' } },
      'incident.list': {},
      'incident.get': { params: { id: victimIncidentId } },
      'incident.note': { params: { id: victimIncidentId }, body: { note: 'attack' } },
      'incident.mitigate': { params: { id: victimIncidentId }, body: {} },
      'incident.resolve': { params: { id: victimIncidentId }, body: { rationale: 'attack' } },
      'incident.runbook.link': { params: { id: victimIncidentId }, body: { slug: 'victim-runbook' } },
      'incident.entity.link': { params: { id: victimIncidentId }, body: { entity_id: victimEntityId } },
      'portal.invitation.create': { body: { email: 'attacker@example.com', role: 'auditor', expires_at: '2027-01-01T00:00:00.000Z' } },
      'portal.invitation.list': {},
      'portal.invitation.revoke': { params: { id: victimInvitationId } },
      'portal.invitation.accept': { body: {} },
      'portal.session.get': {},
      'portal.overview.get': {},
      'portal.audit.list': {},
      'portal.audit.download': { params: { id: victimExportId } },
      'portal.billing.get': {},
      'portal.finance.get': {},
      'portal.supply_chain.get': {},
    },
  });
});

test('a cross-tenant attempt is audited in the target tenant with actor, claimed and requested tenant and route', async () => {
  const res = await h.call('GET', '/api/v1/tenants/pilot-a/config', { as: ['pilot-b', 'user-engineer'] });
  assert.equal(res.statusCode, 403);
  const events = await withTenantTransaction(h.t.db, 'pilot-a', () => listAuditEvents({ type: 'isolation.denied' }));
  const event = events.find((e) => e.request_id === res.headers['x-request-id']);
  assert.ok(event, 'the attempt is audited in the target tenant');
  // The caller is named by their pseudonym in their own tenant: pilot-a holds no id of theirs and
  // cannot resolve it, pilot-b can.
  assert.ok(isPseudonym(event.actor), 'a pseudonym');
  assert.equal((await withTenantTransaction(h.t.db, 'pilot-b', () => shownActors([event.actor]))).get(event.actor!), 'user-engineer');
  assert.deepEqual(
    { claimed: event.details.claimed_tenant, requested: event.details.requested_tenant, route: event.details.route },
    { claimed: 'pilot-b', requested: 'pilot-a', route: 'GET /api/v1/tenants/:id/config' },
  );
  // Nothing about it lands in the attacker's own audit.
  const own = await withTenantTransaction(h.t.db, 'pilot-b', () => listAuditEvents({ type: 'isolation.denied' }));
  assert.ok(!own.some((e) => e.request_id === res.headers['x-request-id']));
});

test('a claimed tenant that does not exist is audited in the caller tenant', async () => {
  const res = await h.call('GET', '/api/v1/subjects', { as: ['pilot-b', 'user-engineer'], headers: { 'x-tenant-id': 'ghost-tenant' } });
  assert.equal(res.statusCode, 403);
  const own = await withTenantTransaction(h.t.db, 'pilot-b', () => listAuditEvents({ type: 'isolation.denied' }));
  assert.ok(own.some((e) => e.request_id === res.headers['x-request-id'] && e.details.requested_tenant === 'ghost-tenant'));
});

test('an X-Tenant-Id equal to the credential tenant is accepted', async () => {
  const res = await h.call('GET', '/api/v1/subjects', { as: ['pilot-b', 'user-admin'], headers: { 'x-tenant-id': 'pilot-b' } });
  assert.equal(res.statusCode, 200);
});

test("the target tenant's security team sees cross-tenant attempts in its audit trail; bad query values are 400", async () => {
  const attempt = await h.call('GET', '/api/v1/tenants/pilot-a/config', { as: ['pilot-b', 'user-ae'] });
  const res = await h.call('GET', '/api/v1/audit-events?type=isolation.denied&limit=5', { as: ['pilot-a', 'user-security'] });
  assert.equal(res.statusCode, 200, res.body);
  const events = res.json().events as { type: string; request_id: string; tenant_id: string }[];
  assert.ok(events.length <= 5);
  assert.ok(events.every((e) => e.type === 'isolation.denied' && e.tenant_id === 'pilot-a'));
  assert.ok(events.some((e) => e.request_id === attempt.headers['x-request-id']));
  assert.equal((await h.call('GET', '/api/v1/audit-events?limit=0', { as: ['pilot-a', 'user-security'] })).statusCode, 400);
  assert.equal((await h.call('GET', '/api/v1/audit-events', { as: ['pilot-a', 'user-engineer'] })).statusCode, 403);
});
