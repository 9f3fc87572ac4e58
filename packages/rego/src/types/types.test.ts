import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSignature, parseType, typeText, wantedArgsText } from './notation.ts';
import { ANY, NUMBER, STRING, anyOf, keysOf, or, select, unifies, valuesOf } from './types.ts';

const t = parseType;

test('types print as OPA prints them and parse back', () => {
  for (const text of [
    'null',
    'any',
    'array[number]',
    'array<number, string>',
    'array<number>[string]',
    'object[string: any]',
    'object<a: number, b: array[string]>',
    'object<op: string, path: any>[any: any]',
    'set[set[any]]',
    'any<number, string, array[any]>',
  ]) {
    assert.equal(typeText(t(text)), text);
  }
});

test('unions are sorted by kind and keep one copy of each member', () => {
  assert.equal(typeText(t('any<set[any], object[any: any], string, array[any]>')), 'any<string, array[any], object[any: any], set[any]>');
  assert.equal(typeText(or(NUMBER, or(STRING, NUMBER))), 'any<number, string>');
  assert.equal(or(ANY, NUMBER), ANY);
  assert.equal(typeText(or(anyOf(NUMBER), STRING)), 'any<number, string>');
});

test('signatures keep argument names for messages; the result counts as the last argument', () => {
  const sig = parseSignature('(collection: any<string, array[any]>) => n: number');
  assert.equal(typeText(sig), '(any<string, array[any]>) => number');
  assert.equal(wantedArgsText(sig), '(collection: any<string, array[any]>, n: number)');
  const print = parseSignature('(any...) => void');
  assert.equal(print.result, undefined);
  assert.equal(wantedArgsText(print), '(any...)');
  assert.equal(parseSignature('(x: any<number, array<number, string>>) => formatted timestamp: string').resultName, 'formatted timestamp');
  assert.throws(() => parseType('array[nope]'), /unknown type nope/);
});

test('unification: unions unify when a member does, collections by their parts', () => {
  assert.equal(unifies(NUMBER, t('any<number, string>')), true);
  assert.equal(unifies(NUMBER, t('any<string, set[any]>')), false);
  assert.equal(unifies(NUMBER, ANY), true);
  assert.equal(unifies(t('array<number, string>'), t('array[any]')), true);
  assert.equal(unifies(t('array<number, string>'), t('array[number]')), false);
  assert.equal(unifies(t('object<a: number>'), t('object[string: number]')), true);
  assert.equal(unifies(t('object<a: number>'), t('object<b: number>')), false);
  // Only the values of open objects are compared, not their keys (as OPA does).
  assert.equal(unifies(t('object[number: string]'), t('object[string: string]')), true);
  assert.equal(unifies(t('set[number]'), t('set[string]')), false);
  assert.equal(unifies(parseSignature('(number) => number'), parseSignature('(string) => number')), false);
  assert.equal(unifies(undefined, ANY), false);
});

test('selecting keys and values', () => {
  const obj = t('object<a: number>[string: boolean]');
  assert.equal(typeText(select(obj, 'a')), 'number');
  assert.equal(typeText(select(obj, 'zz')), 'boolean');
  assert.equal(select(t('object<a: number>'), 'zz'), undefined);
  assert.equal(typeText(select(t('array<string, number>'), 1)), 'number');
  assert.equal(select(t('array<string>'), 1), undefined);
  assert.equal(typeText(select(t('array[string]'), 7)), 'string');
  assert.equal(typeText(keysOf(t('object<a: number>[number: string]'))), 'any<number, string>');
  assert.equal(typeText(valuesOf(t('object<a: number>[number: string]'))), 'any<number, string>');
  assert.equal(typeText(keysOf(t('array[string]'))), 'number');
  assert.equal(keysOf(NUMBER), undefined);
  assert.equal(keysOf(ANY), ANY);
});
