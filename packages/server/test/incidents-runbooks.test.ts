import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentTx } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { dataKeys } from '../src/keys/data-keys.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { shownActor, tenantRecords } from './support/inspect.ts';

type As = [string, string];
const admin: As = ['pilot-a', 'user-admin'];
const lead: As = ['pilot-a', 'user-team-lead'];
const engineer: As = ['pilot-a', 'user-engineer'];
// A security analyst without the security_officer role.
const analyst: As = ['pilot-a', 'sec-analyst'];
let h: TestApp;

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
});
after(() => h.close());

const rows = (tenant: string, sql: string, params: unknown[] = []) => withTenantTransaction(h.t.db, tenant, () => currentTx().query<Record<string, unknown>>(sql, params));
const receiptOf = async (tenant: string, requestId: unknown) => (await tenantRecords(h.t.db, tenant)).receipts.find((r) => r.body.request_id === requestId)?.body;

const saveRunbook = (as: As, slug: string, body: Record<string, unknown>) => h.call('PUT', `/api/v1/runbooks/${slug}`, { as, body });

test('every save of a runbook is a new version with its receipt; a stale base version is a 409', async () => {
  const first = await saveRunbook(lead, 'api-down', { title: 'API down', body: '# API down\n\n1. Check the load balancer.', message: 'first draft', base_version: 0 });
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual([first.json().version, first.json().author], [1, 'user-team-lead']);
  const second = await saveRunbook(admin, 'api-down', { title: 'API down', body: '# API down\n\n1. Check the load balancer.\n2. Check the database.', base_version: 1 });
  assert.equal(second.json().version, 2);
  const receipt = await receiptOf('pilot-a', second.headers['x-request-id']);
  assert.deepEqual([receipt?.action, receipt?.target], ['runbook.save', 'runbook:api-down']);
  assert.ok(receipt?.evidence_refs.includes('runbook-version:api-down@2'));

  const stale = await saveRunbook(lead, 'api-down', { title: 'API down', body: 'overwritten', base_version: 1 });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().current_version, 2);
  assert.match(stale.json().detail, /is at version 2, not 1/);

  const current = (await h.call('GET', '/api/v1/runbooks/api-down', { as: engineer })).json();
  assert.deepEqual([current.version, current.current_version, current.console_path], [2, 2, '/tenants/pilot-a/runbooks/api-down']);
  assert.match(current.body, /Check the database/);
  const versions = (await h.call('GET', '/api/v1/runbooks/api-down/versions', { as: engineer })).json().versions;
  assert.deepEqual(versions.map((v: { version: number }) => v.version), [2, 1]);
  assert.equal(versions[1].message, 'first draft');
  const v1 = (await h.call('GET', '/api/v1/runbooks/api-down/versions/1', { as: engineer })).json();
  assert.doesNotMatch(v1.body, /database/);
  assert.equal((await h.call('GET', '/api/v1/runbooks/api-down/versions/9', { as: engineer })).statusCode, 404);
  const list = (await h.call('GET', '/api/v1/runbooks?limit=1', { as: engineer })).json();
  assert.deepEqual([list.runbooks.length, list.next_after], [1, list.runbooks[0].slug]);
  // The runbook is in the graph.
  assert.equal((await rows('pilot-a', `SELECT type FROM entities WHERE entity_id = 'runbook:api-down'`))[0]?.type, 'Runbook');
});

test('engineers read runbooks but may not edit them; the denial names the reason', async () => {
  const res = await saveRunbook(engineer, 'api-down', { title: 'mine', body: 'x' });
  assert.equal(res.statusCode, 403);
  assert.ok(res.json().reasons.includes('no role of subject user-engineer grants action runbook.save'));
  assert.equal((await h.call('GET', '/api/v1/runbooks/api-down', { as: engineer })).json().version, 2);
});

