// String builtins. Positions and lengths count code points (Go runes), never UTF-16 units.

import { checkValueSize } from './budget.ts';
import { BigNum, RObject, RSet, numberText, type Value } from '../value/value.ts';
import { BuiltinError, OperandTypeError } from './errors.ts';
import { arr, elementError, num, obj, operandError, runeLength, smallInt, str } from './operands.ts';
import type { BuiltinRegistry } from './registry.ts';
import { sprintf } from './sprintf.ts';
import { renderTemplate } from './template.ts';

/** Strings of an array or set operand; a plain string too when `single` allows it. */
function stringMembers(args: Value[], i: number, single = false): string[] {
  const v = args[i] as Value;
  if (single && typeof v === 'string') return [v];
  let items: readonly Value[];
  if (Array.isArray(v)) items = v;
  else if (v instanceof RSet) items = v.values();
  else throw new OperandTypeError(i + 1, v, single ? ['string', 'set', 'array'] : ['set', 'array']);
  return items.map((x) => {
    if (typeof x !== 'string') throw elementError(i + 1, v, x, 'string');
    return x;
  });
}

/** The code-point index matching a UTF-16 index into `s`. */
function runeIndex(s: string, unitIndex: number): number {
  return runeLength(s.slice(0, unitIndex));
}

function nonEmptySearch(args: Value[]): string {
  const search = str(args, 1);
  if (search.length === 0) throw new BuiltinError('empty search character');
  return search;
}

// Go's unicode.IsSpace.
const SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/gu;

function trimLeftSet(s: string, cutset: string): string {
  const cut = new Set(cutset);
  const chars = [...s];
  let i = 0;
  while (i < chars.length && cut.has(chars[i] as string)) i++;
  return chars.slice(i).join('');
}

function trimRightSet(s: string, cutset: string): string {
  const cut = new Set(cutset);
  const chars = [...s];
  let j = chars.length;
  while (j > 0 && cut.has(chars[j - 1] as string)) j--;
  return chars.slice(0, j).join('');
}

