import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArchiveError, BLOCK, decodeHeader, encodeHeader } from './tar-header.ts';
import { readTar } from './tar-reader.ts';
import { tarChunks, type TarInput } from './tar-writer.ts';

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

async function* pieces(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function readAll(tar: Buffer, pieceSize = 97): Promise<{ name: string; mtime: number; data: string }[]> {
  const out = [];
  for await (const entry of readTar(pieces(tar, pieceSize))) {
    out.push({ name: entry.name, mtime: entry.mtime, data: (await collect(entry.body)).toString() });
  }
  return out;
}

const sample = (): TarInput[] => [
  { name: 'a.txt', size: 5, mtime: 1_700_000_000, body: Buffer.from('hello') },
  { name: 'empty.jsonl', size: 0, mtime: 1_700_000_000, body: Buffer.alloc(0) },
  { name: 'big.jsonl', size: 1200, mtime: 1_700_000_000, body: pieces(Buffer.alloc(1200, 'x'), 100) },
];

test('round-trips entries whatever the chunking', async () => {
  const tar = await collect(tarChunks(sample()));
  assert.equal(tar.length, 3 * BLOCK + BLOCK + 3 * BLOCK + 2 * BLOCK);
  for (const size of [1, 97, 512, 100_000]) {
    assert.deepEqual(
      (await readAll(tar, size)).map((e) => [e.name, e.data.length, e.mtime]),
      [['a.txt', 5, 1_700_000_000], ['empty.jsonl', 0, 1_700_000_000], ['big.jsonl', 1200, 1_700_000_000]],
    );
  }
});

test('writes archives the system tar reads', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'evidence-tar-'));
  t.after(() => rmSync(dir, { recursive: true }));
  writeFileSync(join(dir, 'x.tar'), await collect(tarChunks(sample())));
  assert.equal(execFileSync('tar', ['-tvf', join(dir, 'x.tar')]).toString().trim().split('\n').length, 3);
  execFileSync('tar', ['-xf', join(dir, 'x.tar'), '-C', dir]);
  assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), 'hello');
});

test('skips bodies the caller leaves unread, even after a partial read', async () => {
  const tar = await collect(tarChunks(sample()));
  const names = [];
  for await (const entry of readTar(pieces(tar, 64))) {
    names.push(entry.name);
    for await (const _ of entry.body) break;
  }
  assert.deepEqual(names, ['a.txt', 'empty.jsonl', 'big.jsonl']);
});

test('refuses a body whose length differs from the header', async () => {
  await assert.rejects(collect(tarChunks([{ name: 'a', size: 4, mtime: 0, body: Buffer.from('hello') }])), /not 4 bytes/);
  await assert.rejects(collect(tarChunks([{ name: 'a', size: 6, mtime: 0, body: Buffer.from('hello') }])), /not 6 bytes/);
});

test('refuses names that are not plain file names', () => {
  for (const name of ['../x', 'a/b', '', 'a b', '.hidden', 'x'.repeat(101)]) {
    assert.throws(() => encodeHeader({ name, size: 0, mtime: 0 }), ArchiveError);
  }
});

test('rejects headers that differ from the canonical form in any byte', () => {
  const header = encodeHeader({ name: 'a.txt', size: 5, mtime: 10 });
  assert.deepEqual(decodeHeader(header), { name: 'a.txt', size: 5, mtime: 10 });
  for (const at of [0, 100, 110, 130, 140, 150, 156, 257, 263, 300, 400, 511]) {
    const bad = Buffer.from(header);
    bad[at] = bad[at]! ^ 1;
    assert.throws(() => decodeHeader(bad), ArchiveError, `byte ${at}`);
  }
  // Same checksum but another file mode: still refused.
  const mode = Buffer.from(header);
  mode.write('0000755\0', 100, 'ascii');
  mode.write('000000\0 ', 148, 'ascii');
  const sum = [...mode].reduce((s, b, i) => s + (i >= 148 && i < 156 ? 0x20 : b), 0);
  mode.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  assert.throws(() => decodeHeader(mode), /not a plain file entry/);
});

test('rejects truncation, bad padding and trailing data', async () => {
  const tar = await collect(tarChunks(sample()));
  await assert.rejects(readAll(tar.subarray(0, tar.length - BLOCK)), /truncated|end-of-archive/);
  await assert.rejects(readAll(tar.subarray(0, 700)), /truncated/);
  const padded = Buffer.from(tar);
  padded[BLOCK + 10] = 1; // padding after a.txt
  await assert.rejects(readAll(padded), /non-zero padding/);
  await assert.rejects(readAll(Buffer.concat([tar, Buffer.from('x')])), /after the end-of-archive/);
  await assert.rejects(readAll(Buffer.concat([tar, Buffer.alloc(BLOCK)])), /after the end-of-archive/);
});
