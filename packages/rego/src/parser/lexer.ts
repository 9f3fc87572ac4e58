// The Rego scanner: turns source text into tokens in one pass over the characters.
// Keywords are scanned as identifiers; the parser decides from context whether a word acts as a
// keyword (Rego allows `if`, `in`, `null`, ... as reference segments such as `foo.in`).

import { RegoError } from '../errors.ts';
import { intern } from '../value/intern.ts';
import type { Location } from '../ast/types.ts';

export type TokenKind =
  | 'ident'
  | 'number'
  | 'string'
  | 'template'
  | 'eof'
  | ':='
  | '='
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '&'
  | '|'
  | '('
  | ')'
  | '['
  | ']'
  | '{'
  | '}'
  | ','
  | ';'
  | ':'
  | '.';

/** A literal run of a template string, or the tokens of one embedded `{...}` expression. */
export type TemplatePart = string | Token[];

export interface Token {
  kind: TokenKind;
  /** Source text (identifiers, numbers, operators). */
  text: string;
  /** Decoded value of a string literal. */
  value?: string;
  /** Raw (backtick) string or template. */
  raw?: boolean;
  parts?: TemplatePart[];
  offset: number;
  end: number;
  line: number;
  col: number;
  /** Whitespace or a comment precedes the token: refs and calls need their parts adjacent. */
  ws: boolean;
  /** A line break precedes the token: it separates the literals of a body. */
  nl: boolean;
}

export interface Comment {
  /** Text after the `#`. */
  text: string;
  offset: number;
  end: number;
  line: number;
  col: number;
}

export interface LexResult {
  tokens: Token[];
  comments: Comment[];
}

const enum Ch {
  Tab = 9,
  LF = 10,
  CR = 13,
  Space = 32,
  Bang = 33,
  Quote = 34,
  Hash = 35,
  Dollar = 36,
  Backslash = 92,
  Backtick = 96,
  Zero = 48,
  Nine = 57,
  LBrace = 123,
  RBrace = 125,
}

/** Single-character tokens by character code. */
const PUNCT: (TokenKind | undefined)[] = [];
for (const k of ['(', ')', '[', ']', '{', '}', ',', ';', '.', '+', '-', '*', '/', '%', '&', '|'] as const) {
  PUNCT[k.charCodeAt(0)] = k;
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= Ch.Zero && c <= Ch.Nine);
}

function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine;
}

export class Lexer {
  private pos: number;
  private line: number;
  private lineStart: number;
  /** What the last skipSpace passed over. */
  private ws = false;
  private nl = false;
  readonly comments: Comment[] = [];

  constructor(
    private readonly src: string,
    private readonly file: string,
    start = 0,
    line = 1,
    lineStart = 0,
  ) {
    this.pos = start;
    this.line = line;
    this.lineStart = lineStart;
  }

  /** Scans the whole source. */
  static scan(src: string, file: string): LexResult {
    const lx = new Lexer(src, file, src.charCodeAt(0) === 0xfeff ? 1 : 0);
    const tokens = lx.run(false);
    return { tokens, comments: lx.comments };
  }

  private fail(msg: string, offset = this.pos): never {
    if (offset > this.pos) this.advanceLines(this.pos, offset);
    const loc: Location = { file: this.file, line: this.line, col: offset - this.lineStart + 1, offset, end: offset };
    throw new RegoError('rego_parse_error', msg, loc);
  }

