import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lexer } from './lexer.ts';

const kinds = (src: string): string[] =>
  Lexer.scan(src, 'x.rego').tokens.map((t) => (t.kind === 'ident' ? t.text : t.kind));

test('operators scan longest first', () => {
  assert.deepEqual(kinds('a:=b==c!=d<=e>=f<g>h=i:j').join(' '), 'a := b == c != d <= e >= f < g > h = i : j eof');
  assert.deepEqual(kinds('+-*/%&|()[]{},;.').join(' '), '+ - * / % & | ( ) [ ] { } , ; . eof');
});

test('tokens record preceding whitespace and line breaks; comments are collected', () => {
  const { tokens, comments } = Lexer.scan('a b\r\n  # note\r\nc.d', 'x.rego');
  assert.deepEqual(
    tokens.map((t) => [t.text, t.ws, t.nl, t.line, t.col]),
    [
      ['a', false, false, 1, 1],
      ['b', true, false, 1, 3],
      ['c', true, true, 3, 1],
      ['.', false, false, 3, 2],
      ['d', false, false, 3, 3],
      ['', false, false, 3, 4],
    ],
  );
  assert.deepEqual(comments, [{ text: ' note', offset: 7, end: 13, line: 2, col: 3 }]);
});

test('a byte-order mark at the start is skipped', () => {
  assert.deepEqual(kinds('\ufeffpackage p'), ['package', 'p', 'eof']);
});

test('numbers: fraction and exponent need digits, letters may not follow', () => {
  assert.deepEqual(
    Lexer.scan('1 2.5 3e10 4E-2 0.1', 'x.rego').tokens.map((t) => t.text),
    ['1', '2.5', '3e10', '4E-2', '0.1', ''],
  );
  assert.throws(() => Lexer.scan('1.', 'x.rego'), /expected fraction/);
  assert.throws(() => Lexer.scan('1e+', 'x.rego'), /expected exponent/);
  assert.throws(() => Lexer.scan('12ab', 'x.rego'), /illegal number format/);
});

test('illegal characters are reported with their position', () => {
  assert.throws(() => Lexer.scan('a\n  ~', 'x.rego'), { message: 'x.rego:2: rego_parse_error: illegal token' });
  assert.throws(() => Lexer.scan('$x', 'x.rego'), /illegal \$ character/);
  assert.throws(() => Lexer.scan('`abc', 'x.rego'), /non-terminated string/);
});

test('template strings hold literal runs and the tokens of each expression', () => {
  const [t] = Lexer.scan('$"a{x + 1}b\\{c}"', 'x.rego').tokens;
  assert.equal(t?.kind, 'template');
  const parts = t?.parts ?? [];
  assert.equal(parts[0], 'a');
  assert.deepEqual((parts[1] as { text: string }[]).map((p) => p.text), ['x', '+', '1', '}']);
  assert.equal(parts[2], 'b{c}');
});
