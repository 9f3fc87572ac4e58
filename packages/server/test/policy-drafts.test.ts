import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { currentTx } from '../src/context.ts';
import { withTenantTransaction } from '../src/db/tenant-tx.ts';
import type { Problem } from '../src/http/problem.ts';
import type { ReceiptBody } from '../src/ledger/receipts.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Tenant-supplied drafts run in the draft pool's worker threads, with a deadline and a heap cap:
// one tenant's runaway draft is stopped and never holds up another tenant's requests.
let h: TestApp;
const adminA: [string, string] = ['pilot-a', 'user-admin'];
const adminB: [string, string] = ['pilot-b', 'user-admin'];
// Long enough for this thread to answer while the draft spins, even on a heavily loaded machine.
const BUDGET_MS = 10_000;

before(async () => {
  // Each evaluation's own time budget is set past the draft deadline, so the deadline is what stops a runaway here.
  h = await createTestApp({ config: { policyWorkers: 2, policyDraftTimeoutMs: BUDGET_MS, policyDraftHeapMb: 64, policyEvalTimeMs: 600_000 } });
});
after(() => h.close());

const draftModule = (rules: string) => ({ 'tenant/hostile.rego': `package tenant.hostile\n\n${rules}\n` });
const simulate = (as: [string, string], rules: string, path: string) =>
  h.call('POST', '/api/v1/policy/simulate', { as, body: { draft: { modules: draftModule(rules) }, path, inputs: [{}] } });

// Ten billion steps: it never finishes on its own.
const RUNAWAY = 'spin if {\n  every a in numbers.range(1, 100000) {\n    every b in numbers.range(1, 100000) { a + b > 0 }\n  }\n}';

test('a draft runs in a worker with the same engine and gives the same answers', async () => {
  const res = await simulate(adminA, 'answer := {"sum": input.a + 1, "match": regex.match("^(a+)+$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!")}', 'tenant.hostile.answer');
  assert.equal(res.statusCode, 200, res.body);
  // input.a is undefined in `{}`: the rule is undefined, as in process.
  assert.deepEqual(res.json().results, [{ result: null }]);
  const withInput = await h.call('POST', '/api/v1/policy/simulate', {
    as: adminA,
    body: { draft: { modules: draftModule('answer := {"sum": input.a + 1, "set": {x | some x in [3, 1, 3]}}') }, path: 'tenant.hostile.answer', inputs: [{ a: 41 }] },
  });
  assert.equal(withInput.statusCode, 200, withInput.body);
  assert.deepEqual(withInput.json().results[0].result, { sum: 42, set: [1, 3] });
  // Evaluated between two transactions, the simulation is receipted all the same, citing the bundle that decided it.
  const receipt = await withTenantTransaction(h.t.db, 'pilot-a', async () => (await currentTx().query<{ body: ReceiptBody }>('SELECT body FROM receipts WHERE receipt_id = $1', [withInput.headers['x-receipt-id']]))[0]?.body);
  assert.equal(receipt?.action, 'policy.simulate');
  assert.equal(receipt?.bundle_hash, policyRuntime().engine.bundleFor('pilot-a').hash);
});

