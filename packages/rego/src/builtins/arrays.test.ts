import { test } from 'node:test';
import assert from 'node:assert/strict';
import { show, throws } from './testing.ts';

test('arrays', () => {
  assert.equal(show('array.concat', [1, 2], [3, 4]), '[1, 2, 3, 4]');
  throws('array.concat', [{ a: 1 }, [3]], 'operand 1 must be array but got object');
  throws('array.concat', [[3], { a: 1 }], 'operand 2 must be array but got object');
  assert.equal(show('array.slice', [1, 2, 3], 0, 0), '[]');
  assert.equal(show('array.slice', [1, 2, 3, 4, 5], -4, -1), '[]');
  assert.equal(show('array.slice', [1, 2, 3, 4, 5], 4, 1), '[]');
  assert.equal(show('array.slice', [1, 2, 3, 4, 5], -1, 2), '[1, 2]');
  assert.equal(show('array.slice', [1, 2, 3, 4, 5], 1, 100), '[2, 3, 4, 5]');
  assert.equal(show('array.slice', [1, 2, 3], 1000, 2000), '[]');
  assert.equal(show('array.reverse', [1, 2, 3]), '[3, 2, 1]');
  assert.equal(show('array.reverse', []), '[]');
  throws('array.reverse', [{ bar: 'baz' }], 'operand 1 must be array but got object');
  assert.equal(show('array.flatten', [[1, 2], 'string', [3, { a: 'b' }], 4.5, [6, [7, 8]]]), '[1, 2, "string", 3, {"a": "b"}, 4.5, 6, [7, 8]]');
  throws('array.flatten', [42], 'operand 1 must be array but got number');
});
