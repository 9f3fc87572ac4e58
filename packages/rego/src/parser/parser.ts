// Recursive-descent parser for Rego terms, expressions and bodies (OPA v1 syntax). Module-level
// statements (package, imports, rules) are in module-parser.ts, which extends this class.
// Error texts follow OPA's parser, so messages read the same as `opa` prints them.

import { NestingLimitError, RegoError } from '../errors.ts';
import { MAX_NESTING_DEPTH } from '../limits.ts';
import { parseNumber, typeName } from '../value/value.ts';
import type {
  Body,
  CallTerm,
  EveryExpr,
  Expr,
  Location,
  RefTerm,
  ScalarTerm,
  SomeDeclExpr,
  SomeInExpr,
  TemplateStringTerm,
  Term,
  TermExpr,
  VarTerm,
  WithModifier,
} from '../ast/types.ts';
import type { Token, TokenKind } from './lexer.ts';

/** Words that act as keywords where the grammar expects one (`foo.if` is still a plain ref). */
export const KEYWORDS = new Set([
  'as',
  'contains',
  'default',
  'else',
  'every',
  'false',
  'if',
  'import',
  'in',
  'not',
  'null',
  'package',
  'some',
  'true',
  'with',
]);

/** The builtin each infix operator calls; also how OPA names these tokens in messages. */
const OPERATOR_NAMES: Partial<Record<TokenKind, string>> = {
  '==': 'equal',
  '!=': 'neq',
  '<': 'lt',
  '<=': 'lte',
  '>': 'gt',
  '>=': 'gte',
  '|': 'or',
  '&': 'and',
  '+': 'plus',
  '-': 'minus',
  '*': 'mul',
  '/': 'div',
  '%': 'rem',
  '=': 'eq',
  ':=': 'assign',
};

const RELATION = new Set<TokenKind>(['==', '!=', '<', '<=', '>', '>=']);

/** Shared between a module's parser and the parsers of its template-string expressions. */
export interface ParseState {
  wildcards: number;
  /** How many terms and literals enclose the current position. */
  depth?: number;
}

type Mark = [number, number];

interface CachedTerm {
  term: Term;
  end: number;
  /** The wildcard counter before and after the term: a hit must start from the same count. */
  wildcards: number;
  wildcardsAfter: number;
}

export class Parser {
  protected pos = 0;
  protected tok: Token;
  private readonly termCache = new Map<number, CachedTerm>();

  constructor(
    protected readonly tokens: Token[],
    protected readonly file: string,
    protected readonly state: ParseState = { wildcards: 0 },
  ) {
    this.tok = tokens[0] as Token;
  }

  // -------------------------------------------------------------------------------------------
  // Token helpers

  protected advance(): Token {
    const t = this.tok;
    if (t.kind !== 'eof') this.tok = this.tokens[++this.pos] as Token;
    return t;
  }

  /** Reads the current kind through a call, so checks after an advance are not narrowed away. */
  protected at(kind: TokenKind): boolean {
    return this.tok.kind === kind;
  }

  protected peek(k = 1): Token {
    return this.tokens[Math.min(this.pos + k, this.tokens.length - 1)] as Token;
  }

  /** A position to come back to after a speculative parse. */
  protected save(): Mark {
    return [this.pos, this.state.wildcards];
  }

  protected restore([pos, wildcards]: Mark): void {
    this.pos = pos;
    this.tok = this.tokens[pos] as Token;
    this.state.wildcards = wildcards;
  }

  /** End offset of the last consumed token. */
  protected lastEnd(): number {
    return this.pos > 0 ? (this.tokens[this.pos - 1] as Token).end : this.tok.offset;
  }

  /** The current token is the keyword `word` (not the head of a ref such as `in.foo`). */
  protected isWord(word: string): boolean {
    const t = this.tok;
    return t.kind === 'ident' && t.text === word && this.isKeywordToken(t, this.peek());
  }

  /** A keyword in use: not a ref head (`in.foo`, `if[x]`) nor the builtin `contains(...)`. */
  protected isKeywordToken(t: Token, next: Token): boolean {
    if (t.kind !== 'ident' || !KEYWORDS.has(t.text)) return false;
    if (next.ws) return true;
    return next.kind !== '.' && next.kind !== '[' && !(next.kind === '(' && t.text === 'contains');
  }

