#!/usr/bin/env node
// Runs the given test files and every `*.test.ts` under the given folders (default: packages/ and
// scripts/) in one node:test run, so the summary line covers the whole repository.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

// --record-durations FILE: also write each test file's duration there (see test-durations.json).
const args = process.argv.slice(2);
const recordAt = args.indexOf('--record-durations');
const recordTo = recordAt >= 0 ? args.splice(recordAt, 2)[1] : undefined;
const roots = args.filter((a) => !a.startsWith('--'));
const passThrough = args.filter((a) => a.startsWith('--'));
const repo = resolve(import.meta.dirname, '..');
const searchRoots = roots.length > 0 ? roots.map((r) => resolve(r)) : [join(repo, 'packages'), join(repo, 'scripts')];

function collect(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

// COMPANYOS_TEST_LEAVE_OUT: test files or folders (paths from the repository root, comma-separated)
// another run of the same commit covers, e.g. the docs walkthroughs, which run on the embedded
// engine whatever DATABASE_URL says, in CI's PostgreSQL run beside its PGlite run.
const leftOut = (process.env.COMPANYOS_TEST_LEAVE_OUT ?? '').split(',').filter((f) => f !== '').map((f) => resolve(repo, f));
for (const f of leftOut) console.log(`# left out of this run (another run covers it): ${f.slice(repo.length + 1)}`);
const isLeftOut = (file) => leftOut.some((out) => file === out || file.startsWith(`${out}/`));
const found = searchRoots.flatMap((r) => (statSync(r).isDirectory() ? collect(r, []) : [r])).filter((f) => !isLeftOut(f)).sort();

// The slowest files start first, so that no long file starts last and runs on alone at the end
// of the run. Durations come from the last recorded run; a file not in the record yet may be
// slow, so it starts first too.
const durationsFile = join(repo, 'scripts', 'test-durations.json');
const recorded = existsSync(durationsFile) ? JSON.parse(readFileSync(durationsFile, 'utf8')) : {};
const expected = (f) => recorded[relative(repo, f)] ?? Infinity;
const ordered = found.sort((a, b) => {
  const [da, db] = [expected(a), expected(b)];
  return da === db ? 0 : db > da ? 1 : -1;
});
if (ordered.length === 0) {
  console.error('no test files found under', searchRoots.join(', '));
  process.exit(1);
}
const files = passThrough.length === 0 && process.env.COMPANYOS_TEST_GROUPS !== '0' ? groupShortFiles(ordered) : ordered;

// Starting a test process costs a few seconds of CPU (the server's modules, PGlite's WebAssembly,
// the seeded database), more than many files' tests take. Files expected to take under
// GROUP_FILES_UNDER_S run several to a process (scripts/test-group), each group about
// GROUP_SECONDS long; a longer file, or one not recorded yet, keeps a process of its own. With a
// test runner flag given (a name pattern, say), or COMPANYOS_TEST_GROUPS=0, every file runs alone.
function groupShortFiles(sorted) {
  const GROUP_FILES_UNDER_S = 30;
  const GROUP_SECONDS = 45;
  const alone = [];
  const groups = [];
  let open;
  for (const file of sorted) {
    if (!(expected(file) < GROUP_FILES_UNDER_S)) {
      alone.push(file);
      continue;
    }
    if (open === undefined || open.seconds + expected(file) > GROUP_SECONDS) groups.push((open = { seconds: 0, files: [] }));
    open.files.push(file);
    open.seconds += expected(file);
  }
  const entries = mkdtempSync(join(tmpdir(), 'companyos-test-groups-'));
  process.on('exit', () => rmSync(entries, { recursive: true, force: true }));
  const runGroup = pathToFileURL(join(repo, 'scripts', 'test-group', 'run-group.mjs')).href;
  const grouped = groups.map((group, i) => {
    const entry = join(entries, `group-${String(i + 1).padStart(2, '0')}.mjs`);
    writeFileSync(entry, `import { runFiles } from ${JSON.stringify(runGroup)};\nawait runFiles(${JSON.stringify(group.files, null, 1)});\n`);
    return { entry, seconds: group.seconds };
  });
  // Longest first again, groups among the files.
  return [...alone.map((f) => ({ entry: f, seconds: expected(f) })), ...grouped].sort((a, b) => b.seconds - a.seconds).map((e) => e.entry);
}
const result = spawnSync(
  process.execPath,
  [
    // Types are stripped by the repository's own loader (scripts/ts-loader), which costs each test
    // process a second of CPU less than tsx.
    '--import', pathToFileURL(join(repo, 'scripts', 'ts-loader', 'register.mjs')).href, '--test', '--test-concurrency=2',
    // PGlite's WebAssembly runs on V8's baseline compiler alone: a test process is too short-lived
    // for optimised code to repay compiling it (about a third of a small file's CPU), and files
    // that work the database hard take no longer. The flag reaches every test file's process.
    '--liftoff-only',
    ...(recordTo === undefined ? [] : [
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      `--test-reporter=${join(repo, 'scripts', 'test-durations-reporter.mjs')}`, `--test-reporter-destination=${resolve(recordTo)}`,
    ]),
    ...passThrough, ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exitCode = result.status ?? 1;
