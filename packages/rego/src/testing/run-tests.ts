// The test runner behind `Policy.test()` and `rego test`: every rule named `test_*` is a test
// that passes when it evaluates to `true`, as `opa test` does. Rules named `todo_*` are
// reported as skipped.

import type { Module, Rule } from '../ast/types.ts';
import type { Value } from '../value/value.ts';
import { CoverageCollector, type Coverage, type CoverageReport } from './coverage.ts';

/** What the runner needs from a compiled policy. */
export interface TestablePolicy {
  readonly modules: readonly Module[];
  query(query: string, opts?: { coverage?: boolean }): { rows: Record<string, Value>[]; coverage?: Coverage };
}

export interface TestOptions {
  /** Runs only tests whose full name (`data.pkg.test_x`) matches. */
  filter?: RegExp;
  coverage?: boolean;
}

export type TestStatus = 'pass' | 'fail' | 'error' | 'skip';

export interface TestResult {
  /** Package path, `data.a.b`. */
  package: string;
  name: string;
  /** `data.a.b.test_x` */
  fullName: string;
  file: string;
  line: number;
  status: TestStatus;
  /** Error message, for status `error`. */
  error?: string;
  ms: number;
}

export interface TestReport {
  results: TestResult[];
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  coverage?: CoverageReport;
}

const RESULT_VAR = 'test_value';
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `data.a["b-c"]` for package path ["a", "b-c"]. */
export function refText(path: readonly string[]): string {
  return 'data' + path.map((seg) => (IDENT.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`)).join('');
}

interface TestRule {
  pkg: string[];
  name: string;
  rule: Rule;
}

/** Test and todo rules in source order, one per name and package. */
export function findTests(modules: readonly Module[]): TestRule[] {
  const found = new Map<string, TestRule>();
  for (const module of modules) {
    for (const rule of module.rules) {
      const head = rule.head.ref;
      const first = head[0];
      if (head.length !== 1 || first?.type !== 'scalar' || typeof first.value !== 'string') continue;
      if (rule.head.args !== undefined || rule.kind === 'function') continue;
      const name = first.value;
      if (!name.startsWith('test_') && !name.startsWith('todo_')) continue;
      const key = refText([...module.pkg, name]);
      if (!found.has(key)) found.set(key, { pkg: module.pkg, name, rule });
    }
  }
  return [...found.values()];
}

export function runTests(policy: TestablePolicy, opts: TestOptions = {}): TestReport {
  const report: TestReport = { results: [], passed: 0, failed: 0, errored: 0, skipped: 0 };
  const collector = opts.coverage ? new CoverageCollector() : undefined;
  for (const { pkg, name, rule } of findTests(policy.modules)) {
    const fullName = refText([...pkg, name]);
    if (opts.filter && !opts.filter.test(fullName)) continue;
    const base = { package: refText(pkg), name, fullName, file: rule.loc.file, line: rule.loc.line };
    if (name.startsWith('todo_')) {
      report.results.push({ ...base, status: 'skip', ms: 0 });
      report.skipped++;
      continue;
    }
    const start = performance.now();
    let status: TestStatus;
    let error: string | undefined;
    try {
      const result = policy.query(`${RESULT_VAR} = ${fullName}`, opts.coverage ? { coverage: true } : {});
      collector?.add(result.coverage);
      status = result.rows.length > 0 && result.rows.every((row) => row[RESULT_VAR] === true) ? 'pass' : 'fail';
    } catch (err) {
      status = 'error';
      error = err instanceof Error ? err.message : String(err);
    }
    const ms = performance.now() - start;
    report.results.push({ ...base, status, ...(error !== undefined ? { error } : {}), ms });
    if (status === 'pass') report.passed++;
    else if (status === 'fail') report.failed++;
    else report.errored++;
  }
  if (collector) report.coverage = collector.report();
  return report;
}
