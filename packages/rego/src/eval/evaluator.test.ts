import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultRegistry } from '../builtins/index.ts';
import { BuiltinError } from '../builtins/errors.ts';
import { RegoError } from '../errors.ts';
import { compile, type Policy } from '../policy.ts';

const policy = (source: string, data?: unknown): Policy => compile({ 'p.rego': `package t\n\n${source}\n` }, { data });

function evalError(fn: () => unknown): RegoError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof RegoError, String(err));
    return err;
  }
  assert.fail('expected an evaluation error');
}

test('complete rules, defaults and else chains', () => {
  const p = policy(`
default allow := false
allow if input.role == "admin"
level := "high" if input.n > 10
else := "mid" if input.n > 5
else := "low"
`);
  assert.equal(p.evaluate('t.allow', { role: 'admin' }), true);
  assert.equal(p.evaluate('t.allow', { role: 'guest' }), false);
  assert.equal(p.evaluate('data.t.level', { n: 20 }), 'high');
  assert.equal(p.evaluate('t/level', { n: 7 }), 'mid');
  assert.equal(p.evaluate('t.level', { n: 1 }), 'low');
});

test('partial sets and objects, whole and by key', () => {
  const p = policy(`
deny contains msg if {
  some r in input.roles
  not r in data.known
  msg := sprintf("unknown role %s", [r])
}
owners[name] := team if {
  some team, members in data.teams
  some name in members
}
`, { known: ['admin'], teams: { core: ['ann'], ops: ['bob', 'cy'] } });
  assert.deepEqual(p.evaluate('t.deny', { roles: ['admin', 'x', 'y'] }), ['unknown role x', 'unknown role y']);
  assert.deepEqual(p.evaluate('t.owners'), { ann: 'core', bob: 'ops', cy: 'ops' });
  assert.equal(p.evaluate('t.owners.cy'), 'ops');
  const rows = p.query('data.t.deny["unknown role x"]', { input: { roles: ['x'] } }).rows;
  assert.equal(rows.length, 1);
});

test('comprehensions, every and negation', () => {
  const p = policy(`
doubled := [y | some x in input.xs; y := x * 2]
evens := {x | some x in input.xs; x % 2 == 0}
index := {k: v | some v, k in input.xs}
all_positive if every x in input.xs { x > 0 }
none_big if not any_big
any_big if { some x in input.xs; x > 100 }
`);
  const input = { xs: [1, 2, 3] };
  assert.deepEqual(p.evaluate('t.doubled', input), [2, 4, 6]);
  assert.deepEqual(p.evaluate('t.evens', input), [2]);
  assert.deepEqual(p.evaluate('t.index', input), { '1': 0, '2': 1, '3': 2 });
  assert.equal(p.evaluate('t.all_positive', input), true);
  assert.equal(p.evaluate('t.all_positive', { xs: [1, -1] }), undefined);
  assert.equal(p.evaluate('t.all_positive', { xs: [] }), true);
  assert.equal(p.evaluate('t.none_big', input), true);
  assert.equal(p.evaluate('t.none_big', { xs: [101] }), undefined);
});

test('functions: multiple definitions, else, recursion through data, output conflicts', () => {
  const p = policy(`
kind(x) := "num" if is_number(x)
kind(x) := "str" if is_string(x)
sign(x) := "neg" if x < 0
else := "pos"
p := [kind(1), kind("a"), sign(-1), sign(2)]
bad(x) := 1 if x
bad(x) := 2 if x
q := bad(true)
`);
  assert.deepEqual(p.evaluate('t.p'), ['num', 'str', 'neg', 'pos']);
  const err = evalError(() => p.evaluate('t.q'));
  assert.equal(err.code, 'eval_conflict_error');
  assert.match(err.message, /functions must not produce multiple outputs for same inputs/);
});

test('conflicts: complete rules and object keys', () => {
  const p = policy(`p := 1 if true
p := 2 if true
o[k] := v if { some k, v in {"a": 1} }
o[k] := v if { k := "a"; v := 2 }
`);
  const e1 = evalError(() => p.evaluate('t.p'));
  assert.equal(e1.code, 'eval_conflict_error');
  assert.equal(e1.message, 'p.rego:4: eval_conflict_error: complete rules must not produce multiple outputs');
  assert.match(evalError(() => p.evaluate('t.o')).message, /object keys must be unique/);
});

