import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, canonicalSha256 } from '../util/canonical-json.ts';

export interface BundleFile {
  path: string;
  content: string;
}

export interface BundleModule {
  file: string;
  source: string;
}

/**
 * A policy bundle: Rego modules plus one data document (`data.json`), identified by the hash of
 * its files. Test modules (`*_test.rego`) may travel with it but never decide.
 */
export interface Bundle {
  files: BundleFile[];
  hash: string;
  modules: BundleModule[];
  tests: BundleModule[];
  data: unknown;
}

/** Where a tenant's own modules live inside its bundle. */
export const TENANT_MODULE_DIR = 'tenant/';

export const isTestModule = (path: string): boolean => path.endsWith('_test.rego');

const byPath = (a: BundleFile, b: BundleFile): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * SHA-256 over the canonical JSON of the file set, sorted by path: [[path, content], ...], with
 * JSON files canonicalised first, so the same data always hashes the same however it is spelt.
 */
export function bundleHash(files: BundleFile[]): string {
  const sorted = [...files].sort(byPath);
  return canonicalSha256(sorted.map((f) => [f.path, f.path.endsWith('.json') ? canonicalJson(JSON.parse(f.content)) : f.content]));
}

export function bundleFromFiles(files: BundleFile[]): Bundle {
  const sorted = [...files].sort(byPath);
  const dataFile = sorted.find((f) => f.path === 'data.json');
  const rego = sorted.filter((f) => f.path.endsWith('.rego')).map((f) => ({ file: f.path, source: f.content }));
  return {
    files: sorted,
    hash: bundleHash(sorted),
    modules: rego.filter((m) => !isTestModule(m.file)),
    tests: rego.filter((m) => isTestModule(m.file)),
    data: dataFile === undefined ? {} : JSON.parse(dataFile.content),
  };
}

/** Every file below `dir`, as paths relative to it with `/` separators, sorted. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`]));
}

/**
 * Reads a bundle directory: its `.rego` modules at any depth (tests excluded, they are not part
 * of what decides) and its top-level `data.json`.
 */
export function loadBundleDir(dir: string): Bundle {
  const files = walk(dir)
    .filter((f) => (f.endsWith('.rego') && !isTestModule(f)) || f === 'data.json')
    .map((f) => ({ path: f, content: readFileSync(join(dir, f), 'utf8') }));
  if (!files.some((f) => f.path.endsWith('.rego'))) throw new Error(`no Rego modules in policy bundle ${dir}`);
  return bundleFromFiles(files);
}

/** The `*_test.rego` modules of a bundle directory, which every proposed version must pass. */
export function loadTestModules(dir: string): BundleModule[] {
  return walk(dir)
    .filter(isTestModule)
    .map((f) => ({ file: f, source: readFileSync(join(dir, f), 'utf8') }));
}
