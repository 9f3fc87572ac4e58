// Our own cases, in the format of OPA's conformance cases and run through the same harness and
// engine: every file in test/cases (type checking, `not` over undefined operands, ...).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCaseFile } from '../src/conformance/cases.ts';
import { engine } from '../src/conformance/default-engine.ts';
import { runCase } from '../src/conformance/run-case.ts';

const dir = fileURLToPath(new URL('./cases', import.meta.url));
/** The least number of cases each file holds, so a file that stops parsing cases is noticed. */
const MIN_CASES: Record<string, number> = { 'type-check.yaml': 15, 'negation.yaml': 30 };

for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  it(`cases in ${file} pass through the conformance harness`, () => {
    const cases = parseCaseFile(readFileSync(join(dir, file), 'utf8'), file);
    const failures = cases.map((c) => ({ note: c.note, result: runCase(engine, c) })).filter((o) => o.result.status !== 'pass');
    assert.deepEqual(failures.map((f) => `${f.note}: ${f.result.reason ?? ''}`), []);
    assert.ok(cases.length >= (MIN_CASES[file] ?? 1), `${file} holds ${cases.length} cases`);
  });
}
