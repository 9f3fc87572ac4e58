import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Module, Rule, TermExpr } from '../ast/types.ts';
import { parseModule } from './index.ts';
import { ruleText, termText } from './print.ts';

const mod = (body: string, pkg = 'package test\n'): Module => parseModule(pkg + body, 'test.rego');
const rules = (body: string): string[] => mod(body).rules.map(ruleText);
const kinds = (body: string): string[] => mod(body).rules.map((r) => r.kind);
const parseError = (src: string): string => {
  try {
    parseModule(src, 'p.rego');
  } catch (e) {
    return (e as Error).message;
  }
  return 'parsed';
};

test('package paths, with keywords and strings as segments', () => {
  assert.deepEqual(mod('', 'package a.b.c').pkg, ['a', 'b', 'c']);
  assert.deepEqual(mod('', 'package foo.if.in["x-y"]').pkg, ['foo', 'if', 'in', 'x-y']);
  const m = mod('', '# leading comment\n\npackage x\n');
  assert.deepEqual(m.pkgLoc, { file: 'test.rego', line: 3, col: 1, offset: 19, end: 28 });
  assert.equal(m.source, '# leading comment\n\npackage x\n');
  assert.equal(m.file, 'test.rego');
});

test('imports: data, input, aliases, rego.v1 and future keywords', () => {
  const m = mod('import data.lib.x as y\nimport input.a\nimport rego.v1\nimport future.keywords\nimport future.keywords.in\nimport data.foo.default as d');
  assert.deepEqual(
    m.imports.map((i) => [termText(i.path), i.alias]),
    [
      ['data.lib.x', 'y'],
      ['input.a', undefined],
      ['rego.v1', undefined],
      ['future.keywords', undefined],
      ['future.keywords.in', undefined],
      ['data.foo.default', 'd'],
    ],
  );
  assert.equal(m.imports[0]!.loc.line, 2);
  assert.equal(termText(mod('import input').imports[0]!.path), 'input');
  assert.equal(
    parseError('package p\nimport foo.bar'),
    'p.rego:2: rego_parse_error: unexpected import path, must begin with one of: {data, future, input, rego}, got: foo (hint: if this is unexpected, try updating OPA)',
  );
  assert.match(parseError('package p\nimport data.x.in'), /must not end with a keyword, got: in/);
  assert.match(parseError('package p\nimport rego.v2'), /invalid import `rego.v2`, must be `rego.v1`/);
  assert.match(parseError('package p\nimport future.keywords.in as k'), /`future` imports cannot be aliased/);
  assert.match(parseError('package p\nimport future.stuff'), /invalid import, must be `future.keywords`/);
});

test('complete rules: :=, =, bare if, single-expression bodies', () => {
  assert.deepEqual(rules('p := 1\nq = "x"\nr if { input.a }\ns if input.b > 1\nt := x if x := 2'), [
    'p := 1',
    'q = "x"',
    'r if { input.a }',
    's if { gt(input.b, 1) }',
    't := x if { x := 2 }',
  ]);
  const [p, , r] = mod('p := 1\nq = 2\nr if { true }').rules as [Rule, Rule, Rule];
  assert.equal(p.head.assign, true);
  assert.equal(p.kind, 'complete');
  assert.equal(r.head.value, undefined);
  assert.deepEqual(p.body, []);
  assert.equal(r.body.length, 1);
});

test('partial set rules need contains; ref heads may be nested', () => {
  assert.deepEqual(rules('s contains x if some x in [1]\na.b contains 1\nc contains "v" if { true }'), [
    's contains x if { some x in [1] }',
    'a.b contains 1',
    'c contains "v" if { true }',
  ]);
  assert.deepEqual(kinds('s contains x if some x in [1]'), ['partial-set']);
  const r = mod('a.b contains 1').rules[0]!;
  assert.deepEqual(r.head.ref.map(termText), ['"a"', '"b"']);
  assert.equal(termText(r.head.key!), '1');
});

