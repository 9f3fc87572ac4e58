import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Location, Module, Rule } from '../ast/types.ts';
import { BigNum, RObject, toJSONText, type Value } from '../value/value.ts';
import { compile } from '../policy.ts';
import type { CliPolicy, CompileFn, Io } from './api.ts';
import { loadPaths, loadSchemas, mergeAt } from './load-paths.ts';
import { runCli } from './run.ts';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const loc = (file: string, line: number): Location => ({ file, line, col: 1 });

/** Modules whose rules are the `name := value` lines of the source; queries read them. */
function fakeCompile(calls: { data?: Value; input?: Value; query?: string; strict?: boolean }[]): CompileFn {
  return (sources, opts) => {
    const values = new Map<string, Value>();
    const modules: Module[] = sources.map(({ file, source }) => {
      const pkg = /package (\S+)/.exec(source)?.[1]?.split('.') ?? [];
      const module: Module = { file, pkg, pkgLoc: loc(file, 1), imports: [], rules: [], annotations: [], source };
      source.split('\n').forEach((text, i) => {
        const m = /^(\w+) := (.*)$/.exec(text);
        if (!m) return;
        const name = m[1] as string;
        values.set(`data.${pkg.join('.')}.${name}`, JSON.parse(m[2] as string) as Value);
        const rule: Rule = {
          kind: 'complete',
          isDefault: false,
          head: { ref: [{ type: 'scalar', value: name, loc: loc(file, i + 1) }], assign: true, loc: loc(file, i + 1) },
          body: [],
          elses: [],
          annotations: [],
          module,
          loc: loc(file, i + 1),
        };
        module.rules.push(rule);
      });
      return module;
    });
    const policy: CliPolicy = {
      modules,
      query(query, qopts) {
        calls.push({ ...(opts.data !== undefined ? { data: opts.data } : {}), ...(qopts?.inputValue !== undefined ? { input: qopts.inputValue } : {}), query, ...(qopts?.strictBuiltinErrors ? { strict: true } : {}) });
        if (query === 'boom') throw new Error('x.rego:1: eval_builtin_error: boom');
        const m = /^(\w+) = (data\.\S+)$/.exec(query);
        if (m) {
          const v = values.get(m[2] as string);
          return { rows: v === undefined ? [] : [{ [m[1] as string]: v }], ...(qopts?.explain ? { explain: [{ path: m[2], file: 'p.rego', line: 3 }] } : {}) };
        }
        return { rows: [{ x: 1 }, { x: new BigNum('100000000000000000000') }] };
      },
    };
    return policy;
  };
}

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rego-cli-'));
  mkdirSync(join(dir, 'policy', 'roles', 'admin'), { recursive: true });
  writeFileSync(join(dir, 'policy', 'authz.rego'), 'package authz\nallow := true\nlimit := 5\n');
  writeFileSync(join(dir, 'policy', 'authz_test.rego'), 'package authz\ntest_ok := true\ntest_bad := false\n');
  writeFileSync(join(dir, 'policy', 'data.json'), '{"tenant": {"name": "a"}, "big": 123456789012345678901234}');
  writeFileSync(join(dir, 'policy', 'roles', 'admin', 'data.yaml'), 'perms: [read, write]\n');
  writeFileSync(join(dir, 'policy', 'notes.txt'), 'ignored');
  writeFileSync(join(dir, 'input.json'), '{"user": "bob"}');
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('loadPaths', () => {
  it('loads modules and merges data files at their folder path', () => {
    const loaded = loadPaths([join(dir, 'policy')]);
    assert.deepEqual(loaded.modules.map((m) => m.file.slice(dir.length)), ['/policy/authz.rego', '/policy/authz_test.rego']);
    assert.equal(
      toJSONText(loaded.data),
      '{"big":123456789012345678901234,"roles":{"admin":{"perms":["read","write"]}},"tenant":{"name":"a"}}',
    );
  });
  it('merges a file given directly at the root', () => {
    const loaded = loadPaths([join(dir, 'policy', 'roles', 'admin', 'data.yaml')]);
    assert.equal(toJSONText(loaded.data), '{"perms":["read","write"]}');
  });
  it('refuses conflicting values and missing paths', () => {
    const base = RObject.fromRecord({ a: RObject.fromRecord({ b: 1 }) });
    assert.equal(toJSONText(mergeAt(base, ['a'], RObject.fromRecord({ c: 2 }), 'f.json')), '{"a":{"b":1,"c":2}}');
    assert.throws(() => mergeAt(base, ['a'], RObject.fromRecord({ b: 2 }), 'f.json'), /merge error: data\.a\.b is defined twice/);
    assert.throws(() => loadPaths([join(dir, 'nope')]), /no such file or directory/);
  });
});

