// Stage "resolve refs": names of rules in the package and imported names become full `data`
// (or `input`) refs; vars declared in nested bodies (comprehensions, `every`) are renamed so
// they cannot collide with the enclosing body's vars.

import type { Body, Expr, Import, Location, RefTerm, Term, VarTerm, WithModifier } from '../ast/types.ts';
import { RegoError } from '../errors.ts';
import { forEachVar, isGlobalVar, mkRef, mkStr, mkVar } from './terms.ts';

export interface ResolveEnv {
  pkg: string[];
  imports: Map<string, RefTerm>;
  /** First names of the package's rules. */
  rules: Set<string>;
  /** Names declared anywhere in the rule or query (they shadow rule names). */
  locals: Set<string>;
  renames: Map<string, string>;
  fresh: { n: number };
  errors: RegoError[];
}

export function importAliases(imports: Import[]): Map<string, RefTerm> {
  const out = new Map<string, RefTerm>();
  for (const imp of imports) {
    const head = imp.path.head;
    if (head.type !== 'var' || (head.name !== 'data' && head.name !== 'input')) continue;
    let alias = imp.alias;
    if (alias === undefined) {
      const last = imp.path.path[imp.path.path.length - 1];
      if (last === undefined) continue;
      if (last.type !== 'scalar' || typeof last.value !== 'string') continue;
      alias = last.value;
    }
    out.set(alias, imp.path);
  }
  return out;
}

/** Vars a body declares at its own level: `some`, `some ... in`, `:=`. */
export function declaredVars(body: Body): Set<string> {
  const out = new Set<string>();
  const add = (t: Term) => forEachVar(t, (v) => out.add(v.name));
  for (const e of body) {
    if (e.type === 'some-decl') for (const v of e.vars) out.add(v.name);
    else if (e.type === 'some-in') {
      if (e.key) add(e.key);
      add(e.value);
    } else if (e.type === 'expr' && e.op === 'assign') add(e.terms[0]);
  }
  return out;
}

function resolveVar(v: VarTerm, env: ResolveEnv): Term {
  const renamed = env.renames.get(v.name);
  if (renamed !== undefined) return mkVar(renamed, v.loc);
  const name = v.name;
  if (isGlobalVar(name) || name.startsWith('$') || env.locals.has(name)) return v;
  const imp = env.imports.get(name);
  if (imp !== undefined) return relocate(imp, v.loc);
  if (env.rules.has(name)) {
    return mkRef(mkVar('data', v.loc), [...env.pkg, name].map((s) => mkStr(s, v.loc)), v.loc);
  }
  return v;
}

function relocate(ref: RefTerm, loc: Location): RefTerm {
  return mkRef(ref.head.type === 'var' ? mkVar(ref.head.name, loc) : ref.head, ref.path.map((p) => (p.type === 'scalar' ? mkStr(p.value as string, loc) : p)), loc);
}

export function resolveTerm(t: Term, env: ResolveEnv): Term {
  switch (t.type) {
    case 'scalar':
      return t;
    case 'var':
      return resolveVar(t, env);
    case 'ref': {
      const head = resolveTerm(t.head, env);
      const path = t.path.map((p) => resolveTerm(p, env));
      if (head.type === 'ref') return mkRef(head.head, [...head.path, ...path], t.loc);
      return { ...t, head, path };
    }
    case 'array':
    case 'set':
      return { ...t, items: t.items.map((i) => resolveTerm(i, env)) };
    case 'object':
      return { ...t, entries: t.entries.map(([k, v]) => [resolveTerm(k, env), resolveTerm(v, env)] as [Term, Term]) };
    case 'comprehension': {
      const inner = nestedEnv(env, declaredVars(t.body));
      return {
        ...t,
        head: resolveTerm(t.head, inner),
        ...(t.value ? { value: resolveTerm(t.value, inner) } : {}),
        body: resolveBody(t.body, inner),
      };
    }
    case 'call': {
      if (t.args.length === 0 && t.operator.type === 'var' && t.operator.name === 'set') return { type: 'set', items: [], loc: t.loc };
      const op = t.infix ? t.operator : resolveTerm(t.operator, env);
      return {
        ...t,
        operator: op.type === 'ref' || op.type === 'var' ? op : t.operator,
        args: t.args.map((a) => resolveTerm(a, env)),
      };
    }
    case 'template':
      return {
        ...t,
        parts: t.parts.map((p) => (typeof p === 'string' ? p : resolveTerm(p, env))),
        ...(t.withs ? { withs: t.withs.map((ws) => ws.map((w) => resolveWith(w, env))) } : {}),
      };
  }
}

