import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BigNum, RObject, RSet, type Value } from '../value/value.ts';
import { parseCaseFile, type ConformanceCase } from './cases.ts';
import { compareError, compareRows, normalizeRows } from './compare.ts';
import { runCase, type Engine } from './run-case.ts';
import { inProcess, runSuite, skipReason, summaryLine } from './suite.ts';
import { parseYamlValue } from './yaml-values.ts';

const baseCase: ConformanceCase = {
  note: 't/1',
  query: 'data.test.p = x',
  modules: [],
  sortBindings: false,
  ignoreGeneratedVars: false,
  strictError: false,
};

const row = (rec: Record<string, Value>) => RObject.fromRecord(rec);

describe('parseYamlValue', () => {
  it('keeps big integers and long decimals exact', () => {
    const v = parseYamlValue('a: 123456789012345678901234567890\nb: 0.1000000000000000000001\nc: 3\nd: 1.5\n');
    assert.ok(v instanceof RObject);
    const a = v.getStr('a');
    assert.ok(a instanceof BigNum);
    assert.equal(a.text, '123456789012345678901234567890');
    assert.equal((v.getStr('b') as BigNum).text, '0.1000000000000000000001');
    assert.equal(v.getStr('c'), 3);
    assert.equal(v.getStr('d'), 1.5);
  });
  it('turns numeric keys into strings and keeps quoted numbers as strings', () => {
    const v = parseYamlValue('1: one\nx: "2"\n') as RObject;
    assert.equal(v.getStr('1'), 'one');
    assert.equal(v.getStr('x'), '2');
  });
});

describe('parseCaseFile', () => {
  it('reads every field of a case', () => {
    const [c] = parseCaseFile(
      [
        'cases:',
        '- note: group/name',
        '  query: data.test.p = x',
        '  modules: ["package test\\np := 1\\n"]',
        '  data: {a: 1}',
        '  input_term: "{1}"',
        '  want_result: [{x: 1}]',
        '  sort_bindings: true',
        '  strict_error: true',
        '  want_error_code: eval_type_error',
        '  want_error: oops',
      ].join('\n'),
      'f.yaml',
    );
    assert.ok(c);
    assert.equal(c.note, 'group/name');
    assert.deepEqual(c.modules, ['package test\np := 1\n']);
    assert.equal(c.data?.getStr('a'), 1);
    assert.equal(c.inputTerm, '{1}');
    assert.equal(c.wantResult?.length, 1);
    assert.equal(c.sortBindings, true);
    assert.equal(c.strictError, true);
    assert.equal(c.ignoreGeneratedVars, false);
    assert.equal(c.wantErrorCode, 'eval_type_error');
    assert.equal(c.wantError, 'oops');
  });
  it('rejects a file without cases', () => {
    assert.throws(() => parseCaseFile('foo: 1\n', 'bad.yaml'), /bad.yaml: expected a top-level 'cases' list/);
  });
});

describe('compareRows', () => {
  it('compares sets as sorted arrays and numbers by value', () => {
    const want = { ...baseCase, wantResult: [row({ x: [1, 2, new BigNum('18446744073709551616')] })] };
    const got = [{ x: new RSet([new BigNum('18446744073709551616'), 2, 1]) }];
    assert.deepEqual(compareRows(want, got), { pass: true });
    assert.equal(compareRows(want, [{ x: new RSet([1, 2, 3]) }]).pass, false);
  });
  it('treats rows as a set', () => {
    const want = { ...baseCase, wantResult: [row({ x: 1 }), row({ x: 2 })] };
    assert.equal(compareRows(want, [{ x: 2 }, { x: 1 }]).pass, true);
    assert.equal(compareRows(want, [{ x: 1 }]).pass, false);
  });
  it('sorts array bindings only when asked', () => {
    const want = { ...baseCase, wantResult: [row({ x: [1, 2] })] };
    assert.equal(compareRows(want, [{ x: [2, 1] }]).pass, false);
    assert.equal(compareRows({ ...want, sortBindings: true }, [{ x: [2, 1] }]).pass, true);
  });
  it('reads an empty want_result as undefined', () => {
    const want = { ...baseCase, wantResult: [] };
    assert.equal(compareRows(want, []).pass, true);
    const verdict = compareRows(want, [{ x: true }]);
    assert.equal(verdict.pass, false);
    assert.match(verdict.reason ?? '', /expected undefined, got \[\{"x": true\}\]/);
  });
  it('drops generated variables when asked', () => {
    const want = { ...baseCase, wantResult: [row({ x: 'a' })], ignoreGeneratedVars: true };
    assert.equal(compareRows(want, [{ x: 'a', __localq0__: 1 }]).pass, true);
    assert.equal(compareRows({ ...want, ignoreGeneratedVars: false }, [{ x: 'a', __localq0__: 1 }]).pass, false);
  });
  it('renders non-string object keys as compact JSON text', () => {
    const rows = normalizeRows([{ x: RObject.from([[1, 'a'], [[1, 'b'], 'c']]) }], { sortBindings: false, ignoreGeneratedVars: false });
    const x = rows[0]?.getStr('x') as RObject;
    assert.deepEqual(x.keys(), ['1', '[1,"b"]']);
  });
  it('fails when rows arrive where an error was expected', () => {
    const verdict = compareRows({ ...baseCase, wantErrorCode: 'eval_type_error' }, [{ x: 1 }]);
    assert.equal(verdict.pass, false);
    assert.match(verdict.reason ?? '', /expected error eval_type_error/);
  });
});

