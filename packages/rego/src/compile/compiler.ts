// The compiler: an ordered list of named stages over parsed modules. Each stage may report
// errors; compilation stops after the first stage that does (later stages assume earlier ones
// succeeded, e.g. safety needs resolved refs and the rule tree for function arities).

import type { Body, Module, Rule, Term } from '../ast/types.ts';
import type { BuiltinRegistry } from '../builtins/registry.ts';
import { RegoError, RegoErrors } from '../errors.ts';
import { checkCalls, checkRecursion, functionArity } from './checks.ts';
import { declaredVars, importAliases, resolveBody, resolveTerm, type ResolveEnv } from './resolve.ts';
import { checkConflicts, insertPackage, insertRule, ruleKind, splitHead } from './rule-tree.ts';
import { Safety } from './safety.ts';
import { rewriteNegations, rewriteRuleNegations, type NameSource } from './negation.ts';
import { forEachVar } from './terms.ts';
import { checkQueryTypes, checkRuleTypes, type PolicyTypes, type SchemaSet } from './typecheck/check-rules.ts';
import { newNode, type CRule, type RuleNode } from './types.ts';

export interface CompiledPolicy {
  modules: Module[];
  root: RuleNode;
  rules: CRule[];
  registry: BuiltinRegistry;
  /** The rules' types, which queries are checked against. */
  types: PolicyTypes;
}

interface State extends Omit<CompiledPolicy, 'types'> {
  errors: RegoError[];
  schemas: SchemaSet | undefined;
  types?: PolicyTypes;
}

interface Stage {
  name: string;
  run(state: State): void;
}

const TRUE = (loc: Rule['loc']): Term => ({ type: 'scalar', value: true, loc });

const stages: Stage[] = [
  { name: 'resolve_refs', run: resolveRules },
  { name: 'check_rule_conflicts', run: (s) => checkConflicts(s.root, s.rules, s.errors) },
  // Undefined functions first: safety needs every call's arity to tell outputs from inputs.
  { name: 'check_functions', run: checkFunctions },
  { name: 'check_safety', run: checkSafety },
  { name: 'check_recursion', run: (s) => checkRecursion(s.root, s.rules, s.errors) },
  // Last: types are inferred along the dependency order, over bodies already reordered.
  { name: 'check_types', run: (s) => (s.types = checkRuleTypes(s.root, s.rules, s.modules, s.registry, s.schemas, s.errors)) },
  { name: 'rewrite_negations', run: rewriteAllNegations },
];

function rewriteAllNegations(state: State): void {
  const names: NameSource = { n: 0, root: state.root };
  for (const r of state.rules) rewriteRuleNegations(r, names);
}

export function compileModules(modules: Module[], registry: BuiltinRegistry, schemas?: SchemaSet): CompiledPolicy {
  const state: State = { modules, registry, root: newNode([], 0), rules: [], errors: [], schemas };
  for (const stage of stages) {
    stage.run(state);
    if (state.errors.length > 0) throw new RegoErrors(sortErrors(state.errors));
  }
  return { modules, root: state.root, rules: state.rules, registry, types: state.types as PolicyTypes };
}

function sortErrors(errors: RegoError[]): RegoError[] {
  return [...errors].sort((a, b) => {
    const x = a.location;
    const y = b.location;
    if (!x || !y) return 0;
    return x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line || x.col - y.col;
  });
}

