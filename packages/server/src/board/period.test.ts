import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { monthsOf, parsePeriod, PeriodError } from './period.ts';

const now = new Date('2026-12-06T16:00:00.000Z');
const span = (text: string) => {
  const p = parsePeriod(text, now);
  return [p.text, p.from.toISOString().slice(0, 10), p.to.toISOString().slice(0, 10), p.partial];
};

test('each period form covers its days, end exclusive', () => {
  assert.deepEqual(span('2026-Q2-mid'), ['2026-Q2-mid', '2026-04-01', '2026-05-16', false]);
  assert.deepEqual(span('2026-q1-MID'), ['2026-Q1-mid', '2026-01-01', '2026-02-16', false]);
  assert.deepEqual(span('2026-Q2'), ['2026-Q2', '2026-04-01', '2026-07-01', false]);
  assert.deepEqual(span('2025-Q4'), ['2025-Q4', '2025-10-01', '2026-01-01', false]);
  assert.deepEqual(span('2026-H1'), ['2026-H1', '2026-01-01', '2026-07-01', false]);
  assert.deepEqual(span('2026-02'), ['2026-02', '2026-02-01', '2026-03-01', false]);
  assert.deepEqual(span('2025'), ['2025', '2025-01-01', '2026-01-01', false]);
});

test('a period still running is cut at generation time; one not begun is refused', () => {
  const q4 = parsePeriod('2026-Q4', now);
  assert.equal(q4.partial, true);
  assert.equal(q4.to.toISOString(), now.toISOString());
  assert.throws(() => parsePeriod('2027-Q1', now), (e: unknown) => e instanceof PeriodError && /has not begun \(it starts 2027-01-01\)/.test(e.message));
});

test('anything else is refused with the syntax named', () => {
  for (const bad of ['', '2026-Q5', '2026-Q2-end', '2026-13', '26-Q1', '2026-h3', '1999', '2026-Q2mid', ' 2026 -Q1']) {
    assert.throws(() => parsePeriod(bad, now), (e: unknown) => e instanceof PeriodError && /not a period|2000 or later/.test(e.message), bad);
  }
  fc.assert(
    fc.property(fc.string({ maxLength: 20 }), (s) => {
      try {
        const p = parsePeriod(s, now);
        return p.from < p.to;
      } catch (e) {
        return e instanceof PeriodError;
      }
    }),
  );
});

test('the months a period overlaps', () => {
  assert.deepEqual(monthsOf(parsePeriod('2026-Q2-mid', now)), ['2026-04', '2026-05']);
  assert.deepEqual(monthsOf(parsePeriod('2026-H1', now)), ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
});