test('an incident goes open -> mitigated -> resolved; illegal moves are 409s naming the state; resolving needs a rationale', async () => {
  const opened = await h.call('POST', '/api/v1/incidents', { as: engineer, body: { title: 'Checkout errors', severity: 'high', runbook: 'api-down', note: 'seen by support' } });
  assert.equal(opened.statusCode, 201, opened.body);
  const i = opened.json();
  assert.deepEqual([i.status, i.source, i.runbook?.slug, i.timeline.length, i.timeline[0].details.note], ['open', 'manual', 'api-down', 1, 'seen by support']);
  const id = i.incident_id;

  const note = await h.call('POST', `/api/v1/incidents/${id}/notes`, { as: engineer, body: { note: 'rolled back release 42' } });
  assert.equal(note.statusCode, 200, note.body);
  const mitigated = await h.call('POST', `/api/v1/incidents/${id}/mitigate`, { as: engineer, body: {} });
  assert.equal(mitigated.json().status, 'mitigated');
  const again = await h.call('POST', `/api/v1/incidents/${id}/mitigate`, { as: engineer, body: {} });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().state, 'mitigated');
  assert.equal(again.json().detail, 'cannot mitigate an incident that is mitigated (only one that is open)');

  assert.equal((await h.call('POST', `/api/v1/incidents/${id}/resolve`, { as: engineer, body: { rationale: 'fixed it' } })).statusCode, 403);
  const noRationale = await h.call('POST', `/api/v1/incidents/${id}/resolve`, { as: lead, body: {} });
  assert.equal(noRationale.statusCode, 400);
  const resolved = await h.call('POST', `/api/v1/incidents/${id}/resolve`, { as: lead, body: { rationale: 'release 42 reverted; a fix ships with 43' } });
  assert.equal(resolved.statusCode, 200, resolved.body);
  const r = resolved.json();
  assert.deepEqual([r.status, r.resolution], ['resolved', 'release 42 reverted; a fix ships with 43']);
  assert.deepEqual(r.timeline.map((e: { transition: string }) => e.transition), ['open', 'note', 'mitigate', 'resolve']);
  assert.equal(r.timeline[3].rationale, 'release 42 reverted; a fix ships with 43');
  const receipt = await receiptOf('pilot-a', resolved.headers['x-request-id']);
  assert.deepEqual([receipt?.action, receipt?.target, await shownActor(h.t.db, 'pilot-a', receipt?.actor)], ['incident.resolve', `incident:${id}`, 'user-team-lead']);

  const closed = await h.call('POST', `/api/v1/incidents/${id}/notes`, { as: engineer, body: { note: 'late' } });
  assert.equal(closed.statusCode, 409);
  assert.equal(closed.json().state, 'resolved');
  // Each step is an audit event of the incident.
  const audit = (await tenantRecords(h.t.db, 'pilot-a')).audit.filter((e) => e.type === 'incident.step' && e.target === `incident:${id}`);
  assert.equal(audit.length, 4);
});

test('an incident is mirrored into the graph with its runbook and the entities it affects', async () => {
  const asset = (await h.call('POST', '/api/v1/entities', { as: admin, body: { type: 'Asset', properties: { name: 'checkout-db' } } })).json().entity_id;
  const i = (await h.call('POST', '/api/v1/incidents', { as: engineer, body: { title: 'Slow checkout', severity: 'medium' } })).json();
  const linked = await h.call('POST', `/api/v1/incidents/${i.incident_id}/entities`, { as: engineer, body: { entity_id: asset } });
  assert.equal(linked.statusCode, 200, linked.body);
  assert.deepEqual(linked.json().entities, [{ entity_id: asset, type: 'Asset' }]);
  const rb = await h.call('POST', `/api/v1/incidents/${i.incident_id}/runbook`, { as: engineer, body: { slug: 'api-down' } });
  assert.equal(rb.json().runbook.slug, 'api-down');

  const entity = (await rows('pilot-a', `SELECT type, properties FROM entities WHERE entity_id = $1`, [`incident:${i.incident_id}`]))[0];
  assert.equal(entity?.type, 'Incident');
  assert.equal((entity?.properties as { status: string }).status, 'open');
  const edges = await rows('pilot-a', `SELECT type, to_id FROM relationships WHERE from_id = $1 AND source = 'incidents' ORDER BY type`, [`incident:${i.incident_id}`]);
  assert.deepEqual(edges, [
    { type: 'AFFECTS', to_id: asset },
    { type: 'FOLLOWS', to_id: 'runbook:api-down' },
  ]);
  // Its neighbours through the graph API.
  const n = await h.call('GET', `/api/v1/graph/entity/${encodeURIComponent(`incident:${i.incident_id}`)}`, { as: admin });
  assert.ok(n.body.includes(asset), n.body);
});

