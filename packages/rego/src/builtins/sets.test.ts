import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RSet } from '../value/value.ts';
import { show, throws } from './testing.ts';

test('set operators and membership', () => {
  const s = (...xs: unknown[]) => new RSet(xs as never[]);
  assert.equal(show('and', s(1, 2, 3), s(2, 3, 4)), '{2, 3}');
  assert.equal(show('or', s(3, 2), s(3, 4)), '{2, 3, 4}');
  assert.equal(show('intersection', s(s(1, 2, 3), s(2))), '{2}');
  assert.equal(show('intersection', s()), 'set()');
  assert.equal(show('intersection', s(s(1, 2, 3), s(2, 3, 4), s(4, 5, 6))), 'set()');
  assert.equal(show('union', s(s(1, 2, 3), s(2, 3, 4), s(4, 5, 6))), '{1, 2, 3, 4, 5, 6}');
  assert.equal(show('union', s()), 'set()');
  throws('and', [[1], s(1)], 'operand 1 must be set but got array');
  throws('union', [s(1)], 'operand 1 must be set but got number');
  assert.equal(show('internal.member_2', 2, [1, 2]), 'true');
  assert.equal(show('internal.member_2', 2.0, s(1, 2)), 'true');
  assert.equal(show('internal.member_2', 'b', { a: 'b' }), 'true');
  assert.equal(show('internal.member_2', 'a', { a: 'b' }), 'false');
  assert.equal(show('internal.member_2', 'a', 'abc'), 'false');
  assert.equal(show('internal.member_3', 1, 'y', ['x', 'y']), 'true');
  assert.equal(show('internal.member_3', 1.5, 'y', ['x', 'y']), 'false');
  assert.equal(show('internal.member_3', 'a', 'b', { a: 'b' }), 'true');
  assert.equal(show('internal.member_3', 'a', 'a', s('a')), 'true');
  assert.equal(show('internal.member_3', 'a', 'b', s('a')), 'false');
});
