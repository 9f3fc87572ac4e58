#!/usr/bin/env node
// Entry point of the `companyos` command: runs the compiled CLI in dist/, first rebuilding it
// when a source file is newer than the build (a stat per source file, a few milliseconds).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const distDir = join(import.meta.dirname, '..', 'dist');

function currentBuild() {
  let current;
  try {
    current = JSON.parse(readFileSync(join(distDir, 'current.json'), 'utf8'));
  } catch {
    return undefined;
  }
  for (const input of current.inputs) {
    try {
      if (statSync(input).mtimeMs > current.built_at) return undefined;
    } catch {
      return undefined;
    }
  }
  return join(distDir, current.build, 'main.js');
}

const entry = currentBuild() ?? (await (await import('../scripts/build.mjs')).buildCli());
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
