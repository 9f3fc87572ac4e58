// Module-level parsing: the package clause, imports and rules (with their heads, bodies and
// `else` chains), then METADATA annotations attached to the statements they precede.

import type {
  Body,
  ElseClause,
  Expr,
  Import,
  Location,
  Module,
  RefTerm,
  Rule,
  RuleHead,
  RuleKind,
  Term,
  VarTerm,
} from '../ast/types.ts';
import { NestingLimitError, RegoError, RegoErrors } from '../errors.ts';
import { typeName } from '../value/value.ts';
import { attachAnnotations, type Statement } from './annotations.ts';
import type { Comment, Token } from './lexer.ts';
import { KEYWORDS, Parser, scalar } from './parser.ts';
import { headRefTerm, termText } from './print.ts';

/** A module reports at most this many errors; later ones are usually knock-on effects. */
const MAX_ERRORS = 10;

const FUTURE_KEYWORDS = ['contains', 'every', 'if', 'in'];

export class ModuleParser extends Parser {
  /** Errors found in a statement that still parsed (OPA's v1 checks), reported at the end. */
  private readonly deferred: RegoError[] = [];
  private readonly statements: Statement[] = [];

  module(source: string, comments: Comment[]): Module {
    if (this.at('eof')) this.error('empty module', { file: this.file, line: 1, col: 1 });
    if (!this.isWord('package')) this.error('package expected');
    const pkgStart = this.advance();
    const pkg = this.parsePackagePath();
    const module: Module = { file: this.file, pkg, pkgLoc: this.loc(pkgStart), imports: [], rules: [], annotations: [], source };
    this.statements.push({ line: pkgStart.line, node: 'package' });
    const errors: RegoError[] = [];
    while (!this.at('eof') && errors.length < MAX_ERRORS) {
      const start = this.pos;
      try {
        this.parseStatement(module);
      } catch (e) {
        if (e instanceof RegoError) errors.push(e);
        else if (e instanceof RegoErrors) errors.push(...e.errors);
        else throw e;
        this.skipStatement(start);
      }
    }
    errors.push(...this.deferred);
    if (errors.length === 0) errors.push(...attachAnnotations(module, this.statements, comments, this.file));
    if (errors.length > 0) {
      errors.sort((a, b) => (a.location?.offset ?? 0) - (b.location?.offset ?? 0));
      throw new RegoErrors(errors.slice(0, MAX_ERRORS));
    }
    return module;
  }

  /** A whole query: literals up to the end of input. */
  query(): Body {
    if (this.at('eof')) this.error('empty query');
    return this.parseBody('eof');
  }

  /** A single term and nothing after it. */
  term(): Term {
    const t = this.parseInfix(false);
    if (!this.at('eof')) this.illegal();
    return t;
  }

  // -------------------------------------------------------------------------------------------

  private parseStatement(module: Module): void {
    const start = this.tok;
    if (this.isWord('import')) {
      module.imports.push(this.parseImport());
      this.statements.push({ line: start.line, node: 'import' });
    } else if (this.isWord('package')) {
      this.error('unexpected package');
    } else {
      const rule = this.parseRule(module);
      module.rules.push(rule);
      this.statements.push({ line: start.line, node: rule });
    }
  }

  /**
   * After an error: resumes past it at the next line-initial token outside any brackets opened
   * since the statement began, where the next statement may start.
   */
  private skipStatement(start: number): void {
    const failedAt = this.pos;
    let depth = 0;
    let i = start;
    for (; i < this.tokens.length - 1; i++) {
      const t = this.tokens[i] as Token;
      if (i > start && i >= failedAt && t.col === 1 && depth <= 0) break;
      if (t.kind === '{' || t.kind === '[' || t.kind === '(') depth++;
      else if (t.kind === '}' || t.kind === ']' || t.kind === ')') depth--;
    }
    this.restore([i, this.state.wildcards]);
  }

