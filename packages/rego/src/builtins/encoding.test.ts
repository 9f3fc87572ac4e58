import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RObject, RSet, toJS, parseNumber } from '../value/value.ts';
import { callBuiltin as call } from './testing.ts';

test('json.marshal writes Go JSON: sorted keys, sets as arrays, HTML-safe escapes', () => {
  assert.equal(call('json.marshal', [[RObject.fromRecord({ foo: new RSet([3, 1, 2]) })]]), '[{"foo":[1,2,3]}]');
  assert.equal(call('json.marshal', [{ b: 1, a: '<&>\u2028\n\b' }]), '{"a":"\\u003c\\u0026\\u003e\\u2028\\n\\b","b":1}');
  assert.equal(call('json.marshal', [[parseNumber('12345678901234567890123')]]), '[12345678901234567890123]');
  assert.equal(call('json.marshal', [RObject.from([[1, 'x']])]), '{"1":"x"}');
});

test('json.marshal_with_options indents, prefixes and rejects unknown keys', () => {
  const v = [1, 2];
  assert.equal(call('json.marshal_with_options', [v, {}]), '[1,2]');
  assert.equal(call('json.marshal_with_options', [v, { pretty: true }]), '[\n\t1,\n\t2\n]');
  assert.equal(call('json.marshal_with_options', [{ b: 1, a: [] }, { prefix: 'P ' }]), 'P {\nP \t"a": [],\nP \t"b": 1\nP }');
  assert.equal(call('json.marshal_with_options', [v, { pretty: false, indent: 'x' }]), '[1,2]');
  assert.equal(call('json.marshal_with_options', [[], { indent: '  ', prefix: '---' }]), '---[]');
  assert.throws(() => call('json.marshal_with_options', [v, { nope: true }]), {
    message: 'operand 2 object contained unknown key "nope"',
  });
});

test('json.unmarshal keeps exact numbers; json.is_valid', () => {
  assert.deepEqual(toJS(call('json.unmarshal', ['[{"foo":[1,2,3]}]']) ?? null), [{ foo: [1, 2, 3] }]);
  assert.equal(String(call('json.unmarshal', ['123456789012345678901234567890'])), '123456789012345678901234567890');
  assert.throws(() => call('json.unmarshal', ['{']), { message: 'unexpected end of JSON input' });
  assert.throws(() => call('json.unmarshal', ['[1 2]']), { message: "invalid character '2' after array element" });
  assert.throws(() => call('json.unmarshal', ['x']), { message: "invalid character 'x' looking for beginning of value" });
  assert.equal(call('json.is_valid', ['{"json": "ok"}']), true);
  assert.equal(call('json.is_valid', ['{']), false);
  assert.equal(call('json.is_valid', [1]), false);
});

test('yaml round trip, validity and Go-worded errors', () => {
  const text = call('yaml.marshal', [[RObject.fromRecord({ foo: new RSet([1, 2, 3]) })]]);
  assert.equal(text, '- foo:\n  - 1\n  - 2\n  - 3\n');
  assert.deepEqual(toJS(call('yaml.unmarshal', [text]) ?? null), [{ foo: [1, 2, 3] }]);
  assert.deepEqual(toJS(call('yaml.unmarshal', ['a: yes\n1: 2']) ?? null), { a: true, '1': 2 });
  assert.equal(call('yaml.is_valid', ['foo:\n  - qux: bar\n  - baz: 2']), true);
  assert.equal(call('yaml.is_valid', ['foo:\n  - baz: {']), false);
  assert.equal(call('yaml.is_valid', [1]), false);
  assert.throws(() => call('yaml.unmarshal', ['[1,2,3']), { message: /^yaml: line 1: did not find expected ',' or '\]'/ });
});

test('base64 and base64url', () => {
  assert.equal(call('base64.encode', ['hello']), 'aGVsbG8=');
  assert.equal(call('base64.decode', ['c3ViamVjdHM/X2Q=']), 'subjects?_d');
  assert.equal(call('base64.is_valid', ['aGVsbG8=']), true);
  assert.equal(call('base64.is_valid', ["{'not':'base64'}"]), false);
  assert.equal(call('base64.is_valid', ['aGVsbG8']), false);
  assert.throws(() => call('base64.decode', ['aGVsbG8']), { message: 'illegal base64 data at input byte 4' });
  assert.equal(call('base64url.encode', ['hello']), 'aGVsbG8=');
  assert.equal(call('base64url.encode_no_pad', ['there']), 'dGhlcmU');
  assert.equal(call('base64url.decode', ['aGVsbG8']), 'hello');
  assert.equal(call('base64url.decode', ['aGVsbG8=']), 'hello');
  assert.equal(call('base64url.decode', ['PDw_Pz8-Pg']), '<<???>>');
  assert.throws(() => call('base64url.decode', ['abcde']), { message: 'illegal base64url string: abcde' });
});

test('hex', () => {
  assert.equal(call('hex.encode', ['lorem ipsum']), '6c6f72656d20697073756d');
  assert.equal(call('hex.decode', ['6c6f72656d20697073756d']), 'lorem ipsum');
  assert.throws(() => call('hex.decode', ['fghijkl']), { message: "encoding/hex: invalid byte: U+0067 'g'" });
  assert.throws(() => call('hex.decode', ['abc']), { message: 'encoding/hex: odd length hex string' });
});

test('urlquery', () => {
  assert.equal(call('urlquery.encode', ['a=b+1 ~é']), 'a%3Db%2B1+~%C3%A9');
  assert.equal(call('urlquery.decode', ['a%3Db%2B1+x']), 'a=b+1 x');
  assert.throws(() => call('urlquery.decode', ['%zz']), { message: 'invalid URL escape "%zz"' });
  assert.equal(call('urlquery.encode_object', [{}]), '');
  assert.equal(call('urlquery.encode_object', [{ b: 'c=b+1', a: ['b+1', 'c+2'] }]), 'a=b%2B1&a=c%2B2&b=c%3Db%2B1');
  assert.equal(call('urlquery.encode_object', [{ a: new RSet(['b+1']) }]), 'a=b%2B1');
  assert.throws(() => call('urlquery.encode_object', [{ a: 1 }]), {
    message: 'operand 1 values must be string, array[string], or set[string]',
  });
  assert.deepEqual(toJS(call('urlquery.decode_object', ['a=value_a1&b&a=value_a2']) ?? null), {
    a: ['value_a1', 'value_a2'],
    b: [''],
  });
  assert.deepEqual(toJS(call('urlquery.decode_object', ['']) ?? null), {});
});

test('type errors name the operand', () => {
  assert.throws(() => call('base64.encode', [1]), { message: 'operand 1 must be string but got number' });
});