describe('rego eval', () => {
  it('prints the value of a reference query', async () => {
    const calls: { data?: Value; input?: Value; query?: string; strict?: boolean }[] = [];
    const io = capture();
    const code = await runCli(['eval', '-d', join(dir, 'policy'), '-i', join(dir, 'input.json'), '--strict', 'data.authz.limit'], { compile: fakeCompile(calls) }, io);
    assert.equal(code, 0);
    assert.deepEqual(io.stdout, ['{"result":5}']);
    assert.equal(calls[0]?.query, 'result_value = data.authz.limit');
    assert.equal(toJSONText(calls[0]?.input as Value), '{"user":"bob"}');
    assert.equal(calls[0]?.strict, true);
  });
  it('prints an empty object when the reference is undefined, and rows for other queries', async () => {
    const io = capture();
    await runCli(['eval', '-d', join(dir, 'policy'), 'data.authz.missing'], { compile: fakeCompile([]) }, io);
    assert.deepEqual(io.stdout, ['{}']);
    const rows = capture();
    await runCli(['eval', '--format', 'pretty', 'x = 1'], { compile: fakeCompile([]) }, rows);
    assert.equal(rows.stdout[0], '{\n  "result": [\n    {\n      "x": 1\n    },\n    {\n      "x": 100000000000000000000\n    }\n  ]\n}');
  });
  it('adds the explain entries to the output', async () => {
    const io = capture();
    await runCli(['eval', '--explain', '-d', join(dir, 'policy'), 'data.authz.allow'], { compile: fakeCompile([]) }, io);
    assert.deepEqual(io.stdout, ['{"explain":[{"file":"p.rego","line":3,"path":"data.authz.allow"}],"result":true}']);
  });
  it('reports usage errors with exit code 2 and evaluation errors with 1', async () => {
    const io = capture();
    assert.equal(await runCli(['eval'], { compile: fakeCompile([]) }, io), 2);
    assert.match(io.stderr[0] ?? '', /expected exactly one query/);
    assert.equal(await runCli(['eval', '--format', 'xml', 'x'], { compile: fakeCompile([]) }, capture()), 2);
    assert.equal(await runCli(['eval', '--nope', 'x'], { compile: fakeCompile([]) }, capture()), 2);
    const failing = capture();
    assert.equal(await runCli(['eval', 'boom'], { compile: fakeCompile([]) }, failing), 1);
    assert.match(failing.stderr[0] ?? '', /eval_builtin_error: boom/);
    assert.equal(await runCli(['frobnicate'], { compile: fakeCompile([]) }, capture()), 2);
    const missing = capture();
    assert.equal(await runCli(['eval', '-d', join(dir, 'nope'), 'x'], { compile: fakeCompile([]) }, missing), 1);
    assert.deepEqual(missing.stderr, [`rego: no such file or directory: ${join(dir, 'nope')}`]);
  });
});