  /** `package a.b["c"]`: the path without the `data` root. */
  private parsePackagePath(): string[] {
    if (!this.at('ident')) this.illegal();
    const term = this.parseTerm();
    if (term.type === 'var') return [term.name];
    if (term.type !== 'ref' || term.head.type !== 'var') return this.illegal();
    const path = [term.head.name];
    for (const p of term.path) {
      if (p.type !== 'scalar' || typeof p.value !== 'string') this.notString(p);
      path.push(p.value);
    }
    return path;
  }

  private notString(t: Term): never {
    return this.error(`unexpected ${termTypeName(t)} token: expecting string`, t.loc);
  }

  private parseImport(): Import {
    const start = this.advance();
    if (!this.at('ident')) this.illegal();
    const term = this.parseTerm();
    const path: RefTerm | undefined =
      term.type === 'var' ? { type: 'ref', head: term, path: [], loc: term.loc } : term.type === 'ref' ? term : undefined;
    if (path === undefined) return this.error('expected path', term.loc);
    for (const p of path.path) {
      if (p.type !== 'scalar' || typeof p.value !== 'string') this.notString(p);
    }
    const root = path.head.type === 'var' ? path.head.name : termText(path.head);
    if (root !== 'data' && root !== 'input' && root !== 'future' && root !== 'rego') {
      this.error(
        `unexpected import path, must begin with one of: {data, future, input, rego}, got: ${root}` +
          ' (hint: if this is unexpected, try updating OPA)',
        path.loc,
      );
    }
    const imp: Import = { path, loc: this.loc(start) };
    if (this.isWord('as')) {
      this.advance();
      if (!this.at('ident') || this.isKeywordToken(this.tok, this.peek())) this.illegal('expected var');
      imp.alias = this.advance().text;
      imp.loc = this.loc(start);
    }
    const names = path.path.map((p) => (p.type === 'scalar' ? String(p.value) : ''));
    if (root === 'future') this.checkFutureImport(imp, names);
    else if (root === 'rego') this.checkRegoImport(imp, names);
    else if (imp.alias === undefined) {
      const last = names.length > 0 ? (names[names.length - 1] as string) : root;
      if (KEYWORDS.has(last)) {
        const msg = `unexpected import path, must not end with a keyword, got: ${last}`;
        this.error(`${msg} (hint: import a different path or use an alias)`, path.loc);
      }
    }
    return imp;
  }

  private checkFutureImport(imp: Import, names: string[]): void {
    if (names[0] !== 'keywords') this.error('invalid import, must be `future.keywords`', imp.path.loc);
    if (imp.alias !== undefined) this.error('`future` imports cannot be aliased', imp.path.loc);
    if (names.length === 2 && !FUTURE_KEYWORDS.includes(names[1] as string)) {
      this.error(`unexpected keyword, must be one of [${FUTURE_KEYWORDS.join(' ')}]`, imp.path.loc);
    }
  }

  private checkRegoImport(imp: Import, names: string[]): void {
    if (names.length !== 1 || names[0] !== 'v1') {
      this.error(`invalid import \`${termText(imp.path)}\`, must be \`rego.v1\``, imp.path.loc);
    }
  }

