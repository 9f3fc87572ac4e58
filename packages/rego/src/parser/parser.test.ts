import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BigNum } from '../value/value.ts';
import type { CallTerm, EveryExpr, RefTerm, ScalarTerm, SomeInExpr, TemplateStringTerm, TermExpr } from '../ast/types.ts';
import { operatorName, parseQuery, parseTerm } from './index.ts';
import { bodyText, termText } from './print.ts';

const term = (src: string): string => termText(parseTerm(src));
const query = (src: string): string => bodyText(parseQuery(src));

test('scalars: numbers stay exact, strings decode JSON escapes, raw strings do not', () => {
  assert.equal((parseTerm('42') as ScalarTerm).value, 42);
  assert.equal((parseTerm('-3.25') as ScalarTerm).value, -3.25);
  assert.equal((parseTerm('1e3') as ScalarTerm).value, 1000);
  const big = (parseTerm('123456789012345678901234567890') as ScalarTerm).value;
  assert.ok(big instanceof BigNum);
  assert.equal(big.text, '123456789012345678901234567890');
  const dec = (parseTerm('0.1000000000000000000000000000001') as ScalarTerm).value;
  assert.ok(dec instanceof BigNum);
  assert.equal(dec.text, '0.1000000000000000000000000000001');
  assert.equal((parseTerm('"a\\tb\\n\\"c\\" \\u00e9 \\ud83d\\ude00 \\/"') as ScalarTerm).value, 'a\tb\n"c" é 😀 /');
  assert.equal((parseTerm('`a\\tb\n"c"`') as ScalarTerm).value, 'a\\tb\n"c"');
  assert.equal((parseTerm('null') as ScalarTerm).value, null);
  assert.equal((parseTerm('true') as ScalarTerm).value, true);
  assert.equal((parseTerm('false') as ScalarTerm).value, false);
});

test('composites: arrays, objects, sets; {} is an empty object and set() the empty set', () => {
  assert.equal(term('[1, "a", [true], ]'), '[1, "a", [true]]');
  assert.equal(term('[, 1]'), '[1]');
  assert.equal(term('{"a": 1, b: [2], 3: {4}}'), '{"a": 1, b: [2], 3: {4}}');
  assert.equal(term('{"a": 1 + 2, "b": x | y}'), '{"a": plus(1, 2), "b": or(x, y)}');
  assert.equal(parseTerm('{}').type, 'object');
  assert.equal(parseTerm('{1}').type, 'set');
  assert.equal(term('{1, 2, 3,}'), '{1, 2, 3}');
  assert.deepEqual(parseTerm('set()'), { type: 'set', items: [], loc: { file: 'term', line: 1, col: 1, offset: 0, end: 5 } });
  assert.equal(termText(parseTerm('set(1)')), 'set(1)');
  assert.throws(() => parseTerm('{1 2}'), /unexpected number token: non-terminated set/);
  assert.throws(() => parseTerm('{"a": 1 2}'), /unexpected number token: non-terminated object/);
});

test('comprehensions of each kind', () => {
  assert.equal(term('[x | some x in xs; x > 1]'), '[x | some x in xs; gt(x, 1)]');
  assert.equal(term('{x | x := 1}'), '{x | x := 1}');
  assert.equal(term('{k: v | some k, v in o}'), '{k: v | some k, v in o}');
  const c = parseTerm('{k: v | some k, v in o}');
  assert.equal(c.type === 'comprehension' && c.kind, 'object');
  // The head is a plain term, so `|` after it starts the body rather than a binary or.
  assert.equal(term('[x | x = 1 | 2]'), '[x | x = or(1, 2)]');
  assert.equal(term('[1, 2 | 3]'), '[1, or(2, 3)]');
});

test('references with dots, brackets, and composite or call heads', () => {
  const r = parseTerm('input.a["b"][x].c') as RefTerm;
  assert.equal(r.type, 'ref');
  assert.equal(termText(r.head), 'input');
  assert.deepEqual(
    r.path.map((p) => (p.type === 'scalar' ? p.value : p.type)),
    ['a', 'b', 'var', 'c'],
  );
  assert.equal(term('[1, 2][0]'), '[1, 2][0]');
  assert.equal(term('f(x)[0].y'), 'f(x)[0].y');
  assert.equal(term('data.foo.if.in.null'), 'data.foo.if.in.null');
});