describe('rego eval type checking', () => {
  const typed = (files: Record<string, string>): string => {
    const root = mkdtempSync(join(tmpdir(), 'rego-types-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    return root;
  };
  it('reports type errors of the policy and of the query as compile errors', async () => {
    const root = typed({ 'p.rego': 'package t\n\nn := count(1)\n' });
    const io = capture();
    assert.equal(await runCli(['eval', '-d', join(root, 'p.rego'), 'data.t.n'], { compile }, io), 1);
    assert.match(io.stderr.join('\n'), /p\.rego:3: rego_type_error: count: invalid argument\(s\)\n\thave: \(number, \?\?\?\)/);
    const query = capture();
    assert.equal(await runCli(['eval', 'x := upper(1)'], { compile }, query), 1);
    assert.match(query.stderr.join('\n'), /query:1: rego_type_error: upper: invalid argument\(s\)/);
    rmSync(root, { recursive: true });
  });
  it('takes the input schema from a file, and named schemas from a directory', async () => {
    const root = typed({
      'input.rego': 'package t\n\nbig if input.amount_minor > 10\n',
      'limits.rego': 'package t\n\n# METADATA\n# schemas:\n#   - data.limits: schema.tenant.limits\nok if data.limits.maximum > 1\n',
      'input.json': '{"type": "object", "properties": {"amount": {"type": "number"}}}',
      'schemas/tenant/limits.json': '{"type": "object", "properties": {"max": {"type": "number"}}}',
    });
    assert.deepEqual(loadSchemas(join(root, 'schemas')), { schemas: { 'tenant/limits': { type: 'object', properties: { max: { type: 'number' } } } } });
    const io = capture();
    assert.equal(await runCli(['eval', '-d', join(root, 'input.rego'), '-s', join(root, 'input.json'), 'data.t.big'], { compile }, io), 1);
    assert.match(io.stderr.join('\n'), /rego_type_error: undefined ref: input\.amount_minor/);
    const named = capture();
    assert.equal(await runCli(['eval', '-d', join(root, 'limits.rego'), '--schema', join(root, 'schemas'), 'data.t.ok'], { compile }, named), 1);
    assert.match(named.stderr.join('\n'), /undefined ref: data\.limits\.maximum/);
    // With a single schema file, a schema named by an annotation does not exist.
    const unnamed = capture();
    assert.equal(await runCli(['eval', '-d', join(root, 'limits.rego'), '-s', join(root, 'input.json'), 'data.t.ok'], { compile }, unnamed), 1);
    assert.match(unnamed.stderr.join('\n'), /undefined schema: schema\.tenant\.limits/);
    rmSync(root, { recursive: true });
  });
});

describe('rego test', () => {
  it('exits 1 when a test fails and 0 when the filter keeps only passing tests', async () => {
    const io = capture();
    assert.equal(await runCli(['test', join(dir, 'policy')], { compile: fakeCompile([]) }, io), 1);
    assert.match(io.stdout.join('\n'), /data\.authz\.test_bad: FAIL[\s\S]*PASS: 1\/2\nFAIL: 1\/2/);
    const ok = capture();
    assert.equal(await runCli(['test', '--run', 'test_ok', '-v', join(dir, 'policy')], { compile: fakeCompile([]) }, ok), 0);
    assert.match(ok.stdout.join('\n'), /data\.authz\.test_ok: PASS/);
  });
  it('checks the coverage threshold and its value', async () => {
    const io = capture();
    assert.equal(await runCli(['test', '--run', 'test_ok', '--threshold', '101', join(dir, 'policy')], { compile: fakeCompile([]) }, io), 2);
    const low = capture();
    // The stand-in engine reports no coverage, which counts as 100%.
    assert.equal(await runCli(['test', '--run', 'test_ok', '--threshold', '90', join(dir, 'policy')], { compile: fakeCompile([]) }, low), 0);
    assert.match(low.stdout.join('\n'), /coverage: 100\.00%/);
    assert.equal(await runCli(['test'], { compile: fakeCompile([]) }, capture()), 2);
  });
});

describe('rego conformance', () => {
  it('prints failures and ends with the summary line', async () => {
    const suite = join(dir, 'suite');
    mkdirSync(join(suite, 'f1'), { recursive: true });
    writeFileSync(
      join(suite, 'f1', 'c.yaml'),
      'cases:\n- note: f1/ok\n  query: x = 1\n  modules: []\n  want_result: [{x: 1}, {x: 100000000000000000000}]\n- note: f1/bad\n  query: x = 1\n  modules: []\n  want_result: [{x: 2}]\n- note: f1/skipped\n  query: x = 1\n  modules: []\n  want_result: []\n',
    );
    const skips = join(dir, 'skips.json');
    writeFileSync(skips, '{"f1/skipped": "not supported"}');
    const io = capture();
    const code = await runCli(['conformance', suite, '--verbose'], { compile: fakeCompile([]), defaultSkips: skips }, io);
    assert.equal(code, 1);
    assert.match(io.stdout[0] ?? '', /^FAIL f1\/bad \(.*c\.yaml\)\n  expected/);
    assert.equal(io.stdout.at(-1), 'conformance: 1 passed, 1 failed, 1 skipped');
    assert.equal(await runCli(['conformance', join(dir, 'missing')], { compile: fakeCompile([]) }, capture()), 2);
    assert.equal(await runCli(['conformance', suite, '--folder', 'nope'], { compile: fakeCompile([]) }, capture()), 2);
    assert.equal(await runCli(['conformance', suite, '--skips', join(dir, 'none.json')], { compile: fakeCompile([]) }, capture()), 2);
  });
});