test('with replaces input, data, builtins and functions', () => {
  const p = policy(`
allowed if input.user == data.admins[_]
mocked := n if n := count([1, 2, 3]) with count as 42
f(x) := x + 1
g(x) := x * 10
h := n if n := f(1) with f as g
t1 if allowed with input as {"user": "ann"} with data.admins as ["ann"]
`, { admins: ['bob'] });
  assert.equal(p.evaluate('t.allowed', { user: 'ann' }), undefined);
  assert.equal(p.evaluate('t.t1'), true);
  assert.equal(p.evaluate('t.mocked'), 42);
  assert.equal(p.evaluate('t.h'), 10);
});

test('query rows bind user vars and drop generated ones', () => {
  const p = policy('xs := ["a", "b"]');
  const rows = p.query('some i; data.t.xs[i] = x; _ = 1').rows;
  assert.deepEqual(
    p.query('data.t.xs[i] = x').rows.map((r) => ({ i: r['i'], x: r['x'] })),
    [
      { i: 0, x: 'a' },
      { i: 1, x: 'b' },
    ],
  );
  assert.deepEqual(rows.map((r) => Object.keys(r).sort()), [['i', 'x'], ['i', 'x']]);
  assert.deepEqual(Object.keys(p.query('x := 1; _ = 2').rows[0] ?? {}), ['x']);
});

test('builtin errors: undefined unless strict, with the builtin name and location', () => {
  const registry = defaultRegistry().clone();
  registry.fn('test.fail', 1, () => {
    throw new BuiltinError('boom');
  });
  const p = compile({ 'p.rego': 'package t\n\np if test.fail(1)\n' }, { builtins: registry });
  assert.equal(p.evaluate('t.p'), undefined);
  const err = evalError(() => p.evaluate('t.p', undefined, { strictBuiltinErrors: true }));
  assert.equal(err.message, 'p.rego:3: eval_builtin_error: test.fail: boom');
});

test('operand type errors become eval_type_error in strict mode', () => {
  // The number comes from the input, so only evaluation can see it (`count(5)` is a compile error).
  const p = compile({ 'p.rego': 'package t\n\np := count(input.x)\n' }, { builtins: defaultRegistry() });
  const err = evalError(() => p.evaluate('t.p', { x: 5 }, { strictBuiltinErrors: true }));
  assert.equal(err.code, 'eval_type_error');
  assert.match(err.message, /count: operand 1 must be/);
});

test('template strings and print', () => {
  const lines: string[] = [];
  const p = compile({ 'p.rego': 'package t\n\nmsg := $"user {input.u} has {count(input.r)} roles, {input.missing}"\nlog if print("hi", input.u, input.nope)\n' }, { print: (l) => lines.push(l) });
  assert.equal(p.evaluate('t.msg', { u: 'ann', r: [1, 2] }), 'user ann has 2 roles, <undefined>');
  assert.equal(p.evaluate('t.log', { u: 'ann' }), true);
  assert.deepEqual(lines, ['hi ann <undefined>']);
});

test('refs into the data tree merge base documents and rules', () => {
  const p = compile({ 'a.rego': 'package a.b\n\nc := 1\n', 'e.rego': 'package e\n' }, { data: { a: { x: 2 } } });
  assert.deepEqual(p.evaluate('a'), { b: { c: 1 }, x: 2 });
  assert.deepEqual(p.evaluate('e'), {});
  assert.deepEqual(p.query('data.a[k] = v').rows.map((r) => r['k']), ['b', 'x']);
});

test('explain lists the rules that produced the result', () => {
  const p = policy(`allow if { input.a; ok }
ok if true
never if false
decision := {"allow": allow}
`);
  const res = p.query('x = data.t.decision', { input: { a: true }, explain: true });
  assert.deepEqual(
    res.explain?.map((e) => `${e.path}@${e.line}`),
    ['data.t.ok@4', 'data.t.allow@3', 'data.t.decision@6'],
  );
});