  /**
   * Scans tokens up to the end of input, or — inside a template expression — up to the `}` that
   * closes it (which is consumed and replaced by an eof token).
   */
  private run(inTemplate: boolean): Token[] {
    const out: Token[] = [];
    const src = this.src;
    let depth = 0;
    for (;;) {
      this.skipSpace();
      const ws = this.ws;
      const nl = this.nl;
      const start = this.pos;
      const col = start - this.lineStart + 1;
      const line = this.line;
      if (start >= src.length) {
        if (inTemplate) this.fail('non-terminated template expression', start);
        out.push({ kind: 'eof', text: '', offset: start, end: start, line, col, ws, nl });
        return out;
      }
      const c = src.charCodeAt(start);
      if (isIdentStart(c)) {
        let i = start + 1;
        while (i < src.length && isIdentPart(src.charCodeAt(i))) i++;
        const t = this.token('ident', start, i - start, line, col);
        t.text = intern(t.text);
        out.push(t);
        continue;
      }
      if (isDigit(c)) {
        out.push(this.token('number', start, this.numberLength(start), line, col));
        continue;
      }
      switch (c) {
        case Ch.Quote: {
          const t = this.token('string', start, 0, line, col);
          t.value = intern(this.quoted(start + 1));
          t.end = this.pos;
          t.text = src.slice(start, this.pos);
          out.push(t);
          continue;
        }
        case Ch.Backtick: {
          const close = src.indexOf('`', start + 1);
          if (close < 0) this.fail('non-terminated string', start);
          const t = this.token('string', start, close + 1 - start, line, col);
          t.value = src.slice(start + 1, close);
          t.raw = true;
          this.advanceLines(start, close + 1);
          out.push(t);
          continue;
        }
        case Ch.Dollar: {
          const q = src.charCodeAt(start + 1);
          if (q !== Ch.Quote && q !== Ch.Backtick) this.fail('illegal $ character', start);
          const t = this.token('template', start, 0, line, col);
          t.raw = q === Ch.Backtick;
          t.parts = this.template(start + 2, t.raw);
          t.end = this.pos;
          t.text = src.slice(start, this.pos);
          out.push(t);
          continue;
        }
        case Ch.LBrace:
          depth++;
          break;
        case Ch.RBrace:
          if (inTemplate && depth === 0) {
            this.pos = start + 1;
            out.push({ kind: 'eof', text: '}', offset: start, end: start, line, col, ws, nl });
            return out;
          }
          depth--;
          break;
      }
      const c2 = src.charCodeAt(start + 1);
      switch (c) {
        case 58: // :
          out.push(c2 === 61 ? this.token(':=', start, 2, line, col) : this.token(':', start, 1, line, col));
          continue;
        case 61: // =
          out.push(c2 === 61 ? this.token('==', start, 2, line, col) : this.token('=', start, 1, line, col));
          continue;
        case Ch.Bang:
          if (c2 !== 61) this.fail('illegal ! character', start);
          out.push(this.token('!=', start, 2, line, col));
          continue;
        case 60: // <
          out.push(c2 === 61 ? this.token('<=', start, 2, line, col) : this.token('<', start, 1, line, col));
          continue;
        case 62: // >
          out.push(c2 === 61 ? this.token('>=', start, 2, line, col) : this.token('>', start, 1, line, col));
          continue;
      }
      const kind = PUNCT[c];
      if (kind === undefined) this.fail('illegal token', start);
      out.push(this.token(kind, start, 1, line, col));
    }
  }

  private token(kind: TokenKind, start: number, len: number, line: number, col: number): Token {
    this.pos = start + len;
    const text = this.src.slice(start, start + len);
    return { kind, text, offset: start, end: start + len, line, col, ws: this.ws, nl: this.nl };
  }

  /** Skips blanks and comments, noting whether anything (and a line break) was skipped. */
  private skipSpace(): void {
    const src = this.src;
    const start = this.pos;
    let nl = false;
    let i = this.pos;
    while (i < src.length) {
      const c = src.charCodeAt(i);
      if (c === Ch.Space || c === Ch.Tab || c === Ch.CR) {
        i++;
      } else if (c === Ch.LF) {
        i++;
        nl = true;
        this.line++;
        this.lineStart = i;
      } else if (c === Ch.Hash) {
        let j = src.indexOf('\n', i);
        if (j < 0) j = src.length;
        let textEnd = j;
        if (src.charCodeAt(textEnd - 1) === Ch.CR) textEnd--;
        this.comments.push({
          text: src.slice(i + 1, textEnd),
          offset: i,
          end: textEnd,
          line: this.line,
          col: i - this.lineStart + 1,
        });
        i = j;
      } else {
        break;
      }
    }
    this.pos = i;
    this.ws = i > start;
    this.nl = nl;
  }

  private advanceLines(from: number, to: number): void {
    const src = this.src;
    for (let i = src.indexOf('\n', from); i >= 0 && i < to; i = src.indexOf('\n', i + 1)) {
      this.line++;
      this.lineStart = i + 1;
    }
    this.pos = to;
  }

