// The Rego abstract syntax tree produced by the parser and consumed by the compiler.
// Every node carries a Location so errors can say file:line:col.

import type { Value } from '../value/value.ts';

export interface Location {
  file: string;
  line: number; // 1-based
  col: number; // 1-based
  /** Offset range in the source text, for coverage and explain output. */
  offset?: number;
  end?: number;
}

// ---------------------------------------------------------------------------------------------
// Terms

export type Term =
  | ScalarTerm
  | VarTerm
  | RefTerm
  | ArrayTerm
  | ObjectTerm
  | SetTerm
  | ComprehensionTerm
  | CallTerm
  | TemplateStringTerm;

/** null, boolean, number or string literal (raw strings are already unescaped). */
export interface ScalarTerm {
  type: 'scalar';
  value: Value;
  loc: Location;
}

/** A variable. `_` is a wildcard: the parser renames each occurrence to a unique `$_N`. */
export interface VarTerm {
  type: 'var';
  name: string;
  loc: Location;
}

/**
 * A reference: a head term (a var such as `data`, `input`, a local, or a call/composite term)
 * followed by path operands. `a.b[x]["c"]` is head var `a`, path [scalar "b", var x, scalar "c"].
 */
export interface RefTerm {
  type: 'ref';
  head: Term;
  path: Term[];
  loc: Location;
  /** Where the evaluator's walk of `data` along the ref's constant keys ends, kept on first use. */
  prefix?: unknown;
}

export interface ArrayTerm {
  type: 'array';
  items: Term[];
  loc: Location;
}

export interface ObjectTerm {
  type: 'object';
  entries: [Term, Term][];
  loc: Location;
}

export interface SetTerm {
  type: 'set';
  items: Term[];
  loc: Location;
}

export interface ComprehensionTerm {
  type: 'comprehension';
  kind: 'array' | 'set' | 'object';
  /** For array/set: the element. For object: the key. */
  head: Term;
  /** For object comprehensions only. */
  value?: Term;
  body: Body;
  loc: Location;
}

/**
 * A function call used as a term: `count(x)`, `data.lib.f(1)`, also infix operators after
 * parsing (`a + b` becomes operator `plus`), so the evaluator sees one shape.
 * `operator` is the call's target as a ref (e.g. `count`, `strings.replace_n`, `data.lib.f`).
 */
export interface CallTerm {
  type: 'call';
  operator: RefTerm | VarTerm;
  args: Term[];
  loc: Location;
  /** Written as an operator (`a + b`, `x in xs`): always the builtin, whatever the package's rules are named. */
  infix?: true;
  /**
   * What the call names in its compiled policy, resolved by the evaluator when the call is first
   * evaluated and kept here (a lookup by term on every call costs more than the call itself).
   */
  site?: unknown;
}

/** `$"hello {input.name}"`: literal text parts and embedded terms, alternating as written. */
export interface TemplateStringTerm {
  type: 'template';
  parts: (string | Term)[];
  /**
   * Present only when an embedded expression has `with` modifiers (`{a with input as 1}`):
   * `withs[i]` applies while evaluating `parts[i]` (empty for the other parts).
   */
  withs?: WithModifier[][];
  /** Raw (backtick) template: no escape processing was applied to the literal parts. */
  raw: boolean;
  loc: Location;
}

// ---------------------------------------------------------------------------------------------
// Expressions and bodies

export type Body = Expr[];

export interface WithModifier {
  /** What is replaced: `input...`, `data...`, or a builtin/function name ref. */
  target: RefTerm | VarTerm;
  value: Term;
  loc: Location;
}

export type Expr = TermExpr | SomeDeclExpr | SomeInExpr | EveryExpr;

/**
 * A plain expression: a term that must be defined and not false, or an operator form.
 * `op` distinguishes: `=` unification, `:=` assignment, `==`/`!=`/`<`… comparisons are calls
 * (`equal`, `neq`, …) and arrive as term with op 'term'.
 */
export interface TermExpr {
  type: 'expr';
  op: 'term' | 'unify' | 'assign';
  /** For 'term': the term. For 'unify'/'assign': left and right. */
  terms: [Term] | [Term, Term];
  negated: boolean;
  with: WithModifier[];
  loc: Location;
}

/** `some x, y` (declaration only). */
export interface SomeDeclExpr {
  type: 'some-decl';
  vars: VarTerm[];
  negated: false;
  with: WithModifier[];
  loc: Location;
}

/** `some x in xs`, `some k, v in xs`. */
export interface SomeInExpr {
  type: 'some-in';
  key?: Term;
  value: Term;
  collection: Term;
  negated: boolean;
  with: WithModifier[];
  loc: Location;
}

/** `every x in xs { ... }`, `every k, v in xs { ... }`. */
export interface EveryExpr {
  type: 'every';
  key?: VarTerm;
  value: VarTerm;
  domain: Term;
  body: Body;
  negated: boolean;
  with: WithModifier[];
  loc: Location;
}

// ---------------------------------------------------------------------------------------------
// Rules, modules

export interface Annotation {
  scope?: 'package' | 'rule' | 'document' | 'subpackages';
  title?: string;
  description?: string;
  entrypoint?: boolean;
  /** Everything else from the METADATA YAML block, as parsed. */
  custom?: Record<string, unknown>;
  /** The raw YAML document as parsed (all keys). */
  raw: Record<string, unknown>;
  loc: Location;
}

export interface RuleHead {
  /**
   * The rule's reference, relative to the package: `p` → [scalar "p"], `p.q[x]` →
   * [scalar "p", scalar "q", var x]. For plain names this has length 1.
   */
  ref: Term[];
  /** Function arguments, when this is a function rule. */
  args?: Term[];
  /** Partial set rule (`p contains x`): the element term. */
  key?: Term;
  /** Complete/object/function rule value (`:= v`, `= v`); absent means `true`. */
  value?: Term;
  /** `:=` (assign) vs `=` in the head; OPA refuses some redeclarations when assigned. */
  assign: boolean;
  loc: Location;
}

export type RuleKind = 'complete' | 'partial-set' | 'partial-object' | 'function';

export interface Rule {
  kind: RuleKind;
  isDefault: boolean;
  head: RuleHead;
  body: Body;
  /** `else = v { ... }` chain, in order. Each else has its own value and body. */
  elses: ElseClause[];
  annotations: Annotation[];
  /** The module the rule was defined in. */
  module: Module;
  loc: Location;
}

export interface ElseClause {
  value?: Term;
  body: Body;
  loc: Location;
}

export interface Import {
  /** `data.foo.bar`, `input.x`, `future.keywords.in`, `rego.v1` */
  path: RefTerm;
  alias?: string;
  loc: Location;
}

export interface Module {
  file: string;
  /** Package path without the leading `data`: `package a.b` → ["a", "b"]. */
  pkg: string[];
  pkgLoc: Location;
  imports: Import[];
  rules: Rule[];
  annotations: Annotation[];
  source: string;
}
