// Glob patterns as `glob.match` reads them: `*` (any run without a delimiter), `**` (any run),
// `?` (one non-delimiter character), `[abc]`, `[a-z]`, `[!...]`, `{alt1,alt2}` and `\` escapes.
// Patterns compile to anchored RE2 patterns, which the linear-time engine runs.

import { BuiltinError } from './errors.ts';

const SPECIAL = new Set(['*', '?', '\\', '[', ']', '{', '}']);

function esc(ch: string): string {
  return /[0-9A-Za-z_]/.test(ch) || ch.codePointAt(0)! > 0x7f ? ch : '\\x{' + ch.codePointAt(0)!.toString(16) + '}';
}

export function quoteMeta(s: string): string {
  let out = '';
  for (const ch of s) out += SPECIAL.has(ch) ? '\\' + ch : ch;
  return out;
}

class GlobCompiler {
  private pos = 0;
  private readonly chars: string[];

  constructor(
    pattern: string,
    private readonly notDelim: string,
  ) {
    this.chars = [...pattern];
  }

  compile(): string {
    const body = this.sequence(false);
    if (this.pos < this.chars.length) throw new BuiltinError(`unexpected '${this.chars[this.pos]}' in glob`);
    return `^${body}$`;
  }

  /** A run of pattern items; inside `{...}` it stops at `,` or `}`. */
  private sequence(inAlt: boolean): string {
    let out = '';
    while (this.pos < this.chars.length) {
      const c = this.chars[this.pos] as string;
      if (inAlt && (c === ',' || c === '}')) break;
      this.pos++;
      switch (c) {
        case '*':
          if (this.chars[this.pos] === '*') {
            while (this.chars[this.pos] === '*') this.pos++;
            out += '[\\s\\S]*';
          } else out += `${this.notDelim}*`;
          break;
        case '?':
          out += this.notDelim;
          break;
        case '\\':
          if (this.pos >= this.chars.length) throw new BuiltinError('unexpected end of glob after escape');
          out += esc(this.chars[this.pos++] as string);
          break;
        case '[':
          out += this.charList();
          break;
        case '{': {
          const alts: string[] = [];
          for (;;) {
            alts.push(this.sequence(true));
            const d = this.chars[this.pos++];
            if (d === '}') break;
            if (d !== ',') throw new BuiltinError('unexpected end of glob: unclosed {');
          }
          out += `(?:${alts.join('|')})`;
          break;
        }
        case ']':
        case '}':
          throw new BuiltinError(`unexpected '${c}' in glob`);
        default:
          out += esc(c);
      }
    }
    return out;
  }

  private charList(): string {
    let negated = false;
    if (this.chars[this.pos] === '!') {
      negated = true;
      this.pos++;
    }
    let body = '';
    for (;;) {
      if (this.pos >= this.chars.length) throw new BuiltinError('unexpected end of glob: unclosed [');
      const c = this.chars[this.pos++] as string;
      if (c === ']') break;
      const lo = c === '\\' ? (this.chars[this.pos++] ?? '\\') : c;
      if (this.chars[this.pos] === '-' && this.chars[this.pos + 1] !== undefined && this.chars[this.pos + 1] !== ']') {
        const hi = this.chars[this.pos + 1] as string;
        this.pos += 2;
        if (hi.codePointAt(0)! < lo.codePointAt(0)!) throw new BuiltinError(`invalid range ${lo}-${hi} in glob`);
        body += `${esc(lo)}-${esc(hi)}`;
      } else body += esc(lo);
    }
    if (body === '') return negated ? '[\\s\\S]' : '[^\\s\\S]';
    return `[${negated ? '^' : ''}${body}]`;
  }
}

/** A glob as RE2 source; `delimiters` are the characters `*` and `?` never match. */
export function globToRE2(pattern: string, delimiters: string[]): string {
  const notDelim = delimiters.length === 0 ? '[\\s\\S]' : `[^${delimiters.map(esc).join('')}]`;
  return new GlobCompiler(pattern, notDelim).compile();
}