  /** One rule statement, its `else` clauses included. */
  private parseRule(module: Module): Rule {
    const start = this.tok;
    const isDefault = this.isWord('default');
    if (isDefault) this.advance();
    const headStart = this.tok;
    if (!this.at('ident')) this.illegal();
    const target = this.parseTerm();
    let args: Term[] | undefined;
    let ref: Term[];
    if (target.type === 'call') {
      args = target.args;
      ref = this.ruleRef(target.operator, headStart);
    } else if (target.type === 'var' || target.type === 'ref') {
      ref = this.ruleRef(target, headStart);
    } else {
      return this.illegal(undefined, headStart);
    }
    const head: RuleHead = { ref, assign: false, loc: this.loc(headStart) };
    if (args) head.args = args;
    let kind: RuleKind = args ? 'function' : ref.every((t) => t.type === 'scalar') ? 'complete' : 'partial-object';
    if (this.isWord('contains')) {
      if (args) {
        const name = headName(ref);
        this.illegal(`the contains keyword can only be used with multi-value rule definitions (e.g., ${name} contains <VALUE> { ... })`);
      }
      this.advance();
      head.key = this.headTerm(() => `expected rule key term (e.g., ${headName(ref)} contains <VALUE> { ... })`);
      kind = 'partial-set';
    } else if (this.at(':=') || this.at('=')) {
      head.assign = this.advance().kind === ':=';
      head.value = this.headTerm(() => valueExpected(headName(ref), head.assign, args !== undefined, isDefault));
    }
    head.loc = this.loc(headStart);
    const rule: Rule = { kind, isDefault, head, body: [], elses: [], annotations: [], module, loc: head.loc };
    if (isDefault) {
      this.checkDefault(rule, this.tokLoc(start));
      rule.loc = this.loc(start);
      return rule;
    }

    if (this.isWord('if')) {
      this.advance();
      rule.body = this.parseRuleBody();
    } else if (this.at('{')) {
      // v0 syntax: parse the body to keep going, and report what v1 requires.
      const loc = this.tokLoc(start);
      const what = args ? 'function' : 'rule';
      this.deferred.push(new RegoError('rego_parse_error', `\`if\` keyword is required before ${what} body`, loc));
      if (!args && head.value === undefined && head.key === undefined && ref.length === 2) {
        this.deferred.push(new RegoError('rego_parse_error', '`contains` keyword is required for partial set rules', loc));
      }
      this.advance();
      rule.body = this.parseBody('}');
    } else if (head.value === undefined && head.key === undefined) {
      this.error('rule must have value assignment and/or body', headStart);
    }

    while (this.isWord('else')) {
      if (ref.length > 1 && !ref.every((t) => t.type === 'scalar')) {
        this.error('else keyword cannot be used on rules with variables in head');
      }
      if (kind === 'partial-set') this.error('else keyword cannot be used on multi-value rules');
      rule.elses.push(this.parseElse());
    }
    rule.loc = this.loc(start);
    return rule;
  }

  /** A rule head's key or value term; when it does not parse, OPA adds what it expected. */
  private headTerm(expected: () => string): Term {
    try {
      return this.parseInfix(true);
    } catch (e) {
      if (!(e instanceof RegoError) || e instanceof NestingLimitError) throw e;
      throw new RegoErrors([e, this.illegalError(expected())]);
    }
  }

  /** OPA's checks on `default` rules: a constant value and plain, distinct variables as args. */
  private checkDefault(rule: Rule, loc: Location): void {
    const { value, args } = rule.head;
    if (value === undefined) this.error('illegal default rule (must have a value)', loc);
    const bad = nonConstant(value);
    if (bad) this.error(`illegal default rule (value cannot contain ${bad})`, loc);
    const seen = new Set<string>();
    for (const a of args ?? []) {
      if (a.type !== 'var') this.error(`illegal default rule (arguments cannot contain ${termTypeName(a)})`, loc);
      if (seen.has(a.name)) this.error(`illegal default rule (arguments cannot be repeated ${a.name})`, loc);
      seen.add(a.name);
    }
  }

  /**
   * After `if`: a single literal, or a braced body. OPA reads a brace as a literal term when it
   * can (`if {x | ...}` is a set comprehension, `if {"a": 1}` an object) unless that term is a
   * set (`if { x }`). Bodies are far more common, so they are tried first, and a literal only
   * where the two readings could differ.
   */
  private parseRuleBody(): Body {
    if (!this.at('{')) return [this.parseLiteral()];
    const save = this.save();
    if (this.startsSetComprehension()) {
      const literal = this.tryParse(() => this.parseLiteral());
      if (literal && !isSetLiteral(literal)) return [literal];
      this.restore(save);
    }
    try {
      this.advance();
      return this.parseBody('}');
    } catch (bodyError) {
      this.restore(save);
      const literal = this.tryParse(() => this.parseLiteral());
      if (literal === undefined || isSetLiteral(literal)) throw bodyError;
      return [literal];
    }
  }

