import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RObject, RSet, parseNumber, type Value } from '../value/value.ts';
import { call, callBuiltin, show, throws } from './testing.ts';

test('concat, contains, startswith, endswith', () => {
  assert.equal(call('concat', '/', ['', 'foo', 'bar', '0', 'baz']), '/foo/bar/0/baz');
  assert.equal(call('concat', ',', new RSet(['2', '1'])), '1,2');
  throws('concat', [',', ['a', 1]], 'operand 2 must be array of strings but got array containing number');
  assert.equal(call('contains', 'abcdefgh', 'defg'), true);
  assert.equal(call('contains', 'abcdefgh', 'ac'), false);
  assert.equal(call('startswith', 'abcdefgh', 'abcd'), true);
  assert.equal(call('endswith', 'abcdefgh', 'fg'), false);
  throws('contains', [1, 'a'], 'operand 1 must be string but got number');
});

test('format_int truncates and checks the base', () => {
  assert.equal(call('format_int', 15.5, 16), 'f');
  assert.equal(call('format_int', -15, 2), '-1111');
  assert.equal(call('format_int', 4.1, 10), '4');
  throws('format_int', [4.1, 199], 'operand 2 must be one of {2, 8, 10, 16}');
});

test('indexof and indexof_n count code points', () => {
  assert.equal(call('indexof', 'abcabcabcdefgh', 'cde'), 8);
  assert.equal(call('indexof', 'abcdefgh', 'xyz'), -1);
  assert.equal(call('indexof', 'skön var våren', 'vår'), 9);
  assert.equal(call('indexof', '🍧🍨🧁🍰🍮', '🍮'), 4);
  assert.equal(call('indexof', 'μ', 'μμ'), -1);
  assert.equal(show('indexof_n', 'dogcatdogcat', 'cat'), '[3, 9]');
  assert.equal(show('indexof_n', '😇😀😇😀😇😀', '😀'), '[1, 3, 5]');
  assert.equal(show('indexof_n', 'dogcat', 'rabbit'), '[]');
  throws('indexof', ['abc', ''], 'empty search character');
});

test('case, replace, split, substring', () => {
  assert.equal(call('lower', 'AbCdEf'), 'abcdef');
  assert.equal(call('upper', 'AbCdEf'), 'ABCDEF');
  assert.equal(call('upper', 'straße'), 'STRAßE');
  assert.equal(call('lower', 'ΟΔΟΣ İ'), 'οδοσ i');
  assert.equal(call('replace', 'a.b', '.', '$&$1'), 'a$&$1b');
  assert.equal(call('replace', 'a😀', '', '-'), '-a-😀-');
  assert.equal(call('replace', '', '', '-'), '-');
  assert.equal(call('replace', 'foo.bar.baz', '.', ','), 'foo,bar,baz');
  assert.equal(call('replace', '', 'hi', 'bye'), '');
  assert.equal(show('split', 'foo.bar.baz', '.'), '["foo", "bar", "baz"]');
  assert.equal(show('split', '', '.'), '[""]');
  assert.equal(show('split', 'test', ''), '["t", "e", "s", "t"]');
  assert.equal(show('split', '', ''), '[]');
  assert.equal(call('substring', 'abcdefgh', 2, -1), 'cdefgh');
  assert.equal(call('substring', 'aåäö', 2, -1), 'äö');
  assert.equal(call('substring', 'abcdefghåäö', 2, 10000), 'cdefghåäö');
  assert.equal(call('substring', 'åäö', 3, -1), '');
  assert.equal(call('substring', 'abcdef', 1, 2), 'bc');
  throws('substring', ['aaa', -1, -1], 'negative offset');
});

test('trimming', () => {
  assert.equal(call('trim', '...foo.bar...', '.o'), 'foo.bar');
  assert.equal(call('trim', '¡¡¡foo, bar!!!', '!¡'), 'foo, bar');
  assert.equal(call('trim_left', '¡¡¡foo, bar!!!', '!¡'), 'foo, bar!!!');
  assert.equal(call('trim_right', '¡¡¡foo, bar!!!', '!¡'), '¡¡¡foo, bar');
  assert.equal(call('trim_prefix', '¡¡¡foo, bar!!!', '¡¡¡foo'), ', bar!!!');
  assert.equal(call('trim_prefix', '¡¡¡foo, bar!!!', '¡¡¡bar'), '¡¡¡foo, bar!!!');
  assert.equal(call('trim_suffix', '¡¡¡foo, bar!!!', ', bar!!!'), '¡¡¡foo');
  assert.equal(call('trim_space', ' \t\n foo, bar \n\t\r\n'), 'foo, bar');
  assert.equal(call('trim_space', '\ufefffoo'), '\ufefffoo');
});

test('strings.replace_n: key order decides overlapping patterns', () => {
  assert.equal(call('strings.replace_n', { '<': '&lt;', '>': '&gt;' }, 'This is <b>HTML</b>!'), 'This is &lt;b&gt;HTML&lt;/b&gt;!');
  assert.equal(call('strings.replace_n', { f: 'x', foo: 'xxx' }, 'foobar'), 'xoobar');
  assert.equal(call('strings.replace_n', { old1: 'new1' }, 'Everything is new1'), 'Everything is new1');
  throws('strings.replace_n', [RObject.from([[2, 'x']]), 'foo'], 'operand 1 non-string key found in pattern object');
  throws('strings.replace_n', [{ f: 100 }, 'foo'], 'operand 1 non-string value found in pattern object');
  throws('strings.replace_n', [{ foo: 'baz' }, 100], 'operand 2 must be string but got number');
});

