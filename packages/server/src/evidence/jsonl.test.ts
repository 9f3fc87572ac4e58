import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonLines, JsonlSpool, type JsonLine } from './jsonl.ts';

async function lines(text: Buffer, pieceSize: number): Promise<JsonLine[]> {
  async function* pieces() {
    for (let i = 0; i < text.length; i += pieceSize) yield text.subarray(i, i + pieceSize);
  }
  const out: JsonLine[] = [];
  for await (const l of jsonLines(pieces())) out.push(l);
  return out;
}

test('parses lines split anywhere, multi-byte characters included', async () => {
  const text = Buffer.from('{"a":"héllo €"}\n[1,2]\n{"b":null}\n');
  for (const size of [1, 2, 3, 5, text.length]) {
    assert.deepEqual(await lines(text, size), [
      { line: 1, value: { a: 'héllo €' } },
      { line: 2, value: [1, 2] },
      { line: 3, value: { b: null } },
    ]);
  }
  assert.deepEqual(await lines(Buffer.alloc(0), 1), []);
});

test('names the line of every malformed record', async () => {
  const text = Buffer.concat([Buffer.from('{"a":1}\n\n{oops}\n'), Buffer.from([0x22, 0xff, 0x22, 0x0a]), Buffer.from('{"z":2}')]);
  assert.deepEqual(await lines(text, 4), [
    { line: 1, value: { a: 1 } },
    { line: 2, error: 'empty line' },
    { line: 3, error: 'not JSON' },
    { line: 4, error: 'not UTF-8' },
    { line: 5, error: 'last line has no newline' },
  ]);
});

test('the spool writes canonical lines and reports their digest, size and count', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jsonl-'));
  t.after(() => rmSync(dir, { recursive: true }));
  const path = join(dir, 'x.jsonl');
  const spool = await JsonlSpool.create(path);
  for (let i = 0; i < 20_000; i++) await spool.append({ z: i, a: 'é' });
  const result = await spool.close();
  const bytes = readFileSync(path);
  assert.equal(result.count, 20_000);
  assert.equal(result.size, bytes.length);
  assert.equal(result.sha256, createHash('sha256').update(bytes).digest('hex'));
  assert.equal(bytes.toString('utf8').split('\n')[0], '{"a":"é","z":0}');
  await assert.rejects(JsonlSpool.create(path), /EEXIST/);
});
