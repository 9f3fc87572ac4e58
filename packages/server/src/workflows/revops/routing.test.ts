import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memberForTurn } from './routing.ts';

const members = [
  { subject_id: 'ava', weight: 3 },
  { subject_id: 'ben', weight: 1 },
];

test('round robin takes members in turn, ignoring weights', () => {
  const picks = [0, 1, 2, 3].map((turn) => memberForTurn({ strategy: 'round_robin', members }, turn));
  assert.deepEqual(picks, ['ava', 'ben', 'ava', 'ben']);
});

test('weighted routing gives each member turns in proportion to its weight', () => {
  const picks = Array.from({ length: 40 }, (_, turn) => memberForTurn({ strategy: 'weighted', members }, turn));
  assert.equal(picks.filter((p) => p === 'ava').length, 30);
  assert.equal(picks.filter((p) => p === 'ben').length, 10);
});
