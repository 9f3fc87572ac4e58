import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flagDefinitions } from './flag-definitions.ts';
import type { FlagDefinition } from './flag-model.ts';
import { lintFlags } from './lint.ts';

const flag = (flag_id: string, expires_at?: string): FlagDefinition => ({
  flag_id,
  description: 'd',
  owner: 'o',
  kind: 'release',
  type: 'boolean',
  variants: { on: true, off: false },
  default_variant: 'off',
  off_variant: 'off',
  ...(expires_at !== undefined ? { expires_at } : {}),
});

const now = new Date('2026-03-01T00:00:00Z');

test('a flag past its expiry is an error, one within 14 days a warning', () => {
  const report = lintFlags([flag('old', '2026-02-28T00:00:00Z'), flag('soon', '2026-03-10T00:00:00Z'), flag('later', '2026-04-01T00:00:00Z'), flag('forever')], now);
  assert.equal(report.errors.length, 1);
  assert.match(report.errors[0]!, /^old .*expired on 2026-02-28/);
  assert.deepEqual(report.warnings, ['soon (release, owner o) expires in 9 day(s), on 2026-03-10T00:00:00Z']);
  assert.deepEqual(report.stale, []);
});

test('flags not evaluated for 30 days are listed when usage is known', () => {
  const usage = new Map<string, string | null>([
    ['fresh', '2026-02-20T00:00:00Z'],
    ['old', '2026-01-15T00:00:00Z'],
  ]);
  const report = lintFlags([flag('fresh'), flag('old'), flag('never')], now, usage);
  assert.deepEqual(report.stale, ['old: last evaluated 2026-01-15T00:00:00Z', 'never: never evaluated']);
});

test("the repository's flag definitions pass the lint today", () => {
  const report = lintFlags(flagDefinitions().values(), new Date());
  assert.deepEqual(report.errors, []);
});