/** Go's strings.Count: non-overlapping matches; an empty needle matches between every rune. */
function countOf(s: string, sub: string): number {
  if (sub === '') return runeLength(s) + 1;
  let n = 0;
  for (let i = s.indexOf(sub); i !== -1; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}

/**
 * Go's strings.NewReplacer over the pattern object's pairs in key order: at each position the
 * first key (in that order) that matches wins.
 */
function replaceN(patterns: RObject, s: string): string {
  const pairs: [string, string][] = patterns.entries().map(([k, v]) => {
    if (typeof k !== 'string') throw operandError(1, k, 'operand 1 non-string key found in pattern object');
    if (typeof v !== 'string') throw operandError(1, v, 'operand 1 non-string value found in pattern object');
    return [k, v];
  });
  let out = '';
  let i = 0;
  while (i <= s.length) {
    const hit = pairs.find(([k]) => s.startsWith(k, i));
    if (hit !== undefined) {
      out += hit[1];
      if (hit[0].length > 0) {
        i += hit[0].length;
        continue;
      }
    }
    if (i === s.length) break;
    const cp = s.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    out += ch;
    i += ch.length;
  }
  return out;
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Go maps case one rune at a time with the simple mappings: no `ß` → `SS`, no final sigma. A
 * JS mapping that yields several runes is therefore dropped (upper) or cut to its first (lower).
 */
function upper(s: string): string {
  if (ASCII.test(s)) return s.toUpperCase();
  let out = '';
  for (const ch of s) {
    const u = ch.toUpperCase();
    out += [...u].length === 1 ? u : ch;
  }
  return out;
}

function lower(s: string): string {
  if (ASCII.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) out += [...ch.toLowerCase()][0] ?? ch;
  return out;
}

function formatInt(n: number | BigNum, base: number): string {
  // The number is truncated toward zero first.
  const text = numberText(n);
  const whole = BigInt(text.split('.')[0] as string);
  return whole.toString(base);
}

function anyMatch(args: Value[], test: (s: string, affix: string) => boolean): boolean {
  const search = stringMembers(args, 0, true);
  const affixes = stringMembers(args, 1, true);
  return search.some((s) => affixes.some((a) => test(s, a)));
}

/** A builtin of two string operands, also callable on the strings directly (see onStrings). */
function stringTest(registry: BuiltinRegistry, name: string, test: (s: string, t: string) => boolean): void {
  registry.fn(name, 2, (a) => test(str(a, 0), str(a, 1)), { onStrings: test });
}

export function register(registry: BuiltinRegistry): void {
  registry.fn('concat', 2, (a) => {
    const delim = str(a, 0);
    return stringMembers(a, 1).join(delim);
  });
  stringTest(registry, 'contains', (s, t) => s.includes(t));
  stringTest(registry, 'startswith', (s, t) => s.startsWith(t));
  stringTest(registry, 'endswith', (s, t) => s.endsWith(t));
  registry.fn('format_int', 2, (a) => {
    const n = num(a, 0);
    const base = num(a, 1);
    if (![2, 8, 10, 16].includes(base as number)) {
      throw operandError(2, base, 'operand 2 must be one of {2, 8, 10, 16}');
    }
    return formatInt(n, base as number);
  });
  registry.fn('indexof', 2, (a) => {
    const s = str(a, 0);
    const i = s.indexOf(nonEmptySearch(a));
    return i < 0 ? -1 : runeIndex(s, i);
  });
  registry.fn('indexof_n', 2, (a) => {
    const s = str(a, 0);
    const search = nonEmptySearch(a);
    const out: Value[] = [];
    for (let i = s.indexOf(search); i !== -1; i = s.indexOf(search, i + 1)) out.push(runeIndex(s, i));
    return out;
  });
  registry.fn('lower', 1, (a) => lower(str(a, 0)));
  registry.fn('upper', 1, (a) => upper(str(a, 0)));
  registry.fn('replace', 3, (a, ctx) => {
    const s = str(a, 0);
    const old = str(a, 1);
    const replacement = str(a, 2);
    // Each match grows the string by the replacement's length: checked before building.
    const matches = old === '' ? s.length + 1 : Math.floor(s.length / old.length);
    checkValueSize(ctx, 'replace', s.length + matches * Math.max(0, replacement.length - old.length));
    // An empty pattern matches between code points (never inside a surrogate pair).
    if (old === '') return replacement + [...s].join(replacement) + (s === '' ? '' : replacement);
    // A function replacement keeps `$&` and friends literal.
    return s.replaceAll(old, () => replacement);
  });
  registry.fn('split', 2, (a) => {
    const s = str(a, 0);
    const delim = str(a, 1);
    return delim === '' ? [...s] : s.split(delim);
  });
  registry.fn('sprintf', 2, (a, ctx) => sprintf(str(a, 0), arr(a, 1), ctx.maxValueSize));
  registry.fn('substring', 3, (a) => {
    const s = str(a, 0);
    const start = smallInt(a, 1);
    const length = smallInt(a, 2);
    if (start < 0) throw new BuiltinError('negative offset');
    const chars = [...s];
    if (start >= chars.length) return '';
    return (length < 0 ? chars.slice(start) : chars.slice(start, start + length)).join('');
  });
  registry.fn('trim', 2, (a) => trimRightSet(trimLeftSet(str(a, 0), str(a, 1)), str(a, 1)));
  registry.fn('trim_left', 2, (a) => trimLeftSet(str(a, 0), str(a, 1)));
  registry.fn('trim_right', 2, (a) => trimRightSet(str(a, 0), str(a, 1)));
  registry.fn('trim_prefix', 2, (a) => {
    const s = str(a, 0);
    const p = str(a, 1);
    return s.startsWith(p) ? s.slice(p.length) : s;
  });
  registry.fn('trim_suffix', 2, (a) => {
    const s = str(a, 0);
    const p = str(a, 1);
    return p.length > 0 && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
  });
  registry.fn('trim_space', 1, (a) => str(a, 0).replace(SPACE, ''));
  registry.fn('strings.replace_n', 2, (a) => {
    const patterns = obj(a, 0);
    const s = str(a, 1);
    return replaceN(patterns, s);
  });
  registry.fn('strings.reverse', 1, (a) => [...str(a, 0)].reverse().join(''));
  registry.fn('strings.any_prefix_match', 2, (a) => anyMatch(a, (s, p) => s.startsWith(p)));
  registry.fn('strings.any_suffix_match', 2, (a) => anyMatch(a, (s, p) => s.endsWith(p)));
  registry.fn('strings.count', 2, (a) => countOf(str(a, 0), str(a, 1)));
  registry.fn('strings.render_template', 2, (a) => renderTemplate(str(a, 0), obj(a, 1)));
}
