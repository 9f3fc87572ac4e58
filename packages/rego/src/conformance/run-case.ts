// Running one conformance case against an engine (the public API, injected so the comparison
// logic can be tested on its own).

import type { RObject, Value } from '../value/value.ts';
import type { ConformanceCase } from './cases.ts';
import { compareError, compareRows, type Row, type Verdict } from './compare.ts';

/** The slice of the public API the harness needs. */
export interface Engine {
  compile(
    modules: { file: string; source: string }[],
    opts: { data?: RObject; strictBuiltinErrors?: boolean },
  ): {
    query(query: string, opts: { inputValue?: Value; strictBuiltinErrors?: boolean }): { rows: Row[] };
  };
}

export type CaseStatus = 'pass' | 'fail' | 'skip';

export interface CaseResult {
  status: CaseStatus;
  reason?: string;
  ms: number;
}

export function runCase(engine: Engine, testCase: ConformanceCase): CaseResult {
  const start = performance.now();
  const verdict = evaluate(engine, testCase);
  const ms = performance.now() - start;
  return verdict.pass ? { status: 'pass', ms } : { status: 'fail', reason: verdict.reason ?? 'failed', ms };
}

function evaluate(engine: Engine, testCase: ConformanceCase): Verdict {
  let input: Value | undefined = testCase.input;
  if (testCase.inputTerm !== undefined) {
    try {
      input = termValue(engine, testCase.inputTerm);
    } catch (err) {
      return { pass: false, reason: `input_term could not be evaluated: ${describe(err)}` };
    }
  }
  const strict = testCase.strictError;
  let rows: Row[];
  try {
    const policy = engine.compile(
      testCase.modules.map((source, i) => ({ file: `test-${i}.rego`, source })),
      { ...(testCase.data !== undefined ? { data: testCase.data } : {}), strictBuiltinErrors: strict },
    );
    rows = policy.query(testCase.query, { ...(input !== undefined ? { inputValue: input } : {}), strictBuiltinErrors: strict }).rows;
  } catch (err) {
    return compareError(testCase, err);
  }
  return compareRows(testCase, rows);
}

/** Evaluates a ground Rego term (`input_term`) through the engine itself. */
function termValue(engine: Engine, term: string): Value {
  const rows = engine.compile([], {}).query(`input_term_value = ${term}`, {}).rows;
  const value = rows[0]?.['input_term_value'];
  if (rows.length !== 1 || value === undefined) throw new Error(`not a ground term: ${term}`);
  return value;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
