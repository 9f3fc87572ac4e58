import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { insertSubject } from '../src/identity/subjects.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { rowsNaming as rowsNamingIn } from './support/rows-naming.ts';
import { admin, type As, leaver, PSEUDONYM, purgeLeaver, T } from './support/subject-purge.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// The decision log and usage events name a person by pseudonym (ADR 0029): a decision's actor and
// the subject id in its logged input; a usage event's subject.
// Readers see the subject id while the person's key lives. A subject purge destroys the key, and
// then no row of either table names the person. Another tenant's person of the same id keeps theirs.

const otherLeaver: As = ['pilot-b', 'user-leaver'];

type Decision = { action: string; actor: string; allow: boolean; reasons: string[]; input: { subject: { id: string } } };
type Usage = { meter: string; subject: string | null; source: string };

let h: TestApp;
let purgeId: string;

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
  for (const tenant of [T, 'pilot-b']) {
    await withTenantTransaction(h.t.db, tenant, async () => {
      await insertSubject({ subject_id: 'user-leaver', display_name: 'Lee Leaver', roles: ['security'], attributes: {} }, h.clock.now());
      if (tenant !== T) return;
      await insertSubject({ subject_id: 'user-dpo', display_name: 'Dana Data Protection', roles: ['security_officer'], attributes: {} }, h.clock.now());
      await insertSubject({ subject_id: 'user-newcomer', display_name: 'Nia Newcomer', roles: [], attributes: {} }, h.clock.now());
    });
  }
  // The leaver acts: asks for a purge of an asset and withdraws it; so does tenant B's person of the same id.
  const asked = await h.call('POST', '/api/v1/purge-requests', { as: leaver, body: { scope: 'entity', subject: 'asset-9', rationale: 'an asset nobody uses' } });
  assert.equal(asked.statusCode, 201, asked.body);
  const cancelled = await h.call('POST', `/api/v1/purge-requests/${asked.json().purge_id as string}/cancel`, { as: leaver, body: {} });
  assert.equal(cancelled.statusCode, 200, cancelled.body);
  assert.equal((await h.call('GET', '/api/v1/purge-requests', { as: otherLeaver })).statusCode, 200);
  // A connector reports usage of the leaver.
  const reported = await h.call('POST', '/api/v1/finops/usage', {
    as: admin,
    body: JSON.stringify({ specversion: '1.0', id: 'leaver-1', source: 'connector/test', type: 'api_request', subject: 'user-leaver' }),
    headers: { 'content-type': 'application/cloudevents+json' },
  });
  assert.equal(reported.statusCode, 200, reported.body);
});
after(() => h.close());

const rowsNaming = (table: 'policy_decisions' | 'usage_events', tenant: string, text: string) => rowsNamingIn(h.t.db, table, tenant, text);

const decisions = async (as: As, query: string): Promise<Decision[]> => {
  await policyRuntime().engine.flushDecisions();
  const res = await h.call('GET', `/api/v1/policy/decisions?${query}`, { as });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().decisions as Decision[];
};

const usage = async (as: As): Promise<Usage[]> => {
  const res = await h.call('GET', '/api/v1/finops/usage', { as });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().events as Usage[];
};

test('decisions and usage events store the person by pseudonym; readers show the subject id, and a filter by subject finds them', async () => {
  for (const table of ['policy_decisions', 'usage_events'] as const) assert.deepEqual(await rowsNaming(table, T, 'user-leaver'), [], `${table} rows do not hold the subject id`);
  const [stored] = await h.t.db.query<{ actor: string; subject_id: string }>(
    `SELECT actor, input->'subject'->>'id' AS subject_id FROM policy_decisions WHERE tenant_id = $1 AND action = 'purge.request.cancel'`,
    [T],
  );
  assert.match(String(stored?.actor), PSEUDONYM);
  assert.equal(stored!.subject_id, stored!.actor, 'the logged input names the caller by the same pseudonym');

  const mine = await decisions(admin, 'subject=user-leaver');
  assert.deepEqual(mine.map((d) => d.action).sort(), ['purge.request.cancel', 'purge.request.create']);
  assert.ok(mine.every((d) => d.actor === 'user-leaver' && d.input.subject.id === 'user-leaver'), 'the listing shows the subject id');

  const events = (await usage(admin)).filter((e) => e.subject === 'user-leaver');
  assert.deepEqual(events.map((e) => `${e.meter} ${e.source}`).sort(), ['api_request api', 'api_request pipeline', 'api_request pipeline', 'policy_decision server', 'policy_decision server']);
});

test('a first request that is refused logs its caller by the pseudonym of a key that exists', async () => {
  // The refused request's transaction, and a key it made, are rolled back; the log names the caller by the key kept.
  const refused = await h.call('GET', '/api/v1/purge-requests', { as: [T, 'user-newcomer'] });
  assert.equal(refused.statusCode, 403, refused.body);
  assert.deepEqual(await rowsNaming('policy_decisions', T, 'user-newcomer'), []);
  const [logged] = await decisions(admin, 'subject=user-newcomer');
  assert.deepEqual([logged?.actor, logged?.action, logged?.allow], ['user-newcomer', 'purge.request.list', false]);
  assert.deepEqual(logged!.reasons, ['no role of subject user-newcomer grants action purge.request.list'], 'the reason shows the subject id again');
  const keys = await h.t.db.query<{ key_id: string }>(`SELECT key_id::text FROM subject_data_keys WHERE tenant_id = $1 AND subject_id = 'user-newcomer'`, [T]);
  const [row] = await h.t.db.query<{ actor: string; reasons: string[] }>(`SELECT actor, reasons FROM policy_decisions WHERE tenant_id = $1 AND action = 'purge.request.list' AND allow = false`, [T]);
  assert.deepEqual(keys.map((k) => `pseudonym:${k.key_id}`), [row!.actor], 'one key, and the decision names it');
  assert.deepEqual(row!.reasons, [`no role of subject ${row!.actor} grants action purge.request.list`], 'the stored reason names the pseudonym');
});

test('after a subject purge no decision or usage row names the subject; readers show it purged, and tenant B keeps its own person', async () => {
  const purge = await purgeLeaver(h, 'erasure request, ticket 4711');
  purgeId = purge.purgeId;
  const done = purge.done;
  const listedAsPlain = (done.manifest.not_shreddable as Array<{ table: string }>).map((n) => n.table);
  assert.ok(!listedAsPlain.includes('policy_decisions') && !listedAsPlain.includes('usage_events'), JSON.stringify(done.manifest.not_shreddable));

  for (const table of ['policy_decisions', 'usage_events'] as const) assert.deepEqual(await rowsNaming(table, T, 'user-leaver'), [], `${table} names the purged subject nowhere`);
  assert.deepEqual(await decisions(admin, 'subject=user-leaver'), [], 'nothing ties the decisions to the subject id any more');
  const purged = `[purged] ${purgeId}`;
  const [cancel] = await decisions(admin, 'action=purge.request.cancel');
  assert.deepEqual([cancel!.actor, cancel!.input.subject.id], [purged, purged]);
  assert.equal((await usage(admin)).filter((e) => e.subject === purged).length, 5);

  const theirs = await decisions(['pilot-b', 'user-admin'], 'subject=user-leaver');
  assert.deepEqual(theirs.map((d) => d.actor), ['user-leaver'], "tenant B's person of the same id is still shown");
  assert.equal((await usage(['pilot-b', 'user-admin'])).filter((e) => e.subject === 'user-leaver').length, 2);
});
