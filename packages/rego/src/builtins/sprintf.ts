// `sprintf` with Go's fmt verbs, after OPA's conversion of the arguments: integers become Go ints
// (or big integers beyond 64 bits), other numbers float64, strings stay strings, and every other
// value is replaced by its Rego text. Mismatched verbs print Go's `%!v(type=value)` forms.

import { overBudget } from './budget.ts';
import { BigNum, canonicalText, isInteger, numberText, toBigInt, type Value } from '../value/value.ts';

type Arg =
  | { kind: 'int'; big: boolean; v: bigint }
  | { kind: 'float'; v: number }
  | { kind: 'string'; v: string };

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

function toArg(v: Value): Arg {
  if (typeof v === 'number' || v instanceof BigNum) {
    if (isInteger(v)) {
      const i = toBigInt(v) as bigint;
      const big = i > INT64_MAX || i < INT64_MIN;
      if (big && !Number.isFinite(Number(i))) return { kind: 'string', v: hugeIntText(i) };
      return { kind: 'int', big, v: i };
    }
    const f = Number(numberText(v));
    // Beyond float64 range OPA passes the number's text instead.
    if (!Number.isFinite(f)) return { kind: 'string', v: numberText(v) };
    return { kind: 'float', v: f };
  }
  if (typeof v === 'string') return { kind: 'string', v };
  return { kind: 'string', v: canonicalText(v) };
}

/**
 * Integers beyond float64 range reach OPA's sprintf as their literal text, which is almost always
 * exponent form (`2e308`); print them that way.
 */
function hugeIntText(i: bigint): string {
  const digits = (i < 0n ? -i : i).toString();
  const mant = digits.replace(/0+$/, '');
  const exp = digits.length - 1;
  const m = mant.length > 1 ? `${mant[0]}.${mant.slice(1)}` : mant;
  return `${i < 0n ? '-' : ''}${m}e${exp}`;
}

interface Spec {
  minus: boolean;
  plus: boolean;
  space: boolean;
  zero: boolean;
  sharp: boolean;
  width: number | undefined;
  prec: number | undefined;
}

function pad(s: string, spec: Spec, zeroOk: boolean): string {
  if (spec.width === undefined) return s;
  const len = [...s].length;
  if (len >= spec.width) return s;
  const fill = spec.width - len;
  if (spec.minus) return s + ' '.repeat(fill);
  if (spec.zero && zeroOk) {
    const sign = /^[+\- ]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(fill) + s.slice(sign.length);
  }
  return ' '.repeat(fill) + s;
}

function signed(negative: boolean, body: string, spec: Spec): string {
  return (negative ? '-' : spec.plus ? '+' : spec.space ? ' ' : '') + body;
}

function goTypeName(a: Arg): string {
  if (a.kind === 'int') return a.big ? '*big.Int' : 'int';
  return a.kind === 'float' ? 'float64' : 'string';
}

function plainValue(a: Arg): string {
  if (a.kind === 'int') return a.v.toString();
  if (a.kind === 'float') return formatG(a.v, -1, false);
  return a.v;
}

function badVerb(verb: string, a: Arg): string {
  return `%!${verb}(${goTypeName(a)}=${plainValue(a)})`;
}

// ---------------------------------------------------------------------------------------------
// Floating point text, computed from the exact binary value so ties round to even as Go does.

/** Exact decimal expansion of a finite double: digits·10^-scale. */
function exactDecimal(x: number): { digits: bigint; scale: number } {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(x));
  const bits = buf.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp: number;
  if (expBits === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = expBits - 1075;
  }
  if (exp >= 0) return { digits: mant << BigInt(exp), scale: 0 };
  return { digits: mant * 5n ** BigInt(-exp), scale: -exp };
}

/** Rounds digits·10^-scale to `prec` fraction digits, half to even. */
function roundTo(d: { digits: bigint; scale: number }, prec: number): bigint {
  if (d.scale <= prec) return d.digits * 10n ** BigInt(prec - d.scale);
  const div = 10n ** BigInt(d.scale - prec);
  const q = d.digits / div;
  const r = d.digits % div;
  const twice = r * 2n;
  return twice > div || (twice === div && (q & 1n) === 1n) ? q + 1n : q;
}

function withPoint(digits: bigint, prec: number, sharp: boolean): string {
  let s = digits.toString();
  if (prec === 0) return sharp ? s + '.' : s;
  if (s.length <= prec) s = '0'.repeat(prec - s.length + 1) + s;
  return `${s.slice(0, s.length - prec)}.${s.slice(s.length - prec)}`;
}

function formatF(x: number, prec: number, sharp: boolean): string {
  return withPoint(roundTo(exactDecimal(x), prec), prec, sharp);
}

