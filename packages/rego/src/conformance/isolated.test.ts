import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { IsolatedRunner } from './isolated.ts';
import { runSuite } from './suite.ts';

it('fails a case that overruns its time or kills the worker, and carries on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rego-iso-'));
  try {
    mkdirSync(join(dir, 'f'));
    const one = (note: string, query: string) => `- note: ${note}\n  query: ${query}\n  modules: []\n  want_result: [{x: 1}]\n`;
    writeFileSync(join(dir, 'f', 'a.yaml'), 'cases:\n' + one('f/ok', 'x = 1') + one('f/loop', 'loop') + one('f/crash', 'crash') + one('f/after', 'x = 1') + one('f/skip', 'x = 1'));
    const runner = new IsolatedRunner(new URL('./fixtures/fake-engine.ts', import.meta.url).href, 1500);
    const report = await runSuite(dir, { run: runner.run, skips: { 'f/skip': 'not supported' } }).finally(() => runner.close());
    const byNote = Object.fromEntries(report.outcomes.map((o) => [o.note, `${o.status}${o.reason ? `: ${o.reason}` : ''}`]));
    assert.deepEqual(byNote, {
      'f/ok': 'pass',
      'f/loop': 'fail: timed out after 1500 ms',
      'f/crash': 'fail: worker exited with code 3',
      'f/after': 'pass',
      'f/skip': 'skip: not supported',
    });
    assert.deepEqual(report.folders, { f: { passed: 2, failed: 2, skipped: 1 } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('stops the run when the engine module cannot load', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rego-iso-'));
  try {
    mkdirSync(join(dir, 'f'));
    writeFileSync(join(dir, 'f', 'a.yaml'), 'cases:\n- note: f/ok\n  query: x = 1\n  modules: []\n  want_result: [{x: 1}]\n');
    const runner = new IsolatedRunner(new URL('./fixtures/broken-engine.ts', import.meta.url).href);
    await assert.rejects(
      runSuite(dir, { run: runner.run }).finally(() => runner.close()),
      /conformance worker failed to start: engine does not load/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
