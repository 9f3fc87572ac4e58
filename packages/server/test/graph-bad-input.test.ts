import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { currentTx } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { hostileString } from './support/bad-input-arbitraries.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Generated bad input aimed at what the graph routes parse themselves (batches, NDJSON lines,
// property filters, cursors, walk options, tenant schemas): never a 500, and a refused request
// writes no entity, relationship or type.
const T = 'pilot-b';
const SEED = Number(process.env.BAD_INPUT_SEED ?? 20261206);
let h: TestApp;
let token: string;
let anchor: string;

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
  token = await h.token(T, 'user-admin', { ttl: 86_400 });
  anchor = (await h.call('POST', '/api/v1/entities', { as: [T, 'user-admin'], body: { type: 'Asset', properties: { name: 'anchor' } } })).json().entity_id;
});
after(() => h.close());

// The rows a request could write; the evidence of requests and decisions (receipts, decisions,
// bundles and their edges) is written by the server whatever the answer, some of it by the decision log later.
const graphRows = () =>
  withTenantTransaction(h.t.db, T, async () => {
    const [r] = await currentTx().query<{ e: number; r: number; t: number }>(
      `SELECT (SELECT count(*)::int FROM entities WHERE source NOT IN ('ledger', 'policy')) AS e, (SELECT count(*)::int FROM relationships WHERE source NOT IN ('ledger', 'policy')) AS r, (SELECT count(*)::int FROM graph_types) AS t`,
    );
    return r!;
  });

const item = fc.record(
  { key: fc.oneof(hostileString, fc.uuid()), type: fc.oneof(fc.constantFrom('Asset', 'Person', 'NoSuch', 'asset', ''), hostileString), properties: fc.oneof(fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), fc.jsonValue({ maxDepth: 1 })) },
  { requiredKeys: [] },
);

// Built when the test runs, once the anchor entity exists.
const requests = () => fc.oneof(
  fc.array(item, { maxLength: 5 }).map((items) => ({ method: 'POST' as const, url: '/api/v1/entities:batch', body: JSON.stringify(items), type: 'application/json' })),
  fc.array(fc.oneof(item.map((i) => JSON.stringify(i)), hostileString), { maxLength: 5 }).map((lines) => ({ method: 'POST' as const, url: '/api/v1/entities:batch', body: lines.join('\n'), type: 'application/x-ndjson' })),
  fc.record({ where: fc.oneof(hostileString, fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v))), after: fc.oneof(hostileString, fc.base64String({ maxLength: 40 })), limit: fc.oneof(hostileString, fc.integer().map(String)) }, { requiredKeys: [] }).map((q) => ({
    method: 'GET' as const,
    url: `/api/v1/entities?${new URLSearchParams(q as Record<string, string>).toString()}`,
  })),
  fc.record({ depth: hostileString, types: hostileString, direction: hostileString, limit: hostileString }, { requiredKeys: [] }).map((q) => ({
    method: 'GET' as const,
    url: `/api/v1/graph/entity/${anchor}?${new URLSearchParams(q as Record<string, string>).toString()}`,
  })),
  fc.record({ from: fc.oneof(hostileString, fc.constant(anchor)), to: fc.oneof(hostileString, fc.constant(anchor)), type: fc.oneof(hostileString, fc.constantFrom('OWNS', 'ENTITLED_TO')) }, { requiredKeys: [] }).map((b) => ({
    method: 'POST' as const,
    url: '/api/v1/relationships',
    body: JSON.stringify(b),
    type: 'application/json',
  })),
  fc.jsonValue({ maxDepth: 4 }).map((schema) => ({ method: 'PUT' as const, url: '/api/v1/graph/types/entity/Generated', body: JSON.stringify({ schema }), type: 'application/json' })),
);

test('graph routes: generated bad input is refused with a problem, never a 500, and writes nothing', async () => {
  const statuses: number[] = [];
  await fc.assert(
    fc.asyncProperty(requests(), async (r) => {
      const before = await graphRows();
      const res = await h.app.inject({
        method: r.method,
        url: r.url,
        headers: { authorization: `Bearer ${token}`, ...('type' in r ? { 'content-type': r.type } : {}) },
        ...('body' in r ? { payload: r.body } : {}),
      });
      statuses.push(res.statusCode);
      assert.ok(res.statusCode < 500, `${r.method} ${r.url.slice(0, 200)} -> ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (res.statusCode >= 400) {
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
        assert.deepEqual(await graphRows(), before, `${r.method} ${r.url.slice(0, 120)}: a refused request wrote to the graph`);
      }
    }),
    { seed: SEED, numRuns: 60 },
  );
  assert.ok(statuses.some((s) => s >= 400), 'some inputs are refused');
});
