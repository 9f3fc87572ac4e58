// Our own type-checking cases, in the format of OPA's conformance cases and run through the same
// harness and engine (test/cases/type-check.yaml).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCaseFile } from '../src/conformance/cases.ts';
import { engine } from '../src/conformance/default-engine.ts';
import { runCase } from '../src/conformance/run-case.ts';

const file = fileURLToPath(new URL('./cases/type-check.yaml', import.meta.url));

it('type-checking cases pass through the conformance harness', () => {
  const cases = parseCaseFile(readFileSync(file, 'utf8'), 'type-check.yaml');
  const failures = cases.map((c) => ({ note: c.note, result: runCase(engine, c) })).filter((o) => o.result.status !== 'pass');
  assert.deepEqual(failures.map((f) => `${f.note}: ${f.result.reason ?? ''}`), []);
  assert.ok(cases.length >= 15);
});