function nestedEnv(env: ResolveEnv, declared: Set<string>): ResolveEnv {
  if (declared.size === 0) return env;
  const renames = new Map(env.renames);
  for (const name of declared) {
    if (name.startsWith('$')) continue;
    renames.set(name, `${name}$${++env.fresh.n}`);
  }
  return { ...env, renames };
}

function resolveWith(w: WithModifier, env: ResolveEnv): WithModifier {
  const target = resolveTerm(w.target, env);
  return {
    ...w,
    target: target.type === 'ref' || target.type === 'var' ? target : w.target,
    value: resolveTerm(w.value, env),
  };
}

function resolveExpr(e: Expr, env: ResolveEnv): Expr {
  const withs = e.with.map((w) => resolveWith(w, env));
  switch (e.type) {
    case 'expr':
      return { ...e, terms: e.terms.map((t) => resolveTerm(t, env)) as [Term] | [Term, Term], with: withs };
    case 'some-decl':
      return { ...e, vars: e.vars.map((v) => resolveVar(v, env) as VarTerm), with: withs };
    case 'some-in':
      return {
        ...e,
        ...(e.key ? { key: resolveTerm(e.key, env) } : {}),
        value: resolveTerm(e.value, env),
        collection: resolveTerm(e.collection, env),
        with: withs,
      };
    case 'every': {
      const declared = declaredVars(e.body);
      if (e.key) declared.add(e.key.name);
      declared.add(e.value.name);
      const inner = nestedEnv(env, declared);
      return {
        ...e,
        ...(e.key ? { key: resolveVar(e.key, inner) as VarTerm } : {}),
        value: resolveVar(e.value, inner) as VarTerm,
        domain: resolveTerm(e.domain, env),
        body: resolveBody(e.body, inner),
        with: withs,
      };
    }
  }
}

export function resolveBody(body: Body, env: ResolveEnv): Body {
  checkDeclarations(body, env.errors);
  return body.map((e) => resolveExpr(e, env));
}

/** A var may be declared (`:=`, `some`) once per body, and not after it was used there. */
function checkDeclarations(body: Body, errors: RegoError[]): void {
  const seen = new Set<string>();
  const declared = new Set<string>();
  const declare = (v: VarTerm, verb: string): void => {
    if (v.name.startsWith('$')) return;
    if (isGlobalVar(v.name)) {
      errors.push(new RegoError('rego_compile_error', `variables must not shadow ${v.name} (use a different variable name)`, v.loc));
    } else if (declared.has(v.name)) errors.push(new RegoError('rego_compile_error', `var ${v.name} ${verb} above`, v.loc));
    else if (seen.has(v.name)) errors.push(new RegoError('rego_compile_error', `var ${v.name} referenced above`, v.loc));
    declared.add(v.name);
  };
  const use = (t: Term): void => forEachVarOutside(t, (v) => seen.add(v.name));
  for (const e of body) {
    if (e.type === 'some-decl') for (const v of e.vars) declare(v, 'declared');
    else if (e.type === 'some-in') {
      use(e.collection);
      if (e.key) forEachVarOutside(e.key, (v) => declare(v, 'declared'));
      forEachVarOutside(e.value, (v) => declare(v, 'declared'));
    } else if (e.type === 'expr' && e.op === 'assign') {
      use(e.terms[1] as Term);
      forEachVarOutside(e.terms[0], (v) => declare(v, 'assigned'));
    } else if (e.type === 'expr') e.terms.forEach(use);
    else if (e.type === 'every') use(e.domain);
    for (const w of e.with) use(w.value);
  }
}

/** Vars of a term outside nested bodies (those have their own scope). */
function forEachVarOutside(t: Term, fn: (v: VarTerm) => void): void {
  switch (t.type) {
    case 'var':
      fn(t);
      return;
    case 'ref':
      forEachVarOutside(t.head, fn);
      t.path.forEach((p) => forEachVarOutside(p, fn));
      return;
    case 'array':
    case 'set':
      t.items.forEach((i) => forEachVarOutside(i, fn));
      return;
    case 'object':
      for (const [k, v] of t.entries) {
        forEachVarOutside(k, fn);
        forEachVarOutside(v, fn);
      }
      return;
    case 'call':
      t.args.forEach((a) => forEachVarOutside(a, fn));
      return;
    case 'template':
      for (const p of t.parts) if (typeof p !== 'string') forEachVarOutside(p, fn);
      return;
    default:
      return;
  }
}
