import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateFlag, rolloutBucket, type EvaluationInput } from './evaluate.ts';
import type { FlagDefinition } from './flag-model.ts';

const def: FlagDefinition = {
  flag_id: 'demo.checkout',
  description: 'demo',
  owner: 'team',
  kind: 'release',
  type: 'string',
  variants: { old: 'old', new: 'new', beta: 'beta' },
  default_variant: 'old',
  off_variant: 'old',
  expires_at: '2030-01-01T00:00:00Z',
  per_tenant_overrides: { 'pilot-a': { variant: 'new' } },
};

const input = (over: Partial<EvaluationInput> = {}): EvaluationInput => ({
  tenantId: 'pilot-b',
  targetingKey: 'user-1',
  subject: { id: 'user-1', roles: ['engineer'], attributes: { country: 'DE' } },
  context: {},
  setting: undefined,
  veto: undefined,
  ...over,
});

test('the definition default applies when nothing else does', () => {
  assert.deepEqual(evaluateFlag(def, input()), { flag_id: 'demo.checkout', value: 'old', variant: 'old', reason: 'DEFAULT', detail: 'the definition default' });
});

test('the seeded tenant override applies, and a runtime setting replaces it', () => {
  const seeded = evaluateFlag(def, input({ tenantId: 'pilot-a' }));
  assert.deepEqual([seeded.variant, seeded.reason, seeded.detail], ['new', 'STATIC', 'the seeded tenant override']);
  const set = evaluateFlag(def, input({ tenantId: 'pilot-a', setting: { variant: 'beta' } }));
  assert.deepEqual([set.value, set.reason, set.detail], ['beta', 'STATIC', 'the tenant setting']);
});

test('a disabled setting serves the off variant', () => {
  const r = evaluateFlag(def, input({ tenantId: 'pilot-a', setting: { enabled: false, variant: 'new' } }));
  assert.deepEqual([r.variant, r.reason], ['old', 'DISABLED']);
});

test('a bundle veto wins over everything and is the reason', () => {
  const r = evaluateFlag(def, input({ tenantId: 'pilot-a', setting: { variant: 'new' }, veto: 'the policy bundle denies demo.checkout: not in this contract' }));
  assert.deepEqual([r.variant, r.reason, r.detail], ['old', 'VETOED', 'the policy bundle denies demo.checkout: not in this contract']);
});

test('targeting matches subject attributes and list attributes such as roles', () => {
  const byCountry = { targeting: [{ attribute: 'subject.attributes.country', op: 'in' as const, values: ['DE'], variant: 'beta' }] };
  assert.equal(evaluateFlag(def, input({ setting: byCountry })).reason, 'TARGETING_MATCH');
  assert.equal(evaluateFlag(def, input({ setting: byCountry, subject: { attributes: { country: 'US' } } })).reason, 'DEFAULT');
  const byRole = { targeting: [{ attribute: 'subject.roles', op: 'in' as const, values: ['security', 'engineer'], variant: 'new' }] };
  assert.equal(evaluateFlag(def, input({ setting: byRole })).variant, 'new');
  const notContext = { targeting: [{ attribute: 'context.env', op: 'not_in' as const, values: ['prod'], variant: 'beta' }] };
  assert.equal(evaluateFlag(def, input({ setting: notContext, context: { env: 'dev' } })).variant, 'beta');
  assert.equal(evaluateFlag(def, input({ setting: notContext, context: { env: 'prod' } })).variant, 'old');
});

test('percentage rollout is stable per key and close to the percentage', () => {
  const setting = { rollout: { variant: 'new', percent: 25 } };
  const keys = Array.from({ length: 4000 }, (_, i) => `user-${i}`);
  const inRollout = keys.filter((k) => evaluateFlag(def, input({ setting, targetingKey: k })).reason === 'SPLIT');
  assert.ok(inRollout.length > 900 && inRollout.length < 1100, `${inRollout.length} of 4000`);
  // Same answer every time, and growing the percentage keeps everyone already in.
  assert.deepEqual(keys.filter((k) => evaluateFlag(def, input({ setting, targetingKey: k })).reason === 'SPLIT'), inRollout);
  const wider = { rollout: { variant: 'new', percent: 50 } };
  assert.ok(inRollout.every((k) => evaluateFlag(def, input({ setting: wider, targetingKey: k })).variant === 'new'));
  // Without a key there is nothing to hash: the rollout does not apply.
  assert.equal(evaluateFlag(def, input({ setting, targetingKey: undefined })).reason, 'DEFAULT');
});

test('buckets differ between flags and tenants for the same subject', () => {
  const a = rolloutBucket('f1', 't1', 'user-1');
  assert.ok(a >= 0 && a < 100);
  const others = [rolloutBucket('f2', 't1', 'user-1'), rolloutBucket('f1', 't2', 'user-1')];
  assert.ok(others.some((b) => b !== a));
});