  /** At `{`: a plain term and `|` follow, as in a set comprehension. Leaves the position. */
  private startsSetComprehension(): boolean {
    const save = this.save();
    this.advance();
    const t = this.tok;
    const literalWord = t.text === 'true' || t.text === 'false' || t.text === 'null';
    const result =
      !(this.isKeywordToken(t, this.peek()) && !literalWord) &&
      this.tryParse(() => this.parseTerm()) !== undefined &&
      this.at('|');
    this.restore(save);
    return result;
  }

  private parseElse(): ElseClause {
    const start = this.advance();
    const clause: ElseClause = { body: [], loc: this.tokLoc(start) };
    if (this.at(':=') || this.at('=')) {
      this.advance();
      clause.value = this.parseInfix(true);
    } else if (!this.at('{') && !this.isWord('if')) {
      this.illegal('expected else value term or rule body');
    }
    if (this.isWord('if')) {
      this.advance();
      if (this.at('eof')) this.illegal('rule body expected');
      if (!this.at('{')) clause.body = [this.parseLiteral()];
    }
    if (clause.body.length === 0 && this.at('{')) {
      this.advance();
      clause.body = this.parseBody('}');
    }
    clause.loc = this.loc(start);
    return clause;
  }

  /** A rule's reference as a path of terms: `p.q[x]` → ["p", "q", x]. */
  private ruleRef(t: VarTerm | RefTerm, at: Token): Term[] {
    if (t.type === 'var') return [scalar(t.name, t.loc)];
    if (t.head.type !== 'var') this.illegal(undefined, at);
    return [scalar(t.head.name, t.head.loc), ...t.path];
  }
}

/** OPA's note when a rule head's value does not parse, with an example of the form. */
function valueExpected(name: string, assign: boolean, isFunction: boolean, isDefault: boolean): string {
  if (!assign) return `expected rule value term (e.g., ${name}[<nil>] = <VALUE> { ... })`;
  if (isFunction) return `expected function value term (e.g., ${name}(...) := <VALUE> { ... })`;
  if (isDefault) return `expected default rule value term (e.g., default ${name} := <VALUE>)`;
  return `expected rule value term (e.g., ${name} := <VALUE> { ... })`;
}

/** A rule head's path as OPA prints it in messages (`p`, `a.b[x]`). */
function headName(ref: Term[]): string {
  return termText(headRefTerm(ref));
}

function isSetLiteral(e: Expr): boolean {
  return e.type === 'expr' && e.op === 'term' && e.terms[0].type === 'set';
}

/** OPA's name for a term's kind in messages (`var`, `string`, `array`, ...). */
function termTypeName(t: Term): string {
  if (t.type === 'scalar') return typeName(t.value);
  if (t.type === 'comprehension') return `${t.kind}comprehension`;
  return t.type === 'template' ? 'templatestring' : t.type;
}

/** The first var, ref or call in a default value (comprehensions aside), if any. */
function nonConstant(t: Term | undefined): string | undefined {
  if (t === undefined) return undefined;
  switch (t.type) {
    case 'var':
    case 'ref':
    case 'call':
      return t.type;
    case 'array':
    case 'set':
      return t.items.map(nonConstant).find((x) => x !== undefined);
    case 'object':
      return t.entries.flat().map(nonConstant).find((x) => x !== undefined);
    case 'template':
      return t.parts.map((p) => (typeof p === 'string' ? undefined : nonConstant(p))).find((x) => x !== undefined);
    default:
      return undefined;
  }
}
