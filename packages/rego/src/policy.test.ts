import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RegoError, RegoErrors } from './errors.ts';
import { compile } from './policy.ts';
import { fromJS, RSet } from './value/value.ts';

test('compile accepts a file map or a list, and reports every parse error', () => {
  const a = compile({ 'a.rego': 'package a\n\nx := 1\n' });
  const b = compile([{ file: 'a.rego', source: 'package a\n\nx := 1\n' }]);
  assert.equal(a.evaluate('a.x'), 1);
  assert.equal(b.evaluate('data.a.x'), 1);
  assert.equal(a.modules[0]?.file, 'a.rego');
  try {
    compile({ 'x.rego': 'package x\n\np := \n', 'y.rego': 'package\n' });
    assert.fail('expected parse errors');
  } catch (err) {
    assert.ok(err instanceof RegoErrors);
    assert.equal(err.code, 'rego_parse_error');
    assert.deepEqual([...new Set(err.errors.map((e) => e.location?.file))], ['x.rego', 'y.rego']);
  }
});

test('base data may be plain JS or a Value, and can be replaced per call', () => {
  const src = { 'p.rego': 'package p\n\nlimit := data.cfg.limit\n' };
  assert.equal(compile(src, { data: { cfg: { limit: 3 } } }).evaluate('p.limit'), 3);
  const p = compile(src, { data: fromJS({ cfg: { limit: 4 } }) });
  assert.equal(p.evaluate('p/limit'), 4);
  assert.equal(p.evaluate('p.limit', undefined, { data: { cfg: { limit: 9 } } }), 9);
});

test('evaluateValue keeps Rego values; evaluate converts them to JS', () => {
  const p = compile({ 'p.rego': 'package p\n\ns := {1, 2}\n' });
  const v = p.evaluateValue('p.s');
  assert.ok(v instanceof RSet);
  assert.deepEqual(p.evaluate('p.s'), [1, 2]);
  assert.equal(p.evaluate('p.missing'), undefined);
});

test('the clock is read once per evaluation and injectable', () => {
  let reads = 0;
  const p = compile({ 'p.rego': 'package p\n\nt := [time.now_ns(), time.now_ns()]\n' }, { clock: () => BigInt(++reads) * 1000n });
  assert.deepEqual(p.evaluate('p.t'), [1000, 1000]);
  assert.deepEqual(p.evaluate('p.t'), [2000, 2000]);
});

test('test() runs test_ rules against the policy', () => {
  const p = compile({ 'p.rego': 'package p\n\nallow if input.ok\n\ntest_allow if allow with input as {"ok": true}\n\ntest_deny if allow with input as {"ok": false}\n' });
  const report = p.test();
  assert.equal(report.passed, 1);
  assert.equal(report.failed, 1);
  assert.deepEqual(report.results.map((r) => `${r.name}:${r.status}`), ['test_allow:pass', 'test_deny:fail']);
});

test('a policy budget cancels every evaluation that builds too large a value or runs too long', () => {
  const src = [
    'package b',
    'big := count(numbers.range(1, 10000000))',
    'stepped := count(numbers.range_step(1, 10000000, 2))',
    'small := count(numbers.range(1, 1000))',
    'spin if { every a in numbers.range(1, 100000) { every b in numbers.range(1, 100000) { a + b > 0 } } }',
    'guarded if not big',
  ].join('\n');
  const policy = compile([{ file: 'b.rego', source: src }], { budget: { timeMs: 50, maxValueSize: 1_000_000 } });
  const cancelled = (fn: () => unknown, detail: RegExp) =>
    assert.throws(fn, (e: RegoError) => e instanceof RegoError && e.code === 'eval_cancel_error' && detail.test(e.message));
  cancelled(() => policy.evaluate('b.big'), /numbers\.range: a value of 10000000 elements exceeds the evaluation budget of 1000000/);
  cancelled(() => policy.evaluate('b.stepped'), /numbers\.range_step: a value of 5000000 elements/);
  // Not even under `not`: a cancelled evaluation is never an undefined one.
  cancelled(() => policy.evaluate('b.guarded'), /exceeds the evaluation budget/);
  cancelled(() => policy.evaluate('b.spin'), /cancelled/);
  assert.equal(policy.evaluate('b.small'), 1000);
  // A prepared query's deadline starts with each evaluation, not when it was prepared.
  const prepared = policy.prepare('b.small');
  const spin = policy.prepare('b.spin');
  for (let i = 0; i < 3; i++) {
    cancelled(() => spin.evaluate({}), /cancelled/);
    assert.equal(prepared.evaluate({}), 1000);
  }
  // Without a budget, nothing is refused.
  assert.equal(compile([{ file: 'b.rego', source: src }]).evaluate('b.stepped'), 5000000);
});

