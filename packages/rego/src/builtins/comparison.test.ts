import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNumber, type Value } from '../value/value.ts';
import { show } from './testing.ts';

const n = (text: string) => parseNumber(text);

test('comparison operators follow the value order', () => {
  assert.equal(show('equal', 1, 1.0), 'true');
  assert.equal(show('equal', [1], [1.0]), 'true');
  assert.equal(show('neq', 0, 1), 'true');
  assert.equal(show('neq', n('28857836529306024611913'), n('28857836529306024611912')), 'true');
  assert.equal(show('lt', null, false), 'true');
  assert.equal(show('lt', 'a', [] as Value), 'true');
  assert.equal(show('gte', 1, 1), 'true');
  assert.equal(show('gt', 1, 2), 'false');
  assert.equal(show('lte', 1, -1), 'false');
});