test('an Alertmanager webhook opens one incident per alert group, linked to the runbook its annotation names; repeats join it', async () => {
  await saveRunbook(lead, 'ledger-lag', { title: 'Ledger lag', body: 'Check the integrator.' });
  const payload = (status: 'firing' | 'resolved') => ({
    version: '4',
    status,
    receiver: 'companyos',
    groupKey: '{}:{alertname="LedgerLag"}',
    groupLabels: { alertname: 'LedgerLag' },
    commonLabels: { alertname: 'LedgerLag', severity: 'critical' },
    commonAnnotations: { summary: 'Receipts wait too long for the ledger', runbook_url: 'docs/runbooks/LedgerLag.md' },
    externalURL: 'http://alertmanager:9093',
    alerts: [{ status, labels: { alertname: 'LedgerLag', severity: 'critical', instance: 'a:1' }, annotations: {}, startsAt: '2026-03-01T10:00:00Z', fingerprint: 'abc' }],
  });
  const first = await h.call('POST', '/api/v1/incidents/from-alert', { as: admin, body: payload('firing') });
  assert.equal(first.statusCode, 200, first.body);
  const i = first.json().incident;
  assert.equal(first.json().created, true);
  assert.deepEqual([i.title, i.severity, i.source, i.runbook?.slug, i.alert.name], ['Receipts wait too long for the ledger', 'critical', 'alert', 'ledger-lag', 'LedgerLag']);

  const repeat = await h.call('POST', '/api/v1/incidents/from-alert', { as: admin, body: payload('firing') });
  assert.deepEqual([repeat.json().created, repeat.json().incident.incident_id], [false, i.incident_id]);
  const cleared = (await h.call('POST', '/api/v1/incidents/from-alert', { as: admin, body: payload('resolved') })).json();
  assert.deepEqual(cleared.incident.timeline.map((e: { transition: string; details: { firing?: boolean } }) => [e.transition, e.details.firing ?? null]), [
    ['open', null],
    ['alert', true],
    ['alert', false],
  ]);
  // Clearing does not resolve it: that takes someone's rationale. Security may resolve, but not a critical one.
  assert.equal(cleared.incident.status, 'open');
  await h.call('POST', '/api/v1/subjects', { as: admin, body: { subject_id: 'sec-analyst', display_name: 'Sec Analyst', roles: ['security'] } });
  const denied = await h.call('POST', `/api/v1/incidents/${i.incident_id}/resolve`, { as: analyst, body: { rationale: 'cleared by itself' } });
  assert.equal(denied.statusCode, 403);
  assert.ok(denied.json().reasons.includes('resolving a critical incident needs one of the roles team_lead, security_officer, CompanyAdmin'));
  assert.equal((await h.call('POST', `/api/v1/incidents/${i.incident_id}/resolve`, { as: lead, body: { rationale: 'integrator restarted' } })).json().status, 'resolved');

  // A cleared alert with nothing open for it changes nothing; a firing one after resolution opens a new incident.
  assert.deepEqual((await h.call('POST', '/api/v1/incidents/from-alert', { as: admin, body: payload('resolved') })).json(), { created: false, incident: null });
  const reopened = (await h.call('POST', '/api/v1/incidents/from-alert', { as: admin, body: payload('firing') })).json();
  assert.equal(reopened.created, true);
  assert.notEqual(reopened.incident.incident_id, i.incident_id);
});