test('explain includes a default that decided the value', () => {
  const p = policy('default allow := false\nallow if input.ok');
  const res = p.query('data.t.allow = x', { input: {}, explain: true });
  assert.deepEqual(res.explain, [{ path: 'data.t.allow', file: 'p.rego', line: 3 }]);
});

test('coverage records evaluated lines and the ones never reached', () => {
  const p = policy('allow if {\n  input.a == 1\n  input.b == 2\n}\n');
  const res = p.query('data.t.allow', { input: { a: 0 }, coverage: true });
  assert.deepEqual(res.coverage?.files['p.rego'], { covered: [4], notCovered: [3, 5] });
});

test('a deadline cancels evaluation', () => {
  const p = policy('p := count([x | some a in numbers.range(1, 300); some b in numbers.range(1, 300); x := a * b])');
  const err = evalError(() => p.evaluate('t.p', undefined, { timeoutMs: 1 }));
  assert.equal(err.code, 'eval_cancel_error');
});

test('many rules at one path are indexed on input equality', () => {
  const rules = Array.from({ length: 200 }, (_, i) => `grant := ${i} if input.role == "r${i}"`).join('\n');
  const p = policy(`${rules}\ngrant := -1 if input.role == "r5"`);
  assert.equal(p.evaluate('t.grant', { role: 'r17' }), 17);
  assert.equal(p.evaluate('t.grant', { role: 'none' }), undefined);
  assert.equal(evalError(() => p.evaluate('t.grant', { role: 'r5' })).code, 'eval_conflict_error');
});

test('rego.metadata.rule returns the rule annotations', () => {
  const p = compile({ 'p.rego': 'package t\n\n# METADATA\n# title: Allow\np := rego.metadata.rule()\n' });
  assert.deepEqual(p.evaluate('t.p'), { title: 'Allow', scope: 'rule' });
});

test('a rule reaching itself through a dynamic ref is a recursion error, not a crash', () => {
  const p = policy('p := data[k].p if k := "t"');
  assert.equal(evalError(() => p.evaluate('t.p')).code, 'rego_recursion_error');
});

test('rego.parse_module returns the module in OPA AST shape, parse errors as builtin errors', () => {
  const p = policy('m := rego.parse_module("x.rego", input.src)');
  type Json = { type: string; value: unknown };
  const m = p.evaluate('t.m', { src: 'package a.b\n\nq := 1\n' }) as {
    package: { path: Json[] };
    rules: { head: { name: string; value: Json } }[];
  };
  assert.deepEqual(m.package.path.map((t) => t.value), ['data', 'a', 'b']);
  assert.equal(m.rules[0]?.head.name, 'q');
  assert.deepEqual(m.rules[0]?.head.value, { type: 'number', value: 1 });
  const err = evalError(() => p.evaluate('t.m', { src: 'package' }, { strictBuiltinErrors: true }));
  assert.equal(err.code, 'eval_builtin_error');
  assert.match(err.message, /rego\.parse_module: .*rego_parse_error/);
});

test('with on a path inside a virtual document patches that document', () => {
  const p = policy('p := {"a": 1, "b": 2}\nq := x if x := data.t.p with data.t.p.b as 3');
  assert.deepEqual(p.evaluate('t.q'), { a: 1, b: 3 });
});

test('sets are enumerated in sorted order wherever the order shows', () => {
  const p = policy('s contains x if some x in ["c", "a", "b"]\nordered := [x | some x in s]\nfirst := x if { some x in s; x != "zz" }');
  assert.deepEqual(p.evaluate('t.ordered'), ['a', 'b', 'c']);
  assert.deepEqual(p.query('some x in data.t.s').rows.map((r) => r['x']), ['a', 'b', 'c']);
  assert.equal(evalError(() => p.evaluate('t.first')).code, 'eval_conflict_error');
});

test('every fails on an undefined or non-collection domain; a mock may call the original', () => {
  const p = policy(`
default e1 := "no"
e1 := "yes" if every x in input.missing { x > 0 }
default e2 := "no"
e2 := "yes" if every x in 5 { x > 0 }
mock_count(xs) := count(xs) + 100
m := n if n := count([1, 2]) with count as mock_count
`);
  assert.equal(p.evaluate('t.e1', {}), 'no');
  assert.equal(p.evaluate('t.e2'), 'no');
  assert.equal(p.evaluate('t.m'), 102);
});

