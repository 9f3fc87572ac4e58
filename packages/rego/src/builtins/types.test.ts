import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RSet, parseNumber } from '../value/value.ts';
import { callBuiltin } from './testing.ts';

test('type tests and type_name', () => {
  const values: [unknown, string][] = [
    [null, 'null'],
    [true, 'boolean'],
    [-42.0, 'number'],
    [parseNumber('1e400'), 'number'],
    ['Hey', 'string'],
    [[1], 'array'],
    [{ a: 1 }, 'object'],
    [new RSet([1]), 'set'],
  ];
  for (const [v, type] of values) {
    assert.equal(callBuiltin('type_name', [v]), type);
    for (const t of ['null', 'boolean', 'number', 'string', 'array', 'object', 'set']) {
      assert.equal(callBuiltin(`is_${t}`, [v]), t === type, `is_${t}(${type})`);
    }
  }
});