test('calls with dotted names; a space before ( or [ ends the term', () => {
  const c = parseTerm('strings.replace_n({"a": "b"}, s)') as CallTerm;
  assert.equal(operatorName(c), 'strings.replace_n');
  assert.equal(c.args.length, 2);
  assert.equal(operatorName(parseTerm('data.lib.f(1)') as CallTerm), 'data.lib.f');
  assert.equal(query('x := f (1)').startsWith('x := f'), true);
  assert.throws(() => parseTerm('f (1)'), /unexpected \( token/);
  assert.throws(() => parseTerm('"s"(1)'), /illegal ref \(head cannot be string\)/);
});

test('infix precedence: in < relations < | < & < + - < * / %, all left-associative', () => {
  assert.equal(term('1 + 2 * 3'), 'plus(1, mul(2, 3))');
  assert.equal(term('1 - 2 - 3'), 'minus(minus(1, 2), 3)');
  assert.equal(term('8 / 4 % 3 * 2'), 'mul(rem(div(8, 4), 3), 2)');
  assert.equal(term('a | b & c'), 'or(a, and(b, c))');
  assert.equal(term('a & b + c'), 'and(a, plus(b, c))');
  assert.equal(term('a | b == c'), 'equal(or(a, b), c)');
  assert.equal(term('1 + 2 < 4'), 'lt(plus(1, 2), 4)');
  assert.equal(term('a != b'), 'neq(a, b)');
  assert.equal(term('a <= b'), 'lte(a, b)');
  assert.equal(term('a >= b'), 'gte(a, b)');
  assert.equal(term('a > b'), 'gt(a, b)');
  assert.equal(term('x in xs == true'), 'internal.member_2(x, equal(xs, true))');
  assert.equal(term('(1 + 2) * 3'), 'mul(plus(1, 2), 3)');
  assert.equal(term('(x)[0]'), 'x[0]');
});

test('unary minus: negative numbers and negated terms', () => {
  assert.equal((parseTerm('-7') as ScalarTerm).value, -7);
  assert.equal(term('-x'), 'minus(0, x)');
  assert.equal(term('1 - -2'), 'minus(1, -2)');
  assert.equal(term('x-1'), 'minus(x, 1)');
  assert.equal(term('[-1, - 2, -.5]'), '[-1, -2, -0.5]');
  assert.equal(term('.25'), '0.25');
  assert.throws(() => parseTerm('007'), /unexpected number token: expected number without leading zero/);
});

test('membership calls: x in xs and k, v in xs', () => {
  const two = parseTerm('x in xs') as CallTerm;
  assert.equal(operatorName(two), 'internal.member_2');
  assert.equal(query('k, v in {"a": 1}'), 'internal.member_3(k, v, {"a": 1})');
  // Inside a list the comma separates items instead.
  assert.equal(term('[k, v in xs]'), '[k, internal.member_2(v, xs)]');
  assert.equal(query('x := k, v in xs'), 'x := internal.member_3(k, v, xs)');
});

test('expressions: =, :=, not, with, bodies split by ; and newlines', () => {
  assert.equal(query('data.test.p = x; y := 1'), 'data.test.p = x; y := 1');
  assert.equal(query('a = 1\n  b := [1,\n 2]\n\nnot c'), 'a = 1; b := [1, 2]; not c');
  const body = parseQuery('not f(x) with input.a as 1 with data.b as {"c": 2}\nx == 1');
  const e = body[0] as TermExpr;
  assert.equal(e.negated, true);
  assert.equal(e.with.length, 2);
  assert.equal(termText(e.with[1]!.target), 'data.b');
  assert.equal(termText(e.with[1]!.value), '{"c": 2}');
  assert.equal(body.length, 2);
  assert.equal(query('x := 1 with count as mock_count'), 'x := 1 with count as mock_count');
});

test('some declarations and some-in forms', () => {
  assert.equal(query('some x, y'), 'some x, y');
  const one = parseQuery('some x in [1, 2]')[0] as SomeInExpr;
  assert.equal(one.type, 'some-in');
  assert.equal(one.key, undefined);
  assert.equal(termText(one.collection), '[1, 2]');
  const kv = parseQuery('some k, [a, _] in input.pairs')[0] as SomeInExpr;
  assert.equal(termText(kv.key!), 'k');
  assert.equal(termText(kv.value), '[a, $_0]');
  assert.equal(query('some i\ni in xs'), 'some i; internal.member_2(i, xs)');
  assert.throws(() => parseQuery('some 1'), /unexpected number token: expected var/);
});

test('every with one or two variables', () => {
  const e = parseQuery('every x in xs { x > 0; x < 10 }')[0] as EveryExpr;
  assert.equal(e.type, 'every');
  assert.equal(e.value.name, 'x');
  assert.equal(e.key, undefined);
  assert.equal(e.body.length, 2);
  const kv = parseQuery('every k, v in {"a": 1} {\n k == "a"\n v == 1\n}')[0] as EveryExpr;
  assert.equal(kv.key?.name, 'k');
  assert.equal(termText(kv.domain), '{"a": 1}');
  assert.throws(() => parseQuery('every x { true }'), /unexpected \{ token: expected `x\[, y\] in xs \{ ... \}` expression/);
  assert.throws(() => parseQuery('every [x] in xs { true }'), /expected value to be a variable/);
  assert.throws(() => parseQuery('not every x in xs { true }'), /unexpected every keyword: illegal negation of 'every'/);
  assert.throws(() => parseQuery('x = 1; every x in xs {}'), /found empty body/);
});

test('each _ becomes a distinct generated variable', () => {
  assert.equal(query('x[_] = y[_]; _ = 1'), 'x[$_0] = y[$_1]; $_2 = 1');
  assert.equal(term('[_, [_, {_: _}], {_}]'), '[$_0, [$_1, {$_2: $_3}], {$_4}]');
  assert.equal(term('[[_] | _ = 1]'), '[[$_0] | $_1 = 1]');
});

test('deeply nested composites parse in linear time', () => {
  const depth = 80;
  const arrays = parseTerm('['.repeat(depth) + '1' + ']'.repeat(depth));
  assert.equal(termText(arrays), '['.repeat(depth) + '1' + ']'.repeat(depth));
  const objects = parseTerm('{"a": '.repeat(depth) + '{1}' + '}'.repeat(depth));
  assert.equal(termText(objects).length, 7 * depth + 3);
});

test('keywords act as variables where they head a ref; contains( is the builtin', () => {
  assert.equal(query('in.foo(1) == 1'), 'equal(in.foo(1), 1)');
  assert.equal(query('true.foo == 2; null.x'), 'equal(true.foo, 2); null.x');
  assert.equal(query('contains("abc", "b")'), 'contains("abc", "b")');
  assert.equal(query('contains := 1; x := contains'), 'contains := 1; x := contains');
  assert.throws(() => parseQuery('x := if'), /unexpected if keyword/);
});

test('template strings: literal parts, embedded terms and escaped braces', () => {
  const t = parseTerm('$"a {x + 1} \\{b} {"s"}\\n"') as TemplateStringTerm;
  assert.equal(t.type, 'template');
  assert.equal(t.raw, false);
  assert.deepEqual(
    t.parts.map((p) => (typeof p === 'string' ? p : termText(p))),
    ['a ', 'plus(x, 1)', ' {b} ', '"s"', '\n'],
  );
  assert.equal(t.withs, undefined);
  const raw = parseTerm('$`x\\n{[y | some y in {1}]}\n\\{z}`') as TemplateStringTerm;
  assert.equal(raw.raw, true);
  assert.deepEqual(
    raw.parts.map((p) => (typeof p === 'string' ? p : termText(p))),
    ['x\\n', '[y | some y in {1}]', '\n{z}'],
  );
  const nested = parseTerm('$"{$"{a}"} {{"k": 1}}"') as TemplateStringTerm;
  assert.equal(termText(nested), '$"{$"{a}"} {{"k": 1}}"');
  assert.equal((parseTerm('$""') as TemplateStringTerm).parts.length, 0);
});

test('template strings refuse expressions that are not terms', () => {
  assert.throws(() => parseTerm('$"{x = 1}"'), /unexpected unification \('='\) in template-string expression/);
  assert.throws(() => parseTerm('$"{x := 1}"'), /unexpected assignment \(':='\) in template-string expression/);
  assert.throws(() => parseTerm('$"{not x}"'), /unexpected negation \('not'\) in template-string expression/);
  assert.throws(() => parseTerm('$"{some x in xs}"'), /unexpected 'some' in template-string expression/);
  assert.throws(() => parseTerm('$"{x y}"'), /expected } to end template string expression/);
  assert.throws(() => parseTerm('$"{x"'), /non-terminated/);
});

test('template strings keep with modifiers of an embedded expression', () => {
  const t = parseTerm('$"foo {a with input as {"a": 42}} {b}"') as TemplateStringTerm;
  assert.equal(t.parts.length, 4);
  assert.equal(t.withs?.length, 4);
  assert.equal(t.withs?.[1]?.length, 1);
  assert.equal(termText(t.withs![1]![0]!.target), 'input');
  assert.deepEqual(t.withs?.[3], []);
});

test('locations: line, column and offsets of terms and expressions', () => {
  const body = parseQuery('x := 1\n  y := input.a.b', 'q.rego');
  const e = body[1] as TermExpr;
  assert.deepEqual(e.loc, { file: 'q.rego', line: 2, col: 3, offset: 9, end: 23 });
  const ref = e.terms[1]!;
  assert.deepEqual(ref.loc, { file: 'q.rego', line: 2, col: 8, offset: 14, end: 23 });
  const t = parseTerm('`a\nb` + $`c\n{d}`') as CallTerm;
  const d = (t.args[1] as TemplateStringTerm).parts[1]!;
  assert.equal(typeof d !== 'string' && d.loc.line, 3);
  assert.equal(typeof d !== 'string' && d.loc.col, 2);
});

test('query and term parse errors carry file:line locations', () => {
  assert.throws(() => parseQuery('x := [1, 2', 'q.rego'), {
    name: 'RegoErrors',
    message: 'q.rego:1: rego_parse_error: unexpected eof token: expected "," or "]"',
  });
  assert.throws(() => parseQuery(''), /empty query/);
  assert.throws(() => parseQuery('x := 1 ~ 2'), /illegal token/);
  assert.throws(() => parseTerm('[1] 2'), /unexpected number token/);
  assert.throws(() => parseTerm('"abc'), /non-terminated string/);
  assert.throws(() => parseTerm('"\\q"'), /illegal escape sequence/);
  assert.throws(() => parseTerm('$"{1 + }"'), /unexpected } token/);
  assert.throws(() => parseTerm('{"a": 1, "b"}'), /unexpected } token: expected ":"/);
  assert.throws(() => parseTerm('f(1, 2'), /unexpected eof token: expected "," or "\)"/);
  assert.throws(() => parseTerm('x[1'), /unexpected eof token: expected \[/);
  assert.throws(() => parseTerm('1.x'), /expected fraction/);
  assert.throws(() => parseTerm('x !'), /illegal ! character/);
  try {
    parseQuery('a := 1\nb := (1 + 2', 'z.rego');
    assert.fail('expected an error');
  } catch (e) {
    const err = (e as { errors: { code: string; location: { line: number; col: number } }[] }).errors[0]!;
    assert.equal(err.code, 'rego_parse_error');
    assert.equal(err.location.line, 2);
    assert.equal(err.location.col, 12);
    assert.match((e as Error).message, /non-terminated expression/);
  }
});

