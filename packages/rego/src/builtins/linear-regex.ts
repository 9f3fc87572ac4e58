// Go (RE2) regular expressions in linear time, for every pattern a policy supplies. Matching
// runs on re2js, an automaton-based RE2 port, so no pattern can backtrack exponentially the way
// a JavaScript RegExp does (`^(a+)+$` against `aaaa…!`). Compiled patterns live in a bounded
// LRU cache keyed by pattern text.

import { RE2JS, RE2JSException, RE2JSSyntaxException } from 're2js';
import { BuiltinError } from './errors.ts';

/** One match: UTF-16 offsets, and the text of each group (undefined when it took no part). */
export interface RegexMatch {
  index: number;
  end: number;
  text: string;
  groups: (string | undefined)[];
}

export interface CompiledRegex {
  readonly re: RE2JS;
  /** Group number by name, for `${name}` in replacement templates. */
  readonly names: Readonly<Record<string, number>>;
}

const CACHE_SIZE = 256;
/** Patterns longer than this compile every time rather than pin memory in the cache. */
const CACHE_MAX_PATTERN = 4096;

/** A tiny LRU: Map keeps insertion order, so re-inserting on a hit keeps hot keys last. */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string, make: () => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const v = make();
    if (key.length > CACHE_MAX_PATTERN) return v;
    this.map.set(key, v);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
    return v;
  }
  get length(): number {
    return this.map.size;
  }
}

const cache = new Lru<CompiledRegex | BuiltinError>(CACHE_SIZE);

/** Go's parse error text: `error parsing regexp: CODE: \`EXPR\``. */
function syntaxError(e: unknown, pattern: string): BuiltinError {
  if (e instanceof RE2JSSyntaxException) {
    return new BuiltinError(`error parsing regexp: ${e.getDescription()}: \`${e.getPattern() ?? ''}\``);
  }
  if (e instanceof RE2JSException) return new BuiltinError(`error parsing regexp: ${e.message}: \`${pattern}\``);
  throw e;
}

/** The compiled Go pattern; a pattern Go rejects throws BuiltinError with Go's message. */
export function compileRegex(pattern: string): CompiledRegex {
  const c = cache.get(pattern, () => {
    try {
      const re = RE2JS.compile(pattern);
      return { re, names: re.namedGroups() };
    } catch (e) {
      return syntaxError(e, pattern);
    }
  });
  if (c instanceof BuiltinError) throw c;
  return c;
}

export function regexCacheSize(): number {
  return cache.length;
}

export function matches(c: CompiledRegex, s: string): boolean {
  return c.re.test(s);
}

/**
 * Go's FindAll: up to n (all when n < 0) non-overlapping matches, skipping an empty match that
 * abuts the end of the previous one.
 */
export function findAll(c: CompiledRegex, s: string, n: number): RegexMatch[] {
  const out: RegexMatch[] = [];
  // The DFA answers "no match" quickly; only locating groups needs the slower NFA.
  if (n === 0 || !c.re.test(s)) return out;
  const m = c.re.matcher(s);
  const groupCount = m.groupCount();
  let prevEnd = -1;
  while ((n < 0 || out.length < n) && m.find()) {
    const index = m.start();
    const end = m.end();
    if (index === end && index === prevEnd) continue;
    const groups: (string | undefined)[] = [];
    for (let g = 1; g <= groupCount; g++) groups.push(m.group(g) ?? undefined);
    out.push({ index, end, text: s.slice(index, end), groups });
    prevEnd = end;
  }
  return out;
}
