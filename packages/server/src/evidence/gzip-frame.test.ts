import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { gunzipChunks, gzipChunks } from './gzip-frame.ts';

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

async function* pieces(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

const text = Buffer.from(Array.from({ length: 5000 }, (_, i) => `{"n":${i}}\n`).join(''));

test('writes standard gzip with a fixed header, byte-identical for the same input', async () => {
  const a = await collect(gzipChunks(pieces(text, 1000)));
  const b = await collect(gzipChunks(pieces(text, 333)));
  assert.ok(a.equals(b));
  assert.ok(gunzipSync(a).equals(text));
  assert.deepEqual([...a.subarray(0, 10)], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
});

test('round-trips whatever the chunking, including empty input', async () => {
  const gz = await collect(gzipChunks(pieces(text, 4096)));
  for (const size of [1, 7, 8, 9, 100, gz.length]) assert.ok((await collect(gunzipChunks(pieces(gz, size)))).equals(text));
  const empty = await collect(gzipChunks(pieces(Buffer.alloc(0), 1)));
  assert.equal((await collect(gunzipChunks(pieces(empty, 3)))).length, 0);
});

test('any changed, missing or extra byte fails', async () => {
  const gz = await collect(gzipChunks(pieces(text, 4096)));
  for (let at = 0; at < gz.length; at += Math.max(1, Math.floor(gz.length / 60))) {
    const bad = Buffer.from(gz);
    bad[at] = bad[at]! ^ 0x10;
    await assert.rejects(collect(gunzipChunks(pieces(bad, 100))), /archive|gzip/, `byte ${at}`);
  }
  for (const at of [gz.length - 1, gz.length - 5, 9]) {
    const bad = Buffer.from(gz);
    bad[at] = bad[at]! ^ 0x01;
    await assert.rejects(collect(gunzipChunks(pieces(bad, 100))), /archive|gzip/, `byte ${at}`);
  }
  await assert.rejects(collect(gunzipChunks(pieces(gz.subarray(0, gz.length - 1), 100))), /archive/);
  await assert.rejects(collect(gunzipChunks(pieces(gz.subarray(0, 5), 100))), /archive/);
  const trailer = gz.subarray(gz.length - 8);
  await assert.rejects(collect(gunzipChunks(pieces(Buffer.concat([gz, trailer]), 100))), /after the end/);
});

test('empty chunks leave the checksum intact', async () => {
  const parts = [Buffer.alloc(512, 1), Buffer.concat([]), Buffer.alloc(1024)];
  const gz = await collect(gzipChunks((async function* () { yield* parts; })()));
  assert.ok(gunzipSync(gz).equals(Buffer.concat(parts)));
});
