// Translates Go (RE2) regular expression syntax into an equivalent JavaScript RegExp, and
// rejects what RE2 rejects with Go's error text (`error parsing regexp: missing closing ]: ...`).
// Flags (?i) (?m) (?s) (?U) are applied while translating, so they work inside groups too; the
// JS expression always runs with the `u` flag so `.` and classes see code points, as Go sees runes.

export class RegexSyntaxError extends Error {
  override name = 'RegexSyntaxError';
}

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7f',
  blank: '\\t ',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

const PERL_CLASS: Record<string, string> = {
  d: '0-9',
  w: '0-9A-Za-z_',
  s: '\\t\\n\\f\\r ',
};

const MAX_REPEAT = 1000;

function fail(code: string, expr: string): never {
  throw new RegexSyntaxError(`error parsing regexp: ${code}: \`${expr}\``);
}

/** A code point as a JS regex escape, safe inside and outside classes. */
function lit(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (/[0-9A-Za-z_ ]/.test(ch) || cp > 0x7f) return ch;
  return '\\u{' + cp.toString(16) + '}';
}

/** Both cases of a code point, for case-insensitive matching. */
function caseVariants(cp: number): number[] {
  const ch = String.fromCodePoint(cp);
  const out = new Set([cp]);
  for (const v of [ch.toLowerCase(), ch.toUpperCase()]) if ([...v].length === 1) out.add(v.codePointAt(0) as number);
  return [...out];
}

function unicodeClass(name: string, negated: boolean): string {
  let prop: string;
  if (name === 'Any') return negated ? '[^\\s\\S]' : '[\\s\\S]';
  if (/^[A-Z][a-z]?$/.test(name)) prop = name;
  else prop = `Script=${name}`;
  try {
    new RegExp(`\\p{${prop}}`, 'u');
  } catch {
    fail('invalid character class range', `\\${negated ? 'P' : 'p'}{${name}}`);
  }
  return `\\${negated ? 'P' : 'p'}{${prop}}`;
}

class Translator {
  private pos = 0;
  private flags: Flags = { i: false, m: false, s: false, U: false };

  constructor(private readonly src: string) {}

  private get rest(): string {
    return this.src.slice(this.pos);
  }

  private cp(): number {
    return this.src.codePointAt(this.pos) as number;
  }

  private take(): string {
    const ch = String.fromCodePoint(this.cp());
    this.pos += ch.length;
    return ch;
  }