test('partial object and ref-head rules', () => {
  assert.deepEqual(rules('p[k] := v if { some k, v in input }\na.b.c[x] := y if { x := 1; y := 2 }\nq[7] := 8\nr.s.t := 1\nu[x] if q[x]'), [
    'p[k] := v if { some k, v in input }',
    'a.b.c[x] := y if { x := 1; y := 2 }',
    'q[7] := 8',
    'r.s.t := 1',
    'u[x] if { q[x] }',
  ]);
  assert.deepEqual(kinds('p[k] := v if { some k, v in input }\nq[7] := 8\nr.s.t := 1\nu[x] if q[x]\nv["a"].w[y] = 1 if y := 1'), [
    'partial-object',
    'complete',
    'complete',
    'partial-object',
    'partial-object',
  ]);
  const r = mod('a.b.c[x] := 1 if x := 2').rules[0]!;
  assert.deepEqual(r.head.ref.map(termText), ['"a"', '"b"', '"c"', 'x']);
});

test('functions, defaults and else chains', () => {
  assert.deepEqual(rules('f(x, y) := z if { z := x + y }\ng(x) if x > 1\ndefault h(_) := 0\ndefault allow := false\ndefault d = 1'), [
    'f(x, y) := z if { z := plus(x, y) }',
    'g(x) if { gt(x, 1) }',
    'default h($_0) := 0',
    'default allow := false',
    'default d = 1',
  ]);
  assert.deepEqual(kinds('f(x) := 1\ndefault h(_) := 0\ndefault p := 1'), ['function', 'function', 'complete']);
  const [d] = mod('default p := 1').rules as [Rule];
  assert.equal(d.isDefault, true);
  const src = 'p := 1 if {\n  input.x == 1\n} else := 2 if {\n  input.x == 2\n} else = 3 {\n  input.x == 3\n} else := 4\nf(x) := "a" if x else := "b"';
  const [p, f] = mod(src).rules as [Rule, Rule];
  assert.equal(p.elses.length, 3);
  assert.deepEqual(
    p.elses.map((e) => [termText(e.value!), e.body.length]),
    [
      ['2', 1],
      ['3', 1],
      ['4', 0],
    ],
  );
  assert.equal(p.elses[0]!.loc.line, 4);
  assert.equal(ruleText(f), 'f(x) := "a" if { x } else := "b"');
  assert.deepEqual(rules('p if { false } else { true }'), ['p if { false } else if { true }']);
});

test('rule names and refs may use keywords', () => {
  assert.deepEqual(rules('as.foo := 1\nfoo.as := 2\nin.f(x) := x if x < 10\ndefault null.g(_) := 42\npackage.s contains "a"\nif.x := 1 if { true } else := 2'), [
    'as.foo := 1',
    'foo.as := 2',
    'in.f(x) := x if { lt(x, 10) }',
    'default null.g($_0) := 42',
    'package.s contains "a"',
    'if.x := 1 if { true } else := 2',
  ]);
});

test('after if, a brace is a body unless it reads as a non-set term', () => {
  assert.deepEqual(rules('f(x) := 1 if {x: i | x := ["a"][i]}'), ['f(x) := 1 if { {x: i | x := ["a"][i]} }']);
  assert.deepEqual(rules('p if {x | x := 1}'), ['p if { {x | x := 1} }']);
  assert.deepEqual(rules('p if {"a": 1}'), ['p if { {"a": 1} }']);
  assert.deepEqual(rules('p if { x }'), ['p if { x }']);
  assert.deepEqual(rules('p if { x == 1 }'), ['p if { equal(x, 1) }']);
  assert.deepEqual(rules('p if {\n  x := 1\n  x > 0\n}'), ['p if { x := 1; gt(x, 0) }']);
});

