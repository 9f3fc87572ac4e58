import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RSet, canonicalText, parseJSON, type Value } from '../value/value.ts';
import { defaultRegistry } from './index.ts';
import { callBuiltin, show, testContext } from './testing.ts';

const s = (...xs: unknown[]) => new RSet(xs as Value[]);

test('graph.reachable', () => {
  assert.equal(show('graph.reachable', {}, s('a')), 'set()');
  assert.equal(show('graph.reachable', { a: s('b'), b: s('c'), c: s('a') }, s('a')), '{"a", "b", "c"}');
  const g = { a: s('b', 'c'), b: s('d'), c: s('d'), d: s(), e: s('f'), f: s('e'), x: s('x') };
  assert.equal(show('graph.reachable', g, s('b', 'e')), '{"b", "d", "e", "f"}');
  assert.equal(show('graph.reachable', { a: ['b'], b: ['c'], c: ['a'] }, ['a']), '{"a", "b", "c"}');
  assert.equal(show('graph.reachable', { a: null }, ['a']), '{"a"}');
  assert.throws(() => callBuiltin('graph.reachable', [{ a: [] }, 'a']), /operand 2 must be \{array, set\} but got string/);
});

test('graph.reachable_paths', () => {
  const paths = (graph: string, initial: unknown) => show('graph.reachable_paths', parseJSON(graph), initial);
  assert.equal(paths('{}', s('a')), 'set()');
  assert.equal(paths('{"a": ["b"], "b": ["c"], "c": ["a"]}', s('a')), '{["a", "b", "c"]}');
  assert.equal(paths('{"a": null}', ['a']), '{["a"]}');
  assert.equal(paths('{"a": ["b", "c"], "b": ["c"], "c": []}', s('a')), '{["a", "b", "c"], ["a", "c"]}');
  assert.equal(paths('{"a": ["b"], "b": ["nonexistent"]}', s('a', 'b')), '{["a", "b"], ["b"]}');
  const g =
    '{"one": ["two","five"], "two": ["four"], "three": [""], "four": ["three"], "five": ["seven","six"],' +
    ' "six": ["nine","seven"], "seven": ["eight"], "eight": ["three"], "nine": [""]}';
  assert.equal(
    paths(g, s('one')),
    '{["one", "five", "seven", "eight", "three"], ["one", "five", "six"], ["one", "five", "six", "nine"], ["one", "two", "four", "three"]}',
  );
  assert.throws(() => callBuiltin('graph.reachable_paths', [1, [1]]), /operand 1 must be object but got number/);
});

test('walk yields every node, parents first', () => {
  const walk = defaultRegistry().get('walk');
  assert.ok(walk?.relation);
  const all = (v: Value) => [...walk.relation!([v], testContext())].map(canonicalText);
  assert.deepEqual(all(1), ['[[], 1]']);
  assert.deepEqual(all(parseJSON('{"v1": "hello", "v2": [true]}')), [
    '[[], {"v1": "hello", "v2": [true]}]',
    '[["v1"], "hello"]',
    '[["v2"], [true]]',
    '[["v2", 0], true]',
  ]);
  assert.deepEqual(all(s(s(1, 2))), ['[[], {{1, 2}}]', '[[{1, 2}], {1, 2}]', '[[{1, 2}, 1], 1]', '[[{1, 2}, 2], 2]']);
});
