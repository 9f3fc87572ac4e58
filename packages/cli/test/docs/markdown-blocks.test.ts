import { test } from 'node:test';
import assert from 'node:assert/strict';
import { missingOutput, shellBlocks } from './markdown-blocks.ts';

const page = [
  '# A page',
  '```sh no-run',
  'npm install && npm start',
  '```',
  '```sh',
  'createdb things',
  '```',
  '```sh',
  'COMPANYOS_X=1 COMPANYOS_Y=a=b npm start',
  '```',
  '```json',
  '{"not": "shell"}',
  '```',
  '```sh',
  'curl -s localhost:8080/x   # a comment',
  '#> {"a":1,...,"z":26}',
  '#> done',
  '```',
].join('\n');

test('sh blocks run, no-run and other languages do not; a start block carries its settings', () => {
  const blocks = shellBlocks(page);
  assert.deepEqual(
    blocks.map((b) => ({ line: b.line, starts: b.startsServer })),
    [
      { line: 5, starts: undefined },
      { line: 8, starts: { COMPANYOS_X: '1', COMPANYOS_Y: 'a=b' } },
      { line: 14, starts: undefined },
    ],
  );
  assert.deepEqual(blocks[2]!.expected, ['{"a":1,...,"z":26}', 'done']);
});

test('expected output matches in order, with ... for any text', () => {
  const expected = ['{"a":1,...,"z":26}', 'done'];
  assert.equal(missingOutput(expected, '{"a":1,"b":2,"z":26}\ndone\n'), undefined);
  assert.equal(missingOutput(expected, '{"a":1,"b":2,"z":25}\ndone\n'), ',"z":26}');
  assert.equal(missingOutput(expected, 'done\n{"a":1,"z":26}\n'), 'done', 'out of order');
});
