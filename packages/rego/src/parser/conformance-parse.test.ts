// Parses every module, query and input term of OPA's conformance cases: all must parse, except
// cases whose expected error is a parse error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYAML } from 'yaml';
import { parseModule, parseQuery, parseTerm } from './index.ts';

const ROOT = '/work/shared/opa-conformance/v1';

interface Case {
  note: string;
  query?: string;
  modules?: string[];
  input_term?: string;
  want_error_code?: string;
  want_error?: string;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(p);
    return e.name.endsWith('.yaml') ? [p] : [];
  });
}

test('every conformance module, query and input term parses', { skip: !existsSync(ROOT) }, () => {
  let parsed = 0;
  const failures: string[] = [];
  for (const file of yamlFiles(ROOT)) {
    const cases = (parseYAML(readFileSync(file, 'utf8')) as { cases?: Case[] }).cases ?? [];
    for (const c of cases) {
      const mustFail = c.want_error_code === 'rego_parse_error';
      const sources: [string, () => unknown][] = [
        ...(c.modules ?? []).map((m, i): [string, () => unknown] => [`test-${i}.rego`, () => parseModule(m, `test-${i}.rego`)]),
      ];
      if (c.query !== undefined) sources.push(['query', () => parseQuery(c.query as string)]);
      if (c.input_term !== undefined) sources.push(['input_term', () => parseTerm(c.input_term as string)]);
      let failed = false;
      for (const [what, run] of sources) {
        try {
          run();
          parsed++;
        } catch (e) {
          failed = true;
          if (!mustFail) failures.push(`${c.note} (${what}): ${(e as Error).message}`);
        }
      }
      if (mustFail && !failed) failures.push(`${c.note}: expected a parse error`);
    }
  }
  console.log(`parsed ${parsed} conformance sources`);
  assert.deepEqual(failures, []);
});