test('literals of a body need a line break or a semicolon between them', () => {
  assert.deepEqual(rules('p if { x := 1; y := 2 }'), ['p if { x := 1; y := 2 }']);
  assert.deepEqual(rules('p if {\n  x := [1,\n    2]\n  y := x[0] +\n    1\n}'), ['p if { x := [1, 2]; y := plus(x[0], 1) }']);
  assert.match(parseError('package p\np if { x := 1 y := 2 }'), /unexpected ident token: expected \\n or ; or }/);
  assert.match(parseError('package p\np := [x | x := 1 y := 2]'), /unexpected ident token: expected \\n or ; or ]/);
});

test('rules know their module, locations span the whole rule', () => {
  const m = mod('\np := 1 if {\n  true\n}\nq := 2');
  const [p, q] = m.rules as [Rule, Rule];
  assert.equal(p.module, m);
  assert.deepEqual(p.loc, { file: 'test.rego', line: 3, col: 1, offset: 14, end: 34 });
  assert.deepEqual(p.head.loc, { file: 'test.rego', line: 3, col: 1, offset: 14, end: 20 });
  assert.equal((p.body[0] as TermExpr).loc.line, 4);
  assert.equal(q.loc.line, 6);
});

test('v1 errors: if before bodies, contains for multi-value rules', () => {
  assert.equal(parseError('package p\n\np { true }'), 'p.rego:3: rego_parse_error: `if` keyword is required before rule body');
  assert.equal(parseError('package p\np = 1 { true }'), 'p.rego:2: rego_parse_error: `if` keyword is required before rule body');
  assert.equal(
    parseError('package p\np[x] { x := 1 }'),
    '2 errors occurred:\np.rego:2: rego_parse_error: `if` keyword is required before rule body\np.rego:2: rego_parse_error: `contains` keyword is required for partial set rules',
  );
  assert.equal(parseError('package p\nf(x) = 1 { x }'), 'p.rego:2: rego_parse_error: `if` keyword is required before function body');
  assert.equal(parseError('package p\np contains x { x := 1 }'), 'p.rego:2: rego_parse_error: `if` keyword is required before rule body');
});

test('other module errors and their locations', () => {
  assert.equal(parseError('package foo.'), 'p.rego:1: rego_parse_error: unexpected eof token: expected ident');
  assert.equal(parseError('p := 1'), 'p.rego:1: rego_parse_error: package expected');
  assert.match(parseError('package p\np := [x | ]'), /^2 errors occurred:\np\.rego:2: rego_parse_error: found empty body\n/);
  assert.equal(parseError(''), 'p.rego:1: rego_parse_error: empty module');
  assert.equal(parseError('package p\npackage q'), 'p.rego:2: rego_parse_error: unexpected package');
  assert.equal(parseError('package p\np if { x\ny z }'), 'p.rego:3: rego_parse_error: unexpected ident token: expected \\n or ; or }');
  assert.equal(parseError('package p\np[x] := 1 if x else := 2'), 'p.rego:2: rego_parse_error: else keyword cannot be used on rules with variables in head');
  assert.equal(parseError('package p\ndefault p := input.x'), 'p.rego:2: rego_parse_error: illegal default rule (value cannot contain ref)');
  assert.equal(parseError('package p\ndefault f(x, x) := 1'), 'p.rego:2: rego_parse_error: illegal default rule (arguments cannot be repeated x)');
  assert.equal(
    parseError('package p\n\n\np := '),
    '2 errors occurred:\np.rego:4: rego_parse_error: unexpected eof token\n' +
      'p.rego:4: rego_parse_error: unexpected eof token: expected rule value term (e.g., p := <VALUE> { ... })',
  );
  assert.match(parseError('package p\nf(_) = { "foo" = "bar" }'), /unexpected eq token: expected rule value term/);
  assert.match(parseError('package p\nf(x) := ]'), /unexpected \] token: expected function value term \(e\.g\., f\(\.\.\.\) := <VALUE> \{ \.\.\. \}\)/);
  assert.match(parseError('package p\ns contains ]'), /expected rule key term \(e\.g\., s contains <VALUE> \{ \.\.\. \}\)/);
  assert.equal(parseError('package p\np'), 'p.rego:2: rego_parse_error: rule must have value assignment and/or body');
  assert.equal(parseError('package p\np if { x := [1, 2 }'), 'p.rego:2: rego_parse_error: unexpected } token: expected "," or "]"');
  assert.equal(parseError('package p\ns contains x if { x := 1 } else := 2'), 'p.rego:2: rego_parse_error: else keyword cannot be used on multi-value rules');
  assert.equal(parseError('package p\ndefault p'), 'p.rego:2: rego_parse_error: illegal default rule (must have a value)');
  assert.equal(parseError('package p\n1 := 2'), 'p.rego:2: rego_parse_error: unexpected number token');
  assert.equal(parseError('package p\nx := "a\nb"'), 'p.rego:2: rego_parse_error: non-terminated string');
});

