// units.parse and units.parse_bytes: quantities with SI (k, M, G...) and IEC (Ki, Mi, Gi...)
// suffixes. Arithmetic is exact (rationals over bigint), as OPA's big.Rat, so "500m" is 0.5.

import { fromBigInt, parseNumber, type Value } from '../value/value.ts';
import { BuiltinError } from './errors.ts';
import { str } from './operands.ts';
import type { BuiltinRegistry } from './registry.ts';

export function register(r: BuiltinRegistry): void {
  r.fn('units.parse', 1, (a) => parseUnits(str(a, 0)));
  r.fn('units.parse_bytes', 1, (a) => parseBytes(str(a, 0)));
}

const SI: Record<string, bigint> = { k: 10n ** 3n, m: 10n ** 6n, g: 10n ** 9n, t: 10n ** 12n, p: 10n ** 15n, e: 10n ** 18n };
const IEC: Record<string, bigint> = { k: 1n << 10n, m: 1n << 20n, g: 1n << 30n, t: 1n << 40n, p: 1n << 50n, e: 1n << 60n };
const MAX_EXPONENT_DIGITS = 6;

/** An exact rational n/d with d > 0. */
interface Rat {
  n: bigint;
  d: bigint;
}

function parseUnits(raw: string): Value {
  const s = raw.replaceAll('"', '');
  if (s.includes(' ')) throw new BuiltinError('spaces not allowed in resource strings');
  const [num, unit] = splitAmount(s, 'exponent too large');
  if (num === '') throw new BuiltinError('no amount provided');
  let factor: Rat;
  if (unit === 'm') factor = { n: 1n, d: 1000n };
  else if (unit === '') factor = { n: 1n, d: 1n };
  else {
    // Only "m" is case sensitive (milli versus mega); the rest of the unit is case-insensitive.
    const u = unit[0] + unit.slice(1).toLowerCase();
    const scale = u.length === 1 ? SI[u.toLowerCase()] : u.length === 2 && u[1] === 'i' ? IEC[u[0]!.toLowerCase()] : undefined;
    if (scale === undefined) throw new BuiltinError(`unit ${u} not recognized`);
    factor = { n: scale, d: 1n };
  }
  const amount = parseRat(num);
  if (amount === undefined) throw new BuiltinError('could not parse amount to a number');
  const n = amount.n * factor.n;
  const d = amount.d * factor.d;
  if (n % d === 0n) return fromBigInt(n / d);
  return parseNumber(fixed10(n, d));
}

function parseBytes(raw: string): Value {
  const s = raw.toLowerCase().replaceAll('"', '');
  if (s.includes(' ')) throw new BuiltinError('spaces not allowed in resource strings');
  const [num, unit] = splitAmount(s, 'exponent too large');
  if (num === '') throw new BuiltinError('no byte amount provided');
  let scale: bigint | undefined;
  const m = /^([kmgtpe])(i?)b?$/.exec(unit);
  if (unit === '') scale = 1n;
  else if (m) scale = m[2] ? IEC[m[1]!] : SI[m[1]!];
  if (scale === undefined) throw new BuiltinError(`byte unit ${unit} not recognized`);
  const amount = parseRat(num);
  if (amount === undefined) throw new BuiltinError('could not parse byte amount to a number');
  // Truncated toward zero, as big.Float.Int does.
  return fromBigInt((amount.n * scale) / amount.d);
}

/**
 * Splits "10.5e3Mi" into the number and the unit. An "e" belongs to the number only when a digit
 * or sign follows it ("5E" is five exa); exponents have at most six digits.
 */
function splitAmount(s: string, tooLarge: string): [string, string] {
  let cut = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    const isNum = /[0-9.+-]/.test(c);
    if (!isNum && c !== 'e' && c !== 'E') {
      cut = i;
      break;
    }
    if (c === 'e' || c === 'E') {
      const next = s[i + 1];
      if (next === undefined || !/[0-9+-]/.test(next)) {
        cut = i;
        break;
      }
      if (next === '+' || next === '-') i++;
      let end = i + 1;
      while (end < s.length && /[0-9]/.test(s[end] as string)) end++;
      if (end - (i + 1) > MAX_EXPONENT_DIGITS) throw new BuiltinError(tooLarge);
    }
  }
  if (cut === -1) return [s, ''];
  return [s.slice(0, cut), s.slice(cut)];
}

/** Parses decimal text with optional sign, fraction and exponent into an exact rational. */
function parseRat(text: string): Rat | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const digits = (m[2] ?? '') + (m[3] ?? '');
  let n = BigInt(digits === '' ? '0' : digits);
  if (m[1] === '-') n = -n;
  const exp = Number(m[4] ?? '0') - (m[3] ?? '').length;
  return exp >= 0 ? { n: n * 10n ** BigInt(exp), d: 1n } : { n, d: 10n ** BigInt(-exp) };
}

/** n/d rounded to ten decimals (half away from zero), as big.Rat.FloatString(10). */
function fixed10(n: bigint, d: bigint): string {
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const scaled = abs * 10n ** 10n;
  let q = scaled / d;
  if ((scaled % d) * 2n >= d) q++;
  const text = q.toString().padStart(11, '0');
  return `${neg ? '-' : ''}${text.slice(0, -10)}.${text.slice(-10)}`;
}