test('reverse, count, prefix and suffix matching', () => {
  assert.equal(call('strings.reverse', 'abc😀'), '😀cba');
  assert.equal(call('strings.count', 'cheese', 'e'), 3);
  assert.equal(call('strings.count', '11111', '11'), 2);
  assert.equal(call('strings.count', 'dummy', ''), 6);
  assert.equal(call('strings.count', '', ''), 1);
  assert.equal(call('strings.any_prefix_match', ['a/b/c', 'e/f/g'], ['d/', 'e/f/g']), true);
  assert.equal(call('strings.any_prefix_match', 'a/b/c', new RSet(['g/', 'd/'])), false);
  assert.equal(call('strings.any_suffix_match', ['a/b/c'], '/c'), true);
  assert.equal(call('strings.any_suffix_match', [], []), false);
  throws('strings.any_prefix_match', [[1, 2], ['f/']], 'operand 1 must be array of strings but got array containing number');
  throws('strings.any_suffix_match', ['a', 1], 'operand 2 must be one of {string, set, array} but got number');
});

test('strings.render_template', () => {
  const render = (tpl: string, vars: Record<string, unknown>) => call('strings.render_template', tpl, vars);
  assert.equal(render('{{.test}}', { test: 'hello world' }), 'hello world');
  assert.equal(render('{{.test}}', { test: 2023 }), '2023');
  assert.equal(render('{{range $i, $name := .names}}{{if $i}},{{end}}hello {{$name}}{{end}}', { names: ['rohan', 'john doe'] }), 'hello rohan,hello john doe');
  assert.equal(render('test {{.foo}} {{.bar}} {{.baz}}', { baz: 1 }), 'test <undefined> <undefined> 1');
  assert.equal(render('{{if .on}}yes{{else}}no{{end}}', { on: false }), 'no');
  assert.equal(render('{{with .a}}{{.b}}{{end}}', { a: { b: 'x' } }), 'x');
  assert.equal(render('{{range .xs}}[{{.}}]{{else}}none{{end}}', { xs: [] }), 'none');
  assert.equal(render('{{range .xs}}{{.}} {{- end}}', { xs: [1, 2] }), '12');
  assert.equal(render('{{len .xs}} {{index .xs 1}} {{eq .a "x"}} {{printf "%03d" .n}}', { xs: [1, 2], a: 'x', n: 7 }), '2 2 true 007');
  assert.equal(render('{{.m}} {{.xs}}', { m: { k: 'v' }, xs: [1, 'a'] }), 'map[k:v] [1 a]');
  assert.throws(() => render('{{if .a}}', { a: 1 }), /template: unexpected EOF/);
  assert.throws(() => render('{{nosuch .a}}', { a: 1 }), /function "nosuch" not defined/);
});

test('sprintf follows Go verbs on OPA-converted arguments', () => {
  const f = (format: string, ...args: Value[]) => call('sprintf', format, args);
  assert.equal(f('hi'), 'hi');
  assert.equal(f('hi %s', 'there'), 'hi there');
  assert.equal(f('%s-%d-%v-%v%s', 'a', 7, 'b', -12, ''), 'a-7-b--12');
  assert.equal(f('%s %s', 'a'), 'a %!s(MISSING)');
  assert.equal(f('%d', 2 ** 60), '1152921504606846976');
  assert.equal(f('%v', 1.5), '1.5');
  assert.equal(f('hi %02d', 5), 'hi 05');
  assert.equal(f('hi %.2f', 3.1415), 'hi 3.14');
  assert.equal(f('%.2f %.1f %f', 0.125, 0.25, 1.5), '0.12 0.2 1.500000');
  assert.equal(f('hi %v', ['there', 5, 3.14]), 'hi ["there", 5, 3.14]');
  assert.equal(f('hi %s', true), 'hi true');
  assert.equal(f('%v %v', 3.14, 1234567.5), '3.14 1.2345675e+06');
  assert.equal(f('%s', callBuiltin('to_number', ['123456789123456789123']) as Value), '123456789123456789123');
  assert.equal(f('%v', parseNumber('2e308')), '2e308');
  assert.equal(f('%d %x %X %o %b %c %q', 42, 255, 255, 8, 5, 65, 65), "42 ff FF 10 101 A 'A'");
  assert.equal(f('%5d|%-5d|%+d|%05.1f', 42, 42, 42, 3.14159), '   42|42   |+42|003.1');
  assert.equal(f('%q %x', 'a"b\n', 'hi'), '"a\\"b\\n" 6869');
  assert.equal(f('%e %g %.3g', 123456.789, 0.00001234, 3.14159), '1.234568e+05 1.234e-05 3.14');
  assert.equal(f('%s', 5), '%!s(int=5)');
  assert.equal(f('%d', 'x'), '%!d(string=x)');
  assert.equal(f('%d %d', 1), '1 %!d(MISSING)');
  assert.equal(f('%d', 1, 'a'), '1%!(EXTRA string=a)');
  assert.equal(f('100%%'), '100%');
  assert.equal(f('%v %v %v', null, new RSet(), RObject.fromRecord({ a: new RSet([1]) })), 'null set() {"a": {1}}');
  assert.equal(f('%T %T %T', 1, 1.5, 'x'), 'int float64 string');
  assert.equal(f('%e', parseNumber('123456789123456789123')), '%!e(big.Int=123456789123456789123)');
});
