import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '@companyos/server/test-support';
import { main } from '../main.ts';

let h: TestApp;
let url: string;
let dir: string;
let hooks: Server;
let hookBase: string;
let ticking: NodeJS.Timeout;
const down = new Set<string>();
const out: string[] = [];
const err: string[] = [];
const { log, error } = console;

before(async () => {
  // The partners' webhooks are a local receiver, which the default target check refuses.
  h = await createTestApp({ config: { webhookTargets: { allowPrivate: false, allowHosts: ['127.0.0.1'] } } });
  url = await h.app.listen({ port: 0, host: '127.0.0.1' });
  // The server's clock moves on, so the first evidence pack has a window to cover.
  ticking = setInterval(() => h.clock.advance(1000), 50);
  hooks = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.statusCode = down.has(req.url ?? '') ? 500 : 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
  hookBase = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'onboard-cli-'));
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
});

after(async () => {
  Object.assign(console, { log, error });
  clearInterval(ticking);
  await new Promise((resolve) => hooks.close(resolve));
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the command; with `terminal`, stderr is a terminal and what the command draws on it is returned. */
async function run(args: string[], terminal = false): Promise<{ code: number; out: string; err: string; drawn: string }> {
  const [o, e] = [out.length, err.length];
  const drawn: string[] = [];
  const { isTTY, write } = process.stderr;
  if (terminal) Object.assign(process.stderr, { isTTY: true, write: (chunk: string | Uint8Array) => drawn.push(String(chunk)) > 0 });
  try {
    const code = await main(['onboard', ...args, '--url', url, '--token', await h.token('internal', 'user-platform-operator', { ttl: 3600 }), '--poll-ms', '50']);
    return { code, out: out.slice(o).join('\n'), err: err.slice(e).join('\n'), drawn: drawn.join('') };
  } finally {
    Object.assign(process.stderr, { isTTY, write });
  }
}

const HEADER = 'id,name,region,owner,admin,webhook_url,plan';
const line = (id: string) => `${id},Partner ${id},eu,owner@${id}.example.com,admin-${id},${hookBase}/${id},pro`;

test('a bad file is refused whole, every bad row named by its line', async () => {
  const file = join(dir, 'bad.csv');
  writeFileSync(file, [HEADER, line('alpha'), 'Beta,,mars,x,admin,ftp://h,gold', line('alpha')].join('\n'));
  const r = await run(['--batch', file]);
  assert.equal(r.code, 1);
  assert.match(r.err, /bad\.csv:3: id: "Beta" is not a tenant id/);
  assert.match(r.err, /bad\.csv:3: region: "mars" is not a region/);
  assert.match(r.err, /bad\.csv:4: id: tenant alpha is already on line 2/);
  assert.match(r.err, /problems in .*bad\.csv; nothing was onboarded/);
  const status = await run(['--status', '--cohort', 'bad']);
  assert.match(status.out, /cohort bad: 0 tenants/);
});

test('five tenants onboard and verify; a failing webhook raises the alert; a re-run resumes it', async () => {
  const file = join(dir, 'partners-q2.csv');
  writeFileSync(file, [HEADER, ...['north', 'south', 'east', 'west', 'centre'].map(line)].join('\n'));
  down.add('/centre');
  const first = await run(['--batch', file], true);
  assert.equal(first.code, 1, first.err);
  // On a terminal each tenant has a line whose bar is redrawn as its steps run.
  const lines = first.drawn.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 5, first.drawn);
  const frames = (id: string) => lines.find((l) => l.startsWith(`\r${id} `))!.split('\r').slice(1).map((f) => f.trimEnd());
  assert.match(frames('north')[0]!, /^north +\[#{4}\.{16}\] 1\/5 tenant done$/);
  assert.match(frames('north').at(-1)!, /^north +\[#{20}\] 5\/5 verified$/);
  assert.match(frames('centre').at(-1)!, /^centre \[#{12}\.{8}\] 3\/5 webhook failed: the endpoint answered 500/);
  assert.match(first.out, /cohort partners-q2: 5 tenants from/);
  assert.match(first.out, /centre\s+failed\s+3\/5\s+-\s+webhook: the endpoint answered 500/);
  assert.match(first.out, /cohort partners-q2: 5 tenants, 4 onboarded, 4 verified, 1 failed; time to first verify p50 \d+\.\d s/);
  assert.match(first.out, /ALERT: 1 of 5 tenants of cohort partners-q2 failed \(20% > 10%\)/);
  const secrets = JSON.parse(readFileSync(`${file}.secrets.json`, 'utf8')) as Record<string, string>;
  assert.deepEqual(Object.keys(secrets).sort(), ['centre', 'east', 'north', 'south', 'west']);
  assert.equal(statSync(`${file}.secrets.json`).mode & 0o777, 0o600);

  down.delete('/centre');
  const again = await run(['--batch', file]);
  assert.equal(again.code, 0, again.out + again.err);
  assert.match(again.out, /cohort partners-q2: 5 tenants, 5 onboarded, 5 verified, 0 failed/);
  assert.doesNotMatch(again.out, /ALERT/);
});