  protected loc(start: Token): Location {
    return { file: this.file, line: start.line, col: start.col, offset: start.offset, end: this.lastEnd() };
  }

  protected tokLoc(t: Token): Location {
    return { file: this.file, line: t.line, col: t.col, offset: t.offset, end: t.end };
  }

  protected error(msg: string, at: Token | Location = this.tok): never {
    throw new RegoError('rego_parse_error', msg, 'kind' in at ? this.tokLoc(at) : at);
  }

  /** OPA's wording: `unexpected <token> token[: note]`; keywords say `keyword`. */
  protected illegal(note?: string, t: Token = this.tok): never {
    throw this.illegalError(note, t);
  }

  protected illegalError(note?: string, t: Token = this.tok): RegoError {
    const next = t === this.tok ? this.peek() : (this.tokens[this.tokens.indexOf(t) + 1] ?? t);
    const isKw = this.isKeywordToken(t, next);
    const what = `unexpected ${tokenName(t, isKw)} ${isKw ? 'keyword' : 'token'}`;
    return new RegoError('rego_parse_error', note ? `${what}: ${note}` : what, this.tokLoc(t));
  }

  // -------------------------------------------------------------------------------------------
  // Bodies and literals

  /**
   * Literals up to (and consuming) `end`, separated by `;` or line breaks. A query (ending at
   * eof) needs no separator, as in OPA where each literal is its own statement.
   */
  protected parseBody(end: TokenKind): Body {
    if (this.at(end)) this.error('found empty body');
    const body: Body = [];
    for (;;) {
      body.push(this.parseLiteral());
      if (this.at(';')) {
        this.advance();
        continue;
      }
      if (this.at(end)) {
        this.advance();
        return body;
      }
      if (!this.tok.nl && end !== 'eof') this.illegal(`expected \\n or ; or ${end}`);
    }
  }

  protected parseLiteral(): Expr {
    return this.nested(() => this.parseLiteralAt());
  }

  /** Runs a nested parse, refusing nesting past MAX_NESTING_DEPTH before the stack runs out. */
  private nested<T>(fn: () => T): T {
    const depth = this.state.depth ?? 0;
    if (depth >= MAX_NESTING_DEPTH) throw new NestingLimitError(this.tokLoc(this.tok));
    this.state.depth = depth + 1;
    try {
      return fn();
    } finally {
      this.state.depth = depth;
    }
  }

  private parseLiteralAt(): Expr {
    const start = this.tok;
    const negated = this.isWord('not');
    if (negated) this.advance();
    let expr: Expr;
    if (this.isWord('some')) {
      if (negated) this.illegal("illegal negation of 'some'");
      expr = this.parseSome();
    } else if (this.isWord('every')) {
      if (negated) this.illegal("illegal negation of 'every'");
      expr = this.parseEvery();
    } else {
      expr = this.parseTermExpr(negated, start);
    }
    if (this.isWord('with')) {
      expr.with = this.parseWiths();
      expr.loc = this.loc(start);
    }
    return expr;
  }

  protected parseTermExpr(negated: boolean, start: Token): TermExpr {
    const lhs = this.parseInfix(true);
    const k = this.tok.kind;
    if (k === '=' || k === ':=') {
      this.advance();
      const rhs = this.parseInfix(true);
      return { type: 'expr', op: k === '=' ? 'unify' : 'assign', terms: [lhs, rhs], negated, with: [], loc: this.loc(start) };
    }
    return { type: 'expr', op: 'term', terms: [lhs], negated, with: [], loc: this.loc(start) };
  }

  protected parseWiths(): WithModifier[] {
    const out: WithModifier[] = [];
    while (this.isWord('with')) {
      const start = this.advance();
      if (!this.at('ident')) this.illegal('expected ident');
      const target = this.parseTerm();
      if (target.type !== 'ref' && target.type !== 'var') this.illegal('expected with target path');
      if (!this.isWord('as')) this.illegal('expected as keyword');
      this.advance();
      const value = this.parseInfix(true);
      out.push({ target, value, loc: this.loc(start) });
    }
    return out;
  }

