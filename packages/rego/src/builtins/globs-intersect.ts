// `regex.globs_match`: do two simple regular expressions match at least one common string?
// The expressions are sequences of tokens — a literal character, `.` (any character), or a set
// `[...]` with ranges — each optionally followed by `*` or `+`, with `\` escaping. The check
// walks both sequences together (a product automaton) looking for a way to reach both ends.

import { BuiltinError } from './errors.ts';

/** A set of code points: ranges, possibly complemented. `.` is the complement of nothing. */
interface CharSet {
  negated: boolean;
  ranges: [number, number][];
}

interface Token {
  set: CharSet;
  star: boolean; // zero or more; `x+` is stored as `x` followed by `x*`
}

function invalid(input: string, pos: number, msg: string): never {
  throw new BuiltinError(`input:${input}, pos:${pos}, ${msg}: the input provided is invalid`);
}

function parseGlob(input: string): Token[] {
  const chars = [...input];
  const tokens: Token[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as string;
    let set: CharSet;
    if (c === '*' || c === '+') invalid(input, i + 1, `modifier '${c}' with no preceding character`);
    if (c === ']') invalid(input, i + 1, "set-close ']' with no preceding '['");
    if (c === '.') {
      set = { negated: true, ranges: [] };
      i++;
    } else if (c === '\\') {
      if (i + 1 >= chars.length) invalid(input, i + 1, "escape '\\' with no following character");
      const cp = chars[i + 1]!.codePointAt(0) as number;
      set = { negated: false, ranges: [[cp, cp]] };
      i += 2;
    } else if (c === '[') {
      const start = i;
      i++;
      const ranges: [number, number][] = [];
      let closed = false;
      while (i < chars.length) {
        let ch = chars[i] as string;
        if (ch === ']') {
          closed = true;
          i++;
          break;
        }
        if (ch === '[') invalid(input, i + 1, "set-open '[' within another set");
        if (ch === '\\') {
          if (i + 1 >= chars.length) invalid(input, i + 1, "escape '\\' with no following character");
          ch = chars[++i] as string;
        }
        const lo = ch.codePointAt(0) as number;
        i++;
        if (chars[i] === '-' && i + 1 < chars.length && chars[i + 1] !== ']') {
          let hiCh = chars[i + 1] as string;
          i += 2;
          if (hiCh === '\\') hiCh = chars[i++] ?? invalid(input, i, "escape '\\' with no following character");
          const hi = hiCh.codePointAt(0) as number;
          if (hi < lo) invalid(input, i, `range '${ch}-${hiCh}' is out of order`);
          ranges.push([lo, hi]);
        } else ranges.push([lo, lo]);
      }
      if (!closed) invalid(input, start + 1, "set-open '[' with no closing ']'");
      set = { negated: false, ranges };
    } else {
      const cp = c.codePointAt(0) as number;
      set = { negated: false, ranges: [[cp, cp]] };
      i++;
    }
    const mod = chars[i];
    if (mod === '*') {
      tokens.push({ set, star: true });
      i++;
    } else if (mod === '+') {
      tokens.push({ set, star: false }, { set, star: true });
      i++;
    } else tokens.push({ set, star: false });
  }
  return tokens;
}

function overlaps(a: [number, number][], b: [number, number][]): boolean {
  return a.some(([l1, h1]) => b.some(([l2, h2]) => l1 <= h2 && l2 <= h1));
}

/** Whether some code point lies in every range of `ranges` but in none of `exclude`. */
function hasOutside(ranges: [number, number][], exclude: [number, number][]): boolean {
  return ranges.some(([lo, hi]) => {
    let p = lo;
    // Advance past excluded ranges covering p.
    for (let moved = true; moved && p <= hi; ) {
      moved = false;
      for (const [l, h] of exclude) {
        if (l <= p && p <= h) {
          p = h + 1;
          moved = true;
        }
      }
    }
    return p <= hi;
  });
}

function intersects(a: CharSet, b: CharSet): boolean {
  if (a.negated && b.negated) return true;
  if (a.negated) return hasOutside(b.ranges, a.ranges);
  if (b.negated) return hasOutside(a.ranges, b.ranges);
  return overlaps(a.ranges, b.ranges);
}

export function globsIntersect(p1: string, p2: string): boolean {
  const a = parseGlob(p1);
  const b = parseGlob(p2);
  const seen = new Set<number>();
  const stack: [number, number][] = [[0, 0]];
  const width = b.length + 1;
  while (stack.length > 0) {
    const [i, j] = stack.pop() as [number, number];
    const key = i * width + j;
    if (seen.has(key)) continue;
    seen.add(key);
    if (i === a.length && j === b.length) return true;
    const ta = a[i];
    const tb = b[j];
    if (ta?.star) stack.push([i + 1, j]);
    if (tb?.star) stack.push([i, j + 1]);
    if (ta && tb && intersects(ta.set, tb.set)) stack.push([ta.star ? i : i + 1, tb.star ? j : j + 1]);
  }
  return false;
}