test('sets of rules streamed into unordered bodies and tested for membership give what the built set gives', () => {
  const policy = compile({
    's.rego': `package s

p contains x if some x in input.xs
p contains x if some x in input.ys

streamed contains x if {
	some x in p
	x != "c"
}

listed := [x | some x in p]
found if {
	some x in p
	x == "b"
}
has_a if "a" in p
lacks_z if not "z" in p
counted := count(p)
`,
  });
  const input = { xs: ['a', 'b', 'c'], ys: ['b', 'd'] };
  assert.deepEqual(policy.evaluate('s.streamed', input), ['a', 'b', 'd']);
  assert.deepEqual(policy.evaluate('s.listed', input), ['a', 'b', 'c', 'd']);
  assert.equal(policy.evaluate('s.found', input), true);
  assert.equal(policy.evaluate('s.has_a', input), true);
  assert.equal(policy.evaluate('s.lacks_z', input), true);
  assert.equal(policy.evaluate('s.counted', input), 4);
  assert.equal(policy.evaluate('s.found', { xs: ['a'], ys: [] }), undefined);
  assert.equal(policy.prepare('s.has_a').evaluate({ xs: [], ys: ['a'] }), true);
});

test('`some x in coll` with x already bound (a set rule asked for one member) matches equal elements', () => {
  const p = policy(`
arr contains c if { some c in input.arr }
obj contains c if { some c in input.obj }
lit contains c if { some c in {"x", "y"} }
answers := ["y" in arr, "y" in obj, "y" in lit, "z" in arr, "z" in obj, "z" in lit, {"k": 1} in arr]
`);
  const input = { arr: ['x', 'y', 'y', { k: 1 }], obj: { a: 'x', b: 'y' } };
  assert.deepEqual(p.prepare('data.t.answers').evaluate(input), [true, true, true, false, false, false, true]);
});

test('a prepared query answers rightly again after an evaluation that failed midway', () => {
  const p = policy(`
members contains m if { some m in input.ms; m != "bad" }
checked contains m if { some m in members; startswith(m, "a") }
decision := {"checked": checked, "has_b": "b" in members}
`);
  const q = p.prepare('data.t.decision');
  const strict = compile({ 'p.rego': `package t\nboom if { some x in input.xs; x / 0 > 1 }\n` }, { strictBuiltinErrors: true }).prepare('data.t.boom');
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(q.evaluate({ ms: ['a1', 'b', 'bad', 'boom'] }), { checked: ['a1'], has_b: true });
    assert.throws(() => strict.evaluate({ xs: [1, 2] }), /divide by zero/);
    assert.deepEqual(q.evaluate({ ms: ['a2', 'c'] }), { checked: ['a2'], has_b: false });
  }
});

