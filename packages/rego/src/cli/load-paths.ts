// Loading policy and data files the way `opa eval -d` does: `.rego` files are modules; `.json`
// and `.yaml` files are data, merged into `data` at the path of their folder relative to the
// root that was given (a file given directly merges at the top).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { parseYamlValue } from '../conformance/yaml-values.ts';
import { isObject, parseJSON, RObject, toJS, type Value } from '../value/value.ts';
import { FileError, UsageError } from './api.ts';

export interface Loaded {
  modules: { file: string; source: string }[];
  data: RObject;
}

const DATA_EXT = new Set(['.json', '.yaml', '.yml']);

export function loadPaths(paths: readonly string[]): Loaded {
  const modules: { file: string; source: string }[] = [];
  let data = new RObject();
  for (const root of paths) {
    let stat;
    try {
      stat = statSync(root);
    } catch {
      throw new FileError(`no such file or directory: ${root}`);
    }
    const files = stat.isDirectory() ? walk(root) : [root];
    for (const file of files) {
      const ext = extname(file).toLowerCase();
      if (ext === '.rego') {
        modules.push({ file, source: readFileSync(file, 'utf8') });
      } else if (DATA_EXT.has(ext)) {
        const at = stat.isDirectory() ? folderPath(root, file) : [];
        data = mergeAt(data, at, readDataFile(file), file);
      } else if (!stat.isDirectory()) {
        throw new UsageError(`${file}: expected a .rego, .json or .yaml file`);
      }
    }
  }
  return { modules, data };
}

/**
 * Schemas for type checking, as `opa eval --schema` takes them: a file is the schema of `input`;
 * a directory holds schemas that annotations name by path (`schema.kubernetes.pod` for
 * `kubernetes/pod.json`).
 */
export function loadSchemas(path: string): { inputSchema?: unknown; schemas?: Record<string, unknown> } {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new FileError(`no such file or directory: ${path}`);
  }
  if (!stat.isDirectory()) return { inputSchema: toJS(readDataFile(path)), schemas: {} };
  const schemas: Record<string, unknown> = {};
  for (const file of walk(path)) {
    const ext = extname(file).toLowerCase();
    if (!DATA_EXT.has(ext)) continue;
    const id = relative(path, file).slice(0, -ext.length).split(sep).join('/');
    schemas[id] = toJS(readDataFile(file));
  }
  return { schemas };
}

/** Reads a JSON or YAML file into a Value with exact numbers. */
export function readDataFile(file: string): Value {
  const text = readFileSync(file, 'utf8');
  try {
    return extname(file).toLowerCase() === '.json' ? parseJSON(text) : parseYamlValue(text);
  } catch (err) {
    throw new FileError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}

function folderPath(root: string, file: string): string[] {
  const rel = relative(root, dirname(file));
  return rel === '' ? [] : rel.split(sep);
}

/** Deep-merges `value` into `base` at `path`; two values that are not both objects conflict. */
export function mergeAt(base: RObject, path: readonly string[], value: Value, file: string): RObject {
  let wrapped = value;
  for (const seg of [...path].reverse()) wrapped = RObject.from([[seg, wrapped]]);
  if (!isObject(wrapped)) throw new FileError(`${file}: data at the root must be an object`);
  return mergeObjects(base, wrapped, file, []);
}

function mergeObjects(a: RObject, b: RObject, file: string, at: string[]): RObject {
  if (a.size === 0) return b;
  const out = RObject.from(a.entries());
  for (const [k, v] of b.entries()) {
    const existing = a.get(k);
    out.set(k, existing === undefined ? v : mergeValues(existing, v, file, [...at, String(k)]));
  }
  return out;
}

function mergeValues(a: Value, b: Value, file: string, at: string[]): Value {
  if (isObject(a) && isObject(b)) return mergeObjects(a, b, file, at);
  throw new FileError(`${file}: merge error: data.${at.join('.')} is defined twice`);
}
