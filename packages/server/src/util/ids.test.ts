import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uuidv7 } from './ids.ts';

test('uuidv7 has version 7, the RFC variant and the timestamp in its first 48 bits', () => {
  const ms = Date.UTC(2030, 2, 2, 9, 0, 0);
  const id = uuidv7(ms);
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(parseInt(id.replace(/-/g, '').slice(0, 12), 16), ms);
});

test('ids sort in the order they were made, also within one millisecond', () => {
  const ms = Date.UTC(2031, 0, 1);
  const ids = [uuidv7(ms), ...Array.from({ length: 5000 }, () => uuidv7(ms + 1)), uuidv7(ms + 2)];
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
});

test('a clock that steps back never yields an id that sorts before an earlier one', () => {
  const a = uuidv7(Date.UTC(2032, 0, 1, 0, 0, 1));
  const b = uuidv7(Date.UTC(2032, 0, 1, 0, 0, 0));
  assert.ok(b > a);
});
