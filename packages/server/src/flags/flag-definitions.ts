import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { definitionProblems, FlagDefinition } from './flag-model.ts';
import { schemaCheck } from './json-schema.ts';

const validDefinition = schemaCheck(FlagDefinition);

/** The flag definitions shipped with the server: the seed every tenant starts from. */
export const FLAG_DEFINITIONS_FILE = fileURLToPath(new URL('./flag-definitions.json', import.meta.url));

export class FlagDefinitionError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid flag definitions:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'FlagDefinitionError';
  }
}

/** Validates a definitions document ({flags: [...]}), reporting every problem, not just the first. */
export function parseFlagDefinitions(doc: unknown): Map<string, FlagDefinition> {
  const flags = (doc as { flags?: unknown } | null)?.flags;
  if (!Array.isArray(flags)) throw new FlagDefinitionError(['the document needs a "flags" array']);
  const problems: string[] = [];
  const out = new Map<string, FlagDefinition>();
  flags.forEach((flag: unknown, i) => {
    if (!validDefinition(flag)) {
      problems.push(...validDefinition.problems().map((p) => `flags[${i}]${p.startsWith('(root)') ? p.slice(6) : p}`));
      return;
    }
    if (out.has(flag.flag_id)) problems.push(`${flag.flag_id}: defined twice`);
    problems.push(...definitionProblems(flag));
    out.set(flag.flag_id, flag);
  });
  if (problems.length > 0) throw new FlagDefinitionError(problems);
  return out;
}

export function loadFlagDefinitions(file: string = FLAG_DEFINITIONS_FILE): Map<string, FlagDefinition> {
  return parseFlagDefinitions(JSON.parse(readFileSync(file, 'utf8')));
}

let shipped: Map<string, FlagDefinition> | undefined;

/** The shipped definitions, read and validated once. */
export function flagDefinitions(): Map<string, FlagDefinition> {
  shipped ??= loadFlagDefinitions();
  return shipped;
}
