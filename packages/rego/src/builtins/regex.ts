// Regular expression and glob builtins. Patterns use Go's RE2 syntax and match in linear time
// (linear-regex.ts); globs compile to RE2 patterns and run on the same engine.

import type { Value } from '../value/value.ts';
import { BuiltinError, OperandTypeError } from './errors.ts';
import { globToRE2, quoteMeta } from './glob.ts';
import { globsIntersect } from './globs-intersect.ts';
import { Lru, compileRegex, findAll, matches, type CompiledRegex, type RegexMatch } from './linear-regex.ts';
import { elementError, smallInt, str } from './operands.ts';
import type { BuiltinRegistry } from './registry.ts';

/** Glob (with its delimiters) → RE2 source, or the glob's syntax error. */
const globCache = new Lru<string | BuiltinError>(256);

/** Whether Go pattern `pattern` matches somewhere in `s`; a bad pattern throws BuiltinError. */
export function matchesPattern(pattern: string, s: string): boolean {
  return matches(compileRegex(pattern), s);
}

/** Go's Regexp.Split with n = -1. */
function split(re: CompiledRegex, pattern: string, s: string): string[] {
  if (pattern.length > 0 && s.length === 0) return [''];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of findAll(re, s, -1)) {
    end = m.index;
    const mEnd = m.end;
    if (mEnd !== 0) out.push(s.slice(beg, end));
    beg = mEnd;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

/** Go's Regexp.Expand template: `$1`, `$name`, `${name}`, `$$`. */
function expand(template: string, re: CompiledRegex, m: RegexMatch): string {
  return template.replace(/\$(\$|\{(\w+)\}|(\w+))/g, (_all, whole: string, braced?: string, bare?: string) => {
    if (whole === '$') return '$';
    const name = (braced ?? bare) as string;
    const group = /^\d+$/.test(name) ? Number(name) : re.names[name];
    if (group === undefined) return '';
    return group === 0 ? m.text : (m.groups[group - 1] ?? '');
  });
}

function replaceAll(re: CompiledRegex, s: string, template: string): string {
  let out = '';
  let last = 0;
  for (const m of findAll(re, s, -1)) {
    out += s.slice(last, m.index) + expand(template, re, m);
    last = m.end;
  }
  return out + s.slice(last);
}

/**
 * regex.template_match: text outside the one-character delimiters is literal, text inside is a
 * pattern (delimiters nest); the whole string must match.
 */
function templateMatch(template: string, s: string, open: string, close: string): boolean {
  for (const [name, d] of [
    ['start', open],
    ['end', close],
  ] as const) {
    const len = Buffer.byteLength(d);
    if (len !== 1) throw new BuiltinError(`${name} delimiter has to be exactly one character long but is ${len} long`);
  }
  let source = '^';
  let level = 0;
  let start = 0;
  let last = 0;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === open) {
      if (++level === 1) start = i;
    } else if (c === close) {
      if (--level === 0) {
        const pattern = template.slice(start + 1, i);
        compileRegex(`^${pattern}$`);
        source += quoteRegex(template.slice(last, start)) + `(${pattern})`;
        last = i + 1;
      } else if (level < 0) break;
    }
  }
  if (level !== 0) throw new BuiltinError(`unbalanced braces in ${JSON.stringify(template)}`);
  return matches(compileRegex(source + quoteRegex(template.slice(last)) + '$'), s);
}

/** Go's regexp.QuoteMeta. */
function quoteRegex(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

function globDelimiters(v: Value): string[] {
  if (v === null) return [];
  if (!Array.isArray(v)) throw new OperandTypeError(2, v, ['array', 'null']);
  const out: string[] = [];
  for (const d of v) {
    if (typeof d !== 'string') throw elementError(2, v, d, 'string');
    const runes = [...d];
    if (runes.length !== 1) throw elementError(2, v, d, 'rune');
    out.push(runes[0] as string);
  }
  return out.length === 0 ? ['.'] : out;
}

function globMatch(pattern: string, delimiters: string[], s: string): boolean {
  const key = `${delimiters.join('')}\u0000${pattern}`;
  const re = globCache.get(key, () => {
    try {
      return globToRE2(pattern, delimiters);
    } catch (e) {
      if (e instanceof BuiltinError) return e;
      throw e;
    }
  });
  if (re instanceof BuiltinError) throw re;
  return matches(compileRegex(re), s);
}

export function register(registry: BuiltinRegistry): void {
  registry.fn('regex.match', 2, (a) => matches(compileRegex(str(a, 0)), str(a, 1)));
  registry.fn('regex.is_valid', 1, (a) => {
    const p = a[0];
    if (typeof p !== 'string') return false;
    try {
      compileRegex(p);
      return true;
    } catch {
      return false;
    }
  });
  registry.fn('regex.split', 2, (a) => {
    const pattern = str(a, 0);
    return split(compileRegex(pattern), pattern, str(a, 1));
  });
  registry.fn('regex.find_n', 3, (a) => {
    const re = compileRegex(str(a, 0));
    return findAll(re, str(a, 1), smallInt(a, 2)).map((m) => m.text);
  });
  registry.fn('regex.find_all_string_submatch_n', 3, (a) => {
    const re = compileRegex(str(a, 0));
    return findAll(re, str(a, 1), smallInt(a, 2)).map((m) => [m.text, ...m.groups.map((g) => g ?? '')]);
  });
  registry.fn('regex.replace', 3, (a) => {
    const s = str(a, 0);
    const re = compileRegex(str(a, 1));
    return replaceAll(re, s, str(a, 2));
  });
  registry.fn('regex.template_match', 4, (a) => templateMatch(str(a, 0), str(a, 1), str(a, 2), str(a, 3)));
  registry.fn('regex.globs_match', 2, (a) => globsIntersect(str(a, 0), str(a, 1)));
  registry.fn('glob.match', 3, (a) => {
    const pattern = str(a, 0);
    const delimiters = globDelimiters(a[1] as Value);
    return globMatch(pattern, delimiters, str(a, 2));
  });
  registry.fn('glob.quote_meta', 1, (a) => quoteMeta(str(a, 0)));
}
