import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BigNum, RSet, parseNumber } from '../value/value.ts';
import { callBuiltin, show, testContext, throws } from './testing.ts';

const n = (text: string) => parseNumber(text);

test('integer arithmetic is exact at any size', () => {
  assert.equal(show('plus', 49649733057, 1), '49649733058');
  assert.equal(show('plus', n('28857836529306024611912'), 1), '28857836529306024611913');
  assert.equal(show('minus', 1, 4), '-3');
  assert.equal(show('mul', n('123456789123456789'), 1000), '123456789123456789000');
  assert.equal(show('div', 12, 4), '3');
  assert.equal(show('rem', 7, 4), '3');
  assert.equal(show('rem', -7, 4), '-3');
});

test('decimals use a 64-bit mantissa and print the shortest round trip', () => {
  assert.equal(show('plus', 0.1, 0.2), '0.3');
  assert.equal(show('div', 1, 2), '0.5');
  assert.equal(show('div', 1, 3), '0.33333333333333333334');
  assert.equal(show('div', 2, 3), '0.6666666666666666667');
  assert.equal(show('mul', 1.1, 1.1), '1.21');
  assert.equal(show('minus', 1.5, 0.5), '1');
  assert.ok(callBuiltin('div', [1, 3]) instanceof BigNum);
});

test('division and modulo errors', () => {
  throws('div', [1, 0], 'divide by zero');
  throws('div', [1.5, 0.0], 'divide by zero');
  throws('rem', [7, 0], 'modulo by zero');
  throws('rem', [1.1, 1], 'modulo on floating-point number');
  throws('plus', ['1', 1], 'operand 1 must be number but got string');
});

test('minus is also set difference', () => {
  assert.equal(show('minus', new RSet([1, 2, 3, 4]), new RSet([1, 3])), '{2, 4}');
  throws('minus', [new RSet([1]), 1], 'operand 2 must be set but got number');
  throws('minus', [1, new RSet([1])], 'operand 2 must be number but got set');
});

test('rounding', () => {
  assert.equal(show('round', 2.5), '3');
  assert.equal(show('round', -2.5), '-3');
  assert.equal(show('round', 2.4999), '2');
  assert.equal(show('floor', 1.5), '1');
  assert.equal(show('floor', -1.001), '-2');
  assert.equal(show('floor', 99.99999), '99');
  assert.equal(show('ceil', 1.01), '2');
  assert.equal(show('ceil', -1.5), '-1');
  assert.equal(show('abs', -10), '10');
  assert.equal(show('abs', -1.25), '1.25');
  assert.equal(show('abs', n('-123456789123456789123')), '123456789123456789123');
});

test('numbers.range and range_step', () => {
  assert.equal(show('numbers.range', -2, 3), '[-2, -1, 0, 1, 2, 3]');
  assert.equal(show('numbers.range', 2, -1), '[2, 1, 0, -1]');
  assert.equal(show('numbers.range', 0, 0), '[0]');
  assert.equal(show('numbers.range_step', 0, -10, 2), '[0, -2, -4, -6, -8, -10]');
  assert.equal(show('numbers.range_step', 2, 5, 2), '[2, 4]');
  assert.equal(show('numbers.range_step', 0, 10, n('99999999999999999999')), '[0]');
  throws('numbers.range', [3, 3.14], 'operand 2 must be integer number but got floating-point number');
  throws('numbers.range_step', [0, 10, -2], 'step must be a positive integer');
});

test('to_number', () => {
  assert.equal(show('to_number', '-42.0'), '-42');
  assert.equal(show('to_number', false), '0');
  assert.equal(show('to_number', true), '1');
  assert.equal(show('to_number', null), '0');
  assert.equal(show('to_number', 100.1), '100.1');
  assert.equal(show('to_number', '.5'), '0.5');
  assert.equal(show('to_number', '1e3'), '1000');
  throws('to_number', ['broken'], 'strconv.ParseFloat: parsing "broken": invalid syntax');
  throws('to_number', ['-Inf'], 'operand 1 must be valid number string but got string');
  throws('to_number', ['1e400'], 'strconv.ParseFloat: parsing "1e400": value out of range');
  throws('to_number', [[1]], 'operand 1 must be one of {null, boolean, number, string} but got array');
});

test('bits', () => {
  assert.equal(show('bits.and', 7, 9), '1');
  assert.equal(show('bits.or', 7, 9), '15');
  assert.equal(show('bits.xor', 42, 3), '41');
  assert.equal(show('bits.negate', 42), '-43');
  assert.equal(show('bits.lsh', 2147483647, 1), '4294967294');
  assert.equal(show('bits.lsh', 1, 70), '1180591620717411303424');
  assert.equal(show('bits.rsh', 8, 3), '1');
  throws('bits.and', [7.2, 42], 'operand 1 must be integer number but got floating-point number');
  throws('bits.lsh', [7, -1], 'operand 2 must be an unsigned integer number but got a negative integer');
});

test('rand.intn is stable per evaluation for the same key and bound', () => {
  const ctx = testContext();
  const first = callBuiltin('rand.intn', ['key', 100], ctx) as number;
  assert.ok(first >= 0 && first < 100);
  for (let i = 0; i < 5; i++) assert.equal(callBuiltin('rand.intn', ['key', 100], ctx), first);
  const ctx2 = { ...testContext(), random: () => 0.999 };
  assert.equal(callBuiltin('rand.intn', ['k', 10], ctx2), 9);
  assert.equal(callBuiltin('rand.intn', ['k', 0], ctx2), 0);
  assert.equal(callBuiltin('rand.intn', ['key', -100], ctx), first);
});
