import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numberText, parseNumber, toJS, type BigNum, type Value } from '../value/value.ts';
import { callBuiltin, testContext } from './testing.ts';

const ns = (v: Value | undefined) => numberText(v as number | BigNum);
const big = (s: string) => parseNumber(s);

test('time.now_ns reads the evaluation clock', () => {
  assert.equal(ns(callBuiltin('time.now_ns', [], testContext(123n))), '123');
});

test('time.parse_ns with Go layouts and named layouts', () => {
  const cases: [string, string, string][] = [
    ['2006-01-02T15:04:05Z07:00', '2017-06-02T19:00:00-07:00', '1496455200000000000'],
    ['2006-01-02T15:04:05Z07:00', '1677-09-21T00:12:43.145224192-00:00', '-9223372036854775808'],
    ['2006-01-02T15:04:05Z07:00', '2262-04-11T23:47:16.854775807-00:00', '9223372036854775807'],
    ["01/02 03:04:05PM '06 -0700", "06/02 07:00:00PM '17 -0700", '1496455200000000000'],
    ['02 Jan 06 15:04 -0700', '02 Jun 17 19:00 -0700', '1496455200000000000'],
    ['RFC822Z', '02 Jun 17 19:00 -0700', '1496455200000000000'],
    ['2006-01-02', '2020-02-29', '1582934400000000000'],
    ['Mon Jan _2 15:04:05 MST 2006', 'Fri Jun  2 19:00:00 UTC 2017', '1496430000000000000'],
    ['2006-01-02 15:04:05.000', '2017-06-02 19:00:00.250', '1496430000250000000'],
  ];
  for (const [layout, value, want] of cases) assert.equal(ns(callBuiltin('time.parse_ns', [layout, value])), want, value);
  assert.throws(() => callBuiltin('time.parse_ns', ['2006-01-02T15:04:05Z07:00', '1677-09-21T00:12:43.145224191-00:00']), {
    message: 'time outside of valid range',
  });
  assert.throws(() => callBuiltin('time.parse_ns', ['2006-01-02', '2021-02-29']), {
    message: 'parsing time "2021-02-29": day out of range',
  });
  assert.throws(() => callBuiltin('time.parse_ns', ['2006-01-02', '2021-x']), {
    message: 'parsing time "2021-x" as "2006-01-02": cannot parse "x" as "01"',
  });
  assert.throws(() => callBuiltin('time.parse_ns', ['2006-01-02', '2021-01-02x']), {
    message: 'parsing time "2021-01-02x": extra text: "x"',
  });
});

test('time.parse_rfc3339_ns', () => {
  assert.equal(ns(callBuiltin('time.parse_rfc3339_ns', ['1970-01-01T00:00:00-00:00'])), '0');
  assert.equal(ns(callBuiltin('time.parse_rfc3339_ns', ['2017-06-02T19:00:00Z'])), '1496430000000000000');
  assert.throws(() => callBuiltin('time.parse_rfc3339_ns', ['2262-04-11T23:47:16.854775808-00:00']), {
    message: 'time outside of valid range',
  });
});

test('time.parse_duration_ns', () => {
  assert.equal(ns(callBuiltin('time.parse_duration_ns', ['100ms'])), '100000000');
  assert.equal(ns(callBuiltin('time.parse_duration_ns', ['1h30m0.5s'])), '5400500000000');
  assert.equal(ns(callBuiltin('time.parse_duration_ns', ['-1.5µs'])), '-1500');
  assert.throws(() => callBuiltin('time.parse_duration_ns', ['1']), { message: 'time: missing unit in duration "1"' });
  assert.throws(() => callBuiltin('time.parse_duration_ns', ['1x']), { message: 'time: unknown unit "x" in duration "1x"' });
  assert.throws(() => callBuiltin('time.parse_duration_ns', ['abc']), { message: 'time: invalid duration "abc"' });
});

