#!/usr/bin/env node
// Typechecks the repository in two programs at once: the Node packages together (one program
// checks each shared file once, where a program per package checked the server's files four
// times) and the console, whose DOM library must not leak into server code.
// COMPANYOS_TEST_SKIP_TYPECHECK=1 leaves it out of a test run another run of the same commit
// typechecks (CI's PGlite run beside its PostgreSQL run).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

if (process.env.COMPANYOS_TEST_SKIP_TYPECHECK === '1' && process.argv.includes('--in-test-run')) {
  console.log('# typecheck left out of this run (another run covers it)');
  process.exit(0);
}
const repo = resolve(import.meta.dirname, '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const programs = ['tsconfig.packages.json', 'packages/web'];
const codes = await Promise.all(programs.map((project) => new Promise((done) => {
  spawn(process.execPath, [tsc, '-p', project], { cwd: repo, stdio: 'inherit' }).on('exit', (code) => done(code ?? 1));
})));
process.exit(codes.every((c) => c === 0) ? 0 : 1);
