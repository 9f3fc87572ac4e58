import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RegoErrors } from '../../errors.ts';
import { compile, type CompileOptions } from '../../policy.ts';

function typeErrors(source: string, opts: CompileOptions = {}): string[] {
  try {
    compile({ 'p.rego': source }, opts);
  } catch (err) {
    assert.ok(err instanceof RegoErrors, String(err));
    return err.errors.map((e) => e.message);
  }
  assert.fail('expected a compile error');
}

const mod = (...lines: string[]): string => ['package t', '', ...lines, ''].join('\n');

test('builtin arguments are checked against their declared types, as OPA reports them', () => {
  assert.deepEqual(typeErrors(mod('p := count(1)')), [
    'p.rego:3: rego_type_error: count: invalid argument(s)\n\thave: (number, ???)\n\twant: (collection: any<string, array[any], object[any: any], set[any]>, n: number)',
  ]);
  // A call standing alone has no result argument.
  assert.deepEqual(typeErrors(mod('p if startswith(1, "a")')), [
    'p.rego:3: rego_type_error: startswith: invalid argument(s)\n\thave: (number, string)\n\twant: (search: string, base: string, result: boolean)',
  ]);
  assert.match(typeErrors(mod('p := x if {', '  x := "a" + 1', '}'))[0] as string, /plus: invalid argument\(s\)\n\thave: \(string, number, \?\?\?\)\n\twant: \(x: number, y: number, z: number\)/);
});

test('results carry their types on to where they are used', () => {
  assert.match(typeErrors(mod('p := upper(count([1]))'))[0] as string, /upper: invalid argument\(s\)\n\thave: \(number, \?\?\?\)/);
  assert.match(typeErrors(mod('p if {', '  n := count(input.xs)', '  startswith(n, "1")', '}'))[0] as string, /startswith: invalid argument\(s\)\n\thave: \(number, string\)/);
  // Each erroneous call is reported, inner ones included.
  assert.equal(typeErrors(mod('p := concat(1, [upper(2)])')).length, 2);
});

test('wrong numbers of arguments are reported with the types at hand', () => {
  assert.deepEqual(typeErrors(mod('p := count([1], 2)')), [
    'p.rego:3: rego_type_error: count: arity mismatch\n\thave: (array<number>, number, ???)\n\twant: (any<string, array[any], object[any: any], set[any]>)',
  ]);
  assert.deepEqual(typeErrors(mod('f(x) := x', '', 'p := f(1, 2)')), ['p.rego:5: rego_type_error: function data.t.f has arity 1, got 2 arguments']);
});

test('comparisons standing alone must compare values of compatible types', () => {
  assert.deepEqual(typeErrors(mod('p if 1 == "a"')), ['p.rego:3: rego_type_error: match error\n\tleft  : number\n\tright : string']);
  assert.match(typeErrors(mod('p if {', '  x := count(input.a)', '  x = "many"', '}'))[0] as string, /match error\n\tleft {2}: number\n\tright : string/);
  // Inside another term the comparison is only a call, and any values compare.
  assert.doesNotThrow(() => compile({ 'p.rego': mod('p := 1 == "a"') }));
});

test('references are checked against the types of rules and locals', () => {
  assert.deepEqual(typeErrors(mod('cfg := {"limit": 3}', '', 'p := cfg.limt')), [
    'p.rego:5: rego_type_error: undefined ref: data.t.cfg.limt\n\tdata.t.cfg.limt\n\t           ^\n\t           have: "limt"\n\t           want (one of): ["limit"]',
  ]);
  assert.deepEqual(typeErrors(mod('p if {', '  x := count(input.xs)', '  x.y', '}')), [
    'p.rego:5: rego_type_error: undefined ref: x.y\n\tx.y\n\t^\n\thave: number',
  ]);
  // Iterating over a reference checks it once, with the iteration's key.
  assert.deepEqual(typeErrors(mod('cfg := {"limit": 3}', '', 'p contains x if some x in cfg.limt')), [
    'p.rego:5: rego_type_error: undefined ref: data.t.cfg.limt[_]\n\tdata.t.cfg.limt[_]\n\t           ^\n\t           have: "limt"\n\t           want (one of): ["limit"]',
  ]);
  // Keys of the wrong type: a set of strings indexed by a number.
  assert.match(typeErrors(mod('names := {"a", "b"}', '', 'p if names[1]'))[0] as string, /undefined ref: data\.t\.names\[1\]/);
});

