#!/usr/bin/env node
// Compiles the `companyos` command to JavaScript in dist/, so a call does not pay for TypeScript
// compilation at start. The workspace packages it uses (server, rego, pdp) are bundled in; every
// npm dependency stays an import resolved from node_modules. Each command is its own chunk,
// loaded only when it runs. Runs at `npm install`/`npm ci` (the root `prepare` script), and again
// from bin/companyos.mjs whenever a source file changed since the last build.

import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const cliDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(cliDir, 'dist');
/** Names the build that bin/companyos.mjs runs, and the sources it was made from. */
export const CURRENT_FILE = join(distDir, 'current.json');

/** npm dependencies stay external; workspace packages (`@companyos/...`) are compiled in. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@companyos/') ? undefined : { path: args.path, external: true }));
  },
};

/**
 * Modules find their data files (migrations, policies, the web console) relative to their own
 * source file; in the bundle, `import.meta.url` keeps naming that source file.
 */
const sourceLocation = {
  name: 'source-location',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

/** Builds into a fresh folder, then points dist/current.json at it (safe against a concurrent run). */
export async function buildCli() {
  const id = `build-${Date.now()}-${process.pid}`;
  const outdir = join(distDir, id);
  const result = await build({
    entryPoints: [join(cliDir, 'src/main.ts')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
    plugins: [externalPackages, sourceLocation],
  });
  const inputs = Object.keys(result.metafile.inputs).map((p) => resolve(p));
  mkdirSync(distDir, { recursive: true });
  const tmp = `${CURRENT_FILE}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ build: id, built_at: Date.now(), inputs }));
  renameSync(tmp, CURRENT_FILE);
  // Keep the previous build: a process started from it may still load its chunks.
  const builds = readdirSync(distDir).filter((n) => n.startsWith('build-')).sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]));
  for (const old of builds.filter((n) => n !== id).slice(1)) rmSync(join(distDir, old), { recursive: true, force: true });
  return join(outdir, 'main.js');
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const main = await buildCli();
  console.log(`companyos CLI built: ${main} (${Date.now() - started} ms)`);
}
