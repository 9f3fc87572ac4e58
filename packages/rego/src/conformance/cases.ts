// Loading conformance case files: `<dir>/<folder>/*.yaml`, each `{cases: [...]}`.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isArray, isObject, RObject, type Value } from '../value/value.ts';
import { parseYamlValue } from './yaml-values.ts';

export interface ConformanceCase {
  note: string;
  query: string;
  modules: string[];
  data?: RObject;
  input?: Value;
  /** A Rego term (may contain sets) that replaces `input`. */
  inputTerm?: string;
  /** Rows of bindings; an empty list means the query is undefined. */
  wantResult?: RObject[];
  wantErrorCode?: string;
  wantError?: string;
  sortBindings: boolean;
  ignoreGeneratedVars: boolean;
  strictError: boolean;
}

export interface LoadedCase {
  folder: string;
  file: string;
  /** Position of the case in its file (0-based). */
  index: number;
  testCase: ConformanceCase;
}

/** Folders of a suite directory, sorted; `only` restricts to the given names. */
export function listFolders(dir: string, only?: string[]): string[] {
  const folders = readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
  if (only === undefined || only.length === 0) return folders;
  const missing = only.filter((name) => !folders.includes(name));
  if (missing.length > 0) throw new Error(`no such conformance folder: ${missing.join(', ')}`);
  return folders.filter((name) => only.includes(name));
}

export function loadFolder(dir: string, folder: string): LoadedCase[] {
  const path = join(dir, folder);
  const out: LoadedCase[] = [];
  for (const name of readdirSync(path).sort()) {
    if (!name.endsWith('.yaml') && !name.endsWith('.yml')) continue;
    const file = join(path, name);
    parseCaseFile(readFileSync(file, 'utf8'), basename(file)).forEach((testCase, index) =>
      out.push({ folder, file, index, testCase }),
    );
  }
  return out;
}

/** Parses the text of one case file. `name` is used in error messages. */
export function parseCaseFile(text: string, name: string): ConformanceCase[] {
  const doc = parseYamlValue(text);
  const cases = isObject(doc) ? doc.getStr('cases') : undefined;
  if (cases === undefined || !isArray(cases)) throw new Error(`${name}: expected a top-level 'cases' list`);
  return cases.map((c, i) => toCase(c, `${name}#${i}`));
}

function toCase(raw: Value, where: string): ConformanceCase {
  if (!isObject(raw)) throw new Error(`${where}: a case must be a mapping`);
  const str = (key: string): string | undefined => {
    const v = raw.getStr(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw new Error(`${where}: '${key}' must be a string`);
    return v;
  };
  const bool = (key: string): boolean => raw.getStr(key) === true;
  const modules = raw.getStr('modules') ?? [];
  if (!isArray(modules) || modules.some((m) => typeof m !== 'string')) {
    throw new Error(`${where}: 'modules' must be a list of strings`);
  }
  const data = raw.getStr('data');
  if (data !== undefined && data !== null && !isObject(data)) throw new Error(`${where}: 'data' must be a mapping`);
  const want = raw.getStr('want_result');
  let wantResult: RObject[] | undefined;
  if (want !== undefined && want !== null) {
    if (!isArray(want) || want.some((row) => !isObject(row))) {
      throw new Error(`${where}: 'want_result' must be a list of mappings`);
    }
    wantResult = want as RObject[];
  }
  const query = str('query');
  if (query === undefined) throw new Error(`${where}: missing 'query'`);
  const input = raw.getStr('input');
  return {
    note: str('note') ?? where,
    query,
    modules: modules as string[],
    ...(data !== undefined && isObject(data) ? { data } : {}),
    ...(input !== undefined ? { input } : {}),
    ...(str('input_term') !== undefined ? { inputTerm: str('input_term') } : {}),
    ...(wantResult !== undefined ? { wantResult } : {}),
    ...(str('want_error_code') !== undefined ? { wantErrorCode: str('want_error_code') } : {}),
    ...(str('want_error') !== undefined ? { wantError: str('want_error') } : {}),
    sortBindings: bool('sort_bindings'),
    ignoreGeneratedVars: bool('ignore_generated_vars'),
    strictError: bool('strict_error'),
  };
}