test('nesting past the limit is one parse error, whatever nests, and never a stack overflow', async () => {
  const { MAX_NESTING_DEPTH } = await import('../limits.ts');
  const { parseModule } = await import('./index.ts');
  const n = 50_000;
  const cases = [
    '('.repeat(n) + '1' + ')'.repeat(n),
    '['.repeat(n) + '1' + ']'.repeat(n),
    '{1:'.repeat(n) + '1' + '}'.repeat(n),
    '- '.repeat(n) + 'x',
    '[x | x := '.repeat(n) + '1' + ']'.repeat(n),
  ];
  for (const src of cases) {
    assert.throws(
      () => parseTerm(src),
      (e: Error) => e.message === `term:1: rego_parse_error: nesting deeper than ${MAX_NESTING_DEPTH} levels`,
    );
  }
  const every = 'package p\n\nr if {\n' + 'every x in [1] {\n'.repeat(n) + 'true\n' + '}\n'.repeat(n) + '}\n';
  assert.throws(() => parseModule(every, 'm.rego'), /nesting deeper than 256 levels/);
  // Right up to the limit everything still parses.
  const ok = MAX_NESTING_DEPTH - 1;
  assert.equal(term('['.repeat(ok) + '1' + ']'.repeat(ok)), '['.repeat(ok) + '1' + ']'.repeat(ok));
});
