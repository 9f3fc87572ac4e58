// Coverage: which source lines of the policy holding expressions or rule heads were evaluated.

import type { Body, Term } from '../ast/types.ts';
import { walkBody, walkTerm } from '../compile/checks.ts';
import type { CRule } from '../compile/types.ts';

export interface FileCoverage {
  covered: number[];
  notCovered: number[];
}

export interface QueryCoverage {
  files: Record<string, FileCoverage>;
  coveredLines: number;
  notCoveredLines: number;
  /** Covered share of all coverable lines, 0–100 (100 when there are none). */
  percent: number;
}

/** Every `file:line` that holds a rule head or an expression. */
export function coverableLines(rules: readonly CRule[]): Set<string> {
  const out = new Set<string>();
  const addBody = (body: Body): void => {
    for (const e of body) out.add(`${e.loc.file}:${e.loc.line}`);
    walkBody(body, (t: Term) => {
      if (t.type === 'comprehension') for (const e of t.body) out.add(`${e.loc.file}:${e.loc.line}`);
    });
  };
  for (const r of rules) {
    out.add(`${r.loc.file}:${r.loc.line}`);
    addBody(r.body);
    for (const e of r.elses) addBody(e.body);
    walkTerm(r.value, (t) => {
      if (t.type === 'comprehension') addBody(t.body);
    });
  }
  return out;
}

export function coverageReport(coverable: Set<string>, covered: Set<string>): QueryCoverage {
  const files: Record<string, FileCoverage> = {};
  const entry = (file: string): FileCoverage => (files[file] ??= { covered: [], notCovered: [] });
  let c = 0;
  let n = 0;
  for (const key of coverable) {
    const i = key.lastIndexOf(':');
    const file = key.slice(0, i);
    const line = Number(key.slice(i + 1));
    if (covered.has(key)) {
      entry(file).covered.push(line);
      c++;
    } else {
      entry(file).notCovered.push(line);
      n++;
    }
  }
  for (const f of Object.values(files)) {
    f.covered.sort((a, b) => a - b);
    f.notCovered.sort((a, b) => a - b);
  }
  return { files, coveredLines: c, notCoveredLines: n, percent: c + n === 0 ? 100 : (100 * c) / (c + n) };
}