test('time.date, time.clock and time.weekday in zones', () => {
  assert.deepEqual(callBuiltin('time.date', [[big('1517814000000000000'), 'America/Los_Angeles']]), [2018, 2, 4]);
  assert.deepEqual(callBuiltin('time.date', [[big('1517832000000000000'), '']]), [2018, 2, 5]);
  assert.deepEqual(callBuiltin('time.date', [big('1582977600000000000')]), [2020, 2, 29]);
  assert.deepEqual(callBuiltin('time.clock', [[big('1517832000000000000'), 'America/New_York']]), [7, 0, 0]);
  assert.deepEqual(callBuiltin('time.clock', [big('1582977600000000000')]), [12, 0, 0]);
  assert.equal(callBuiltin('time.weekday', [big('1517832000000000000')]), 'Monday');
  assert.equal(callBuiltin('time.weekday', [big('1518264000000000000')]), 'Saturday');
  assert.deepEqual(callBuiltin('time.date', [big('-1000000000000000000')]), [1938, 4, 24]);
  assert.throws(() => callBuiltin('time.date', [big('1582977600000000000000')]), { message: 'timestamp too big' });
  assert.throws(() => callBuiltin('time.weekday', [1.5]), { message: 'timestamp too big' });
  assert.throws(() => callBuiltin('time.date', [[0, 'Mars/Olympus']]), { message: 'unknown time zone Mars/Olympus' });
  assert.throws(() => callBuiltin('time.date', [[0, 1]]), { message: 'operand 1 must be string but got number' });
  assert.throws(() => callBuiltin('time.date', ['x']), {
    message: 'operand 1 must be either number (ns) or [number (ns), string (tz)] but got string',
  });
});

test('time.add_date', () => {
  assert.equal(ns(callBuiltin('time.add_date', [big('1585852421593912000'), 3, 9, 12])), '1705257221593912000');
  assert.equal(ns(callBuiltin('time.add_date', [big('1585852421593912000'), -1, -1, -1])), '1551465221593912000');
  assert.throws(() => callBuiltin('time.add_date', [0, 2262, 1, 1]), { message: 'time outside of valid range' });
  assert.throws(() => callBuiltin('time.add_date', [[0, 'America/New_York'], 300000, 0, 0]), { message: 'time outside of valid range' });
  assert.throws(() => callBuiltin('time.add_date', [0, big('1' + '0'.repeat(30)), 0, 0]), { message: 'time outside of valid range' });
  assert.equal(ns(callBuiltin('time.add_date', [[0, 'America/New_York'], 0, 1, 0])), String(31 * 86400 * 1e9));
  assert.throws(() => callBuiltin('time.add_date', [big('-9223372036854775808'), 0, 0, -1]), {
    message: 'time outside of valid range',
  });
});

test('time.diff', () => {
  const parse = (d: string) => callBuiltin('time.parse_ns', ['2006-01-02', d]);
  assert.deepEqual(callBuiltin('time.diff', [parse('2020-02-02'), parse('2020-03-01')]), [0, 0, 28, 0, 0, 0]);
  assert.deepEqual(callBuiltin('time.diff', [parse('2021-03-01'), parse('2021-02-02')]), [0, 0, 27, 0, 0, 0]);
  assert.deepEqual(callBuiltin('time.diff', [parse('2004-02-29'), parse('2005-03-01')]), [1, 0, 1, 0, 0, 0]);
  const now = 1_700_000_000_000_000_000n;
  assert.deepEqual(
    callBuiltin('time.diff', [[big(String(now + 60_000_000_000n)), 'UTC'], [big(String(now)), 'Asia/Shanghai']]),
    [0, 0, 0, 0, 1, 0],
  );
});

test('test.sleep waits for a Go duration', () => {
  const start = Date.now();
  assert.equal(callBuiltin('test.sleep', ['20ms']), null);
  assert.ok(Date.now() - start >= 19);
  assert.throws(() => callBuiltin('test.sleep', ['soon']), { message: 'time: invalid duration "soon"' });
});

test('time.format with layouts and zones', () => {
  const t = big('1496430000123000000'); // 2017-06-02T19:00:00.123Z
  assert.equal(callBuiltin('time.format', [t]), '2017-06-02T19:00:00.123Z');
  assert.equal(callBuiltin('time.format', [[t, 'America/New_York']]), '2017-06-02T15:00:00.123-04:00');
  assert.equal(callBuiltin('time.format', [[t, 'UTC', 'RFC1123']]), 'Fri, 02 Jun 2017 19:00:00 UTC');
  assert.equal(callBuiltin('time.format', [[t, 'America/Los_Angeles', 'Monday January _2 3:04PM MST 2006 .000']]), 'Friday June  2 12:00PM PDT 2017 .123');
  assert.equal(callBuiltin('time.format', [[t, 'Asia/Kolkata', '2006-01-02 15:04 -0700 Z07']]), '2017-06-03 00:30 +0530 +05');
  assert.deepEqual(toJS(callBuiltin('time.format', [[0, '', '002 __2 06']]) ?? null), '001   1 70');
});
