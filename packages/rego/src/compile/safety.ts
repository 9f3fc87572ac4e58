// Stage "check safety": reorders each body so every var is bound before it is used (the first
// expression that is ready is taken next, as OPA does) and reports vars that can never be bound
// as `rego_unsafe_var_error: var x is unsafe`.

import type { Body, Expr, Term, VarTerm } from '../ast/types.ts';
import { RegoError } from '../errors.ts';
import { displayName, forEachVar, forEachVarInExpr, isGlobalVar, staticName } from './terms.ts';

/** Number of operands a callable name takes, when known (builtins and functions). */
export type ArityOf = (name: string) => number | undefined;

interface Scan {
  needs: Map<string, VarTerm>;
  outs: Map<string, VarTerm>;
}

const newScan = (): Scan => ({ needs: new Map(), outs: new Map() });

export class Safety {
  readonly errors: RegoError[] = [];
  constructor(private readonly arityOf: ArityOf) {}

  /** A `with` value that names a function or builtin (a replacement, not a value). */
  private namesFunction(t: Term): boolean {
    if (t.type !== 'var' && t.type !== 'ref') return false;
    const name = staticName(t);
    return name !== undefined && this.arityOf(name) !== undefined;
  }

  /** Collects the vars a term needs bound first and those its evaluation binds. */
  private scan(t: Term, pattern: boolean, bound: Set<string>, outer: Set<string>, s: Scan): void {
    switch (t.type) {
      case 'scalar':
        return;
      case 'var':
        if (isGlobalVar(t.name) || bound.has(t.name)) return;
        (pattern ? s.outs : s.needs).set(t.name, t);
        return;
      case 'ref':
        if (t.head.type === 'var') {
          if (!isGlobalVar(t.head.name) && !bound.has(t.head.name)) s.needs.set(t.head.name, t.head);
        } else this.scan(t.head, false, bound, outer, s);
        for (const p of t.path) this.scan(p, true, bound, outer, s);
        return;
      case 'array':
        for (const i of t.items) this.scan(i, pattern, bound, outer, s);
        return;
      case 'set':
        for (const i of t.items) this.scan(i, false, bound, outer, s);
        return;
      case 'object':
        for (const [k, v] of t.entries) {
          this.scan(k, false, bound, outer, s);
          this.scan(v, pattern, bound, outer, s);
        }
        return;
      case 'call': {
        const name = staticName(t.operator);
        const arity = name === undefined ? undefined : this.arityOf(name);
        t.args.forEach((a, i) => this.scan(a, arity !== undefined && i >= arity, bound, outer, s));
        return;
      }
      case 'comprehension':
        forEachVar(t, (v) => {
          if (!bound.has(v.name) && outer.has(v.name) && !isGlobalVar(v.name)) s.needs.set(v.name, v);
        });
        return;
      case 'template':
        for (const p of t.parts) if (typeof p !== 'string') this.scan(p, false, bound, outer, s);
        return;
    }
  }

  /** Outputs of the expression when it can run with `bound`, or undefined when it cannot yet. */
  private ready(e: Expr, bound: Set<string>, outer: Set<string>): Scan | undefined {
    const s = newScan();
    for (const w of e.with) if (!this.namesFunction(w.value)) this.scan(w.value, false, bound, outer, s);
    if (e.negated) {
      forEachVarInExpr(e, (v) => {
        if (!bound.has(v.name) && !isGlobalVar(v.name) && !v.name.startsWith('$') && outer.has(v.name)) s.needs.set(v.name, v);
      });
      this.scanExpr(e, bound, outer, s);
      for (const [n, v] of s.outs) if (!n.startsWith('$')) s.needs.set(n, v);
      s.outs.clear();
      return s.needs.size === 0 ? s : undefined;
    }
    if (s.needs.size > 0) return undefined;
    if (e.type === 'expr' && e.op !== 'term') return this.readyUnify(e.terms[0], e.terms[1] as Term, e.op === 'assign', bound, outer);
    this.scanExpr(e, bound, outer, s);
    // A call's plain var argument may be bound by a ref in another argument (`x == xs[x]`).
    if (e.type === 'expr') for (const n of s.outs.keys()) s.needs.delete(n);
    return s.needs.size === 0 ? s : undefined;
  }

