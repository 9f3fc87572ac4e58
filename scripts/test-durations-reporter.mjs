// A node:test reporter that writes how long each test file took, as JSON keyed by the file's path
// from the repository root; run-tests.mjs starts the slowest files first from the last record.
import { relative, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');

export default async function* testFileDurations(source) {
  const seconds = {};
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { file, name, nesting, details } = event.data;
    if (file === undefined || nesting !== 0) continue;
    // A file's top-level tests run one after another, so their durations add up to the file's. In
    // a group of files (scripts/test-group), each file is one top-level test named by its path.
    const key = file.startsWith(repo) ? relative(repo, file) : name;
    seconds[key] = (seconds[key] ?? 0) + details.duration_ms / 1000;
  }
  const rounded = Object.fromEntries(Object.entries(seconds).sort(([a], [b]) => a.localeCompare(b)).map(([f, s]) => [f, Math.round(s * 10) / 10]));
  yield `${JSON.stringify(rounded, null, 1)}\n`;
}