test('a streamed set consumer that starts by testing the member gives what the built set gives', () => {
  const source = `package f

p contains x if some x in input.xs
p contains x if some x in input.ys

wild contains x if {
	some x in p
	endswith(x, ".*")
}
tame contains x if {
	some x in p
	not endswith(x, ".*")
	x != "c"
}
itself contains x if {
	some x in p
	startswith(x, x)
}
granted if {
	some x in p
	endswith(x, ".*")
	startswith(input.action, trim_suffix(x, "*"))
}
# The same tests, not first after the enumeration: evaluated member by member, as before.
unfiltered := {"wild": {x | some x in p; true; endswith(x, ".*")}, "tame": {x | some x in p; true; not endswith(x, ".*"); x != "c"}}
listed := [x | some x in input.xs; not endswith(x, ".*")]
within contains x if {
	some x in p
	contains("a.*b", x)
}
`;
  const p = compile({ 'f.rego': source });
  const input = { xs: ['a.*', 'b', 'c', 7], ys: ['b', 'export.*', 'd'], action: 'export.audit' };
  const q = p.prepare('data.f');
  for (let i = 0; i < 2; i++) {
    const doc = q.evaluate(input) as Record<string, unknown>;
    assert.deepEqual(doc.wild, ['a.*', 'export.*'], 'members that pass the test, a number among them undefined');
    assert.deepEqual(doc.tame, [7, 'b', 'd'], 'a negated test (true where the call is undefined), then the rest of the body');
    assert.deepEqual(doc.itself, ['a.*', 'b', 'c', 'd', 'export.*'], 'the member in two argument places');
    assert.deepEqual(doc.within, ['a.*', 'b'], 'the member as the second operand, a number among them undefined');
    assert.equal(doc.granted, true, 'a later test reads the member bound by the streamed one');
    assert.deepEqual(doc.unfiltered, { wild: doc.wild, tame: doc.tame }, 'the same as tested member by member');
    assert.deepEqual(doc.listed, ['b', 'c', 7], 'an ordered enumeration of input filtered in order');
    assert.equal(q.evaluate({ ...input, action: 'read' }) !== undefined, true, 'a second input evaluates afresh');
    assert.equal((q.evaluate({ ...input, action: 'read' }) as Record<string, unknown>).granted, undefined, 'nothing grants read');
  }
  // In strict mode the number is an operand error, as unstreamed.
  const strict = compile({ 'f.rego': source }, { strictBuiltinErrors: true });
  const err = evalError(() => strict.evaluate('data.f.wild', input));
  assert.equal(err.code, 'eval_type_error');
  assert.match(err.message, /endswith: operand 1 must be string but got number/);
  // The test's line is covered even when no member passes it; the lines after it are not.
  const res = p.query('data.f.granted', { input: { xs: ['a'], ys: [], action: 'x' }, coverage: true });
  const lines = res.coverage?.files['f.rego'];
  assert.ok(lines?.covered.includes(21), `the test line is covered: ${JSON.stringify(lines)}`);
  assert.ok(lines?.notCovered.includes(22), `the line after the test is not: ${JSON.stringify(lines)}`);
});

test('assignments in a body bind in place and are undone for the next solution and the next rule', () => {
  const p = policy(`
doubled contains y if { some x in input.xs; y := x * 2; y > 2 }
pairs contains [a, b] if { some x in input.xs; a := x; b = a + 1; 4 != b }
f(v) := w if { w := v + 1 }
calls := [f(1), f(10)]
missing contains x if { some x in input.xs; y := input.none[x]; y != 1 }
swapped contains y if { some x in input.xs; x + 100 = y }
`);
  const q = p.prepare('data.t');
  for (let i = 0; i < 2; i++) {
    const doc = q.evaluate({ xs: [1, 2, 3] }) as Record<string, unknown>;
    assert.deepEqual(doc.doubled, [4, 6], 'each solution binds y afresh');
    assert.deepEqual(doc.pairs, [[1, 2], [2, 3]], 'a var assigned from another assigned var');
    assert.deepEqual(doc.calls, [2, 11], 'a function body binds its output per call');
    assert.deepEqual(doc.missing, [], 'an assignment of an undefined value fails the body');
    assert.deepEqual(doc.swapped, [101, 102, 103], 'unification with the var on the right');
  }
});

test('reads of the input along constant keys are kept for one evaluation, and a `with` on input reads afresh', () => {
  const p = policy(`a := input.user.name
b := x if x := input.user.name with input.user as {"name": "carol"}
c := [input.user.name, input.user[k]] if k := "name"
d := x if x := input.user.name with input as {"user": {"name": "dave"}}
e := input.user.name
missing := true if not input.user.missing.x
names := [n | some i in numbers.range(1, 3); n := input.user.name]`);
  const q = p.prepare('data.t');
  for (const name of ['alice', 'bob', 'alice']) {
    assert.deepEqual(q.evaluate({ user: { name } }), { a: name, b: 'carol', c: [name, name], d: 'dave', e: name, missing: true, names: [name, name, name] });
  }
  assert.deepEqual(q.evaluate({ user: { name: 'x', missing: { x: true } } }), { a: 'x', b: 'carol', c: ['x', 'x'], d: 'dave', e: 'x', names: ['x', 'x', 'x'] });
  assert.deepEqual(q.evaluate({}), { b: 'carol', d: 'dave', missing: true, names: [] });
});
