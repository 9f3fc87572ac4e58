import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentTx } from '../src/context.ts';
import { runBatch } from '../src/db/statement.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import { buildReceipt, receiptStatements, type ReceiptBody } from '../src/ledger/receipts.ts';
import { insertDecisions, type DecisionRecord } from '../src/policy/decision-log.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { uuidv7 } from '../src/util/ids.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { draftQuote, type As } from './support/revops-deal.ts';

// Which decision, under which bundle, allowed a change: the receipt of every change is linked
// from its object (RECEIPTED_BY) and to its decision (DECIDED_BY), which its bundle's Policy
// GOVERNS, whichever of the receipt's transaction and the decision log writes first; and the
// receipts the server writes by itself (a job's step) are in the graph like the pipeline's.

const T = 'pilot-a';
const ae: As = [T, 'user-ae'];
const ADMIN: As = [T, 'user-admin'];
const DAY = 86_400_000;
let h: TestApp;

before(async () => {
  h = await createTestApp({ ledgerBackground: false, jobsBackground: false });
});
after(() => h.close());

const inTenant = <R>(fn: () => Promise<R>) => withTenantTransaction(h.t.db, T, fn);
const rows = <R extends object>(sql: string, params: unknown[] = []) => inTenant(() => currentTx().query<R>(sql, params));
const edgesOf = async (id: string) =>
  (await rows<{ edge: string }>(`SELECT from_id || ' ' || type || ' ' || to_id AS edge FROM relationships WHERE from_id = $1 OR to_id = $1 ORDER BY 1`, [id])).map((e) => e.edge);

test("a new quote's receipt is linked from the quote and to the decision that allowed it, which its bundle governs: one walk answers", async () => {
  const { quoteId } = await draftQuote(h, ae, 500);
  const quote = `revops-quote:${quoteId}`;
  const [receipt] = await rows<{ receipt_id: string; body: ReceiptBody }>(`SELECT receipt_id::text, body FROM receipts WHERE target = $1 AND action = 'revops.quote.create'`, [quote]);
  const receiptEntity = `receipt:${receipt!.receipt_id}`;
  // Written with the quote, before the decision log has necessarily written anything.
  const decided = (await edgesOf(receiptEntity)).filter((e) => e.includes(' DECIDED_BY '));
  assert.equal(decided.length, 1, 'one decision allowed it');
  assert.ok((await edgesOf(receiptEntity)).includes(`${quote} RECEIPTED_BY ${receiptEntity}`));
  const decision = decided[0]!.split(' ')[2]!;

  await policyRuntime().engine.flushDecisions();
  const [logged] = await rows<{ properties: Record<string, unknown> }>(`SELECT properties FROM entities WHERE entity_id = $1 AND type = 'PolicyDecision'`, [decision]);
  // The graph mirrors the actor as stored: the receipt's and the decision log's pseudonym, the same one.
  assert.match(receipt!.body.actor, /^pseudonym:[0-9a-f-]{36}$/);
  assert.deepEqual(logged!.properties, { decision_id: decision.slice('decision:'.length), action: 'revops.quote.create', actor: receipt!.body.actor, allow: true, bundle_hash: receipt!.body.bundle_hash });
  const policy = `policy:${receipt!.body.bundle_hash}`;
  assert.ok((await edgesOf(decision)).includes(`${policy} GOVERNS ${decision}`));

  const walk = await h.call('GET', `/api/v1/graph/entity/${encodeURIComponent(quote)}?depth=3&types=RECEIPTED_BY,DECIDED_BY,GOVERNS`, { as: ADMIN });
  assert.equal(walk.statusCode, 200, walk.body);
  const found = (walk.json().neighbours as Array<{ entity: { entity_id: string; type: string }; depth: number }>).map((n) => `${n.depth} ${n.entity.type} ${n.entity.entity_id}`);
  for (const node of [`1 Receipt ${receiptEntity}`, `2 PolicyDecision ${decision}`, `3 Policy ${policy}`]) assert.ok(found.includes(node), `${node} in ${found.join('; ')}`);
});