test('a runaway draft is stopped after its budget, and the request thread stays free meanwhile', async () => {
  let settled = false;
  const runaway = simulate(adminA, RUNAWAY, 'tenant.hostile.spin').finally(() => {
    settled = true;
  });
  while (policyRuntime().drafts.running === 0 && !settled) await sleep(20);
  // A may not start a second draft while its first holds a worker.
  const drafts = policyRuntime().drafts;
  await assert.rejects(drafts.simulate('pilot-a', { modules: [], data: {} }, 'x', [{}]), (e: Problem) => e.slug === 'quota-exceeded' && e.headers['retry-after'] === '1');
  // While A's draft spins in its worker, this thread answers requests and evaluates policies, and
  // the database is free: the draft holds no transaction (on PGlite, one connection, B's governed
  // request would otherwise wait behind it).
  const health = await h.app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(health.statusCode, 200);
  const bundle = policyRuntime().engine.bundleFor('pilot-b');
  policyRuntime().engine.policy('pilot-b', bundle).evaluate('companyos.authz.decision', { action: 'tenant.config.read' });
  const other = await h.call('GET', '/api/v1/policy/versions', { as: adminB });
  assert.equal(other.statusCode, 200, other.body);
  const otherSimulation = await h.call('POST', '/api/v1/policy/simulate', { as: adminB, body: { inputs: [{ action: 'tenant.config.read' }] } });
  assert.equal(otherSimulation.statusCode, 200, otherSimulation.body);
  assert.equal(settled, false, "B's requests finished only after A's draft ended");

  const res = await runaway;
  assert.equal(res.statusCode, 422, res.body);
  assert.equal(res.json().type, 'https://companyos.dev/problems/policy-budget-exceeded');
  assert.equal(res.json().code, 'eval_cancel_error');
  assert.match(res.json().detail, new RegExp(`within ${BUDGET_MS} ms`));
  // The pool replaced the terminated worker: A and B simulate again.
  for (const as of [adminA, adminB]) {
    const again = await simulate(as, 'ok := true', 'tenant.hostile.ok');
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual(again.json().results, [{ result: true }]);
  }
});

test('a draft that builds values past its heap cap is stopped, and a proposal runs its tests in the pool too', async () => {
  // A million small arrays: within the value size cap, far past a 64 MB heap.
  const HOG = 'big := count([[x, x, x, x, x, x, x, x] | some x in numbers.range(1, 1000000)])';
  const huge = await simulate(adminA, HOG, 'tenant.hostile.big');
  assert.equal(huge.statusCode, 422, huge.body);
  assert.equal(huge.json().type, 'https://companyos.dev/problems/policy-budget-exceeded');
  const versions = (await h.call('GET', '/api/v1/policy/versions', { as: adminA })).json().versions as unknown[];
  const proposal = await h.call('POST', '/api/v1/policy/versions', {
    as: adminA,
    body: { message: 'memory hog test', modules: { 'tenant/hog.rego': `package tenant.hog\n\n${HOG}\n`, 'tenant/hog_test.rego': 'package tenant.hog_test\n\nimport data.tenant.hog\n\ntest_hog if hog.big > 0\n' } },
  });
  assert.equal(proposal.statusCode, 422, proposal.body);
  assert.equal(proposal.json().type, 'https://companyos.dev/problems/policy-budget-exceeded');
  const after = (await h.call('GET', '/api/v1/policy/versions', { as: adminA })).json().versions as unknown[];
  assert.equal(after.length, versions.length, 'nothing was written');
});

test('every evaluation has a budget: a value past the size cap is eval_cancel_error, in drafts and in stored versions', async () => {
  const rules = 'big := count(numbers.range(1, 10000000))\n\nsmall := count(numbers.range(1, 1000))';
  const draft = await simulate(adminA, rules, 'tenant.hostile.big');
  assert.equal(draft.statusCode, 422, draft.body);
  assert.equal(draft.json().type, 'https://companyos.dev/problems/policy-budget-exceeded');
  assert.equal(draft.json().code, 'eval_cancel_error');
  assert.match(draft.json().detail, /numbers\.range: a value of 10000000 elements exceeds the evaluation budget of 1000000/);
  // The same rules in a stored version are evaluated on the request thread, under the same budget.
  const proposed = await h.call('POST', '/api/v1/policy/versions', { as: adminA, body: { message: 'big ranges', modules: draftModule(rules) } });
  assert.equal(proposed.statusCode, 201, proposed.body);
  const version = String(proposed.json().version.version);
  const stored = await h.call('POST', '/api/v1/policy/simulate', { as: adminA, body: { version, path: 'tenant.hostile.big', inputs: [{}] } });
  assert.equal(stored.statusCode, 422, stored.body);
  assert.equal(stored.json().code, 'eval_cancel_error');
  const small = await h.call('POST', '/api/v1/policy/simulate', { as: adminA, body: { version, path: 'tenant.hostile.small', inputs: [{}] } });
  assert.deepEqual(small.json().results, [{ result: 1000 }]);
});