  private scanExpr(e: Expr, bound: Set<string>, outer: Set<string>, s: Scan): void {
    switch (e.type) {
      case 'expr':
        if (e.op === 'term') this.scan(e.terms[0], false, bound, outer, s);
        else {
          this.scan(e.terms[0], false, bound, outer, s);
          this.scan(e.terms[1] as Term, false, bound, outer, s);
        }
        return;
      case 'some-decl':
        return;
      case 'some-in':
        this.scan(e.collection, false, bound, outer, s);
        if (e.key) this.scan(e.key, true, bound, outer, s);
        this.scan(e.value, true, bound, outer, s);
        return;
      case 'every': {
        this.scan(e.domain, false, bound, outer, s);
        const local = new Set<string>([e.value.name]);
        if (e.key) local.add(e.key.name);
        for (const b of e.body)
          forEachVarInExpr(b, (v) => {
            if (!local.has(v.name) && !bound.has(v.name) && outer.has(v.name) && !isGlobalVar(v.name)) s.needs.set(v.name, v);
          });
        return;
      }
    }
  }

  private readyUnify(a: Term, b: Term, assign: boolean, bound: Set<string>, outer: Set<string>): Scan | undefined {
    const tryDir = (pat: Term, val: Term): Scan | undefined => {
      const s = newScan();
      this.scan(val, false, bound, outer, s);
      this.scan(pat, true, bound, outer, s);
      return s.needs.size === 0 ? s : undefined;
    };
    const r = tryDir(a, b) ?? (assign ? undefined : tryDir(b, a));
    if (r !== undefined || assign) return r;
    // Two composites: element pairs may bind each other in turn.
    const pairs = pairUp(a, b);
    if (pairs === undefined) return undefined;
    const local = new Set(bound);
    const out = newScan();
    let pending = pairs;
    while (pending.length > 0) {
      const next: [Term, Term][] = [];
      for (const [x, y] of pending) {
        const s = this.readyUnify(x, y, false, local, outer);
        if (s === undefined) next.push([x, y]);
        else for (const [n, v] of s.outs) {
          local.add(n);
          out.outs.set(n, v);
        }
      }
      if (next.length === pending.length) return undefined;
      pending = next;
    }
    return out;
  }

  /** Reorders a body; `bound` is updated with everything the body binds. */
  reorder(body: Body, bound: Set<string>, outerExtra: Set<string> = new Set()): Body {
    const outer = new Set(outerExtra);
    for (const e of body) topLevelVars(e, outer);
    for (const n of bound) outer.add(n);
    // A var assigned with `:=` later is a different var for comprehensions before it.
    const outerOf = new Map<Expr, Set<string>>();
    let later = new Set<string>();
    for (let i = body.length - 1; i >= 0; i--) {
      const e = body[i] as Expr;
      outerOf.set(e, later.size === 0 ? outer : new Set([...outer].filter((n) => !later.has(n))));
      if (e.type === 'expr' && e.op === 'assign') {
        later = new Set(later);
        forEachVarOutsideBodies(e.terms[0], (v) => later.add(v.name));
      }
    }
    const remaining = [...body];
    const out: Body = [];
    while (remaining.length > 0) {
      let picked = -1;
      let scan: Scan | undefined;
      for (let i = 0; i < remaining.length; i++) {
        scan = this.ready(remaining[i] as Expr, bound, outerOf.get(remaining[i] as Expr) as Set<string>);
        if (scan !== undefined) {
          picked = i;
          break;
        }
      }
      if (picked < 0) {
        this.reportUnsafe(remaining, bound, outer);
        return [...out, ...remaining];
      }
      const e = remaining.splice(picked, 1)[0] as Expr;
      const fixed = this.fixExpr(e, bound, outer);
      if (!e.negated) for (const n of (scan as Scan).outs.keys()) bound.add(n);
      out.push(fixed);
    }
    return out;
  }

  private reportUnsafe(remaining: Expr[], bound: Set<string>, outer: Set<string>): void {
    const seen = new Set<string>();
    for (const e of remaining) {
      const s = newScan();
      this.scanExpr(e, bound, outer, s);
      for (const w of e.with) if (!this.namesFunction(w.value)) this.scan(w.value, false, bound, outer, s);
      const all = [...s.needs.values(), ...s.outs.values()];
      for (const v of all) {
        if (seen.has(v.name) || bound.has(v.name)) continue;
        if (s.outs.has(v.name) && !s.needs.has(v.name) && !e.negated && e.type !== 'expr') continue;
        seen.add(v.name);
        this.errors.push(new RegoError('rego_unsafe_var_error', `var ${displayName(v.name)} is unsafe`, v.loc));
      }
    }
  }