/** Mantissa digits and decimal exponent; `sig` significant digits, or the shortest when -1. */
function sigDigits(x: number, sig: number): { digits: string; exp: number } {
  if (x === 0) return { digits: '0'.repeat(Math.max(sig, 1)), exp: 0 };
  if (sig < 0) {
    const [m = '', e = '0'] = Math.abs(x).toExponential().split('e');
    return { digits: m.replace('.', ''), exp: Number(e) };
  }
  const d = exactDecimal(x);
  const total = d.digits.toString().length - d.scale; // position of the decimal point
  const prec = sig - total;
  let r = roundTo(d, prec);
  let exp = total - 1;
  if (r.toString().length > sig) {
    r /= 10n;
    exp += 1;
  }
  return { digits: r.toString().padStart(sig, '0'), exp };
}

function expText(exp: number): string {
  const a = Math.abs(exp);
  return (exp < 0 ? 'e-' : 'e+') + (a < 10 ? '0' + a : String(a));
}

function formatE(x: number, prec: number, sharp: boolean): string {
  const { digits, exp } = sigDigits(Math.abs(x), prec < 0 ? -1 : prec + 1);
  const frac = digits.slice(1);
  return digits[0] + (frac || sharp ? '.' + frac : '') + expText(exp);
}

function formatG(x: number, prec: number, sharp: boolean): string {
  const ax = Math.abs(x);
  const shortest = prec < 0;
  const p = prec === 0 ? 1 : prec;
  const { digits, exp } = sigDigits(ax, shortest ? -1 : p);
  const eprec = shortest ? 6 : p;
  let body: string;
  if (exp < -4 || exp >= eprec) {
    const trimmed = sharp ? digits : digits.replace(/0+$/, '') || '0';
    body = trimmed[0] + (trimmed.length > 1 ? '.' + trimmed.slice(1) : '') + expText(exp);
  } else {
    const all = sharp ? digits : digits.replace(/0+$/, '');
    if (exp < 0) body = '0.' + '0'.repeat(-exp - 1) + all;
    else if (all.length <= exp + 1) body = all + '0'.repeat(exp + 1 - all.length);
    else body = all.slice(0, exp + 1) + '.' + all.slice(exp + 1);
  }
  return (x < 0 || Object.is(x, -0) ? '-' : '') + body;
}

// ---------------------------------------------------------------------------------------------
// Go's %q quoting.

function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c === 11) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0x80 && c < 0xa0) out += '\\u' + c.toString(16).padStart(4, '0');
    else if (c === 0xfffd && ch !== '\ufffd') out += '\\ufffd';
    else out += ch;
  }
  return out + '"';
}

function utf8Hex(s: string, upper: boolean, spaced: boolean): string {
  const hex = [...Buffer.from(s, 'utf8')].map((b) => b.toString(16).padStart(2, '0'));
  const text = hex.join(spaced ? ' ' : '');
  return upper ? text.toUpperCase() : text;
}

// ---------------------------------------------------------------------------------------------

function formatInt(v: bigint, verb: string, spec: Spec, big: boolean): string | undefined {
  const negative = v < 0n;
  const abs = negative ? -v : v;
  let body: string;
  switch (verb) {
    case 'd':
    case 'v':
      body = abs.toString();
      break;
    case 's':
      if (!big) return undefined;
      body = abs.toString();
      break;
    case 'b':
      body = abs.toString(2);
      break;
    case 'o':
      body = (spec.sharp ? '0' : '') + abs.toString(8);
      break;
    case 'O':
      body = '0o' + abs.toString(8);
      break;
    case 'x':
      body = (spec.sharp ? '0x' : '') + abs.toString(16);
      break;
    case 'X':
      body = (spec.sharp ? '0X' : '') + abs.toString(16).toUpperCase();
      break;
    case 'c':
      return big ? undefined : pad(String.fromCodePoint(Number(v)), spec, false);
    case 'q':
      return big ? undefined : pad(`'${String.fromCodePoint(Number(v))}'`, spec, false);
    case 'U':
      return big ? undefined : pad('U+' + abs.toString(16).toUpperCase().padStart(4, '0'), spec, false);
    default:
      return undefined;
  }
  if (spec.prec !== undefined) body = body.padStart(spec.prec, '0');
  return pad(signed(negative, body, spec), spec, spec.prec === undefined);
}

function formatFloat(v: number, verb: string, spec: Spec): string | undefined {
  const negative = v < 0;
  const ax = Math.abs(v);
  let body: string;
  switch (verb) {
    case 'f':
    case 'F':
      body = formatF(ax, spec.prec ?? 6, spec.sharp);
      break;
    case 'e':
    case 'E':
      body = formatE(ax, spec.prec ?? 6, spec.sharp);
      if (verb === 'E') body = body.toUpperCase();
      break;
    case 'g':
    case 'G':
    case 'v':
      body = formatG(ax, spec.prec ?? -1, spec.sharp);
      if (verb === 'G') body = body.toUpperCase();
      break;
    default:
      return undefined;
  }
  return pad(signed(negative, body, spec), spec, true);
}

