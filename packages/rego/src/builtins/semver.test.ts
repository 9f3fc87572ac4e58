import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callBuiltin } from './testing.ts';

test('semver.is_valid', () => {
  for (const v of ['1.0.0', 'v1.2.3', '1.0.0-alpha.1+build.5']) assert.equal(callBuiltin('semver.is_valid', [v]), true, v);
  for (const v of ['1', '1.0', '1.0.0-al_pha', 'x.y.z']) assert.equal(callBuiltin('semver.is_valid', [v]), false, v);
  assert.equal(callBuiltin('semver.is_valid', [1]), false);
});

test('semver.compare follows SemVer precedence', () => {
  const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '2.0.0', '2.1.0', '10.0.0'];
  for (let i = 0; i + 1 < ordered.length; i++) {
    assert.equal(callBuiltin('semver.compare', [ordered[i], ordered[i + 1]]), -1, `${ordered[i]} < ${ordered[i + 1]}`);
    assert.equal(callBuiltin('semver.compare', [ordered[i + 1], ordered[i]]), 1);
  }
  assert.equal(callBuiltin('semver.compare', ['1.0.0+a', '1.0.0+b']), 0);
  assert.throws(() => callBuiltin('semver.compare', ['1', '1.0.0']), { message: 'operand 1: string "1" is not a valid SemVer' });
  assert.throws(() => callBuiltin('semver.compare', ['1.0.0', 'x']), { message: 'operand 2: string "x" is not a valid SemVer' });
});
