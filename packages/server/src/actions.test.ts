import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listActions } from './actions.ts';

test('the catalog lists every tenant and identity action once, under /api/v1', () => {
  const actions = listActions();
  const names = actions.map((a) => a.name);
  assert.equal(new Set(names).size, names.length);
  for (const name of ['tenant.create', 'tenant.disable', 'tenant.enable', 'tenant.get', 'tenant.list', 'tenant.config.update', 'subject.create', 'api_key.create', 'api_key.revoke', 'api_key.list', 'keys.kek.import', 'keys.kek.rotate', 'keys.kek.revoke', 'keys.kek.status']) {
    assert.ok(names.includes(name), name);
  }
  assert.deepEqual([...names].sort(), names);
  for (const a of actions) {
    assert.match(a.path, /^\/api\/v1\//);
    assert.equal(a.policy, 'data.companyos.authz.decision');
  }
  assert.deepEqual(
    actions.filter((a) => a.scope === 'platform').map((a) => a.name),
    ['board.pack.create', 'board.pack.list', 'finops.cost.import', 'finops.cost.tenants', 'finops.plan.assign', 'observability.slo.get', 'onboarding.cohort.get', 'onboarding.step.run', 'purge.request.operator_approve', 'tenant.create', 'tenant.disable', 'tenant.enable', 'tenant.get', 'tenant.list', 'tenant.overview'],
  );
});
