import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPolicyDir } from '@companyos/server';
import { policyCommand } from './policy.ts';

const lines = (calls: { arguments: unknown[] }[]) => calls.map((c) => String(c.arguments[0]));

test('policy test passes on the base bundle and reports coverage', async (t) => {
  const out = t.mock.method(console, 'log', () => undefined);
  assert.equal(await policyCommand(['test', '--coverage']), 0);
  const printed = lines(out.mock.calls);
  assert.ok(printed.some((l) => /^-+\nPASS: \d+\/\d+$/.test(l)));
  assert.ok(printed.some((l) => /^coverage +\d+\.\d% +high_risk\/operations\.rego/.test(l)));
});

test('policy test fails and names the failing test', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  cpSync(defaultPolicyDir, dir, { recursive: true });
  writeFileSync(join(dir, 'broken_test.rego'), 'package broken_test\n\ntest_never if false\n');
  const out = t.mock.method(console, 'log', () => undefined);
  assert.equal(await policyCommand(['test', dir]), 1);
  assert.ok(lines(out.mock.calls).some((l) => l.includes('data.broken_test.test_never: FAIL')));
});

test('policy validate fails on a tenant with a missing bundle and on a bundle without a tenant', async (t) => {
  const policies = mkdtempSync(join(tmpdir(), 'policies-'));
  cpSync(defaultPolicyDir, join(policies, 'base'), { recursive: true });
  cpSync(defaultPolicyDir, join(policies, 'orphan'), { recursive: true });
  const tenants = join(policies, 'tenants.json');
  writeFileSync(tenants, JSON.stringify({ tenants: [{ tenant_id: 'a', config: { policy_bundle_ref: 'base' } }, { tenant_id: 'b', config: { policy_bundle_ref: 'gone' } }] }));
  const errors = t.mock.method(console, 'error', () => undefined);
  t.mock.method(console, 'log', () => undefined);
  assert.equal(await policyCommand(['validate', '--policies', policies, '--tenants', tenants]), 1);
  assert.deepEqual(lines(errors.mock.calls), ['error: tenant b references the missing bundle gone', 'error: bundle orphan belongs to no tenant']);
});

test('policy validate passes on the seeded configuration', async (t) => {
  const out = t.mock.method(console, 'log', () => undefined);
  assert.equal(await policyCommand(['validate']), 0);
  assert.match(lines(out.mock.calls).at(-1)!, /^ok: \d+ tenant\(s\), 1 bundle\(s\), 0 problem\(s\)$/);
});