function resolveRules(state: State): void {
  const names = new Map<string, Set<string>>();
  for (const m of state.modules) {
    const key = m.pkg.join('.');
    const set = names.get(key) ?? new Set<string>();
    for (const r of m.rules) {
      const first = r.head.ref[0];
      if (first?.type === 'scalar' && typeof first.value === 'string') set.add(first.value);
      else if (first?.type === 'var') set.add(first.name);
    }
    names.set(key, set);
  }
  const fresh = { n: 0 };
  for (const m of state.modules) {
    insertPackage(state.root, m.pkg);
    const imports = importAliases(m.imports);
    const rules = names.get(m.pkg.join('.')) as Set<string>;
    for (const rule of m.rules) {
      // Vars declared at the top of the bodies shadow rule names; nested ones are renamed.
      const locals = declaredVars(rule.body);
      for (const e of rule.elses) for (const n of declaredVars(e.body)) locals.add(n);
      for (const a of rule.head.args ?? []) forEachVar(a, (v) => locals.add(v.name));
      const env: ResolveEnv = { pkg: m.pkg, imports, rules, locals, renames: new Map(), fresh, errors: state.errors };
      const { path, tail } = splitHead(m.pkg, rule);
      const kind = ruleKind(rule, tail);
      const value = rule.head.value ?? TRUE(rule.head.loc);
      const c: CRule = {
        source: rule,
        kind,
        path,
        tail: tail.map((t) => (t.type === 'var' && !locals.has(t.name) ? t : resolveTerm(t, env))),
        args: (rule.head.args ?? []).map((a) => resolveTerm(a, env)),
        ...(rule.head.key ? { key: resolveTerm(rule.head.key, env) } : {}),
        value: resolveTerm(value, env),
        body: resolveBody(rule.body, env),
        elses: rule.elses.map((e) => ({ value: resolveTerm(e.value ?? TRUE(e.loc), env), body: resolveBody(e.body, env), loc: e.loc })),
        isDefault: rule.isDefault,
        loc: rule.loc,
        id: state.rules.length,
      };
      if (kind === 'function') moveArgChecks(c, fresh);
      state.rules.push(c);
      insertRule(state.root, c);
    }
  }
}

/** Terms unification can bind (vars, scalars, arrays and objects of them). */
function isPatternTerm(t: Term): boolean {
  switch (t.type) {
    case 'var':
    case 'scalar':
      return true;
    case 'array':
      return t.items.every(isPatternTerm);
    case 'object':
      return t.entries.every(([k, v]) => k.type === 'scalar' && isPatternTerm(v));
    default:
      return false;
  }
}

/** A function argument such as a template string becomes a var compared after the body. */
function moveArgChecks(r: CRule, fresh: { n: number }): void {
  r.args = r.args.map((a) => {
    if (isPatternTerm(a)) return a;
    const v: Term = { type: 'var', name: `$arg${++fresh.n}`, loc: a.loc };
    r.body = [...r.body, { type: 'expr', op: 'unify', terms: [v, a], negated: false, with: [], loc: a.loc }];
    return v;
  });
}

function headTerms(r: CRule, value: Term): Term[] {
  return [...r.tail, ...(r.key ? [r.key] : []), value];
}

function checkSafety(state: State): void {
  const safety = new Safety((n) => functionArity(state.root, state.registry, n));
  for (const r of state.rules) {
    const argVars = new Set<string>();
    for (const a of r.args) forEachVar(a, (v) => argVars.add(v.name));
    const bound = new Set(argVars);
    r.body = safety.reorder(r.body, bound);
    r.tail = r.tail.map((t) => safety.fixTerm(t, bound));
    if (r.key) r.key = safety.fixTerm(r.key, bound);
    r.value = safety.fixTerm(r.value, bound);
    safety.checkBound(headTerms(r, r.value), bound);
    r.elses = r.elses.map((e) => {
      const b = new Set(argVars);
      const body = safety.reorder(e.body, b);
      const value = safety.fixTerm(e.value, b);
      safety.checkBound([value], b);
      return { ...e, body, value };
    });
  }
  state.errors.push(...safety.errors);
}

function checkFunctions(state: State): void {
  for (const r of state.rules) {
    const terms = [...headTerms(r, r.value), ...r.elses.map((e) => e.value)];
    checkCalls([...r.body, ...r.elses.flatMap((e) => e.body)], state.root, state.registry, state.errors, terms);
  }
}

/** Compiles an ad-hoc query against a compiled policy. */
export function compileQuery(body: Body, policy: CompiledPolicy): Body {
  const env: ResolveEnv = {
    pkg: [],
    imports: new Map(),
    rules: new Set(),
    locals: declaredVars(body),
    renames: new Map(),
    fresh: { n: 0 },
    errors: [],
  };
  const resolved = resolveBody(body, env);
  if (env.errors.length > 0) throw new RegoErrors(sortErrors(env.errors));
  const safety = new Safety((n) => functionArity(policy.root, policy.registry, n));
  const errors: RegoError[] = [];
  checkCalls(resolved, policy.root, policy.registry, errors);
  if (errors.length > 0) throw new RegoErrors(sortErrors(errors));
  const ordered = safety.reorder(resolved, new Set());
  if (safety.errors.length > 0) throw new RegoErrors(sortErrors(safety.errors));
  const typeErrors = checkQueryTypes(ordered, policy.types);
  if (typeErrors.length > 0) throw new RegoErrors(sortErrors(typeErrors));
  return rewriteNegations(ordered, { n: 0, root: policy.root });
}
