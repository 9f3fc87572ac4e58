import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flagsCommand } from './flags.ts';

const DAY = 86_400_000;
const flag = (flag_id: string, expiresInDays: number) => ({
  flag_id,
  description: 'd',
  owner: 'team',
  kind: 'release',
  type: 'boolean',
  variants: { on: true, off: false },
  default_variant: 'off',
  off_variant: 'off',
  expires_at: new Date(Date.now() + expiresInDays * DAY).toISOString(),
});

function definitionsFile(flags: unknown[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'flags-lint-')), 'flags.json');
  writeFileSync(file, JSON.stringify({ flags }));
  return file;
}

test('flags lint fails on an expired flag and warns on one expiring within 14 days', async (t) => {
  const errors = t.mock.method(console, 'error', () => undefined);
  t.mock.method(console, 'log', () => undefined);
  const rc = await flagsCommand(['lint', '--definitions', definitionsFile([flag('old.one', -1), flag('soon.one', 5), flag('fine.one', 90)])]);
  assert.equal(rc, 1);
  const lines = errors.mock.calls.map((c) => String(c.arguments[0]));
  assert.equal(lines.length, 2);
  assert.match(lines[0]!, /^error: old\.one .*expired/);
  assert.match(lines[1]!, /^warning: soon\.one .*expires in 5 day/);
});

test('flags lint passes on the shipped definitions', async (t) => {
  const out = t.mock.method(console, 'log', () => undefined);
  t.mock.method(console, 'error', () => undefined);
  assert.equal(await flagsCommand(['lint']), 0);
  assert.match(String(out.mock.calls.at(-1)!.arguments[0]), /flag\(s\): 0 expired/);
});

test('flags lint refuses an invalid definitions file', async () => {
  await assert.rejects(flagsCommand(['lint', '--definitions', definitionsFile([{ ...flag('x.y', 10), expires_at: undefined }])]), /a release flag needs expires_at/);
});
