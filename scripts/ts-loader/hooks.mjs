// A module hook that only strips types: `.ts`/`.tsx` files go through esbuild's transform, and
// everything else loads as Node would load it. The repository imports its TypeScript by its real
// file name (`./x.ts`), so Node's own resolution finds every file; only loading needs help.
//
// tsx does more (resolution for `.js` names of `.ts` files, tsconfig paths, CommonJS) and pays for
// it on every module, the dependencies' too: about a second of CPU each time a test file starts
// the server's module graph. A test run starts hundreds of such processes.
//
// Each transform is kept on disk per source file, with the source's hash, so a file is transformed
// again only when it changed; processes running side by side replace an entry atomically.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GROUPED_QUERY } from '../test-group/grouped-query.mjs';

const repo = join(import.meta.dirname, '..', '..');
const cacheDir = join(repo, 'node_modules', '.cache', 'ts-loader');
// The compiler options that change emitted code (`verbatimModuleSyntax` keeps every import as
// written, `target` decides class-field semantics), as the typecheck reads them.
const { compilerOptions } = JSON.parse(readFileSync(join(repo, 'tsconfig.base.json'), 'utf8'));
mkdirSync(cacheDir, { recursive: true });
let esbuild;
// A cached transform is reused only by the same esbuild with the same options.
const esbuildVersion = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('esbuild/package.json'), 'utf8')).version;
const salt = `${esbuildVersion}:${JSON.stringify(compilerOptions)}`;

const sha1 = (text) => createHash('sha1').update(text).digest('hex');

async function transform(path, source) {
  esbuild ??= await import('esbuild');
  const loader = path.endsWith('.tsx') ? 'tsx' : 'ts';
  const options = {
    loader, format: 'esm', target: 'node20', sourcemap: 'inline', sourcefile: path, jsx: 'automatic',
    tsconfigRaw: { compilerOptions },
  };
  return esbuild.transformSync(source, options).code;
}

async function compiled(path) {
  const source = readFileSync(path, 'utf8');
  const stamp = `//${sha1(`${salt}\0${source}`)}\n`;
  const entry = join(cacheDir, `${sha1(path)}.js`);
  let cached;
  try {
    cached = readFileSync(entry, 'utf8');
  } catch {
    cached = undefined;
  }
  if (cached?.startsWith(stamp)) return cached.slice(stamp.length);
  const code = await transform(path, source);
  const temporary = `${entry}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(temporary, stamp + code);
  renameSync(temporary, entry);
  return code;
}

// A test file run in a group (scripts/test-group) is asked for with GROUPED_QUERY; its `node:test`
// is then the group's, which keeps each file's tests and hooks to the file.
const groupedNodeTest = new URL('../test-group/node-test.mjs', import.meta.url).href;

export async function load(url, context, nextLoad) {
  const path = url.startsWith('file:') ? url.replace(/[?#].*$/, '') : undefined;
  if (path !== undefined && /\.tsx?$/.test(path)) {
    let source = await compiled(fileURLToPath(path));
    if (url.endsWith(GROUPED_QUERY)) source = source.replace(/(from\s*)(["'])node:test\2/g, `$1$2${groupedNodeTest}$2`);
    return { format: 'module', source, shortCircuit: true };
  }
  return nextLoad(url, context);
}
