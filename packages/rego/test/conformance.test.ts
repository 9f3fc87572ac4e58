// OPA's conformance cases against the engine. The cases live outside the repository: in the
// folder named by COMPANYOS_OPA_CONFORMANCE, or in shared/opa-conformance/v1 beside the checkout
// or beside one of its parents; without them this test only says so. The number of passing cases
// must not fall below the floor in conformance-floor.json (raise it as it grows).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ENGINE_MODULE } from '../src/conformance/default-engine.ts';
import { IsolatedRunner } from '../src/conformance/isolated.ts';
import { formatFolderCounts, loadSkipList, runSuite, skipReason, summaryLine } from '../src/conformance/suite.ts';

const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
const SUITE = process.env.COMPANYOS_OPA_CONFORMANCE ?? findBesideAncestors(here('../../..'), join('shared', 'opa-conformance', 'v1'));

/** `rel` in the nearest ancestor of `start` that has it (the checkout may sit in a worktree folder). */
function findBesideAncestors(start: string, rel: string): string {
  for (let dir = dirname(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, rel))) return join(dir, rel);
    if (dirname(dir) === dir) return join(dirname(start), rel);
  }
}
const floor = (JSON.parse(readFileSync(here('./conformance-floor.json'), 'utf8')) as { passed: number }).passed;

it('passes at least the floor of OPA conformance cases', async (t) => {
  if (!existsSync(SUITE)) {
    t.diagnostic(`conformance cases not found at ${SUITE}; nothing to run`);
    return;
  }
  const skips = loadSkipList(here('./conformance-skips.json'));
  const runner = new IsolatedRunner(DEFAULT_ENGINE_MODULE);
  const report = await runSuite(SUITE, { run: runner.run, skips }).finally(() => runner.close());
  for (const line of formatFolderCounts(report)) t.diagnostic(line);
  for (const o of report.outcomes.filter((o) => o.status === 'fail')) t.diagnostic(`FAIL ${o.note}: ${o.reason ?? ''}`);
  t.diagnostic(summaryLine(report));
  if (report.passed > floor) t.diagnostic(`the floor in conformance-floor.json can be raised to ${report.passed}`);
  assert.ok(report.passed >= floor, `${report.passed} cases passed, below the floor of ${floor}`);
  const skippedNotes = report.outcomes.filter((o) => o.status === 'skip').map((o) => o.note);
  const unused = Object.keys(skips).filter((key) => !skippedNotes.some((note) => skipReason({ [key]: 'x' }, note) !== undefined));
  assert.deepEqual(unused, [], 'skip entries that match no case');
});
