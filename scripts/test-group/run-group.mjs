// Runs several test files one after another in one process. Starting a test process costs more
// than most files' tests: loading the server's modules, compiling PGlite's WebAssembly, reading the
// seeded database's dump. A group pays that once.
//
// Each file becomes one test named by its path, with the file's tests inside it; the file is
// imported so that its `node:test` is ./node-test.mjs, which attaches its tests and hooks to that
// test. When the file's tests and `after` hooks are done, the environment variables it changed are
// put back, so the next file starts as it would in a process of its own.
import { test } from 'node:test';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GROUPED_QUERY } from './grouped-query.mjs';
import { openScope } from './node-test.mjs';

const repo = resolve(import.meta.dirname, '..', '..');

function restoreEnvironment(saved) {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
}

export async function runFiles(files) {
  for (const file of files) {
    await test(relative(repo, file), async (context) => {
      const saved = { ...process.env };
      const scope = openScope(context);
      try {
        await import(`${pathToFileURL(file).href}${GROUPED_QUERY}`);
      } finally {
        scope.close();
      }
      // Registered after the file's own `after` hooks, so it runs after them.
      context.after(() => restoreEnvironment(saved));
      await scope.settled();
    });
  }
}
