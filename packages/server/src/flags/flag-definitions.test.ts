import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FlagDefinitionError, flagDefinitions, parseFlagDefinitions } from './flag-definitions.ts';

const base = {
  flag_id: 'x.y',
  description: 'd',
  owner: 'o',
  kind: 'operational',
  type: 'boolean',
  variants: { on: true, off: false },
  default_variant: 'off',
  off_variant: 'off',
};

const problems = (flags: unknown[]): string[] => {
  try {
    parseFlagDefinitions({ flags });
    return [];
  } catch (error) {
    assert.ok(error instanceof FlagDefinitionError);
    return error.problems;
  }
};

test('the shipped definitions are valid and seed the two pilot tenants apart', () => {
  const defs = flagDefinitions();
  for (const id of ['identity.api-key-admin-roles', 'tenancy.region-change']) {
    const def = defs.get(id)!;
    assert.equal(def.per_tenant_overrides?.['pilot-a']?.variant, 'on');
    assert.equal(def.per_tenant_overrides?.['pilot-b']?.variant, 'off');
  }
});

test('every problem of a definitions document is reported', () => {
  assert.deepEqual(problems([base]), []);
  assert.deepEqual(problems([{ ...base, kind: 'release' }]), ['x.y: a release flag needs expires_at']);
  assert.deepEqual(problems([{ ...base, variants: { on: 'yes', off: false } }]), ['x.y: variant on is not a boolean']);
  assert.deepEqual(problems([{ ...base, default_variant: 'maybe' }]), ['x.y: no variant maybe']);
  assert.deepEqual(problems([{ ...base, per_tenant_overrides: { 'pilot-a': { variant: 'half' } } }]), ['x.y: override for pilot-a names unknown variant half']);
  assert.deepEqual(problems([base, base]), ['x.y: defined twice']);
  assert.equal(problems([{ ...base, kind: 'forever' }]).length, 1);
  assert.deepEqual(problems({} as unknown as unknown[]), ['the document needs a "flags" array']);
});
