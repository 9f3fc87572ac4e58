import { gunzipSync } from 'node:zlib';
import { parseTar, type ParsedTarFileItem } from 'nanotar';
import type { ModuleSource } from '@companyos/rego';

/** What an OPA bundle holds that the decision service uses. */
export interface BundleContents {
  /** The manifest's revision (for a CompanyOS bundle, the bundle hash); '' without one. */
  revision: string;
  /** The data paths the bundle owns ('' owns everything). */
  roots: string[];
  modules: ModuleSource[];
  data: Record<string, unknown>;
}

export class BundleError extends Error {
  override name = 'BundleError';
}

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

// Nothing is written to disk from an archive: a name only places a data.json and labels a module.
const cleanPath = (name: string): string =>
  name
    .split('/')
    .filter((p) => p !== '' && p !== '.')
    .join('/');

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BundleError(`${path}: ${(error as Error).message}`);
  }
}

/** Puts a `data.json` found at `dir/data.json` under data.dir (OPA's layout), refusing overlaps. */
function mount(data: Record<string, unknown>, dir: string[], value: unknown, file: string): void {
  if (dir.length === 0) {
    if (!isObject(value)) throw new BundleError(`${file}: the root data document must be an object`);
    for (const [k, v] of Object.entries(value)) {
      if (k in data) throw new BundleError(`${file}: data.${k} is defined twice`);
      data[k] = v;
    }
    return;
  }
  let node = data;
  for (const segment of dir.slice(0, -1)) {
    const next = node[segment] ?? {};
    if (!isObject(next)) throw new BundleError(`${file}: data.${dir.join('.')} overlaps another document`);
    node = node[segment] = next;
  }
  const last = dir[dir.length - 1]!;
  if (last in node) throw new BundleError(`${file}: data.${dir.join('.')} is defined twice`);
  node[last] = value;
}

const packageOf = (source: string): string[] | undefined => /^\s*package\s+([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)/m.exec(source)?.[1]?.split('.');

const within = (path: string[], roots: string[]): boolean =>
  roots.some((root) => {
    if (root === '') return true;
    const r = root.split('/');
    // A path is owned when it is inside a root, or a root is inside it (a package that holds one).
    return r.every((s, i) => i >= path.length || path[i] === s);
  });

/**
 * Reads an OPA bundle (`.tar.gz`): the manifest, every `data.json` at its directory's data path,
 * and every `.rego` module. Everything the manifest's roots do not own is refused, as OPA does.
 * Limits: `maxBytes` on the decompressed archive (a small bomb cannot fill memory).
 */
export function readBundleArchive(archive: Uint8Array, maxBytes: number): BundleContents {
  let tar: Buffer;
  try {
    tar = gunzipSync(archive, { maxOutputLength: maxBytes });
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new BundleError(code === 'ERR_BUFFER_TOO_LARGE' ? `the bundle is larger than ${maxBytes} bytes uncompressed` : `the bundle is not a gzip archive (${(error as Error).message})`);
  }
  let files: ParsedTarFileItem[];
  try {
    files = parseTar(tar);
  } catch (error) {
    throw new BundleError(`the bundle is not a tar archive (${(error as Error).message})`);
  }
  let manifest: Record<string, unknown> = {};
  const modules: ModuleSource[] = [];
  const data: Record<string, unknown> = {};
  for (const f of files) {
    if (f.type !== undefined && f.type !== 'file') continue;
    const path = cleanPath(f.name);
    const text = f.data === undefined ? '' : Buffer.from(f.data).toString('utf8');
    if (path === '.manifest') {
      const parsed = parseJson(path, text);
      if (!isObject(parsed)) throw new BundleError('.manifest must be a JSON object');
      manifest = parsed;
    } else if (path === 'data.json' || path.endsWith('/data.json')) {
      mount(data, path.split('/').slice(0, -1), parseJson(path, text), path);
    } else if (path.endsWith('.rego')) {
      modules.push({ file: path, source: text });
    }
  }
  const revision = manifest.revision ?? '';
  if (typeof revision !== 'string') throw new BundleError('.manifest: revision must be a string');
  const roots = manifest.roots ?? [''];
  if (!Array.isArray(roots) || !roots.every((r) => typeof r === 'string')) throw new BundleError('.manifest: roots must be a list of strings');
  for (const m of modules) {
    const pkg = packageOf(m.source);
    if (pkg !== undefined && !within(pkg, roots)) throw new BundleError(`${m.file}: package ${pkg.join('.')} is outside the bundle's roots (${roots.join(', ')})`);
  }
  for (const key of Object.keys(data)) {
    if (!within([key], roots)) throw new BundleError(`data.${key} is outside the bundle's roots (${roots.join(', ')})`);
  }
  return { revision, roots, modules, data };
}
