import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RObject, RSet, parseNumber } from '../value/value.ts';
import { show, throws } from './testing.ts';

test('count counts members, keys and code points', () => {
  assert.equal(show('count', [1, 2, 3, 4]), '4');
  assert.equal(show('count', { v1: 'hello', v2: 'goodbye' }), '2');
  assert.equal(show('count', new RSet([1, 2])), '2');
  assert.equal(show('count', 'åäö'), '3');
  assert.equal(show('count', '😇😀'), '2');
  throws('count', [null], 'operand 1 must be one of {array, object, set, string} but got null');
  throws('count', [5], 'operand 1 must be one of {array, object, set, string} but got number');
});

test('sum and product', () => {
  assert.equal(show('sum', [1, 2, 3, 4]), '10');
  assert.equal(show('sum', new RSet([1, 2, 3, 4])), '10');
  assert.equal(show('sum', []), '0');
  assert.equal(show('sum', [0.1, 0.2]), '0.3');
  assert.equal(show('sum', [parseNumber('9007199254740993'), 1]), '9007199254740994');
  assert.equal(show('product', [1, 2, 3, 4]), '24');
  assert.equal(show('product', new RSet([1, 2, 3, 4])), '24');
  assert.equal(show('product', []), '1');
  throws('sum', [[1, 'a']], 'operand 1 must be array of numbers but got array containing string');
  throws('product', [{}], 'operand 1 must be one of {array, set} but got object');
});

test('max, min and sort use the value order', () => {
  assert.equal(show('max', [1, 2, 3, 4]), '4');
  assert.equal(show('max', new RSet([1, 'a', null])), '"a"');
  assert.equal(show('min', [3, 2, 1, 4, 6, -7, 10]), '-7');
  assert.equal(show('min', []), undefined);
  assert.equal(show('max', new RSet()), undefined);
  assert.equal(show('sort', new RSet([4, 2, 3, 1])), '[1, 2, 3, 4]');
  assert.equal(show('sort', [[2], 'b', 1, null, RObject.fromRecord({})]), '[null, 1, "b", [2], {}]');
  throws('sort', ['x'], 'operand 1 must be one of {array, set} but got string');
});
