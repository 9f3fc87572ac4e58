// Go duration text ("1h30m", "1.5s", "-300ms") to integer nanoseconds, as time.ParseDuration.

import { BuiltinError } from './errors.ts';

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 micro sign
  'μs': 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const MAX = (1n << 63n) - 1n;

export function parseDuration(text: string): bigint {
  const invalid = () => new BuiltinError(`time: invalid duration ${JSON.stringify(text)}`);
  let s = text;
  let neg = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  let total = 0n;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s) as RegExpExecArray;
    const whole = m[1] ?? '';
    const frac = m[2];
    if (whole === '' && (frac === undefined || frac === '')) throw invalid();
    s = s.slice(m[0].length);
    const u = /^[^\d.]*/.exec(s)![0];
    if (u === '') throw new BuiltinError(`time: missing unit in duration ${JSON.stringify(text)}`);
    const unit = UNITS[u];
    if (unit === undefined) {
      throw new BuiltinError(`time: unknown unit ${JSON.stringify(u)} in duration ${JSON.stringify(text)}`);
    }
    s = s.slice(u.length);
    // Fractions are truncated to whole nanoseconds.
    let ns = BigInt(whole === '' ? '0' : whole) * unit;
    if (frac) ns += (BigInt(frac) * unit) / 10n ** BigInt(frac.length);
    total += ns;
    if (total > (neg ? MAX + 1n : MAX)) throw invalid();
  }
  return neg ? -total : total;
}