describe('compareError', () => {
  const err = Object.assign(new Error('test-0.rego:3: eval_builtin_error: div: divide by zero'), { code: 'eval_builtin_error' });
  it('matches code and message substring', () => {
    assert.equal(compareError({ ...baseCase, wantErrorCode: 'eval_builtin_error', wantError: 'divide by zero' }, err).pass, true);
    assert.equal(compareError({ ...baseCase, wantErrorCode: 'eval_type_error', wantError: 'divide by zero' }, err).pass, false);
    assert.equal(compareError({ ...baseCase, wantErrorCode: 'eval_builtin_error', wantError: 'modulo' }, err).pass, false);
  });
  it('looks inside a list of errors', () => {
    const many = Object.assign(new Error('2 errors occurred'), {
      errors: [
        Object.assign(new Error('a.rego:1: rego_parse_error: x'), { code: 'rego_parse_error' }),
        Object.assign(new Error('a.rego:2: rego_type_error: y'), { code: 'rego_type_error' }),
      ],
    });
    assert.equal(compareError({ ...baseCase, wantErrorCode: 'rego_type_error', wantError: 'y' }, many).pass, true);
  });
  it('fails an unexpected error with its text', () => {
    const verdict = compareError({ ...baseCase, wantResult: [] }, err);
    assert.equal(verdict.pass, false);
    assert.match(verdict.reason ?? '', /unexpected error: .*divide by zero/);
  });
});

/** A fake engine: the query text selects the canned outcome. */
function fakeEngine(seen: { data?: RObject; input?: Value; strict?: boolean }[]): Engine {
  return {
    compile(_modules, opts) {
      return {
        query(query, qopts) {
          seen.push({ ...(opts.data ? { data: opts.data } : {}), ...(qopts.inputValue !== undefined ? { input: qopts.inputValue } : {}), ...(qopts.strictBuiltinErrors ? { strict: true } : {}) });
          if (query.startsWith('input_term_value = ')) return { rows: [{ input_term_value: new RSet([1]) }] };
          if (query === 'boom') throw Object.assign(new Error('boom happened'), { code: 'eval_builtin_error' });
          return { rows: [{ x: 1 }] };
        },
      };
    },
  };
}

describe('runCase', () => {
  it('passes data, the evaluated input_term and strictness to the engine', () => {
    const seen: { data?: RObject; input?: Value; strict?: boolean }[] = [];
    const data = row({ a: 1 });
    const result = runCase(fakeEngine(seen), { ...baseCase, data, inputTerm: '{1}', strictError: true, wantResult: [row({ x: 1 })] });
    assert.equal(result.status, 'pass');
    const last = seen.at(-1);
    assert.equal(last?.data, data);
    assert.ok(last?.input instanceof RSet);
    assert.equal(last?.strict, true);
  });
  it('reports expected and unexpected errors', () => {
    const engine = fakeEngine([]);
    assert.equal(runCase(engine, { ...baseCase, query: 'boom', wantErrorCode: 'eval_builtin_error', wantError: 'boom' }).status, 'pass');
    const failed = runCase(engine, { ...baseCase, query: 'boom', wantResult: [] });
    assert.equal(failed.status, 'fail');
    assert.match(failed.reason ?? '', /boom happened/);
  });
});

describe('runSuite', () => {
  it('counts per folder and honours the skip list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rego-conf-'));
    try {
      mkdirSync(join(dir, 'alpha'));
      mkdirSync(join(dir, 'beta'));
      const file = (notes: [string, string][]) =>
        'cases:\n' + notes.map(([note, want]) => `- note: ${note}\n  query: data.test.p = x\n  modules: []\n  want_result: ${want}\n`).join('');
      writeFileSync(join(dir, 'alpha', 'a.yaml'), file([['alpha/ok', '[{x: 1}]'], ['alpha/bad', '[{x: 2}]']]));
      writeFileSync(join(dir, 'beta', 'b.yaml'), file([['net_thing/one', '[{x: 1}]'], ['beta/ok', '[{x: 1}]']]));
      const report = await runSuite(dir, { run: inProcess(fakeEngine([])), skips: { 'net_thing*': 'needs the network' } });
      assert.deepEqual(report.folders, {
        alpha: { passed: 1, failed: 1, skipped: 0 },
        beta: { passed: 1, failed: 0, skipped: 1 },
      });
      assert.equal(summaryLine(report), 'conformance: 2 passed, 1 failed, 1 skipped');
      const only = await runSuite(dir, { run: inProcess(fakeEngine([])), folders: ['beta'] });
      assert.deepEqual(Object.keys(only.folders), ['beta']);
      await assert.rejects(runSuite(dir, { run: inProcess(fakeEngine([])), folders: ['gamma'] }), /no such conformance folder: gamma/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('matches skip keys exactly or by prefix', () => {
    assert.equal(skipReason({ 'a/b': 'r1', 'c*': 'r2' }, 'a/b'), 'r1');
    assert.equal(skipReason({ 'a/b': 'r1', 'c*': 'r2' }, 'a/bc'), undefined);
    assert.equal(skipReason({ 'a/b': 'r1', 'c*': 'r2' }, 'cat'), 'r2');
  });
});
