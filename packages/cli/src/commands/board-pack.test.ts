import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '@companyos/server/test-support';
import { main } from '../main.ts';

let h: TestApp;
let url: string;
let dir: string;
const out: string[] = [];
const err: string[] = [];
const { log, error } = console;

before(async () => {
  h = await createTestApp({ jobsBackground: false });
  url = await h.app.listen({ port: 0, host: '127.0.0.1' });
  dir = mkdtempSync(join(tmpdir(), 'board-pack-cli-'));
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
});

after(async () => {
  Object.assign(console, { log, error });
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const [o, e] = [out.length, err.length];
  const code = await main(args);
  return { code, out: out.slice(o).join('\n'), err: err.slice(e).join('\n') };
}

const operatorArgs = async () => ['--url', url, '--token', await h.token('internal', 'user-platform-operator')];

test('board-pack writes the PDF and its receipt bundle; verify checks the PDF against it offline', async () => {
  const pdf = join(dir, 'board.pdf');
  const made = await run(['board-pack', '--period', '2026-Q1-mid', '-o', pdf, ...(await operatorArgs())]);
  assert.equal(made.code, 0, made.err);
  assert.match(made.out, /wrote .*board\.pdf \(sha256 [0-9a-f]{64}, time to pack \d+ ms\)/);
  assert.match(made.out, /board\.pdf\.receipt\.json \(receipt [0-9a-f-]{36}\)/);

  const ok = await run(['verify', pdf]);
  assert.equal(ok.code, 0, ok.out);
  assert.match(ok.out, /OK: board pack board-pack-period:2026-Q1-mid \(sha256 [0-9a-f]{64}\) is named by receipt/);
  assert.match(ok.out, /input service_samples: sha256 [0-9a-f]{64}/);
  const json = await run(['verify', pdf, '--json']);
  assert.equal(JSON.parse(json.out).kind, 'board-pack');

  // One changed byte, and the receipt no longer names the file.
  const bytes = readFileSync(pdf);
  bytes[bytes.length - 20] ^= 1;
  const changed = join(dir, 'changed.pdf');
  writeFileSync(changed, bytes);
  const bad = await run(['verify', changed, '--receipt', `${pdf}.receipt.json`]);
  assert.equal(bad.code, 1);
  assert.match(bad.out, /the receipt does not name this PDF/);
  // A PDF without its receipt is named as such.
  const lone = await run(['verify', changed]);
  assert.equal(lone.code, 1);
  assert.match(lone.err, /cannot read the receipt bundle .*changed\.pdf\.receipt\.json/);
});

test('a bad period is refused with the syntax; board-pack --help describes the periods', async () => {
  const bad = await run(['board-pack', '--period', '2026-Q7', '-o', join(dir, 'x.pdf'), ...(await operatorArgs())]);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /400 .*"2026-Q7" is not a period: write YYYY, YYYY-H1\|H2/);
  const help = await run(['board-pack', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /YYYY-Qn-mid/);
});