/** A change to a new Asset and the allow decision it cites, neither written yet (the receipt is built in a tenant transaction). */
async function pendingChange(): Promise<{ asset: string; record: DecisionRecord; receiptOf: () => ReturnType<typeof buildReceipt> }> {
  const made = await h.call('POST', '/api/v1/entities', { as: ADMIN, body: { type: 'Asset', properties: { name: 'ledger-db' } } });
  assert.equal(made.statusCode, 201, made.body);
  const asset = made.json().entity_id as string;
  const at = h.clock.now();
  const record: DecisionRecord = {
    decision_id: uuidv7(at.getTime()),
    tenant_id: T,
    timestamp: at.toISOString(),
    actor: 'user-admin',
    action: 'graph.entity.update',
    allow: true,
    reasons: [],
    bundle_hash: 'c'.repeat(64),
    path: 'companyos/authz/decision',
    input: {},
    result: { allow: true },
    latency_ns: 1000,
  };
  const receiptOf = () =>
    buildReceipt({ actor: 'user-admin', action: 'graph.entity.update', target: asset, decision: 'allow', bundle_hash: record.bundle_hash, evidence_refs: [], request_id: `req-${record.decision_id}` }, at);
  return { asset, record, receiptOf };
}

const linkedChain = async (asset: string, receiptId: string, decisionId: string) => {
  const receipt = `receipt:${receiptId}`;
  const decision = `decision:${decisionId}`;
  assert.deepEqual(
    [...(await edgesOf(receipt)), ...(await edgesOf(decision)).filter((e) => e.includes(' GOVERNS '))],
    [`${asset} RECEIPTED_BY ${receipt}`, `${receipt} DECIDED_BY ${decision}`, `policy:${'c'.repeat(64)} GOVERNS ${decision}`],
  );
  const entities = await rows<{ type: string; allow: boolean }>(`SELECT type, (properties ->> 'allow')::boolean AS allow FROM entities WHERE entity_id = $1`, [decision]);
  assert.deepEqual(entities, [{ type: 'PolicyDecision', allow: true }]);
};

test('the decision log may write first: the receipt written after it links to the same decision', async () => {
  const { asset, record, receiptOf } = await pendingChange();
  await inTenant(() => insertDecisions([record], h.clock.now()));
  const receipt = await inTenant(async () => receiptOf());
  await inTenant(() => runBatch(receiptStatements(receipt, { link: true, decision: { decision_id: record.decision_id, bundle_hash: record.bundle_hash } })));
  await linkedChain(asset, receipt.body.receipt_id, record.decision_id);
});

test('the receipt may be written first: the decision log fills in its decision and links the bundle', async () => {
  const { asset, record, receiptOf } = await pendingChange();
  const receipt = await inTenant(async () => receiptOf());
  await inTenant(() => runBatch(receiptStatements(receipt, { link: true, decision: { decision_id: record.decision_id, bundle_hash: record.bundle_hash } })));
  // Logged twice (a retried upload): one entity, one edge.
  await inTenant(() => insertDecisions([record], h.clock.now()));
  await inTenant(() => insertDecisions([record], h.clock.now()));
  await linkedChain(asset, receipt.body.receipt_id, record.decision_id);
});

test("a job's step is receipted into the graph like an action: the expiry of a quote is in the quote's history", async () => {
  const { quoteId } = await draftQuote(h, ae, 500);
  h.clock.advance(31 * DAY);
  await h.app.jobs.runDue();
  const quote = `revops-quote:${quoteId}`;
  const [expiry] = await rows<{ receipt_id: string }>(`SELECT receipt_id::text FROM receipts WHERE target = $1 AND action = 'revops.quote.expire'`, [quote]);
  assert.ok(expiry !== undefined, 'the job receipted the expiry');
  const [entity] = await rows<{ type: string }>(`SELECT type FROM entities WHERE entity_id = $1`, [`receipt:${expiry.receipt_id}`]);
  assert.equal(entity?.type, 'Receipt');
  assert.ok((await edgesOf(quote)).includes(`${quote} RECEIPTED_BY receipt:${expiry.receipt_id}`));
  // Every receipt of the quote is linked from it: the pipeline's and the job's.
  const unlinked = await rows(
    `SELECT r.receipt_id FROM receipts r WHERE r.tenant_id = $1 AND r.target = $2 AND r.action <> 'revops.quote.get'
       AND NOT EXISTS (SELECT 1 FROM relationships x WHERE x.tenant_id = r.tenant_id AND x.from_id = r.target AND x.type = 'RECEIPTED_BY' AND x.to_id = 'receipt:' || r.receipt_id)`,
    [T, quote],
  );
  assert.deepEqual(unlinked, []);
});
