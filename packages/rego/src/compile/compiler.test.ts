import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RegoErrors } from '../errors.ts';
import { compile } from '../policy.ts';
import { nodeAt } from './rule-tree.ts';
import { compileModules } from './compiler.ts';
import { parseModule } from '../parser/index.ts';
import { defaultRegistry } from '../builtins/index.ts';

function compileError(source: string): RegoErrors {
  try {
    compile({ 'p.rego': source });
  } catch (err) {
    assert.ok(err instanceof RegoErrors, String(err));
    return err;
  }
  assert.fail('expected a compile error');
}

test('unsafe vars are reported with code, name and line', () => {
  const err = compileError('package t\n\np if {\n  x > 1\n}\n');
  assert.equal(err.code, 'rego_unsafe_var_error');
  assert.equal(err.errors[0]?.message, 'p.rego:4: rego_unsafe_var_error: var x is unsafe');
});

test('head vars the body never binds are unsafe', () => {
  const err = compileError('package t\n\np contains x if {\n  true\n}\n');
  assert.match(err.message, /var x is unsafe/);
});

test('undefined functions and wrong arity are type errors', () => {
  assert.match(compileError('package t\n\np := nope(1)\n').message, /rego_type_error: undefined function nope/);
  assert.equal(compileError('package t\n\np := count(1, 2, 3)\n').code, 'rego_type_error');
});

test('recursion through rules is refused', () => {
  const err = compileError('package t\n\np if q\n\nq if p\n');
  assert.equal(err.code, 'rego_recursion_error');
  assert.match(err.message, /rule data\.t\.(p|q) is recursive/);
});

test('conflicting rule kinds and repeated defaults are refused', () => {
  assert.match(compileError('package t\n\np := 1\n\np contains 2\n').message, /conflicting rules data\.t\.p found/);
  assert.match(compileError('package t\n\ndefault p := 1\n\ndefault p := 2\n').message, /multiple default rules data\.t\.p found/);
});

test('bodies are reordered so vars are bound before use', () => {
  const p = compile({ 'p.rego': 'package t\n\np := y if {\n  y := x + 1\n  x = input.n\n}\n' });
  assert.equal(p.evaluate('t.p', { n: 2 }), 3);
});

test('rule refs build a tree with generated keys below ground paths', () => {
  const mod = parseModule('package a.b\n\np.q[x] := 1 if some x in ["k"]\n\nr := 2\n', 'm.rego');
  const compiled = compileModules([mod], defaultRegistry());
  const node = nodeAt(compiled.root, ['a', 'b', 'p', 'q'], false);
  assert.equal(node?.rules.length, 1);
  assert.equal(node?.rules[0]?.kind, 'object');
  assert.equal(node?.rules[0]?.tail.length, 1);
  assert.equal(nodeAt(compiled.root, ['a', 'b', 'r'], false)?.rules[0]?.kind, 'complete');
});

test('imports and package rule names resolve to data refs', () => {
  const p = compile({
    'lib.rego': 'package lib\n\nlimit := 3\n',
    'p.rego': 'package t\n\nimport data.lib\nimport input.user as u\n\nok if count(u.roles) < lib.limit\n',
  });
  assert.equal(p.evaluate('t.ok', { user: { roles: ['a'] } }), true);
  assert.equal(p.evaluate('t.ok', { user: { roles: ['a', 'b', 'c'] } }), undefined);
});

test('vars declared in a comprehension do not capture outer vars', () => {
  const p = compile({ 'p.rego': 'package t\n\np := [n, c] if {\n  c := count([x | some x in [1, 2]])\n  x := 5\n  n := x\n}\n' });
  assert.deepEqual(p.evaluate('t.p'), [5, 2]);
});

test('a var is declared once per body and never after it was used', () => {
  assert.match(compileError('package t\n\np if {\n  x := 1\n  x := 2\n}\n').message, /p\.rego:5: rego_compile_error: var x assigned above/);
  assert.match(compileError('package t\n\np if {\n  x == 1\n  x := 2\n}\n').message, /var x referenced above/);
});

test('a name declared only inside a comprehension still refers to the rule outside it', () => {
  const p = compile({ 'p.rego': 'package t\n\nq := 3\n\nr := [n, q] if {\n  n := count([q | some q in [1, 2]])\n}\n' });
  assert.deepEqual(p.evaluate('t.r'), [2, 3]);
});

test('input and data cannot be redeclared as locals', () => {
  assert.match(compileError('package t\n\np if {\n  input := 1\n}\n').message, /rego_compile_error: variables must not shadow input/);
});

test('operators stay builtins when rules or local vars share their names', () => {
  const p = compile({
    'p.rego': 'package t\n\ninternal := {"a"}\n\nplus := 5\n\nequal := 1\n\nin_set if "a" in internal\n\nsum := 1 + 2\n\nsame if 1 == 1\n\nlocal := x if {\n  minus := 10\n  x := minus - 4\n}\n',
  });
  assert.equal(p.evaluate('t.in_set'), true);
  assert.equal(p.evaluate('t.sum'), 3);
  assert.equal(p.evaluate('t.same'), true);
  assert.equal(p.evaluate('t.local'), 6);
  assert.equal(p.evaluate('t.plus'), 5);
});
