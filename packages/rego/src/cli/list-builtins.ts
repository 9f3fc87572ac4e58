// Generates the builtin list of packages/rego/README.md from the default registry.
//   node --import tsx packages/rego/src/cli/list-builtins.ts           prints the list
//   node --import tsx packages/rego/src/cli/list-builtins.ts --write   updates the README

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultRegistry, type BuiltinRegistry } from '../builtins/index.ts';

export const README_PATH = fileURLToPath(new URL('../../README.md', import.meta.url));
export const START_MARKER = '<!-- builtins:start -->';
export const END_MARKER = '<!-- builtins:end -->';

/** A Markdown table of builtin names grouped by namespace (infix spellings in parentheses). */
export function builtinsMarkdown(registry: BuiltinRegistry = defaultRegistry()): string {
  const groups = new Map<string, string[]>();
  for (const name of registry.names()) {
    const dot = name.lastIndexOf('.');
    const ns = dot < 0 ? '' : name.slice(0, dot);
    const def = registry.get(name);
    const label = `\`${name}\`${def?.infix ? ` (\`${def.infix}\`)` : ''}${def?.refused ? ' (refused)' : ''}`;
    const list = groups.get(ns) ?? [];
    list.push(label);
    groups.set(ns, list);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ns, names]) => `| ${ns === '' ? '(top level)' : `\`${ns}\``} | ${names.join(', ')} |`);
  return [`${registry.names().length} builtins.`, '', '| Namespace | Builtins |', '| --- | --- |', ...rows].join('\n');
}

/** The text between the README markers, or undefined when the markers are missing. */
export function readmeBuiltins(readme: string): string | undefined {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + START_MARKER.length, end).trim();
}

export function replaceReadmeBuiltins(readme: string, list: string): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`README has no ${START_MARKER} … ${END_MARKER} block`);
  return `${readme.slice(0, start + START_MARKER.length)}\n${list}\n${readme.slice(end)}`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const list = builtinsMarkdown();
  if (process.argv.includes('--write')) {
    writeFileSync(README_PATH, replaceReadmeBuiltins(readFileSync(README_PATH, 'utf8'), list));
    console.log(`updated ${README_PATH}`);
  } else {
    console.log(list);
  }
}
