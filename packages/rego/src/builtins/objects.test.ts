import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RObject, RSet, type Value } from '../value/value.ts';
import { show, throws } from './testing.ts';

const s = (...xs: unknown[]) => new RSet(xs as Value[]);
const o = (...entries: [Value, Value][]) => RObject.from(entries);

test('object.get with keys and paths', () => {
  assert.equal(show('object.get', { a: 'b' }, 'a', 'c'), '"b"');
  assert.equal(show('object.get', { a: 'b' }, 'c', 'c'), '"c"');
  assert.equal(show('object.get', o([1, 2]), 1, 3), '2');
  assert.equal(show('object.get', { a: 1 }, [], 2), '{"a": 1}');
  assert.equal(show('object.get', { a: { b: { c: 1 } } }, ['a', 'b', 'c'], 2), '1');
  assert.equal(show('object.get', { a: { b: { c: 1 } } }, ['a', 'b', 'a'], 2), '2');
  assert.equal(show('object.get', o([1, o(['b', o([[1, 2, 3], 1])])]), [1, 'b', [1, 2, 3]], 2), '1');
  assert.equal(show('object.get', { a: { b: [1, 2, 3] } }, ['a', 'b', 'a'], 2), '2');
  assert.equal(show('object.get', { a: { b: [{ c: 1 }] } }, ['a', 'b', 0, 'c'], 2), '1');
  throws('object.get', ['object', ['a'], 2], 'operand 1 must be object but got string');
});

test('object.keys', () => {
  assert.equal(show('object.keys', { a: 1, b: 2 }), '{"a", "b"}');
  assert.equal(show('object.keys', o([s('a'), 1], [s('b'), 2])), '{{"a"}, {"b"}}');
  assert.equal(show('object.keys', {}), 'set()');
  throws('object.keys', ['x'], 'operand 1 must be object but got string');
});

test('object.union and union_n merge recursively, right side wins', () => {
  assert.equal(show('object.union', { a: 1 }, { a: { b: { c: 1 } }, d: 7 }), '{"a": {"b": {"c": 1}}, "d": 7}');
  assert.equal(
    show('object.union', { a: { b: { c: 1 } }, e: 1 }, { a: { b: 'foo', b1: 'bar' }, d: 7, e: 17 }),
    '{"a": {"b": "foo", "b1": "bar"}, "d": 7, "e": 17}',
  );
  assert.equal(show('object.union', { b: 2 }, { a: { b: { c: 1 } } }), '{"a": {"b": {"c": 1}}, "b": 2}');
  throws('object.union', [{ a: 1 }, [1, 2, 3]], 'operand 2 must be object but got array');
  assert.equal(show('object.union_n', [{ a: 1, b: 2, c: 3 }, { foo: 'baz', a: 'a', b: 2, d: 4 }, { a: 'final A!', e: 5 }]), '{"a": "final A!", "b": 2, "c": 3, "d": 4, "e": 5, "foo": "baz"}');
  assert.equal(show('object.union_n', []), '{}');
  throws('object.union_n', [[{ foo: 1 }, 'baz']], 'operand 1 must be array of objects but got array containing string');
});

test('object.remove and object.filter take arrays, sets or object keys', () => {
  const doc = { a: 1, b: { c: 3 }, d: 4 };
  assert.equal(show('object.remove', doc, s('b', 'd')), '{"a": 1}');
  assert.equal(show('object.remove', doc, ['d', 'b']), '{"a": 1}');
  assert.equal(show('object.remove', doc, { b: 1, d: '' }), '{"a": 1}');
  assert.equal(show('object.remove', o(['a', 1], [[[7]], 2]), s([[7]])), '{"a": 1}');
  assert.equal(show('object.filter', { a: 1, b: 2, c: 3, e: 9 }, ['a', 'e']), '{"a": 1, "e": 9}');
  assert.equal(show('object.filter', { a: 7 }, s()), '{}');
  throws('object.remove', [['a'], s('a')], 'operand 1 must be object but got array');
  throws('object.remove', [{ a: 1 }, 'foo'], 'operand 2 must be one of {object, set, array} but got string');
  throws('object.filter', [null, s('a')], 'operand 1 must be object but got null');
  throws('object.filter', [{ a: 1 }, null], 'operand 2 must be one of {object, set, array} but got null');
});

test('object.subset', () => {
  assert.equal(show('object.subset', { a: 5, b: 7, c: 15 }, { a: 5 }), 'true');
  assert.equal(show('object.subset', { a: 5 }, { a: 5, b: 7 }), 'false');
  assert.equal(
    show('object.subset', { a: 5, n: { x: 10, set1: s(1, 2, 3, 4), arr1: [6, 7, 8, 9] } }, { n: { set1: s(4, 1), arr1: [6, 7] } }),
    'true',
  );
  assert.equal(show('object.subset', s(1, 2, 3, s('a', 'b', 'c')), s(3, 2, s('a', 'b'))), 'false');
  assert.equal(show('object.subset', [1, 2, 3, 4, 5, 6], [3, 4, 5]), 'true');
  assert.equal(show('object.subset', [1, 2, 3, 4, 5, 6], [4, 5, 6, 8]), 'false');
  assert.equal(show('object.subset', [1, 2, 3, 4, 5, 6], [1, 3]), 'false');
  assert.equal(show('object.subset', [1, 2, 3, 4, 5, 6], s(4, 3, 2)), 'true');
  assert.equal(show('object.subset', { a: [1, 2] }, { a: s(1) }), 'false');
  assert.equal(show('object.subset', { a: s(1, 2) }, { a: s(1) }), 'true');
  throws('object.subset', [s(4, 3, 2), [1, 2]], 'both arguments object.subset must be of the same type or array and set');
  throws('object.subset', ['x', {}], 'both arguments object.subset must be of the same type or array and set');
});