test('a short "from alert" body names the alert; only an alert receiver (or an admin) may send alerts', async () => {
  const created = await h.call('POST', '/api/v1/subjects', { as: admin, body: { subject_id: 'alertmanager', display_name: 'Alertmanager', roles: ['alert_receiver'] } });
  assert.equal(created.statusCode, 201, created.body);
  const res = await h.call('POST', '/api/v1/incidents/from-alert', { as: ['pilot-a', 'alertmanager'], body: { alert: 'DiskFull', severity: 'low', summary: 'Disk 95% full', runbook: 'no-such-runbook' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual([res.json().incident.title, res.json().incident.runbook, res.json().incident.opened_by], ['Disk 95% full', null, 'alertmanager']);
  assert.equal((await h.call('GET', '/api/v1/incidents', { as: ['pilot-a', 'alertmanager'] })).statusCode, 403);
  assert.equal((await h.call('POST', '/api/v1/incidents/from-alert', { as: engineer, body: { alert: 'DiskFull' } })).statusCode, 403);
});

test('incidents list newest first, by status, in pages', async () => {
  const all = (await h.call('GET', '/api/v1/incidents', { as: engineer })).json();
  assert.ok(all.incidents.length >= 4);
  assert.equal(all.next_before, null);
  const page1 = (await h.call('GET', '/api/v1/incidents?limit=2', { as: engineer })).json();
  const page2 = (await h.call('GET', `/api/v1/incidents?limit=2&before=${page1.next_before}`, { as: engineer })).json();
  assert.deepEqual([...page1.incidents, ...page2.incidents].map((i: { incident_id: string }) => i.incident_id), all.incidents.slice(0, 4).map((i: { incident_id: string }) => i.incident_id));
  const resolved = (await h.call('GET', '/api/v1/incidents?status=resolved', { as: engineer })).json().incidents;
  assert.ok(resolved.length >= 2 && resolved.every((i: { status: string }) => i.status === 'resolved'));
});

test('bad input is a 400 problem naming the field, and writes nothing', async () => {
  const before = await rows('pilot-a', 'SELECT (SELECT count(*) FROM incidents)::int AS i, (SELECT count(*) FROM incident_history)::int AS e, (SELECT count(*) FROM runbook_versions)::int AS v');
  const open = (await h.call('POST', '/api/v1/incidents', { as: engineer, body: { title: 'Still open', severity: 'low' } })).json().incident_id;
  const after0 = await rows('pilot-a', 'SELECT (SELECT count(*) FROM incidents)::int AS i, (SELECT count(*) FROM incident_history)::int AS e, (SELECT count(*) FROM runbook_versions)::int AS v');
  const cases: Array<[string, string, unknown]> = [
    ['PUT', '/api/v1/runbooks/Bad_Slug', { title: 't', body: 'b' }],
    ['PUT', '/api/v1/runbooks/ok-slug', { title: '', body: 'b' }],
    ['PUT', '/api/v1/runbooks/ok-slug', { title: 't', body: 'b', extra: 1 }],
    ['POST', '/api/v1/incidents', { title: 'x', severity: 'urgent' }],
    ['POST', '/api/v1/incidents', { title: 'Has a runbook', severity: 'low', runbook: 'missing-runbook' }],
    ['POST', '/api/v1/incidents/from-alert', { alerts: [] }],
    ['POST', '/api/v1/incidents/from-alert', { version: '4', status: 'firing', alerts: [] }],
    ['POST', '/api/v1/incidents/from-alert', { alert: '' }],
    ['GET', '/api/v1/incidents/not-a-uuid', undefined],
    ['GET', '/api/v1/incidents?status=closed', undefined],
    ['GET', '/api/v1/incidents?limit=0', undefined],
    ['POST', `/api/v1/incidents/${open}/entities`, { entity_id: 'no-such-entity' }],
    ['POST', `/api/v1/incidents/${open}/runbook`, { slug: 'missing-runbook' }],
    ['POST', `/api/v1/incidents/${open}/notes`, { note: '' }],
  ];
  for (const [method, url, body] of cases) {
    const res = await h.call(method as 'GET', url, { as: admin, ...(body !== undefined ? { body } : {}) });
    assert.equal(res.statusCode, 400, `${method} ${url} ${res.body}`);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(res.json().type, 'https://companyos.dev/problems/invalid-request');
    assert.ok(res.json().detail.length > 0);
  }
  assert.deepEqual(await rows('pilot-a', 'SELECT (SELECT count(*) FROM incidents)::int AS i, (SELECT count(*) FROM incident_history)::int AS e, (SELECT count(*) FROM runbook_versions)::int AS v'), after0);
  assert.equal((after0[0]!.i as number) - (before[0]!.i as number), 1);
  assert.equal((await h.call('GET', '/api/v1/incidents/01890000-0000-7000-8000-000000000000', { as: admin })).statusCode, 404);
  assert.equal((await h.call('GET', '/api/v1/runbooks/never-written', { as: admin })).statusCode, 404);
});

test("tenant B sees none of tenant A's runbooks or incidents", async () => {
  assert.deepEqual((await h.call('GET', '/api/v1/runbooks', { as: ['pilot-b', 'user-admin'] })).json().runbooks, []);
  assert.deepEqual((await h.call('GET', '/api/v1/incidents', { as: ['pilot-b', 'user-admin'] })).json().incidents, []);
  assert.equal((await h.call('GET', '/api/v1/runbooks/api-down', { as: ['pilot-b', 'user-admin'] })).statusCode, 404);
});

test("a runbook version is stored sealed and by pseudonym; a purge of its author unlinks the author and the message, not the runbook", async () => {
  const saved = await saveRunbook(lead, 'disk-full', { title: 'Disk full', body: '# Disk full\n\nRotate the logs.', message: 'written after the outage of 3 May', base_version: 0 });
  assert.equal(saved.statusCode, 200, saved.body);
  const [stored] = await rows('pilot-a', `SELECT title, body, message, author FROM runbook_versions WHERE slug = 'disk-full'`);
  assert.ok(['title', 'body', 'message'].every((f) => String(stored![f]).startsWith('sealed:v1:')), JSON.stringify(stored));
  assert.match(String(stored!.author), /^pseudonym:/);
  const purgeId = '00000000-0000-7000-8000-0000000000aa';
  await withTenantTransaction(h.t.db, 'pilot-a', () => dataKeys().shred({ subjectId: 'user-team-lead' }, purgeId, new Date()));
  const [v1] = (await h.call('GET', '/api/v1/runbooks/disk-full/versions', { as: engineer })).json().versions;
  assert.deepEqual([v1.title, v1.message, v1.author], ['Disk full', `[purged] ${purgeId}`, `[purged] ${purgeId}`]);
  assert.match((await h.call('GET', '/api/v1/runbooks/disk-full', { as: engineer })).json().body, /Rotate the logs/);
});
