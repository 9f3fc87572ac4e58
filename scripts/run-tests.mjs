#!/usr/bin/env node
// Runs the given test files and every `*.test.ts` under the given folders (default: all of
// packages/) in one node:test run, so the summary line covers the whole repository.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const passThrough = process.argv.slice(2).filter((a) => a.startsWith('--'));
const repo = resolve(import.meta.dirname, '..');
const searchRoots = roots.length > 0 ? roots.map((r) => resolve(r)) : [join(repo, 'packages')];

function collect(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

// COMPANYOS_TEST_LEAVE_OUT: test files (paths from the repository root, comma-separated) another run
// of the same commit covers, e.g. the docs walkthroughs, which run on the embedded engine whatever
// DATABASE_URL says, in CI's PostgreSQL run beside its PGlite run.
const leftOut = new Set((process.env.COMPANYOS_TEST_LEAVE_OUT ?? '').split(',').filter((f) => f !== '').map((f) => resolve(repo, f)));
for (const f of leftOut) console.log(`# left out of this run (another run covers it): ${f.slice(repo.length + 1)}`);
const files = searchRoots.flatMap((r) => (statSync(r).isDirectory() ? collect(r, []) : [r])).filter((f) => !leftOut.has(f)).sort();
if (files.length === 0) {
  console.error('no test files found under', searchRoots.join(', '));
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', ...passThrough, ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
