import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentTx } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// The entity graph through its API: entities, batches, relationships, walks, entitlements and
// the policy's filtering of what a caller sees.
let h: TestApp;
const T = 'pilot-a';
const ADMIN: [string, string] = [T, 'user-admin'];
const ENGINEER: [string, string] = [T, 'user-engineer'];
const LEAD: [string, string] = [T, 'user-team-lead'];

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
});
after(() => h.close());

async function create(as: [string, string], body: Record<string, unknown>): Promise<string> {
  const res = await h.call('POST', '/api/v1/entities', { as, body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().entity_id as string;
}

async function relate(from: string, type: string, to: string, as: [string, string] = ADMIN): Promise<string> {
  const res = await h.call('POST', '/api/v1/relationships', { as, body: { from, to, type } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().relationship_id as string;
}

const rows = <T extends object>(sql: string, params: unknown[] = []) => withTenantTransaction(h.t.db, T, () => currentTx().query<T>(sql, params));

test('an entity is created, read, changed, listed by type and property, and deleted; each step is receipted', async () => {
  const id = await create(ADMIN, { type: 'Asset', properties: { name: 'db-prod', tier: 'gold' } });
  const got = await h.call('GET', `/api/v1/entities/${id}`, { as: ADMIN });
  assert.equal(got.statusCode, 200);
  assert.deepEqual(got.json().properties, { name: 'db-prod', tier: 'gold' });
  assert.equal(got.json().owner, 'user-admin');
  assert.match(String(got.headers['x-receipt-id']), /^[0-9a-f-]{36}$/);

  const patched = await h.call('PATCH', `/api/v1/entities/${id}`, { as: ADMIN, body: { properties: { name: 'db-prod', tier: 'silver' } } });
  assert.equal(patched.json().properties.tier, 'silver');
  const listed = await h.call('GET', `/api/v1/entities?type=Asset&where=${encodeURIComponent('{"tier":"silver"}')}`, { as: ADMIN });
  assert.deepEqual(listed.json().entities.map((e: { entity_id: string }) => e.entity_id), [id], listed.body);

  const other = await create(ADMIN, { type: 'Asset', properties: { name: 'db-replica' } });
  const edge = await relate(id, 'OWNS', other);
  const gone = await h.call('DELETE', `/api/v1/entities/${id}`, { as: ADMIN });
  assert.equal(gone.statusCode, 200, gone.body);
  // The relationships that went: the one made here, and the links to the entity's receipts.
  const removed = gone.json().relationships as Array<{ relationship_id: string; type: string }>;
  assert.deepEqual(removed.filter((r) => r.type !== 'RECEIPTED_BY').map((r) => r.relationship_id), [edge]);
  assert.equal(removed.filter((r) => r.type === 'RECEIPTED_BY').length, 2, 'created and patched');
  // The receipt names what went: the entity and its relationship.
  const [receipt] = await rows<{ body: { target: string; evidence_refs: string[] } }>(`SELECT body FROM receipts WHERE receipt_id = $1`, [gone.headers['x-receipt-id']]);
  assert.equal(receipt!.body.target, id);
  assert.ok(receipt!.body.evidence_refs.includes(`entity:${id}:Asset`), JSON.stringify(receipt!.body.evidence_refs));
  assert.ok(receipt!.body.evidence_refs.includes(`relationship:${edge}:${id}-OWNS->${other}`));
  assert.equal((await h.call('GET', `/api/v1/entities/${id}`, { as: ADMIN })).statusCode, 404);
});

test('keyset pagination walks every entity of a type once', async () => {
  for (let i = 0; i < 5; i++) await create(ADMIN, { type: 'Runbook', properties: { n: i } });
  const seen: number[] = [];
  let cursor: string | null = null;
  do {
    const res = await h.call('GET', `/api/v1/entities?type=Runbook&limit=2${cursor === null ? '' : `&after=${cursor}`}`, { as: ADMIN });
    assert.equal(res.statusCode, 200, res.body);
    seen.push(...res.json().entities.map((e: { properties: { n: number } }) => e.properties.n));
    cursor = res.json().next_cursor;
  } while (cursor !== null);
  assert.deepEqual(seen, [0, 1, 2, 3, 4]);
  const bad = await h.call('GET', '/api/v1/entities?after=AAAA', { as: ADMIN });
  assert.equal(bad.statusCode, 400);
});

test('a batch is all or nothing, idempotent by key, as a JSON array or NDJSON', async () => {
  const items = [0, 1, 2].map((i) => ({ key: `wf-${i}`, type: 'Workflow', properties: { step: i } }));
  const first = await h.call('POST', '/api/v1/entities:batch', { as: ADMIN, body: items });
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual([first.json().created, first.json().existing], [3, 0]);
  const again = await h.call('POST', '/api/v1/entities:batch', { as: ADMIN, body: items });
  assert.deepEqual([again.json().created, again.json().existing], [0, 3]);
  assert.deepEqual(again.json().entities, first.json().entities.map((e: object) => ({ ...e, created: false })));

  const ndjson = [...items, { key: 'wf-3', type: 'Workflow', properties: { step: 3 } }].map((i) => JSON.stringify(i)).join('\n');
  const mixed = await h.call('POST', '/api/v1/entities:batch', { as: ADMIN, body: ndjson, headers: { 'content-type': 'application/x-ndjson' } });
  assert.equal(mixed.statusCode, 200, mixed.body);
  assert.deepEqual([mixed.json().created, mixed.json().existing], [1, 3]);

  // One bad item refuses the whole batch.
  const before = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM entities WHERE type = 'Workflow'`);
  const bad = await h.call('POST', '/api/v1/entities:batch', { as: ADMIN, body: [{ key: 'wf-4', type: 'Workflow' }, { key: 'wf-5', type: 'NoSuchType' }] });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().errors[0].field, '1.type');
  const reused = await h.call('POST', '/api/v1/entities:batch', { as: ADMIN, body: [{ key: 'wf-6', type: 'Workflow' }, { key: 'wf-0', type: 'Workflow', properties: { step: 99 } }] });
  assert.equal(reused.statusCode, 409);
  const broken = await h.call('POST', '/api/v1/entities:batch', { as: ADMIN, body: '{"key":"wf-7","type":"Workflow"}\n{not json', headers: { 'content-type': 'application/x-ndjson' } });
  assert.equal(broken.statusCode, 400);
  assert.match(broken.json().detail, /line 2/);
  const after = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM entities WHERE type = 'Workflow'`);
  assert.deepEqual(after, before);

  const tooMany = await h.call('POST', '/api/v1/entities:batch', { as: ADMIN, body: Array.from({ length: 10_001 }, (_, i) => ({ key: `k${i}`, type: 'Asset' })) });
  assert.equal(tooMany.statusCode, 400);
});

test('tenant types: a JSON Schema checks properties; regular expressions are refused', async () => {
  const schema = { type: 'object', required: ['severity'], properties: { severity: { enum: ['low', 'high'] } }, additionalProperties: false };
  const put = await h.call('PUT', '/api/v1/graph/types/entity/Vendor', { as: ADMIN, body: { description: 'a supplier', schema } });
  assert.equal(put.statusCode, 200, put.body);
  assert.equal((await h.call('POST', '/api/v1/entities', { as: ADMIN, body: { type: 'Vendor', properties: { severity: 'mid' } } })).statusCode, 400);
  await create(ADMIN, { type: 'Vendor', properties: { severity: 'high' } });
  const regex = await h.call('PUT', '/api/v1/graph/types/entity/Bad', { as: ADMIN, body: { schema: { type: 'object', properties: { a: { type: 'string', pattern: '(a+)+$' } } } } });
  assert.equal(regex.statusCode, 400);
  assert.equal((await h.call('PUT', '/api/v1/graph/types/entity/Asset', { as: ADMIN, body: { schema: {} } })).statusCode, 409);
  const types = await h.call('GET', '/api/v1/graph/types', { as: ADMIN });
  assert.ok(types.json().types.some((t: { type_name: string; builtin: boolean }) => t.type_name === 'Vendor' && !t.builtin));
});

test('neighbours to depth 2 leave out, and count, what the caller may not see', async () => {
  const server = await create(ADMIN, { type: 'Asset', properties: { name: 'srv' } });
  const team = await create(ADMIN, { type: 'Team', properties: { name: 'ops' } });
  const invoice = await create(ADMIN, { type: 'Invoice', properties: { name: 'inv-1' } });
  const person = await create(ADMIN, { type: 'Person', properties: { name: 'pat' } });
  await relate(team, 'OWNS', server);
  await relate(server, 'BILLS_TO', invoice);
  await relate(person, 'MEMBER_OF', team);

  const admin = await h.call('GET', `/api/v1/graph/entity/${server}?depth=2`, { as: ADMIN });
  assert.equal(admin.statusCode, 200, admin.body);
  const depthOf = (res: typeof admin) => Object.fromEntries(res.json().neighbours.map((n: { entity: { entity_id: string }; depth: number }) => [n.entity.entity_id, n.depth]));
  assert.deepEqual(depthOf(admin), { [team]: 1, [invoice]: 1, [person]: 2 });
  assert.equal(admin.json().hidden, 0);

  // Invoices are restricted to finance and admins: the team lead sees the rest, and a count.
  const lead = await h.call('GET', `/api/v1/graph/entity/${server}?depth=2`, { as: LEAD });
  assert.deepEqual(depthOf(lead), { [team]: 1, [person]: 2 });
  assert.equal(lead.json().hidden, 1);
  assert.ok(!lead.body.includes(invoice), 'a hidden neighbour is not named');
  // Entitled to the invoice, the lead sees it in the walk too, and the entitlement's holder beyond it.
  assert.equal((await h.call('POST', '/api/v1/entitlements', { as: ADMIN, body: { subject_id: 'user-team-lead', entity_id: invoice } })).statusCode, 201);
  const entitled = await h.call('GET', `/api/v1/graph/entity/${server}?depth=2`, { as: LEAD });
  assert.deepEqual(depthOf(entitled), { [team]: 1, [invoice]: 1, [person]: 2, 'subject:user-team-lead': 2 });
  assert.equal(entitled.json().hidden, 0);

  const outOnly = await h.call('GET', `/api/v1/graph/entity/${server}?direction=out&types=BILLS_TO`, { as: ADMIN });
  assert.deepEqual(depthOf(outOnly), { [invoice]: 1 });
  const limited = await h.call('GET', `/api/v1/graph/entity/${server}?depth=3&limit=1`, { as: ADMIN });
  assert.equal(limited.json().neighbours.length, 1);
  assert.equal(limited.json().truncated, true);
});

test('lineage follows chosen types up and down, and a cycle ends the walk', async () => {
  const [a, b, c, d] = [await create(ADMIN, { type: 'Workflow' }), await create(ADMIN, { type: 'Workflow' }), await create(ADMIN, { type: 'Workflow' }), await create(ADMIN, { type: 'Receipt' })];
  await relate(a, 'TRIGGERS', b);
  await relate(b, 'TRIGGERS', c);
  await relate(c, 'TRIGGERS', a);
  await relate(c, 'EMITS', d);
  const down = await h.call('GET', `/api/v1/entities/${a}/lineage?direction=downstream&types=TRIGGERS,EMITS`, { as: ADMIN });
  assert.equal(down.statusCode, 200, down.body);
  assert.deepEqual(down.json().downstream.map((s: { entity_id: string; depth: number }) => [s.entity_id, s.depth]), [[b, 1], [c, 2], [d, 3]].sort((x, y) => (x[1] as number) - (y[1] as number)));
  const up = await h.call('GET', `/api/v1/entities/${d}/lineage?direction=upstream`, { as: ADMIN });
  assert.deepEqual(new Set(up.json().upstream.map((s: { entity_id: string }) => s.entity_id)), new Set([c, b, a]));
  const capped = await h.call('GET', `/api/v1/entities/${a}/lineage?direction=downstream&depth=1`, { as: ADMIN });
  assert.deepEqual(capped.json().downstream.map((s: { entity_id: string }) => s.entity_id), [b]);
});

test('an entitlement lets a subject read an entity no role of it grants; revoked, it cannot', async () => {
  const asset = await create(ADMIN, { type: 'Asset', properties: { name: 'secret-store' } });
  const denied = await h.call('GET', `/api/v1/entities/${asset}`, { as: ENGINEER });
  assert.equal(denied.statusCode, 403);
  assert.ok(denied.json().reasons.some((r: string) => r.includes('graph.entity.get')));
  const grant = await h.call('POST', '/api/v1/entitlements', { as: ADMIN, body: { subject_id: 'user-engineer', entity_id: asset } });
  assert.equal(grant.statusCode, 201, grant.body);
  assert.equal((await h.call('GET', `/api/v1/entities/${asset}`, { as: ENGINEER })).statusCode, 200);
  // The engineer also sees it among the subject's neighbours... and the asset's own entity is visible in lists.
  const revoke = await h.call('DELETE', `/api/v1/entitlements/user-engineer/${asset}`, { as: ADMIN });
  assert.equal(revoke.statusCode, 200, revoke.body);
  assert.equal((await h.call('GET', `/api/v1/entities/${asset}`, { as: ENGINEER })).statusCode, 403);
  // An entity the engineer made is its own to read.
  const own = await create(ENGINEER, { type: 'Asset', properties: { name: 'laptop' } });
  assert.equal((await h.call('GET', `/api/v1/entities/${own}`, { as: ENGINEER })).statusCode, 200);
  const viaRelationships = await h.call('POST', '/api/v1/relationships', { as: ADMIN, body: { from: 'subject:user-engineer', to: asset, type: 'ENTITLED_TO' } });
  assert.equal(viaRelationships.statusCode, 400);
});

test('a relationship never reaches another tenant\u2019s entity', async () => {
  const mine = await create(ADMIN, { type: 'Asset' });
  const theirs = await create(['pilot-b', 'user-admin'], { type: 'Asset' });
  const res = await h.call('POST', '/api/v1/relationships', { as: ADMIN, body: { from: mine, to: theirs, type: 'OWNS' } });
  assert.equal(res.statusCode, 404);
  assert.equal((await h.call('GET', `/api/v1/graph/entity/${theirs}`, { as: ADMIN })).statusCode, 404);
});

test('every receipt is an entity; the receipts of changes are linked from what they changed', async () => {
  const asset = await create(ADMIN, { type: 'Asset' });
  const read = await h.call('GET', `/api/v1/entities/${asset}`, { as: ADMIN });
  const changed = await h.call('PATCH', `/api/v1/entities/${asset}`, { as: ADMIN, body: { properties: { name: 'renamed' } } });
  const receiptOf = (res: typeof read) => `receipt:${String(res.headers['x-receipt-id'])}`;
  const edges = await rows<{ to_id: string }>(`SELECT to_id FROM relationships WHERE from_id = $1 AND type = 'RECEIPTED_BY'`, [asset]);
  assert.ok(edges.some((e) => e.to_id === receiptOf(changed)));
  assert.ok(!edges.some((e) => e.to_id === receiptOf(read)), 'reads are not linked');
  const entities = await rows<{ entity_id: string; type: string }>(`SELECT entity_id, type FROM entities WHERE entity_id = ANY($1::text[]) ORDER BY 1`, [[receiptOf(read), receiptOf(changed)]]);
  assert.deepEqual(entities.map((e) => e.type), ['Receipt', 'Receipt']);
});

test('subjects, teams, high-risk requests, approvals and decisions are in the graph, written with the object', async () => {
  const created = await h.call('POST', '/api/v1/high-risk-ops/requests', {
    as: ENGINEER,
    body: { operation: 'TEMP_DB_READ_ACCESS', target: { database: 'test', schema: 'public', tables: ['orders'] }, duration_minutes: 30, rationale: 'investigate order 7' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = `high-risk-request:${String(created.json().request_id)}`;
  assert.equal((await h.call('POST', `/api/v1/high-risk-ops/requests/${String(created.json().request_id)}/approve`, { as: LEAD, body: { rationale: 'on call' } })).statusCode, 200);
  const around = await h.call('GET', `/api/v1/graph/entity/${encodeURIComponent(id)}?depth=2`, { as: ADMIN });
  assert.equal(around.statusCode, 200, around.body);
  const edges = (around.json().relationships as Array<{ from_id: string; type: string; to_id: string }>).map((e) => `${e.from_id} ${e.type} ${e.to_id}`);
  const approval = `approval:${String(created.json().request_id)}:1`;
  for (const edge of [`subject:user-engineer REQUESTED ${id}`, `${approval} APPROVED ${id}`, `${approval} DECIDED_BY subject:user-team-lead`, 'subject:user-engineer MEMBER_OF team:engineering']) {
    assert.ok(edges.includes(edge), `${edge} in ${edges.join('; ')}`);
  }
  assert.equal(around.json().entity.properties.status, 'requested');

  await (await import('../src/policy/policy-runtime.ts')).policyRuntime().engine.flushDecisions();
  const decisions = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM entities e WHERE e.type = 'PolicyDecision' AND e.properties ->> 'action' = 'high_risk.request.approve'`);
  assert.equal(decisions[0]!.n, 1);
});