test('the size cap applies to every value a builtin, comprehension or rule builds', () => {
  const src = [
    'package h',
    'pairs := [[i, j] | some i in numbers.range(1, 40); some j in numbers.range(1, 40)]',
    'codes := {x | some i in numbers.range(1, 40); some j in numbers.range(1, 40); x := i * 100 + j}',
    'named := {sprintf("%d-%d", [i, j]): true | some i in numbers.range(1, 40); some j in numbers.range(1, 40)}',
    'members contains i * 100 + j if { some i in numbers.range(1, 40); some j in numbers.range(1, 40) }',
    'keyed[k] := true if { some i in numbers.range(1, 40); some j in numbers.range(1, 40); k := sprintf("%d-%d", [i, j]) }',
    'doubled := count(g) if {',
    '  a := array.concat(numbers.range(1, 10), numbers.range(1, 10))',
    '  b := array.concat(a, a)',
    '  c := array.concat(b, b)',
    '  d := array.concat(c, c)',
    '  e := array.concat(d, d)',
    '  f := array.concat(e, e)',
    '  g := array.concat(f, f)',
    '}',
    'joined := count(concat("", [s | some _ in numbers.range(1, 600); s := "ab"]))',
    'padded := sprintf("%1000000000d", [1])',
    `replaced := replace("aaaaaaaaaa", "", "${'b'.repeat(120)}")`,
    'rendered := json.marshal(x) if { a := numbers.range(1, 100); b := [a, a, a, a, a]; c := [b, b, b]; x := [c, c, c] }',
    'guarded if not doubled',
    'small := count([x | some x in numbers.range(1, 900)])',
  ].join('\n');
  const policy = compile([{ file: 'h.rego', source: src }], { budget: { maxValueSize: 1000 } });
  const cancelled = (path: string, detail: RegExp) =>
    assert.throws(
      () => policy.evaluate(path),
      (e: RegoError) => e instanceof RegoError && e.code === 'eval_cancel_error' && detail.test(e.message),
      path,
    );
  cancelled('h.pairs', /comprehension: a value of 1001 elements exceeds the evaluation budget of 1000/);
  cancelled('h.codes', /comprehension: a value of 1001 elements/);
  cancelled('h.named', /comprehension: a value of 1001 elements/);
  cancelled('h.members', /data\.h\.members: a value of 1001 elements/);
  cancelled('h.keyed', /data\.h\.keyed: a value of 1001 elements/);
  cancelled('h.doubled', /array\.concat: a value of 1280 elements/);
  cancelled('h.joined', /concat: a value of 1200 elements/);
  cancelled('h.padded', /sprintf: a value of 1000000000 elements/);
  cancelled('h.replaced', /replace: a value of 1330 elements/);
  // Every array there is small; its text would not be.
  cancelled('h.rendered', /json\.marshal: a value of 1001 elements/);
  // A cancelled evaluation is never an undefined one, not even under `not`.
  cancelled('h.guarded', /array\.concat: /);
  assert.equal(policy.evaluate('h.small'), 900);
  // Without a budget the same module builds everything.
  const unbounded = compile([{ file: 'h.rego', source: src.replace(/padded.*$/m, '') }]);
  assert.equal(unbounded.evaluate('h.doubled'), 1280);
  assert.equal((unbounded.evaluate('h.pairs') as unknown[]).length, 1600);
  assert.equal((unbounded.evaluate('h.members') as unknown[]).length, 1600);
  assert.equal(unbounded.evaluate('h.joined'), 1200);
  assert.equal((unbounded.evaluate('h.rendered') as string).length, 13255);
});
