import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Problem } from '../src/http/problem.ts';
import { policyRuntime } from '../src/policy/policy-runtime.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Tenant-supplied drafts run in the draft pool's worker threads, with a deadline and a heap cap:
// one tenant's runaway draft is stopped and never holds up another tenant's requests.
let h: TestApp;
const adminA: [string, string] = ['pilot-a', 'user-admin'];
const adminB: [string, string] = ['pilot-b', 'user-admin'];
// Long enough for a request to be answered while the draft spins even on a heavily loaded machine.
const BUDGET_MS = 30_000;

before(async () => {
  h = await createTestApp({ config: { policyWorkers: 2, policyDraftTimeoutMs: BUDGET_MS, policyDraftHeapMb: 64 } });
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
});

test("a runaway draft is stopped after its budget while other tenants' requests are answered", async () => {
  let settled = false;
  const t0 = Date.now();
  const marks: string[] = [];
  const runaway = simulate(adminA, RUNAWAY, 'tenant.hostile.spin').finally(() => {
    settled = true;
  });
  while (policyRuntime().drafts.running === 0 && !settled) await sleep(20);
  marks.push(`running ${Date.now() - t0}`);
  // A may not start a second draft while its first holds a worker.
  const drafts = policyRuntime().drafts;
  await assert.rejects(drafts.simulate('pilot-a', { modules: [], data: {} }, 'x', [{}]), (e: Problem) => e.slug === 'quota-exceeded' && e.headers['retry-after'] === '1');
  // While A's draft spins in its worker, tenant B's requests are still decided on this thread.
  for (let i = 0; i < 1; i++) {
    const b = await h.call('GET', '/api/v1/tenants/pilot-b/config', { as: adminB });
    assert.ok(b.statusCode === 200 || b.statusCode === 403, b.body);
    marks.push(`b ${Date.now() - t0}`);
  }
  assert.equal(settled, false, `tenant B was answered only after A's draft ended (${marks.join(', ')})`);

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
  const huge = await simulate(adminA, 'big := count([[x, x] | some x in numbers.range(1, 50000000)])', 'tenant.hostile.big');
  assert.equal(huge.statusCode, 422, huge.body);
  assert.equal(huge.json().type, 'https://companyos.dev/problems/policy-budget-exceeded');
  const versions = (await h.call('GET', '/api/v1/policy/versions', { as: adminA })).json().versions as unknown[];
  const proposal = await h.call('POST', '/api/v1/policy/versions', {
    as: adminA,
    body: { message: 'runaway test', modules: { 'tenant/spin.rego': `package tenant.spin\n\n${RUNAWAY}\n`, 'tenant/spin_test.rego': 'package tenant.spin_test\n\nimport data.tenant.spin\n\ntest_spin if spin.spin\n' } },
  });
  assert.equal(proposal.statusCode, 422, proposal.body);
  assert.equal(proposal.json().type, 'https://companyos.dev/problems/policy-budget-exceeded');
  const after = (await h.call('GET', '/api/v1/policy/versions', { as: adminA })).json().versions as unknown[];
  assert.equal(after.length, versions.length, 'nothing was written');
});
