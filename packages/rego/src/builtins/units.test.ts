import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numberText, type BigNum } from '../value/value.ts';
import { callBuiltin } from './testing.ts';

const text = (name: string, s: string) => numberText(callBuiltin(name, [s]) as number | BigNum);

test('units.parse: SI, IEC, milli, exponents, exact decimals', () => {
  const cases: [string, string][] = [
    ['500m', '0.5'],
    ['0.0005K', '0.5'],
    ['0.0000005M', '0.5'],
    ['"100TI"', '109951162777600'],
    ['.0', '0'],
    ['10KI', '10240'],
    ['1.1Ki', '1126.4'],
    ['10E', '10000000000000000000'],
    ['10ei', '11529215046068469760'],
    ['5E', '5000000000000000000'],
    ['2.5e3K', '2500000'],
    ['1e-2', '0.01'],
    ['-3.5E2m', '-0.35'],
    ['1G', '1000000000'],
    ['1m', '0.001'],
  ];
  for (const [input, want] of cases) assert.equal(text('units.parse', input), want, input);
});

test('units.parse errors', () => {
  const errors: [string, string][] = [
    ['', 'no amount provided'],
    ['G', 'no amount provided'],
    ['0.0.0', 'could not parse amount to a number'],
    ['100 k', 'spaces not allowed in resource strings'],
    ['10x', 'unit x not recognized'],
    ['1e1234567', 'exponent too large'],
  ];
  for (const [input, message] of errors) assert.throws(() => callBuiltin('units.parse', [input]), { message }, input);
});

test('units.parse_bytes: case-insensitive, truncated to an integer', () => {
  const cases: [string, string][] = [
    ['"100TIB"', '109951162777600'],
    ['10KB', '10000'],
    ['10Kib', '10240'],
    ['1.1KiB', '1126'],
    ['.5KB', '500'],
    ['100m', '100000000'],
    ['10eib', '11529215046068469760'],
    ['1e-2KB', '10'],
    ['3.2E2MiB', '335544320'],
    ['5E', '5000000000000000000'],
  ];
  for (const [input, want] of cases) assert.equal(text('units.parse_bytes', input), want, input);
  const errors: [string, string][] = [
    ['GB', 'no byte amount provided'],
    ['.5.2', 'could not parse byte amount to a number'],
    [' 327MiB ', 'spaces not allowed in resource strings'],
    ['12xb', 'byte unit xb not recognized'],
  ];
  for (const [input, message] of errors) assert.throws(() => callBuiltin('units.parse_bytes', [input]), { message }, input);
});
