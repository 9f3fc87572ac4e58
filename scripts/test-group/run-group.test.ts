import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const loader = pathToFileURL(join(import.meta.dirname, '..', 'ts-loader', 'register.mjs')).href;
const runGroup = pathToFileURL(join(import.meta.dirname, 'run-group.mjs')).href;

// Runs `files` (name → source) as one group in a test process of their own and returns the lines
// they wrote to the file named by TRACE, and the process's exit status.
function runAsGroup(files: Record<string, string>): { trace: string[]; status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'companyos-group-test-'));
  try {
    const paths = Object.entries(files).map(([name, source]) => {
      const path = join(dir, name);
      writeFileSync(path, source);
      return path;
    });
    const entry = join(dir, 'group.mjs');
    writeFileSync(entry, `import { runFiles } from ${JSON.stringify(runGroup)};\nawait runFiles(${JSON.stringify(paths)});\n`);
    const trace = join(dir, 'trace');
    writeFileSync(trace, '');
    const env: NodeJS.ProcessEnv = { ...process.env, TRACE: trace };
    // Not a child of this test run's runner: the group reports on its own.
    delete env.NODE_TEST_CONTEXT;
    delete env.GROUP_TEST_SETTING;
    const run = spawnSync(process.execPath, ['--import', loader, entry], { encoding: 'utf8', env });
    return { trace: readFileSync(trace, 'utf8').split('\n').filter((l) => l !== ''), status: run.status, output: run.stdout + run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const tracing = `import { appendFileSync } from 'node:fs';\nconst trace = (line) => appendFileSync(process.env.TRACE, line + '\\n');\n`;

test("each file's hooks run around its own tests, and the next file starts with the environment as it was", () => {
  const { trace, status, output } = runAsGroup({
    'first.test.ts': `import { after, before, test } from 'node:test';\n${tracing}
before(() => trace('first: before'));
after(() => trace('first: after'));
process.env.GROUP_TEST_SETTING = 'set by first';
test('one', () => trace('first: one'));
test('two', () => trace('first: two'));
`,
    'second.test.ts': `import { describe, it, test } from 'node:test';\n${tracing}
test('sees', () => trace('second: setting ' + (process.env.GROUP_TEST_SETTING ?? 'unset')));
describe('a suite', () => {
  it('inside', () => trace('second: inside the suite'));
});
`,
  });
  assert.equal(status, 0, output);
  assert.deepEqual(trace, ['first: before', 'first: one', 'first: two', 'first: after', 'second: setting unset', 'second: inside the suite']);
  assert.match(output, /ok 1 - .*first\.test\.ts/);
  assert.match(output, /ok 2 - .*second\.test\.ts/);
});

test('a failing test fails its file and the run, and the files after it still run', () => {
  const { trace, status, output } = runAsGroup({
    'failing.test.ts': `import { test } from 'node:test';\nimport assert from 'node:assert/strict';\n${tracing}
test('fails', () => { trace('failing: ran'); assert.equal(1, 2); });
`,
    'after-it.test.ts': `import { test } from 'node:test';\n${tracing}
test('runs', () => trace('after-it: ran'));
`,
  });
  assert.equal(status, 1);
  assert.deepEqual(trace, ['failing: ran', 'after-it: ran']);
  assert.match(output, /not ok 1 - .*failing\.test\.ts/);
  assert.match(output, /ok 2 - .*after-it\.test\.ts/);
});