test('json.filter keeps only the given paths', () => {
  const doc = { a: { b: { c: 7, d: 8 } }, e: 9 };
  assert.equal(show('json.filter', doc, s('a/b/c')), '{"a": {"b": {"c": 7}}}');
  assert.equal(show('json.filter', doc, ['a/b/c', 'e']), '{"a": {"b": {"c": 7}}, "e": 9}');
  assert.equal(show('json.filter', { a: [{ b: 7, c: 8 }, { d: 9 }] }, s('a/0/b', 'a/1')), '{"a": [{"b": 7}, {"d": 9}]}');
  assert.equal(show('json.filter', { a: [{ 1: ['b', 'c', 'd'] }, { x: 'y' }] }, s('a/0/1/2')), '{"a": [{"1": ["d"]}]}');
  assert.equal(show('json.filter', { a: { b: { c: 7, d: 8, x: 0 } }, e: 9 }, s('a/b/d', ['a', 'b', 'c'])), '{"a": {"b": {"c": 7, "d": 8}}}');
  assert.equal(show('json.filter', { a: 7 }, s()), '{}');
  assert.equal(show('json.filter', { a: 7, b: 1 }, s('a/x', '')), '{"a": 7}');
});

test('json.remove drops the given paths', () => {
  const doc = { a: { b: { c: 7, d: 8 } }, e: 9 };
  assert.equal(show('json.remove', doc, s('a/b/c')), '{"a": {"b": {"d": 8}}, "e": 9}');
  assert.equal(show('json.remove', doc, s(['a', 'b', 'c'], ['e'])), '{"a": {"b": {"d": 8}}}');
  assert.equal(show('json.remove', { a: { b: 7 }, c: 1 }, s('a/b', 'c')), '{"a": {}}');
  assert.equal(show('json.remove', { a: 1 }, s('')), '{"a": 1}');
  assert.equal(show('json.remove', { a: [{ 1: ['b', 'c', 'd'] }, { x: 'y' }] }, s('a/0/1/2')), '{"a": [{"1": ["b", "c"]}, {"x": "y"}]}');
  throws('json.remove', ['foo', s('a')], 'operand 1 must be object but got string');
  throws('json.remove', [{}, 'foo'], 'operand 2 must be one of {set, array} but got string');
  throws(
    'json.remove',
    [{}, s(1, 'a')],
    'operand 2 must be one of {set, array} containing string paths or array of path segments but got number',
  );
});

test('json.patch applies RFC 6902 operations, also to sets', () => {
  const patch = (doc: unknown, ...ops: unknown[]) => show('json.patch', doc, ops);
  assert.equal(patch({ a: 1 }, { op: 'add', path: '/b', value: 2 }), '{"a": 1, "b": 2}');
  assert.equal(patch({ a: [1, 3] }, { op: 'add', path: '/a/1', value: 2 }), '{"a": [1, 2, 3]}');
  assert.equal(patch({ a: [1] }, { op: 'add', path: '/a/-', value: 2 }), '{"a": [1, 2]}');
  assert.equal(patch({ a: 1, b: 2 }, { op: 'remove', path: '/a' }), '{"b": 2}');
  assert.equal(patch({ a: 1 }, { op: 'replace', path: '/a', value: 5 }), '{"a": 5}');
  assert.equal(patch({ a: { x: 1 } }, { op: 'move', from: '/a/x', path: '/b' }), '{"a": {}, "b": 1}');
  assert.equal(patch({ a: 1 }, { op: 'copy', from: '/a', path: '/b' }), '{"a": 1, "b": 1}');
  assert.equal(patch({ 'a/b': 1 }, { op: 'test', path: '/a~1b', value: 1 }), '{"a/b": 1}');
  assert.equal(patch({ a: 1 }, { op: 'test', path: '/a', value: 2 }), undefined);
  assert.equal(patch({ a: 1 }, { op: 'remove', path: '/x' }), undefined);
  assert.equal(patch([1, 2, 3], { op: 'add', path: '1.2', value: 'foo' }), undefined);
  assert.equal(patch({ foo: s('a', 'b', 'c') }, { op: 'remove', path: 'foo/b' }), '{"foo": {"a", "c"}}');
  assert.equal(patch({ foo: s('a', 'b', 'c') }, { op: 'add', path: 'foo/d', value: 'd' }), '{"foo": {"a", "b", "c", "d"}}');
  assert.equal(patch({ foo: s('a') }, { op: 'add', path: 'foo/d', value: 'e' }), undefined);
  assert.equal(
    patch({ foo: s('a', 'b'), bar: s('c', 'd') }, { op: 'move', from: 'foo/a', path: 'bar/a' }),
    '{"bar": {"a", "c", "d"}, "foo": {"b"}}',
  );
  assert.equal(patch(s([1]), { op: 'add', path: [[1], 1], value: 2 }), '{[1, 2]}');
  assert.equal(patch({ a: 1 }, { op: 'add', path: '', value: [1] }), '[1]');
});
