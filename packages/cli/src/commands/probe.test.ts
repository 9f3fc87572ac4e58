import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '@companyos/server/test-support';
import { runCli } from '../../test/run-cli.ts';

// `companyos probe` against a real server: the report names each check, the exit code says
// whether all passed. (The full passing walk runs in docs/observability.md.)
let h: TestApp;
let url: string;
let ticking: NodeJS.Timeout;

before(async () => {
  h = await createTestApp({ config: { checkpointEvery: 1000, checkpointIntervalMs: 50 } });
  // The server's clock moves on as a real one would, so its ledger cuts checkpoints.
  ticking = setInterval(() => h.clock.advance(100), 100);
  url = await h.app.listen({ port: 0, host: '127.0.0.1' });
});
after(async () => {
  await h.close();
  clearInterval(ticking);
});

test('without a credential the probe is a usage mistake', async () => {
  const saved = process.env.COMPANYOS_TOKEN;
  delete process.env.COMPANYOS_TOKEN;
  try {
    const run = await runCli(['probe', '--url', url]);
    assert.equal(run.code, 2);
    assert.match(run.err, /no credential: set COMPANYOS_TOKEN \(a step-up token of a tenant admin\)/);
  } finally {
    if (saved !== undefined) process.env.COMPANYOS_TOKEN = saved;
  }
});

test('a token without a step-up passes three checks and fails the evidence pack, exit 1, in words and as JSON', async () => {
  const token = await h.token('pilot-a', 'user-admin');
  const run = await runCli(['probe', '--url', url, '--token', token]);
  assert.equal(run.code, 1, run.out + run.err);
  const lines = run.out.split('\n');
  assert.equal(lines[0], `probe of ${url} as user-admin of pilot-a`);
  assert.match(lines[1]!, /^ {2}ok {6}sign_in {8}user-admin of pilot-a signed in \(\d+ ms\)$/);
  assert.match(lines[2]!, /^ {2}ok {6}decision /);
  assert.match(lines[3]!, /^ {2}ok {6}action_receipt receipt [0-9a-f-]{36} included in the tree of size \d+/);
  assert.match(lines[4]!, /^ {2}failed  evidence_pack  the export was refused: HTTP 401 .*step-up/);
  assert.equal(lines[5], 'FAILED: evidence_pack');

  const json = await runCli(['probe', '--url', url, '--token', token, '--json']);
  assert.equal(json.code, 1);
  const report = JSON.parse(json.out) as { ok: boolean; tenant: string; checks: Array<{ check: string; outcome: string }> };
  assert.equal(report.ok, false);
  assert.equal(report.tenant, 'pilot-a');
  assert.deepEqual(report.checks.map((c) => `${c.check}:${c.outcome}`), ['sign_in:ok', 'decision:ok', 'action_receipt:ok', 'evidence_pack:failed']);
});
