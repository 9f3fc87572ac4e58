import { test } from 'node:test';
import assert from 'node:assert/strict';
import { regexCacheSize } from './linear-regex.ts';
import { call, show, throws } from './testing.ts';

test('regex.match and regex.is_valid', () => {
  assert.equal(call('regex.match', '^[a-z]+\\[[0-9]+\\]$', 'foo[1]'), true);
  assert.equal(call('regex.match', '^$', ''), true);
  assert.equal(call('regex.match', '', 'x'), true);
  assert.equal(call('regex.match', '^$', 'something'), false);
  throws('regex.match', ['$^[[[', 'x'], 'error parsing regexp: missing closing ]: `[[[`');
  assert.equal(call('regex.is_valid', '.+'), true);
  assert.equal(call('regex.is_valid', '++'), false);
  assert.equal(call('regex.is_valid', 10), false);
});

test('RE2 syntax is understood, and what RE2 lacks is refused', () => {
  assert.equal(call('regex.match', '(?i)^HELLO$', 'hello'), true);
  assert.equal(call('regex.match', '^a(?i:b)c$', 'aBc'), true);
  assert.equal(call('regex.match', '^a(?i:b)c$', 'aBC'), false);
  assert.equal(call('regex.match', '(?s)^a.b$', 'a\nb'), true);
  assert.equal(call('regex.match', '^a.b$', 'a\nb'), false);
  assert.equal(call('regex.match', '^a.b$', 'a\rb'), true);
  assert.equal(call('regex.match', '(?m)^b$', 'a\nb'), true);
  assert.equal(call('regex.match', '\\Aab\\z', 'ab'), true);
  assert.equal(call('regex.match', '^(?P<word>\\w+)$', 'abc'), true);
  assert.equal(call('regex.match', '^[[:alpha:]]+$', 'abcXYZ'), true);
  assert.equal(call('regex.match', '^[[:^digit:]]+$', 'ab'), true);
  assert.equal(call('regex.match', '^\\pL+$', 'äbc'), true);
  assert.equal(call('regex.match', '^\\p{Greek}+$', 'αβγ'), true);
  assert.equal(call('regex.match', '^\\Q.*\\E$', '.*'), true);
  assert.equal(call('regex.match', '^\\s$', '\v'), false);
  assert.equal(call('regex.match', '^a{2,3}$', 'aaa'), true);
  assert.equal(call('regex.match', '^a{,2}$', 'a{,2}'), true);
  assert.equal(call('regex.match', '^.$', '😀'), true);
  assert.equal(call('regex.match', '^[\\]a-]+$', ']-a'), true);
  assert.equal(call('regex.match', '^*a', 'a'), true);
  throws('regex.match', ['(?=a)', 'a'], 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
  throws('regex.match', ['(a)\\1', 'aa'], 'error parsing regexp: invalid escape sequence: `\\1`');
  throws('regex.match', ['a**', 'a'], 'error parsing regexp: invalid nested repetition operator: `**`');
  throws('regex.match', ['(a', 'a'], 'error parsing regexp: missing closing ): `(a`');
  throws('regex.match', ['a)', 'a'], 'error parsing regexp: unexpected ): `a)`');
  throws('regex.match', ['[z-a]', 'a'], 'error parsing regexp: invalid character class range: `z-a`');
  throws('regex.match', ['a{1001}', 'a'], 'error parsing regexp: invalid repeat count: `{1001}`');
  throws('regex.match', ['a\\', 'a'], 'error parsing regexp: trailing backslash at end of expression: ``');
});

test('regex.split', () => {
  assert.equal(show('regex.split', '^[a-z]+\\[[0-9]+\\]$', ''), '[""]');
  assert.equal(show('regex.split', '^[a-z]+', 'foobar baz'), '["", " baz"]');
  assert.equal(show('regex.split', '[a-z]+$', 'foobar baz'), '["foobar ", ""]');
  assert.equal(show('regex.split', '^[a-z]+$', 'foobar baz'), '["foobar baz"]');
  assert.equal(show('regex.split', '^[a-z ]+$', 'foobar baz'), '["", ""]');
  assert.equal(show('regex.split', 'a', 'banana'), '["b", "n", "n", ""]');
  assert.equal(show('regex.split', 'z+', 'pizza'), '["pi", "a"]');
});

test('regex.find_n and find_all_string_submatch_n', () => {
  assert.equal(show('regex.find_n', 'a.', 'paranormal', -1), '["ar", "an", "al"]');
  assert.equal(show('regex.find_n', 'a.', 'paranormal', 2), '["ar", "an"]');
  assert.equal(show('regex.find_n', 'a.', 'paranormal', 0), '[]');
  assert.equal(show('regex.find_n', '^a.', 'abacadaeaf', -1), '["ab"]');
  assert.equal(show('regex.find_n', '.$', 'abacadaeaf', -1), '["f"]');
  assert.equal(show('regex.find_n', '[abcdef]{2}', 'abacadaeaf', -1), '["ab", "ac", "ad", "ae", "af"]');
  assert.equal(show('regex.find_n', 'a*', 'baaac', -1), '["", "aaa", ""]');
  assert.equal(show('regex.find_all_string_submatch_n', 'a(x*)b', '-ab-axb-', -1), '[["ab", ""], ["axb", "x"]]');
  assert.equal(
    show('regex.find_all_string_submatch_n', '[^aouiye]([aouiye])([^aouiye])?', 'somestri', -1),
    '[["som", "o", "m"], ["ri", "i", ""]]',
  );
  assert.equal(show('regex.find_all_string_submatch_n', 'a(x*)b', '-', -1), '[]');
});

test('regex.replace expands Go templates', () => {
  assert.equal(call('regex.replace', '-wy-wxxy-', 'w(x*)y', '0'), '-0-0-');
  assert.equal(call('regex.replace', 'foo', '(foo)', '$1$1'), 'foofoo');
  assert.equal(call('regex.replace', 'foo', '(foo)', '${1}x $1x $$'), 'foox  $');
  assert.equal(call('regex.replace', 'foo bar', '[a-z]', '_'), '___ ___');
  assert.equal(call('regex.replace', 'foo barx', '[a-z]{2}', '_'), '_o __');
  assert.equal(call('regex.replace', 'foo', '^[a-z]$', 'F'), 'foo');
  throws('regex.replace', ['foo', '[', '$1'], 'error parsing regexp: missing closing ]: `[`');
});

test('regex.template_match and regex.globs_match', () => {
  assert.equal(call('regex.template_match', 'urn:foo:{.*}', 'urn:foo:bar:baz', '{', '}'), true);
  assert.equal(call('regex.template_match', 'urn:foo:<.*>', 'urn:foo:bar:baz', '<', '>'), true);
  assert.equal(call('regex.template_match', 'urn:foo.{[a-z]+}', 'urn:fooXbar', '{', '}'), false);
  assert.equal(call('regex.template_match', 'a{b{1}}c', 'ab1c', '{', '}'), false);
  throws('regex.template_match', ['a{b', 'ab', '{', '}'], 'unbalanced braces in "a{b"');
  throws('regex.template_match', ['a', 'a', '{{', '}'], 'start delimiter has to be exactly one character long but is 2 long');
  assert.equal(call('regex.globs_match', 'a.a.[0-9]+z', '.b.b2359825792*594823z'), true);
  assert.equal(call('regex.globs_match', '[a-z]+', '[0-9]*'), false);
  assert.equal(call('regex.globs_match', 'b.*', 'bar'), true);
  assert.equal(call('regex.globs_match', '[a-z]+\\[[0-9]+\\]', 'foo["bar"]'), false);
  throws(
    'regex.globs_match',
    ['pqrs]', '[a-b]+'],
    "input:pqrs], pos:5, set-close ']' with no preceding '[': the input provided is invalid",
  );
});

test('glob.match with delimiters, super-globs, lists and alternatives', () => {
  const g = (p: string, d: unknown, s: string) => call('glob.match', p, d, s);
  assert.equal(g('*.github.com', ['.'], 'api.github.com'), true);
  assert.equal(g('*.github.com', ['.'], 'api.cdn.github.com'), false);
  assert.equal(g('api.**.com', ['.'], 'api.cdn.github.com'), true);
  assert.equal(g('*:github:com', [':'], 'api:github:com'), true);
  assert.equal(g('[abc]at', [], 'cat'), true);
  assert.equal(g('[!abc]at', [], 'cat'), false);
  assert.equal(g('[a-c]at', [], 'fat'), false);
  assert.equal(g('[!a-c]at', [], 'fat'), true);
  assert.equal(g('?at', ['f'], 'fat'), false);
  assert.equal(g('?at', ['f'], 'bat'), true);
  assert.equal(g('{cat,bat,[fr]at}', [], 'rat'), true);
  assert.equal(g('{cat,bat,[fr]at}', [], 'at'), false);
  assert.equal(g('*', [], 'foo.bar'), false);
  assert.equal(g('*', null, 'foo.bar'), true);
  assert.equal(g('foo\\*', [], 'foo*'), true);
  assert.throws(() => g('[abc', [], 'a'), /unclosed \[/);
  throws('glob.match', ['*', ['ab'], 'x'], 'operand 2 must be array of runes but got array containing string');
  throws('glob.match', ['*', 'x', 'x'], 'operand 2 must be one of {array, null} but got string');
  assert.equal(call('glob.quote_meta', '*.github.com'), '\\*.github.com');
  assert.equal(call('glob.quote_meta', '{a,b}[c]?\\'), '\\{a,b\\}\\[c\\]\\?\\\\');
});

test('patterns that backtrack exponentially in JavaScript match in linear time', () => {
  // Each added character doubles a backtracking engine's work; 5,000 would never finish.
  const evil = 'a'.repeat(5000) + '!';
  assert.equal(call('regex.match', '^(a+)+$', evil), false);
  assert.equal(call('regex.match', '^(a|aa)+$', evil), false);
  assert.equal(call('regex.match', '^(a|a?)+b$', evil), false);
  assert.equal(show('regex.find_n', '(a*)*b', evil, 1), '[]');
  assert.equal(call('regex.replace', evil, '^(a+)+$', 'x'), evil);
  assert.equal(call('regex.match', '^(a+)+$', 'a'.repeat(5000)), true);
  assert.equal(call('glob.match', '*a*a*a*a*a*a*a*b', [], evil), false);
  assert.equal(call('glob.match', '{a,aa}*{a,aa}*{a,aa}*c', [], evil), false);
});

test('group values come from the linear engine, in UTF-16 strings with astral characters', () => {
  assert.equal(show('regex.find_all_string_submatch_n', '(b)|(x)', '😀ab😀b', -1), '[["b", "b", ""], ["b", "b", ""]]');
  assert.equal(call('regex.replace', '😀ab😀b', '(?P<l>b)', '[${l}]'), '😀a[b]😀[b]');
  assert.equal(show('regex.split', '😀', 'a😀b😀c'), '["a", "b", "c"]');
});

test('the compiled-pattern cache stays bounded', () => {
  for (let i = 0; i < 1000; i++) call('regex.match', `^x${i}$`, 'x');
  assert.ok(regexCacheSize() <= 256, `cache holds ${regexCacheSize()}`);
});