  /** Length of the number starting at `start`: digits, optional fraction, optional exponent. */
  private numberLength(start: number): number {
    const src = this.src;
    let i = start;
    while (isDigit(src.charCodeAt(i))) i++;
    if (src.charCodeAt(i) === 46) {
      i++;
      if (!isDigit(src.charCodeAt(i))) this.fail('expected fraction', i);
      while (isDigit(src.charCodeAt(i))) i++;
    }
    const e = src.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const s = src.charCodeAt(i);
      if (s === 43 || s === 45) i++;
      if (!isDigit(src.charCodeAt(i))) this.fail('expected exponent', i);
      while (isDigit(src.charCodeAt(i))) i++;
    }
    if (isIdentStart(src.charCodeAt(i))) this.fail('illegal number format', start);
    return i - start;
  }

  /** Decodes a double-quoted string whose body starts at `i`; leaves pos after the closing quote. */
  private quoted(i: number): string {
    const src = this.src;
    let out = '';
    let runStart = i;
    for (;;) {
      if (i >= src.length) this.fail('non-terminated string', runStart - 1);
      const c = src.charCodeAt(i);
      if (c === Ch.Quote) {
        out += src.slice(runStart, i);
        this.pos = i + 1;
        return out;
      }
      if (c === Ch.LF) this.fail('non-terminated string', i);
      if (c === Ch.Backslash) {
        out += src.slice(runStart, i);
        const [text, len] = this.escape(i, false);
        out += text;
        i += len;
        runStart = i;
        continue;
      }
      i++;
    }
  }

  /** Decodes the escape sequence at `i` (a backslash); returns its text and source length. */
  private escape(i: number, inTemplate: boolean): [string, number] {
    const c = this.src[i + 1];
    switch (c) {
      case '"':
        return ['"', 2];
      case '\\':
        return ['\\', 2];
      case '/':
        return ['/', 2];
      case 'b':
        return ['\b', 2];
      case 'f':
        return ['\f', 2];
      case 'n':
        return ['\n', 2];
      case 'r':
        return ['\r', 2];
      case 't':
        return ['\t', 2];
      case 'u': {
        const hex = this.src.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('illegal escape sequence', i);
        return [String.fromCharCode(parseInt(hex, 16)), 6];
      }
      case '{':
        if (inTemplate) return ['{', 2];
        break;
    }
    return this.fail('illegal escape sequence', i);
  }

  /**
   * Scans a template string body starting at `i` (after `$"` or `` $` ``): literal runs and
   * embedded expressions, each scanned by a nested run that stops at its closing brace.
   */
  private template(i: number, raw: boolean): TemplatePart[] {
    const src = this.src;
    const close = raw ? Ch.Backtick : Ch.Quote;
    const parts: TemplatePart[] = [];
    let text = '';
    let runStart = i;
    for (;;) {
      if (i >= src.length) this.fail('non-terminated string', runStart);
      const c = src.charCodeAt(i);
      if (c === close) {
        text += src.slice(runStart, i);
        if (text !== '') parts.push(text);
        this.advanceLines(this.pos, i + 1);
        return parts;
      }
      if (c === Ch.LF && !raw) this.fail('non-terminated string', i);
      if (c === Ch.Backslash) {
        if (raw) {
          if (src.charCodeAt(i + 1) === Ch.LBrace) {
            text += src.slice(runStart, i) + '{';
            i += 2;
            runStart = i;
          } else {
            i++;
          }
          continue;
        }
        text += src.slice(runStart, i);
        const [t, len] = this.escape(i, true);
        text += t;
        i += len;
        runStart = i;
        continue;
      }
      if (c === Ch.LBrace) {
        text += src.slice(runStart, i);
        if (text !== '') parts.push(text);
        text = '';
        this.advanceLines(this.pos, i + 1);
        const inner = new Lexer(src, this.file, i + 1, this.line, this.lineStart);
        parts.push(inner.run(true));
        this.comments.push(...inner.comments);
        this.line = inner.line;
        this.lineStart = inner.lineStart;
        i = inner.pos;
        this.pos = i;
        runStart = i;
        continue;
      }
      i++;
    }
  }
}