  /** Reorders nested bodies (comprehensions, every) now that the enclosing bindings are known. */
  fixTerm(t: Term, bound: Set<string>): Term {
    switch (t.type) {
      case 'scalar':
      case 'var':
        return t;
      case 'ref':
        return { ...t, head: this.fixTerm(t.head, bound), path: t.path.map((p) => this.fixTerm(p, bound)) };
      case 'array':
      case 'set':
        return { ...t, items: t.items.map((i) => this.fixTerm(i, bound)) };
      case 'object':
        return { ...t, entries: t.entries.map(([k, v]) => [this.fixTerm(k, bound), this.fixTerm(v, bound)] as [Term, Term]) };
      case 'call':
        return { ...t, args: t.args.map((a) => this.fixTerm(a, bound)) };
      case 'template':
        return { ...t, parts: t.parts.map((p) => (typeof p === 'string' ? p : this.fixTerm(p, bound))) };
      case 'comprehension': {
        const inner = new Set(bound);
        const headVars = new Set<string>();
        forEachVar(t.head, (v) => headVars.add(v.name));
        if (t.value) forEachVar(t.value, (v) => headVars.add(v.name));
        const body = this.reorder(t.body, inner, headVars);
        const head = this.fixTerm(t.head, inner);
        const value = t.value ? this.fixTerm(t.value, inner) : undefined;
        this.checkBound([head, ...(value ? [value] : [])], inner);
        return { ...t, head, ...(value ? { value } : {}), body };
      }
    }
  }

  /** Reports vars of head-like terms that the body left unbound. */
  checkBound(terms: Term[], bound: Set<string>): void {
    const seen = new Set<string>();
    for (const t of terms) {
      const s = newScan();
      this.scan(t, false, bound, new Set(), s);
      for (const v of s.needs.values()) {
        if (seen.has(v.name)) continue;
        seen.add(v.name);
        this.errors.push(new RegoError('rego_unsafe_var_error', `var ${displayName(v.name)} is unsafe`, v.loc));
      }
    }
  }

  private fixExpr(e: Expr, bound: Set<string>, outer: Set<string>): Expr {
    const withs = e.with.map((w) => ({ ...w, value: this.fixTerm(w.value, bound) }));
    switch (e.type) {
      case 'expr':
        return { ...e, terms: e.terms.map((t) => this.fixTerm(t, bound)) as [Term] | [Term, Term], with: withs };
      case 'some-decl':
        return e;
      case 'some-in':
        return { ...e, collection: this.fixTerm(e.collection, bound), with: withs };
      case 'every': {
        const inner = new Set(bound);
        inner.add(e.value.name);
        if (e.key) inner.add(e.key.name);
        const body = this.reorder(e.body, inner, outer);
        return { ...e, domain: this.fixTerm(e.domain, bound), body, with: withs };
      }
    }
  }
}

function pairUp(a: Term, b: Term): [Term, Term][] | undefined {
  if (a.type === 'array' && b.type === 'array' && a.items.length === b.items.length) {
    return a.items.map((x, i) => [x, b.items[i] as Term]);
  }
  if (a.type === 'object' && b.type === 'object' && a.entries.length === b.entries.length) {
    const byKey = new Map<string, Term>();
    for (const [k, v] of b.entries) if (k.type === 'scalar') byKey.set(JSON.stringify(k.value), v);
    const pairs: [Term, Term][] = [];
    for (const [k, v] of a.entries) {
      const other = k.type === 'scalar' ? byKey.get(JSON.stringify(k.value)) : undefined;
      if (other === undefined) return undefined;
      pairs.push([v, other]);
    }
    return pairs;
  }
  return undefined;
}

/** Vars of an expression that are not inside a nested body (those are scoped to it). */
function topLevelVars(e: Expr, out: Set<string>): void {
  const add = (t: Term) => forEachVarOutsideBodies(t, (v) => out.add(v.name));
  switch (e.type) {
    case 'expr':
      e.terms.forEach(add);
      break;
    case 'some-decl':
      for (const v of e.vars) out.add(v.name);
      break;
    case 'some-in':
      if (e.key) add(e.key);
      add(e.value);
      add(e.collection);
      break;
    case 'every':
      add(e.domain);
      break;
  }
  for (const w of e.with) add(w.value);
}

function forEachVarOutsideBodies(t: Term, fn: (v: VarTerm) => void): void {
  switch (t.type) {
    case 'var':
      fn(t);
      return;
    case 'ref':
      forEachVarOutsideBodies(t.head, fn);
      for (const p of t.path) forEachVarOutsideBodies(p, fn);
      return;
    case 'array':
    case 'set':
      for (const i of t.items) forEachVarOutsideBodies(i, fn);
      return;
    case 'object':
      for (const [k, v] of t.entries) {
        forEachVarOutsideBodies(k, fn);
        forEachVarOutsideBodies(v, fn);
      }
      return;
    case 'call':
      for (const a of t.args) forEachVarOutsideBodies(a, fn);
      return;
    case 'template':
      for (const p of t.parts) if (typeof p !== 'string') forEachVarOutsideBodies(p, fn);
      return;
    default:
      return;
  }
}