test('functions get the types their bodies give their arguments and results', () => {
  assert.match(typeErrors(mod('inc(x) := x + 1', '', 'p := inc("a")'))[0] as string, /data\.t\.inc: invalid argument\(s\)\n\thave: \(string, \?\?\?\)\n\twant: \(number, number\)/);
  assert.match(typeErrors(mod('inc(x) := x + 1', '', 'p := upper(inc(1))'))[0] as string, /upper: invalid argument\(s\)\n\thave: \(number, \?\?\?\)/);
  // Definitions join: either argument type is fine.
  assert.doesNotThrow(() => compile({ 'p.rego': mod('f(x) := 1 if x == 1', '', 'f(x) := 2 if x == "a"', '', 'p := [f(1), f("a")]') }));
});

test('a partial set has the type of its elements', () => {
  assert.match(typeErrors(mod('names contains n if some n in ["a"]', '', 'p contains x if {', '  some n in names', '  x := n + 1', '}'))[0] as string, /plus: invalid argument\(s\)\n\thave: \(string, number, \?\?\?\)/);
});

test('an error explained by a more precise one in the same expression is left out', () => {
  assert.deepEqual(typeErrors(mod('cfg := {"a": [1]}', '', 'p := count(cfg.b)')).length, 1);
  // A function with errors is `any` to its callers: the error is reported once, where it is.
  assert.equal(typeErrors(mod('f(x) := count(1)', '', 'p := upper(f(1))')).length, 1);
});

test('a function replaced with `with` must be replaced by one of the same arity', () => {
  const errs = typeErrors(mod('mock(a, b) := 1', '', 'p if count([]) with count as mock'));
  assert.deepEqual(errs, ['p.rego:5: rego_type_error: count: arity mismatch\n\thave: (any, any)\n\twant: (collection: any<string, array[any], object[any: any], set[any]>)']);
  assert.doesNotThrow(() => compile({ 'p.rego': mod('mock(a) := 1', '', 'p if count([]) with count as mock', '', 'q if count([]) with count as 7') }));
});

test('queries are checked against the policy types', () => {
  const p = compile({ 'p.rego': mod('n := 3') });
  assert.throws(() => p.query('x := upper(data.t.n)'), /query:1: rego_type_error: upper: invalid argument\(s\)\n\thave: \(number, \?\?\?\)/);
  assert.throws(() => p.query('count(1)'), (e: RegoErrors) => e.code === 'rego_type_error');
  assert.deepEqual(p.query('x := data.t.n + 1').rows, [{ x: 4 }]);
});

test('schemas annotations type input and data; inline schemas need no schema set', () => {
  const annotated = (ref: string) =>
    mod(
      '# METADATA',
      '# schemas:',
      '#   - input: {"type": "object", "properties": {"user": {"type": "string"}, "roles": {"type": "array", "items": {"type": "string"}}}}',
      `allow if ${ref}`,
    );
  assert.doesNotThrow(() => compile({ 'p.rego': annotated('input.roles[_] == input.user') }));
  assert.deepEqual(typeErrors(annotated('input.usr == "alice"')), [
    'p.rego:6: rego_type_error: undefined ref: input.usr\n\tinput.usr\n\t      ^\n\t      have: "usr"\n\t      want (one of): ["roles" "user"]',
  ]);
  assert.match(typeErrors(annotated('input.user + 1 > 2'))[0] as string, /plus: invalid argument\(s\)\n\thave: \(string, number, \?\?\?\)/);
  assert.match(typeErrors(annotated('upper(input.roles)'))[0] as string, /upper: invalid argument\(s\)\n\thave: \(array\[string\]\)/);
});

test('named schemas come from the schema set, and the package scope reaches every rule', () => {
  const source = mod('# METADATA', '# schemas:', '#   - data.roles: schema["role-catalog"]').replace('package t', '# METADATA\n# scope: package\n# schemas:\n#   - input.user: schema.user\npackage t');
  const schemas = { 'role-catalog': { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } }, user: { type: 'object', properties: { id: { type: 'string' } } } };
  const withRule = (rule: string) => `${source}${rule}\n`;
  assert.doesNotThrow(() => compile({ 'p.rego': withRule('p if data.roles[input.user.id][_] == "admin"') }, { schemas }));
  assert.match(typeErrors(withRule('p if input.user.name'), { schemas })[0] as string, /undefined ref: input\.user\.name/);
  assert.match(typeErrors(withRule('p if upper(data.roles.admin)'), { schemas })[0] as string, /upper: invalid argument\(s\)\n\thave: \(array\[string\]\)/);
  // Without a schema set, references to named schemas are not checked; a missing name is an error.
  assert.doesNotThrow(() => compile({ 'p.rego': withRule('p if input.user.name') }));
  assert.match(typeErrors(withRule('p if input.user.id'), { schemas: { user: {} } })[0] as string, /rego_type_error: undefined schema: schema\.role-catalog/);
});

