// Small helpers over AST terms shared by the compiler stages and the evaluator.

import type { Expr, Location, RefTerm, Term, VarTerm } from '../ast/types.ts';

export const mkVar = (name: string, loc: Location): VarTerm => ({ type: 'var', name, loc });

export const mkRef = (head: Term, path: Term[], loc: Location): RefTerm => ({ type: 'ref', head, path, loc });

export const mkStr = (value: string, loc: Location): Term => ({ type: 'scalar', value, loc });

/** `data` and `input` are the roots every body may use without binding them. */
export const isGlobalVar = (name: string): boolean => name === 'data' || name === 'input';

/** Generated names (wildcards, renamed locals) carry a `$`; users never see them. */
export const isGenerated = (name: string): boolean => name.includes('$');

/** The name a user wrote for a possibly renamed var (`x$3` → `x`). */
export function displayName(name: string): string {
  if (name.startsWith('$')) return name;
  const i = name.indexOf('$');
  return i < 0 ? name : name.slice(0, i);
}

/**
 * The dotted name of a call operator or a ref with only string path parts (`strings.replace_n`,
 * `data.lib.f`), or undefined when it is not static.
 */
export function staticName(t: Term): string | undefined {
  if (t.type === 'var') return t.name;
  if (t.type !== 'ref' || t.head.type !== 'var') return undefined;
  let name = t.head.name;
  for (const p of t.path) {
    if (p.type !== 'scalar' || typeof p.value !== 'string') return undefined;
    name += '.' + p.value;
  }
  return name;
}

/** True when the term contains no vars at all (so its value never changes). */
export function isGroundTerm(t: Term): boolean {
  switch (t.type) {
    case 'scalar':
      return true;
    case 'array':
    case 'set':
      return t.items.every(isGroundTerm);
    case 'object':
      return t.entries.every(([k, v]) => isGroundTerm(k) && isGroundTerm(v));
    default:
      return false;
  }
}

/** Calls fn for every var occurrence in the term, including nested bodies. */
export function forEachVar(t: Term, fn: (v: VarTerm) => void): void {
  switch (t.type) {
    case 'scalar':
      return;
    case 'var':
      fn(t);
      return;
    case 'ref':
      forEachVar(t.head, fn);
      for (const p of t.path) forEachVar(p, fn);
      return;
    case 'array':
    case 'set':
      for (const i of t.items) forEachVar(i, fn);
      return;
    case 'object':
      for (const [k, v] of t.entries) {
        forEachVar(k, fn);
        forEachVar(v, fn);
      }
      return;
    case 'comprehension':
      forEachVar(t.head, fn);
      if (t.value) forEachVar(t.value, fn);
      for (const e of t.body) forEachVarInExpr(e, fn);
      return;
    case 'call':
      for (const a of t.args) forEachVar(a, fn);
      return;
    case 'template':
      for (const p of t.parts) if (typeof p !== 'string') forEachVar(p, fn);
      return;
  }
}

export function forEachVarInExpr(e: Expr, fn: (v: VarTerm) => void): void {
  switch (e.type) {
    case 'expr':
      for (const t of e.terms) forEachVar(t, fn);
      break;
    case 'some-decl':
      for (const v of e.vars) fn(v);
      break;
    case 'some-in':
      if (e.key) forEachVar(e.key, fn);
      forEachVar(e.value, fn);
      forEachVar(e.collection, fn);
      break;
    case 'every':
      if (e.key) fn(e.key);
      fn(e.value);
      forEachVar(e.domain, fn);
      for (const b of e.body) forEachVarInExpr(b, fn);
      break;
  }
  for (const w of e.with) {
    forEachVar(w.value, fn);
  }
}