  private parseSome(): SomeDeclExpr | SomeInExpr {
    const start = this.advance();
    const save = this.save();
    const term = this.tryParse(() => this.parseInfix(true));
    if (term?.type === 'call') {
      const name = operatorName(term);
      if (name !== 'internal.member_2' && name !== 'internal.member_3') {
        this.illegal('expected `x in xs` or `x, y in xs` expression');
      }
      const [a, b, c] = term.args as [Term, Term, Term | undefined];
      return c === undefined
        ? { type: 'some-in', value: a, collection: b, negated: false, with: [], loc: this.loc(start) }
        : { type: 'some-in', key: a, value: b, collection: c, negated: false, with: [], loc: this.loc(start) };
    }
    this.restore(save);
    const vars: VarTerm[] = [];
    for (;;) {
      if (!this.at('ident') || this.isKeywordToken(this.tok, this.peek())) this.illegal('expected var');
      vars.push(this.parseVar());
      if (!this.at(',')) break;
      this.advance();
    }
    return { type: 'some-decl', vars, negated: false, with: [], loc: this.loc(start) };
  }

  private parseEvery(): EveryExpr {
    const start = this.advance();
    const term = this.parseInfix(true);
    const name = term.type === 'call' ? operatorName(term) : undefined;
    if (term.type !== 'call' || (name !== 'internal.member_2' && name !== 'internal.member_3')) {
      return this.illegal('expected `x[, y] in xs { ... }` expression');
    }
    const args = term.args;
    const key = args.length === 3 ? args[0] : undefined;
    const value = args[args.length - 2] as Term;
    if (key && key.type !== 'var') this.illegal('expected key to be a variable');
    if (value.type !== 'var') this.illegal('expected value to be a variable');
    if (!this.at('{')) this.illegal('missing body');
    this.advance();
    const body = this.parseBody('}');
    const domain = args[args.length - 1] as Term;
    const every: EveryExpr = { type: 'every', value, domain, body, negated: false, with: [], loc: this.loc(start) };
    if (key?.type === 'var') every.key = key;
    return every;
  }

