import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Location, Module, Rule } from '../ast/types.ts';
import type { Value } from '../value/value.ts';
import { CoverageCollector, type Coverage } from './coverage.ts';
import { formatCoverage, formatTestReport, lineRanges } from './format.ts';
import { findTests, refText, runTests, type TestablePolicy } from './run-tests.ts';

const loc = (file: string, line: number): Location => ({ file, line, col: 1 });

function moduleOf(file: string, pkg: string[], names: [string, number][], fn: string[] = []): Module {
  const module: Module = { file, pkg, pkgLoc: loc(file, 1), imports: [], rules: [], annotations: [], source: '' };
  const rule = (name: string, line: number, args?: boolean): Rule => ({
    kind: args ? 'function' : 'complete',
    isDefault: false,
    head: { ref: [{ type: 'scalar', value: name, loc: loc(file, line) }], ...(args ? { args: [] } : {}), assign: false, loc: loc(file, line) },
    body: [],
    elses: [],
    annotations: [],
    module,
    loc: loc(file, line),
  });
  module.rules = [...names.map(([n, l]) => rule(n, l)), ...fn.map((n) => rule(n, 99, true))];
  return module;
}

/** Answers `test_value = data...` queries from a table of rule values; `throw` raises. */
function fakePolicy(modules: Module[], values: Record<string, Value | 'throw' | undefined>, coverage?: Record<string, Coverage>): TestablePolicy & { queries: string[] } {
  const queries: string[] = [];
  return {
    modules,
    queries,
    query(query, opts) {
      queries.push(query);
      const ref = query.replace(/^test_value = /, '');
      const value = values[ref];
      if (value === 'throw') throw new Error(`a.rego:3: eval_builtin_error: div: divide by zero`);
      const rows = value === undefined ? [] : [{ test_value: value }];
      return opts?.coverage && coverage?.[ref] ? { rows, coverage: coverage[ref] } : { rows };
    },
  };
}

describe('findTests', () => {
  it('finds test_ and todo_ rules once each, ignoring functions and other rules', () => {
    const m = moduleOf('a.rego', ['a'], [['test_one', 3], ['allow', 5], ['test_one', 7], ['todo_later', 9]], ['test_fn']);
    assert.deepEqual(findTests([m]).map((t) => `${t.name}@${t.rule.loc.line}`), ['test_one@3', 'todo_later@9']);
  });
  it('quotes package segments that are not identifiers', () => {
    assert.equal(refText(['a', 'b-c', 'test_x']), 'data.a["b-c"].test_x');
  });
});

describe('runTests', () => {
  const modules = [
    moduleOf('a_test.rego', ['authz'], [['test_allow', 3], ['test_deny', 6], ['test_undefined', 9], ['test_error', 12], ['test_not_bool', 15]]),
    moduleOf('b_test.rego', ['other'], [['test_ok', 2], ['todo_soon', 4]]),
  ];
  const values = {
    'data.authz.test_allow': true,
    'data.authz.test_deny': false,
    'data.authz.test_error': 'throw' as const,
    'data.authz.test_not_bool': 'yes',
    'data.other.test_ok': true,
  };
  it('classifies each test like opa test', () => {
    const report = runTests(fakePolicy(modules, values));
    const statuses = Object.fromEntries(report.results.map((r) => [r.fullName, r.status]));
    assert.deepEqual(statuses, {
      'data.authz.test_allow': 'pass',
      'data.authz.test_deny': 'fail',
      'data.authz.test_undefined': 'fail',
      'data.authz.test_error': 'error',
      'data.authz.test_not_bool': 'fail',
      'data.other.test_ok': 'pass',
      'data.other.todo_soon': 'skip',
    });
    assert.deepEqual([report.passed, report.failed, report.errored, report.skipped], [2, 3, 1, 1]);
    const error = report.results.find((r) => r.status === 'error');
    assert.match(error?.error ?? '', /divide by zero/);
    assert.equal(report.results[0]?.line, 3);
    assert.equal(report.results[0]?.package, 'data.authz');
  });
  it('runs only the tests the filter matches', () => {
    const policy = fakePolicy(modules, values);
    const report = runTests(policy, { filter: /other/ });
    assert.deepEqual(report.results.map((r) => r.name), ['test_ok', 'todo_soon']);
    assert.deepEqual(policy.queries, ['test_value = data.other.test_ok']);
  });
  it('merges coverage over tests', () => {
    const coverage = {
      'data.authz.test_allow': { files: { 'a.rego': { covered: [1, 2], notCovered: [3, 4] } } },
      'data.other.test_ok': { files: { 'a.rego': { covered: [3], notCovered: [1, 4] }, 'b.rego': { covered: [], notCovered: [] } } },
    };
    const report = runTests(fakePolicy(modules, values, coverage), { coverage: true });
    assert.deepEqual(report.coverage, {
      files: [
        { file: 'a.rego', covered: [1, 2, 3], notCovered: [4], percent: 75 },
        { file: 'b.rego', covered: [], notCovered: [], percent: 100 },
      ],
      percent: 75,
    });
    assert.equal(runTests(fakePolicy(modules, values, coverage)).coverage, undefined);
  });
});

describe('formatTestReport', () => {
  const modules = [moduleOf('t.rego', ['p'], [['test_a', 1], ['test_b', 2], ['test_c', 3]])];
  const report = runTests(fakePolicy(modules, { 'data.p.test_a': true, 'data.p.test_b': false, 'data.p.test_c': 'throw' }));
  it('lists failures and errors, then the summary', () => {
    const text = formatTestReport(report);
    assert.match(text, /^t\.rego:\ndata\.p\.test_b: FAIL \(/);
    assert.match(text, /data\.p\.test_c: ERROR \(.*\)\n  a\.rego:3: eval_builtin_error: div: divide by zero/);
    assert.doesNotMatch(text, /test_a/);
    assert.match(text, /-{80}\nPASS: 1\/3\nFAIL: 1\/3\nERROR: 1\/3$/);
  });
  it('lists every test when verbose', () => {
    assert.match(formatTestReport(report, { verbose: true }), /data\.p\.test_a: PASS/);
  });
  it('says when there are no tests', () => {
    assert.equal(formatTestReport(runTests(fakePolicy([], {}))), 'no tests found');
  });
});

describe('coverage output', () => {
  it('prints percentages and missing line ranges', () => {
    const c = new CoverageCollector();
    c.add({ files: { 'x.rego': { covered: [1, 5], notCovered: [2, 3, 4, 7] } } });
    assert.equal(formatCoverage(c.report()), 'x.rego: 33.33% (2/6 lines)  not covered: 2-4, 7\ncoverage: 33.33%');
    assert.equal(lineRanges([1, 2, 3, 5]), '1-3, 5');
  });
});
