// The parts of an expression that are checked on their own before the expression itself, as
// OPA checks them once it has lifted nested calls out: references, comprehensions and calls.

import type { CallTerm, ComprehensionTerm, Expr, RefTerm, Term } from '../../ast/types.ts';

/** The terms of an expression that need their own checks before the expression itself. */
export interface Parts {
  refs: RefTerm[];
  closures: ComprehensionTerm[];
  calls: CallTerm[];
}

export const newParts = (): Parts => ({ refs: [], closures: [], calls: [] });

/**
 * Collects what an expression term holds that is checked separately: references (in reading
 * order, nested ones included), comprehensions and nested calls (without looking inside either).
 */
export function collect(t: Term, parts: Parts): void {
  switch (t.type) {
    case 'ref':
      parts.refs.push(t);
      if (t.head.type !== 'var') collect(t.head, parts);
      t.path.forEach((p) => collect(p, parts));
      return;
    case 'array':
    case 'set':
      t.items.forEach((i) => collect(i, parts));
      return;
    case 'object':
      for (const [k, v] of t.entries) {
        collect(k, parts);
        collect(v, parts);
      }
      return;
    case 'comprehension':
      parts.closures.push(t);
      return;
    case 'call':
      parts.calls.push(t);
      return;
    case 'template':
      for (const p of t.parts) if (typeof p !== 'string') collect(p, parts);
      return;
    default:
      return;
  }
}

/** The references of an `every` body, checked in the enclosing scope (its calls are not). */
export function collectRefsDeep(e: Expr, parts: Parts): void {
  const visit = (t: Term): void => {
    if (t.type === 'call') t.args.forEach(visit);
    else if (t.type === 'comprehension') parts.closures.push(t);
    else {
      const inner = newParts();
      collect(t, inner);
      parts.refs.push(...inner.refs);
      parts.closures.push(...inner.closures);
      inner.calls.forEach((c) => c.args.forEach(visit));
    }
  };
  switch (e.type) {
    case 'expr':
      e.terms.forEach(visit);
      return;
    case 'some-in':
      visit(e.collection);
      return;
    case 'every':
      visit(e.domain);
      e.body.forEach((x) => collectRefsDeep(x, parts));
      return;
    default:
      return;
  }
}