  /**
   * Runs a speculative parse; on failure the position is left for the caller to restore. Its
   * errors are dropped, so they are built without stack traces (which cost more than parsing).
   */
  protected tryParse<T>(fn: () => T): T | undefined {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return fn();
    } catch (e) {
      if (e instanceof RegoError && !(e instanceof NestingLimitError)) return undefined;
      throw e;
    } finally {
      Error.stackTraceLimit = limit;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Infix terms, loosest first: in, relations, |, &, + -, * / % (each left-associative)

  /** `keyVal` admits `k, v in xs` (not inside lists, where the comma separates items). */
  protected parseInfix(keyVal: boolean): Term {
    const start = this.tok;
    let lhs = this.parseRelation();
    if (keyVal && this.at(',')) {
      const save = this.save();
      this.advance();
      const mhs = this.tryParse(() => this.parseRelation());
      if (mhs && this.isWord('in')) {
        this.advance();
        const rhs = this.parseRelation();
        lhs = this.call(['internal', 'member_3'], [lhs, mhs, rhs], start);
      } else {
        this.restore(save);
      }
    }
    while (this.isWord('in')) {
      this.advance();
      const rhs = this.parseRelation();
      lhs = this.call(['internal', 'member_2'], [lhs, rhs], start);
    }
    return lhs;
  }

  private parseRelation(): Term {
    const start = this.tok;
    let lhs = this.parseOr();
    while (RELATION.has(this.tok.kind)) {
      const op = OPERATOR_NAMES[this.advance().kind] as string;
      lhs = this.call([op], [lhs, this.parseOr()], start);
    }
    return lhs;
  }

  private parseOr(): Term {
    const start = this.tok;
    let lhs = this.parseAnd();
    while (this.at('|')) {
      this.advance();
      lhs = this.call(['or'], [lhs, this.parseAnd()], start);
    }
    return lhs;
  }

  private parseAnd(): Term {
    const start = this.tok;
    let lhs = this.parseArith();
    while (this.at('&')) {
      this.advance();
      lhs = this.call(['and'], [lhs, this.parseArith()], start);
    }
    return lhs;
  }

  private parseArith(): Term {
    const start = this.tok;
    let lhs = this.parseFactor();
    while (this.at('+') || this.at('-')) {
      const op = OPERATOR_NAMES[this.advance().kind] as string;
      lhs = this.call([op], [lhs, this.parseFactor()], start);
    }
    return lhs;
  }

  private parseFactor(): Term {
    const start = this.tok;
    let lhs = this.parseTerm();
    while (this.at('*') || this.at('/') || this.at('%')) {
      const op = OPERATOR_NAMES[this.advance().kind] as string;
      lhs = this.call([op], [lhs, this.parseTerm()], start);
    }
    return lhs;
  }

  /** A call to a builtin named by its dotted path, located from `start` to the last token. */
  private call(name: string[], args: Term[], start: Token): CallTerm {
    const loc = this.loc(start);
    const head: VarTerm = { type: 'var', name: name[0] as string, loc };
    const operator: VarTerm | RefTerm =
      name.length === 1 ? head : { type: 'ref', head, path: name.slice(1).map((s) => scalar(s, loc)), loc };
    return { type: 'call', operator, args, loc, infix: true };
  }

  // -------------------------------------------------------------------------------------------
  // Primary terms

  /**
   * A term. Composite terms are memoised by position: comprehension and object heads are parsed
   * once as plain terms and again as infix terms, which would otherwise cost time exponential
   * in the nesting depth of arrays, sets and objects.
   */
  protected parseTerm(): Term {
    return this.nested(() => this.parseTermMemo());
  }

  private parseTermMemo(): Term {
    if (!this.at('[') && !this.at('{')) return this.parseTermAt();
    const start = this.pos;
    const wildcards = this.state.wildcards;
    const hit = this.termCache.get(start);
    if (hit && hit.wildcards === wildcards) {
      this.restore([hit.end, hit.wildcardsAfter]);
      return hit.term;
    }
    const term = this.parseTermAt();
    this.termCache.set(start, { term, end: this.pos, wildcards, wildcardsAfter: this.state.wildcards });
    return term;
  }

  private parseTermAt(): Term {
    const t = this.tok;
    let term: Term;
    switch (t.kind) {
      case 'number':
        this.advance();
        return this.number(t, '');
      case '-':
        return this.parseMinus();
      case '.':
        return this.parseLeadingDot('');
      case 'string':
        this.advance();
        term = { type: 'scalar', value: t.value as string, loc: this.tokLoc(t) };
        break;
      case 'template':
        this.advance();
        term = this.parseTemplate(t);
        break;
      case 'ident':
        // `contains` is a keyword only in rule heads; elsewhere it names a var or the builtin.
        if (t.text !== 'contains' && this.isKeywordToken(t, this.peek())) {
          if (t.text !== 'true' && t.text !== 'false' && t.text !== 'null') this.illegal();
          this.advance();
          term = { type: 'scalar', value: t.text === 'null' ? null : t.text === 'true', loc: this.tokLoc(t) };
          break;
        }
        term = this.parseVar();
        break;
      case '[':
        term = this.parseArray();
        break;
      case '{':
        term = this.parseBrace();
        break;
      case '(': {
        this.advance();
        term = this.parseInfix(true);
        if (!this.at(')')) this.error('non-terminated expression');
        this.advance();
        break;
      }
      default:
        return this.illegal();
    }
    return this.parseRefTail(term, t);
  }

  /** `-1`, `- 1.5`, `-.5`; before any other term, `-x` means `0 - x`. */
  private parseMinus(): Term {
    const minus = this.advance();
    if (this.at('number')) return this.number(this.advance(), '-', minus);
    if (this.at('.') && this.peek().kind === 'number' && !this.peek().ws) return this.parseLeadingDot('-', minus);
    const operand = this.parseTerm();
    return this.call(['minus'], [{ type: 'scalar', value: 0, loc: this.tokLoc(minus) }, operand], minus);
  }

  /** A number written with its leading zero left out: `.5`. */
  private parseLeadingDot(sign: string, start?: Token): Term {
    const dot = this.advance();
    const n = this.tok;
    if (n.kind !== 'number' || n.ws || n.text.includes('.')) this.illegal('expected number');
    this.advance();
    return { type: 'scalar', value: parseNumber(`${sign}0.${n.text}`), loc: this.loc(start ?? dot) };
  }

  private number(t: Token, sign: string, start: Token = t): ScalarTerm {
    const text = t.text;
    if (text.length > 1 && text.charCodeAt(0) === 48 && text[1] !== '.' && text[1] !== 'e' && text[1] !== 'E') {
      this.illegal('expected number without leading zero', t);
    }
    return { type: 'scalar', value: parseNumber(sign + text), loc: this.loc(start) };
  }

  protected parseVar(): VarTerm {
    const t = this.advance();
    const name = t.text === '_' ? `$_${this.state.wildcards++}` : t.text;
    return { type: 'var', name, loc: this.tokLoc(t) };
  }

  /** `.name`, `[term]` and `(args)` directly after a term (no space between). */
  protected parseRefTail(term: Term, start: Token): Term {
    for (;;) {
      const t = this.tok;
      if (t.ws || (t.kind !== '.' && t.kind !== '[' && t.kind !== '(')) return term;
      if (term.type === 'scalar' || term.type === 'template') {
        this.error(`illegal ref (head cannot be ${term.type === 'scalar' ? typeName(term.value) : 'templatestring'})`, term.loc);
      }
      this.advance();
      if (t.kind === '.') {
        const name = this.tok;
        if (name.kind !== 'ident' || name.ws) this.illegal('expected ident');
        this.advance();
        term = this.extendRef(term, scalar(name.text, this.tokLoc(name)), start);
      } else if (t.kind === '[') {
        const key = this.parseInfix(true);
        // OPA's text names the opening bracket here.
        if (!this.at(']')) this.illegal('expected [');
        this.advance();
        term = this.extendRef(term, key, start);
      } else {
        term = this.parseCall(term, start, t);
      }
    }
  }

  private parseCall(operator: Term, start: Token, paren: Token): Term {
    const ok =
      operator.type === 'var' ||
      (operator.type === 'ref' &&
        operator.head.type === 'var' &&
        operator.path.every((p) => p.type === 'scalar' && typeof p.value === 'string'));
    if (!ok) this.illegal(undefined, paren);
    const args = this.parseList(')');
    const loc = this.loc(start);
    // `set()` is the empty set literal, as `{}` is the empty object.
    if (args.length === 0 && operator.type === 'var' && operator.name === 'set') return { type: 'set', items: [], loc };
    return { type: 'call', operator: operator as VarTerm | RefTerm, args, loc };
  }

  private extendRef(term: Term, key: Term, start: Token): RefTerm {
    if (term.type === 'ref') return { type: 'ref', head: term.head, path: [...term.path, key], loc: this.loc(start) };
    return { type: 'ref', head: term, path: [key], loc: this.loc(start) };
  }

  /** Comma-separated terms up to `end` (consumed); a trailing comma is allowed. */
  private parseList(end: TokenKind, items: Term[] = []): Term[] {
    while (!this.at(end)) {
      items.push(this.parseInfix(false));
      if (this.at(',')) this.advance();
      else if (!this.at(end)) this.illegal(`expected "," or "${end}"`);
    }
    this.advance();
    return items;
  }

  /**
   * Comprehension body after `|`. When it does not parse and a comma follows, the braces hold
   * a plain list instead (`{a | b, c}`): undefined tells the caller to re-read them so.
   */
  private comprehensionBody(end: TokenKind): Body | undefined {
    this.advance();
    try {
      return this.parseBody(end);
    } catch (e) {
      if (e instanceof RegoError && this.at(',')) return undefined;
      throw e;
    }
  }

  private parseArray(): Term {
    const start = this.advance();
    if (this.at(']')) {
      this.advance();
      return { type: 'array', items: [], loc: this.loc(start) };
    }
    // OPA still accepts a leading comma (`[, 1]`); such an array is never a comprehension.
    const leadingComma = this.at(',');
    if (leadingComma) this.advance();
    // A comprehension head is a plain term: `[x | ...]` is a comprehension, not `or(x, ...)`.
    const save = this.save();
    const head = this.tryParse(() => this.parseTerm());
    if (head && this.at('|') && !leadingComma) {
      const body = this.comprehensionBody(']');
      if (body) return { type: 'comprehension', kind: 'array', head, body, loc: this.loc(start) };
    }
    this.restore(save);
    return { type: 'array', items: this.parseList(']'), loc: this.loc(start) };
  }

  /** `{}` object, `{k: v, ...}` object, `{a, b}` set, or a set/object comprehension. */
  private parseBrace(): Term {
    const start = this.advance();
    if (this.at('}')) {
      this.advance();
      return { type: 'object', entries: [], loc: this.loc(start) };
    }
    const leadingComma = this.at(',');
    if (leadingComma) this.advance();
    const save = this.save();
    const head = this.tryParse(() => this.parseTerm());
    if (head && this.at('|') && !leadingComma) {
      const body = this.comprehensionBody('}');
      if (body) return { type: 'comprehension', kind: 'set', head, body, loc: this.loc(start) };
    } else if (head && this.at(':')) {
      return this.parseObject(head, !leadingComma, start);
    }
    this.restore(save);
    const first = this.parseInfix(false);
    if (this.at(':')) return this.parseObject(first, !leadingComma, start);
    if (!this.at('}') && !this.at(',')) this.illegal('non-terminated set');
    if (this.at(',')) this.advance();
    return { type: 'set', items: this.parseList('}', [first]), loc: this.loc(start) };
  }

  /** After an object's first key, at its colon. */
  private parseObject(key: Term, comprehension: boolean, start: Token): Term {
    this.advance();
    const save = this.save();
    const value = this.tryParse(() => this.parseTerm());
    if (value && comprehension && this.at('|')) {
      const body = this.comprehensionBody('}');
      if (body) return { type: 'comprehension', kind: 'object', head: key, value, body, loc: this.loc(start) };
    }
    this.restore(save);
    const entries: [Term, Term][] = [[key, this.parseInfix(false)]];
    if (!this.at('}') && !this.at(',')) this.illegal('non-terminated object');
    for (;;) {
      if (this.at(',')) this.advance();
      if (this.at('}')) break;
      const k = this.parseInfix(false);
      if (!this.at(':')) this.illegal('expected ":"');
      this.advance();
      entries.push([k, this.parseInfix(false)]);
      if (!this.at('}') && !this.at(',')) this.illegal('expected "," or "}"');
    }
    this.advance();
    return { type: 'object', entries, loc: this.loc(start) };
  }

  /** Template parts: literal text and embedded terms, each with its own `with` modifiers. */
  private parseTemplate(t: Token): TemplateStringTerm {
    const parts: TemplateStringTerm['parts'] = [];
    const withs: WithModifier[][] = [];
    for (const part of t.parts as (string | Token[])[]) {
      if (typeof part === 'string') {
        parts.push(part);
        withs.push([]);
        continue;
      }
      const sub = new Parser(part, this.file, this.state);
      const expr = sub.parseLiteral();
      if (expr.type !== 'expr' || expr.op !== 'term' || expr.negated) return sub.error(templateMisuse(expr), expr.loc);
      if (!sub.at('eof')) sub.error('expected } to end template string expression');
      parts.push(expr.terms[0]);
      withs.push(expr.with);
    }
    const term: TemplateStringTerm = { type: 'template', parts, raw: t.raw === true, loc: this.tokLoc(t) };
    if (withs.some((w) => w.length > 0)) term.withs = withs;
    return term;
  }
}

/** Why an expression cannot stand inside `{...}` of a template string. */
function templateMisuse(e: Expr): string {
  if (e.type === 'every') return "unexpected 'every' in template-string expression";
  if (e.type !== 'expr') return "unexpected 'some' in template-string expression";
  if (e.negated) return "unexpected negation ('not') in template-string expression";
  return e.op === 'unify'
    ? "unexpected unification ('=') in template-string expression"
    : "unexpected assignment (':=') in template-string expression";
}

/** How OPA names a token in `unexpected ... token` messages. */
function tokenName(t: Token, isKeyword: boolean): string {
  switch (t.kind) {
    case 'ident':
      return isKeyword ? t.text : 'ident';
    case 'eof':
      // A template expression ends at its closing brace, scanned as that expression's eof.
      return t.text || 'eof';
    case 'template':
      return (t.parts ?? []).some((p) => typeof p !== 'string') ? 'template-string-part' : 'template-string-end';
    default:
      return OPERATOR_NAMES[t.kind] ?? t.kind;
  }
}

export function scalar(value: string, loc: Location): ScalarTerm {
  return { type: 'scalar', value, loc };
}

/** The dotted name a call targets (`count`, `strings.replace_n`, `data.lib.f`). */
export function operatorName(call: CallTerm): string {
  const op = call.operator;
  if (op.type === 'var') return op.name;
  const head = op.head.type === 'var' ? op.head.name : '';
  return [head, ...op.path.map((p) => (p.type === 'scalar' ? String(p.value) : '?'))].join('.');
}