test('METADATA blocks attach to the package or the following rule', () => {
  const src = [
    '# METADATA',
    '# description: The package',
    '# scope: subpackages',
    'package test',
    '',
    '# an ordinary comment',
    '',
    '# METADATA',
    '# title: Allow',
    '# authors:',
    '# - Someone',
    '# custom:',
    '#   level: 3',
    'allow if true',
    '',
    '# METADATA',
    '# scope: document',
    '# entrypoint: true',
    'deny := false',
    '',
    'other := 1',
  ].join('\n');
  const m = parseModule(src, 'm.rego');
  assert.deepEqual(
    m.annotations.map((a) => [a.scope, a.description]),
    [['subpackages', 'The package']],
  );
  const [allow, deny, other] = m.rules as [Rule, Rule, Rule];
  const a = allow.annotations[0]!;
  assert.equal(a.scope, 'rule');
  assert.equal(a.title, 'Allow');
  assert.deepEqual(a.custom, { level: 3 });
  assert.deepEqual(a.raw['authors'], ['Someone']);
  assert.deepEqual(a.loc, { file: 'm.rego', line: 8, col: 1, offset: 96, end: 167 });
  assert.equal(deny.annotations[0]!.scope, 'document');
  assert.equal(deny.annotations[0]!.entrypoint, true);
  assert.deepEqual(other.annotations, []);
  assert.equal(parseModule('# METADATA\n# title: t\npackage p', 'x.rego').annotations[0]!.scope, 'package');
});

test('METADATA errors are parse errors at the comment block', () => {
  assert.match(parseError('package p\n\n# METADATA\n# title: [x\np := 1'), /^p\.rego:4: rego_parse_error: yaml: line 1: /);
  assert.equal(parseError('package p\n# METADATA\n#\np := 1'), 'p.rego:2: rego_parse_error: expected METADATA block, found whitespace');
  assert.equal(parseError('package p\n# METADATA\n# scope: package\np := 1'), "p.rego:2: rego_parse_error: annotation scope 'package' must be applied to package (have rule)");
  assert.equal(parseError('package p\np := 1\n# METADATA\n# title: x'), "p.rego:3: rego_parse_error: invalid annotation scope ''");
  assert.equal(parseError('package p\n# METADATA\n# scope: everywhere\np := 1'), "p.rego:2: rego_parse_error: invalid annotation scope 'everywhere'");
  assert.equal(parseError('package p\n# METADATA\n# - a list\np := 1'), 'p.rego:2: rego_parse_error: yaml: METADATA block must be a mapping');
});

test('several broken statements are reported together', () => {
  const src = 'package p\na := 1 +* 2\nok := 1\nr { true }\nf(x := 1\n';
  assert.equal(
    parseError(src),
    [
      '4 errors occurred:',
      'p.rego:2: rego_parse_error: unexpected mul token',
      'p.rego:2: rego_parse_error: unexpected mul token: expected rule value term (e.g., a := <VALUE> { ... })',
      'p.rego:4: rego_parse_error: `if` keyword is required before rule body',
      'p.rego:5: rego_parse_error: unexpected assign token: expected "," or ")"',
    ].join('\n'),
  );
});