function formatString(v: string, verb: string, spec: Spec): string | undefined {
  const cut = spec.prec === undefined ? v : [...v].slice(0, spec.prec).join('');
  switch (verb) {
    case 's':
    case 'v':
      return pad(cut, spec, false);
    case 'q':
      return pad(goQuote(cut), spec, false);
    case 'x':
      return pad(utf8Hex(cut, false, spec.space), spec, false);
    case 'X':
      return pad(utf8Hex(cut, true, spec.space), spec, false);
    default:
      return undefined;
  }
}

function formatArg(a: Arg, verb: string, spec: Spec): string {
  if (verb === 'T') return pad(goTypeName(a), spec, false);
  let out: string | undefined;
  if (a.kind === 'int') {
    out = formatInt(a.v, verb, spec, a.big);
    // A big integer formats itself, with its own wording for verbs it does not know.
    if (out === undefined && a.big) out = `%!${verb}(big.Int=${a.v})`;
  } else if (a.kind === 'float') out = formatFloat(a.v, verb, spec);
  else out = formatString(a.v, verb, spec);
  return out ?? badVerb(verb, a);
}

/** The index after the run of decimal digits starting at `i`. */
function digitsEnd(text: string, i: number): number {
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  return i;
}

/**
 * The text of a plain `%s`, `%v` or `%d` (no flags, width or precision) of a string or safe
 * integer, as the general path would print it; undefined for anything else.
 */
function plainVerb(verb: number, v: Value | undefined): string | undefined {
  if (typeof v === 'string') return verb === 115 || verb === 118 ? v : undefined; // s, v
  if (typeof v === 'number' && Number.isSafeInteger(v)) return verb === 100 || verb === 118 ? String(v) : undefined; // d, v
  return undefined;
}

/**
 * The common case (every directive a plain `%s`/`%v`/`%d` of a string or safe integer, each
 * argument used once) without converting the arguments; undefined when the format needs more.
 */
function sprintfPlain(format: string, values: readonly Value[]): string | undefined {
  let out = '';
  let used = 0;
  let i = 0;
  for (;;) {
    const pct = format.indexOf('%', i);
    if (pct < 0) break;
    const text = plainVerb(format.charCodeAt(pct + 1), values[used]);
    if (text === undefined) return undefined;
    out += format.slice(i, pct) + text;
    used++;
    i = pct + 2;
  }
  return used === values.length ? out + format.slice(i) : undefined;
}

/** `maxSize` is the evaluation budget's size cap: a width or precision past it is refused. */
export function sprintf(format: string, values: readonly Value[], maxSize?: number): string {
  const plain = sprintfPlain(format, values);
  if (plain !== undefined) return plain;
  return sprintfGo(format, values, maxSize);
}

function sprintfGo(format: string, values: readonly Value[], maxSize?: number): string {
  const args = values.map(toArg);
  let used = 0;
  let out = '';
  let i = 0;
  while (i < format.length) {
    // Literal text is copied a run at a time, not a character at a time.
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    if (pct > i) out += format.slice(i, pct);
    i = pct + 1;
    const spec: Spec = { minus: false, plus: false, space: false, zero: false, sharp: false, width: undefined, prec: undefined };
    for (; i < format.length; i++) {
      const f = format[i];
      if (f === '-') spec.minus = true;
      else if (f === '+') spec.plus = true;
      else if (f === ' ') spec.space = true;
      else if (f === '0') spec.zero = true;
      else if (f === '#') spec.sharp = true;
      else break;
    }
    if (format[i] === '*') {
      i++;
      const a = args[used++];
      spec.width = a?.kind === 'int' ? Number(a.v) : undefined;
    } else {
      const end = digitsEnd(format, i);
      spec.width = end > i ? Number(format.slice(i, end)) : undefined;
      i = end;
    }
    if (format[i] === '.') {
      i++;
      if (format[i] === '*') {
        i++;
        const a = args[used++];
        spec.prec = a?.kind === 'int' ? Number(a.v) : 0;
      } else {
        const end = digitsEnd(format, i);
        spec.prec = end > i ? Number(format.slice(i, end)) : 0;
        i = end;
      }
    }
    // Padding to a width or precision is built from nothing: checked against the budget first.
    const room = Math.max(spec.width ?? 0, spec.prec ?? 0);
    if (maxSize !== undefined && room > maxSize) throw overBudget('sprintf', room, maxSize);
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) as number);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    const arg = args[used++];
    out += arg === undefined ? `%!${verb}(MISSING)` : formatArg(arg, verb, spec);
  }
  if (used < args.length) {
    out += '%!(EXTRA ' + args.slice(used).map((a) => `${goTypeName(a)}=${plainValue(a)}`).join(', ') + ')';
  }
  return out;
}