test('a global input schema applies to every rule and query', () => {
  const inputSchema = { type: 'object', properties: { amount: { type: 'number' } } };
  const p = compile({ 'p.rego': mod('big if input.amount > 10') }, { inputSchema });
  assert.equal(p.evaluate('t.big', { amount: 11 }), true);
  assert.match(typeErrors(mod('big if input.amount_minor > 10'), { inputSchema })[0] as string, /undefined ref: input\.amount_minor/);
  assert.throws(() => p.query('upper(input.amount)'), /upper: invalid argument/);
});

test('malformed schemas annotations and schemas are reported', () => {
  assert.match(typeErrors(mod('# METADATA', '# schemas:', '#   - input: 7', 'p := 1'))[0] as string, /rego_parse_error: invalid schema declaration for path "input"/);
  assert.match(typeErrors(mod('# METADATA', '# schemas:', '#   - inputs.x: schema.x', 'p := 1'))[0] as string, /rego_parse_error: invalid document reference "inputs\.x"/);
  assert.match(typeErrors(mod('# METADATA', '# schemas:', '#   - input: {"type": "texts"}', 'p := 1'))[0] as string, /rego_type_error: unable to compile the schema: invalid type "texts"/);
});

// Idioms that OPA accepts: the checker must accept them too.
const ACCEPTED = [
  mod('default allow := false', '', 'allow if input.user in data.admins', '', 'allow if { some r in input.roles; r == "admin" }'),
  mod('deny contains msg if {', '  some i', '  input.items[i].price > 100', '  msg := sprintf("item %d is too expensive", [i])', '}'),
  mod('users := {u.id: u | some u in input.users}', '', 'names := [upper(u.name) | some u in input.users]', '', 'n := count(users) + count(names)'),
  mod('roles := {"admin", "viewer"}', '', 'has(r) if roles[r]', '', 'p if has("admin")', '', 'q := [r | some r in roles]'),
  mod('cfg := {"limits": {"eu": 3}}', '', 'limit(region) := cfg.limits[region]', '', 'p if limit(input.region) > 1'),
  mod('p := v if {', '  [a, b] := split(input.s, ":")', '  v := concat("-", [b, a])', '}'),
  mod('paths contains p if walk(input, [p, _])', '', 'q := {x | some x in numbers.range(1, 3)}'),
  mod('x := object.get(input, ["a", "b"], 0) + 1', '', 'y := json.unmarshal("{}").a', '', 'z := time.parse_rfc3339_ns(input.t) > time.now_ns()'),
  mod('p.q[k] := v if { some k, v in input.o }', '', 'r := data.t.p.q.x'),
  mod('f(x) := y if { y := x }', '', 'g := f(1) + 1', '', 'h := upper(f("a"))'),
  mod('every_ok if {', '  every x in input.xs { x > 0 }', '}', '', 'msg := $"{count(input.xs)} items"'),
  mod('s := {1, "a"}', '', 'p if s[1]', '', 'q if s["a"]', '', 'o := {1: "one"}', '', 'r := o[1]'),
  mod('default p := {}', '', 'p := {"a": 1}', '', 'q := p.b'),
  mod('p if {', '  x := input.x', '  not x == 1', '  x != "a"', '  is_string(x)', '}'),
  mod('p := [x | x := data.t.q[_]]', '', 'q := ["a", "b"]', '', 'r if count(p) == 2'),
  mod('p if {', '  arr := [1, 2]', '  obj := {"a": "b"}', '  some x in arr', '  some y in obj', '  x > 0', '  y != ""', '}'),
  mod('p := [x | walk(input, [_, x])]', '', 'q := [x | doc := input.docs[_]; json.is_valid(doc, x)]'),
  mod('allowed_regions := data.tenant.regions', '', 'p if input.region in allowed_regions', '', 'q := data.tenant.limits[input.kind].max'),
];

test('common policies compile as they do under OPA', () => {
  for (const source of ACCEPTED) {
    assert.doesNotThrow(() => compile({ 'p.rego': source }), source);
  }
});