  translate(): string {
    let out = '';
    const groups: Flags[] = [];
    // Whether a repetition operator may follow (something to repeat), and whether the last
    // thing emitted was a repetition (Go rejects `a**`).
    let canRepeat = false;
    let lastRepeat = '';
    let atomStart = 0;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos] as string;
      if (c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d+(,\d*)?\}/.test(this.rest))) {
        const op = c === '{' ? (/^\{\d+(,\d*)?\}/.exec(this.rest) as RegExpExecArray)[0] : c;
        const start = this.pos;
        this.pos += op.length;
        let lazy = false;
        if (this.src[this.pos] === '?') {
          lazy = true;
          this.pos++;
        }
        if (lastRepeat) fail('invalid nested repetition operator', lastRepeat + this.src.slice(start, this.pos));
        if (!canRepeat) fail('missing argument to repetition operator', this.src.slice(start, this.pos));
        if (c === '{') {
          const [min, max] = op.slice(1, -1).split(',');
          const lo = Number(min);
          const hi = max === undefined ? lo : max === '' ? -1 : Number(max);
          if (lo > MAX_REPEAT || hi > MAX_REPEAT || (hi >= 0 && hi < lo)) fail('invalid repeat count', op);
        }
        if (this.flags.U) lazy = !lazy;
        // Group the atom so a translated multi-part atom repeats as a whole.
        out = out.slice(0, atomStart) + '(?:' + out.slice(atomStart) + ')' + op + (lazy ? '?' : '');
        lastRepeat = this.src.slice(start, this.pos);
        continue;
      }
      lastRepeat = '';
      atomStart = out.length;
      canRepeat = true;
      switch (c) {
        case '(': {
          this.pos++;
          const saved = { ...this.flags };
          if (this.src[this.pos] === '?') {
            const named = /^\?P?<(\w*)>/.exec(this.rest);
            if (named) {
              if (!/^[A-Za-z_]\w*$/.test(named[1] as string)) fail('invalid named capture', this.src.slice(this.pos - 1, this.pos + named[0].length));
              this.pos += named[0].length;
              out += `(?<${named[1]}>`;
            } else {
              const fl = /^\?([imsU]*)(?:-([imsU]*))?([:)])/.exec(this.rest);
              if (!fl || (fl[1] === '' && fl[2] === '' && fl[3] === ')')) {
                const shown = this.src.slice(this.pos - 1, this.pos + 2);
                fail('invalid or unsupported Perl syntax', shown);
              }
              this.pos += fl[0].length;
              for (const f of fl[1] ?? '') this.flags[f as keyof Flags] = true;
              for (const f of fl[2] ?? '') this.flags[f as keyof Flags] = false;
              if (fl[3] === ')') {
                // Flags for the rest of the current group.
                canRepeat = false;
                continue;
              }
              out += '(?:';
            }
          } else out += '(';
          groups.push(saved);
          canRepeat = false;
          continue;
        }
        case ')':
          if (groups.length === 0) fail('unexpected )', this.src);
          this.flags = groups.pop() as Flags;
          this.pos++;
          out += ')';
          // The whole group is the atom a repetition applies to.
          atomStart = this.groupStart(out);
          continue;
        case '|':
          this.pos++;
          out += '|';
          canRepeat = false;
          continue;
        case '^':
          this.pos++;
          out += this.flags.m ? '(?:^|(?<=\\n))' : '^';
          continue;
        case '$':
          this.pos++;
          out += this.flags.m ? '(?:$|(?=\\n))' : '$';
          continue;
        case '.':
          this.pos++;
          out += this.flags.s ? '[\\s\\S]' : '[^\\n]';
          continue;
        case '[':
          out += this.charClass();
          continue;
        case '\\': {
          out += this.escape(false).text;
          continue;
        }
        default:
          out += this.literal(this.take().codePointAt(0) as number);
      }
    }
    if (groups.length > 0) fail('missing closing )', this.src);
    return out;
  }

  /** Index in `out` where the group just closed begins. */
  private groupStart(out: string): number {
    let depth = 0;
    for (let i = out.length - 1; i >= 0; i--) {
      const ch = out[i];
      if (out[i - 1] === '\\') continue;
      if (ch === ')') depth++;
      else if (ch === '(') {
        depth--;
        if (depth === 0) return i;
      }
    }
    return 0;
  }

  private literal(cp: number): string {
    if (!this.flags.i) return lit(cp);
    const vs = caseVariants(cp);
    return vs.length === 1 ? lit(cp) : '[' + vs.map(lit).join('') + ']';
  }

  /** An escape outside (inClass=false) or inside a class. */
  private escape(inClass: boolean): { text: string; cp?: number } {
    const start = this.pos;
    this.pos++; // backslash
    if (this.pos >= this.src.length) fail('trailing backslash at end of expression', '');
    const c = this.take();
    const shown = () => this.src.slice(start, this.pos);
    switch (c) {
      case 'A':
        if (inClass) fail('invalid escape sequence', shown());
        return { text: '(?<![\\s\\S])' };
      case 'z':
        if (inClass) fail('invalid escape sequence', shown());
        return { text: '(?![\\s\\S])' };
      case 'b':
      case 'B':
        if (inClass) fail('invalid escape sequence', shown());
        return { text: '\\' + c };
      case 'd':
      case 'w':
      case 's':
        return { text: inClass ? (PERL_CLASS[c] as string) : `[${PERL_CLASS[c]}]` };
      case 'D':
      case 'W':
      case 'S': {
        const body = PERL_CLASS[c.toLowerCase()] as string;
        if (inClass) fail('invalid escape sequence', shown());
        return { text: `[^${body}]` };
      }
      case 'p':
      case 'P': {
        let name: string;
        if (this.src[this.pos] === '{') {
          const end = this.src.indexOf('}', this.pos);
          if (end === -1) fail('invalid character class range', this.src.slice(start));
          name = this.src.slice(this.pos + 1, end);
          this.pos = end + 1;
        } else {
          if (this.pos >= this.src.length) fail('invalid character class range', shown());
          name = this.take();
        }
        let negated = c === 'P';
        if (name.startsWith('^')) {
          negated = !negated;
          name = name.slice(1);
        }
        return { text: unicodeClass(name, negated) };
      }
      case 'Q': {
        const end = this.src.indexOf('\\E', this.pos);
        const quoted = end === -1 ? this.src.slice(this.pos) : this.src.slice(this.pos, end);
        this.pos = end === -1 ? this.src.length : end + 2;
        return { text: [...quoted].map((ch) => this.literal(ch.codePointAt(0) as number)).join('') };
      }
      case 'x': {
        let hex: string;
        if (this.src[this.pos] === '{') {
          const end = this.src.indexOf('}', this.pos);
          hex = end === -1 ? '' : this.src.slice(this.pos + 1, end);
          if (!/^[0-9A-Fa-f]+$/.test(hex) || parseInt(hex, 16) > 0x10ffff) fail('invalid escape sequence', this.src.slice(start, end + 1));
          this.pos = end + 1;
        } else {
          hex = this.src.slice(this.pos, this.pos + 2);
          if (!/^[0-9A-Fa-f]{2}$/.test(hex)) fail('invalid escape sequence', this.src.slice(start, this.pos + hex.length));
          this.pos += 2;
        }
        const cp = parseInt(hex, 16);
        return { text: inClass ? lit(cp) : this.literal(cp), cp };
      }
      case 'a':
        return { text: lit(7), cp: 7 };
      case 'f':
        return { text: lit(12), cp: 12 };
      case 't':
        return { text: lit(9), cp: 9 };
      case 'n':
        return { text: lit(10), cp: 10 };
      case 'r':
        return { text: lit(13), cp: 13 };
      case 'v':
        return { text: lit(11), cp: 11 };
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        // Octal \0, \012; a lone non-zero digit would be a backreference, which RE2 lacks.
        const m = /^[0-7]{0,2}/.exec(this.rest) as RegExpExecArray;
        if (c !== '0' && m[0].length === 0) fail('invalid escape sequence', shown());
        this.pos += m[0].length;
        const cp = parseInt(c + m[0], 8);
        return { text: inClass ? lit(cp) : this.literal(cp), cp };
      }
      default: {
        const cp = c.codePointAt(0) as number;
        if (cp < 0x80 && !/[0-9A-Za-z]/.test(c)) return { text: inClass ? lit(cp) : this.literal(cp), cp };
        return fail('invalid escape sequence', shown());
      }
    }
  }

  /** A bracket expression, from `[` to its closing `]`. */
  private charClass(): string {
    const start = this.pos;
    this.pos++;
    let negated = false;
    if (this.src[this.pos] === '^') {
      negated = true;
      this.pos++;
    }
    const parts: string[] = [];
    const negatedPosix: string[] = [];
    let first = true;
    for (;;) {
      if (this.pos >= this.src.length) fail('missing closing ]', this.src.slice(start));
      const c = this.src[this.pos];
      if (c === ']' && !first) {
        this.pos++;
        break;
      }
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.rest);
      if (posix) {
        const body = POSIX[posix[2] as string];
        if (body === undefined) fail('invalid character class range', posix[0]);
        this.pos += posix[0].length;
        (posix[1] ? negatedPosix : parts).push(body);
        continue;
      }
      const itemStart = this.pos;
      const lo = this.classChar();
      if (lo.text !== undefined) {
        parts.push(lo.text);
        continue;
      }
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length) {
        this.pos++;
        const hi = this.classChar();
        if (hi.text !== undefined || (hi.cp as number) < (lo.cp as number)) {
          fail('invalid character class range', this.src.slice(itemStart, this.pos));
        }
        parts.push(this.range(lo.cp as number, hi.cp as number));
      } else parts.push(this.range(lo.cp as number, lo.cp as number));
    }
    if (negatedPosix.length === 0) return `[${negated ? '^' : ''}${parts.join('')}]`;
    // A negated POSIX class inside a bracket: a union (or, under ^, an intersection) of classes.
    const positive = parts.length > 0 ? `[${parts.join('')}]` : '';
    if (!negated) return '(?:' + [positive, ...negatedPosix.map((b) => `[^${b}]`)].filter(Boolean).join('|') + ')';
    const last = negatedPosix.length - 1;
    return (
      '(?:' +
      (positive ? `(?!${positive})` : '') +
      negatedPosix.map((b, i) => (i === last ? `[${b}]` : `(?=[${b}])`)).join('') +
      ')'
    );
  }

  /** One class member: a code point, or a whole sub-class (`\d`, `\pL`) as text. */
  private classChar(): { cp?: number; text?: string } {
    if (this.src[this.pos] === '\\') {
      const e = this.escape(true);
      return e.cp !== undefined ? { cp: e.cp } : { text: e.text.startsWith('[') ? e.text.slice(1, -1) : e.text };
    }
    return { cp: this.take().codePointAt(0) as number };
  }

  private range(lo: number, hi: number): string {
    const text = lo === hi ? lit(lo) : `${lit(lo)}-${lit(hi)}`;
    if (!this.flags.i) return text;
    // Add the other case of letter ranges.
    let extra = '';
    for (const [a, b] of [
      [0x41, 0x5a],
      [0x61, 0x7a],
    ] as const) {
      const l = Math.max(lo, a);
      const h = Math.min(hi, b);
      if (l <= h) extra += `${lit(l ^ 0x20)}-${lit(h ^ 0x20)}`;
    }
    if (lo === hi) extra += caseVariants(lo).filter((v) => v !== lo).map(lit).join('');
    return text + extra;
  }
}

/** The JS source for a Go regular expression; throws RegexSyntaxError when Go would. */
export function translateRE2(pattern: string): string {
  return new Translator(pattern).translate();
}
