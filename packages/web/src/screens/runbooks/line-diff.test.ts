import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineDiff } from './line-diff.ts';

test('a line diff keeps common lines and marks what was removed and added', () => {
  assert.deepEqual(lineDiff('a\nb\nc', 'a\nx\nc\nd'), [
    { kind: 'same', text: 'a' },
    { kind: 'removed', text: 'b' },
    { kind: 'added', text: 'x' },
    { kind: 'same', text: 'c' },
    { kind: 'added', text: 'd' },
  ]);
  assert.deepEqual(lineDiff('same', 'same'), [{ kind: 'same', text: 'same' }]);
});
