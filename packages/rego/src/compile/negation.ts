// Stage "rewrite negations": as OPA 1.x does, the dynamic operands of a negated expression are
// evaluated outside the negation. `not startswith(input.foo, "a")` becomes
// `$neg1 = input.foo; not startswith($neg1, "a")`, so an undefined operand makes the whole
// expression fail instead of making the negation succeed. Which operands move follows OPA's
// compiler (its "rewrite expression terms" and "rewrite dynamic terms" stages):
// - every operand of a call or operator (`==`, `<`, `in`, user functions) that is a ref, a call
//   or a comprehension, also inside array, object and set operands;
// - in a plain ref (`not input.a[input.b]`) and either side of `=`, the dynamic parts of the ref
//   (ref and call keys, a call head), never the ref itself: `not input.missing` stays true.
// Moved operands keep the expression's `with` modifiers. Runs last, over bodies already ordered
// and type-checked, so errors still name what the user wrote. A ref to a set of rules stays in
// place: it is always defined (empty when no rule produces a member), so moving it changes
// nothing but the cost, as `not x in p` is then answered without building p.

import type { Body, Expr, Term, TermExpr } from '../ast/types.ts';
import { isGlobalVar, mkVar } from './terms.ts';
import { nodeAt } from './rule-tree.ts';
import type { CRule, RuleNode } from './types.ts';

/** Fresh names for moved operands, unique across a compilation. */
export interface NameSource {
  n: number;
  /** The policy's rule tree, where refs to sets of rules are recognised (none: every ref moves). */
  root?: RuleNode;
}

export function rewriteRuleNegations(r: CRule, names: NameSource): void {
  r.body = rewriteNegations(r.body, names);
  for (const e of r.elses) e.body = rewriteNegations(e.body, names);
  for (const t of [...r.tail, ...(r.key ? [r.key] : []), r.value, ...r.elses.map((e) => e.value)]) rewriteNested(t, names);
}

/** The body with every negated expression's dynamic operands moved before it (nested bodies too). */
export function rewriteNegations(body: Body, names: NameSource): Body {
  let out: Body | undefined;
  for (let i = 0; i < body.length; i++) {
    const e = body[i] as Expr;
    rewriteNestedInExpr(e, names);
    if (e.type !== 'expr' || !e.negated || e.op === 'assign') {
      out?.push(e);
      continue;
    }
    const moved: Expr[] = [];
    const rewritten = moveOperands(e, names, moved);
    if (moved.length === 0) {
      out?.push(e);
      continue;
    }
    out ??= body.slice(0, i);
    out.push(...moved, rewritten);
  }
  return out ?? body;
}

function moveOperands(e: TermExpr, names: NameSource, moved: Expr[]): TermExpr {
  const hoist = (t: Term): Term => {
    if (names.root !== undefined && isRuleSet(names.root, t)) return t;
    const v = mkVar(`$neg${++names.n}`, t.loc);
    moved.push({ type: 'expr', op: 'unify', terms: [v, t], negated: false, with: e.with, loc: t.loc });
    return v;
  };
  if (e.op === 'unify') {
    const [a, b] = e.terms as [Term, Term];
    return { ...e, terms: [dynamicParts(a, hoist), dynamicParts(b, hoist)] };
  }
  const t = e.terms[0];
  if (t.type === 'call') return { ...e, terms: [{ ...t, args: t.args.map((a) => operand(a, hoist)) }] };
  return { ...e, terms: [dynamicParts(t, hoist)] };
}

/** `data.<path>` naming a node of set rules with plain members and nothing below: a document that is always defined. */
function isRuleSet(root: RuleNode, t: Term): boolean {
  if (t.type !== 'ref' || t.head.type !== 'var' || t.head.name !== 'data') return false;
  if (!t.path.every((p) => p.type === 'scalar' && typeof p.value === 'string')) return false;
  const node = nodeAt(root, t.path.map((p) => (p as { value: string }).value), false);
  return node !== undefined && node.rules.length > 0 && node.children.size === 0 && node.rules.every((r) => r.kind === 'set' && r.tail.length === 0);
}

/** A call operand: moved whole when it needs evaluation, element-wise inside composites. */
function operand(t: Term, hoist: (t: Term) => Term): Term {
  switch (t.type) {
    case 'ref':
    case 'call':
    case 'comprehension':
    case 'template':
      return hoist(t);
    case 'var':
      return isGlobalVar(t.name) ? hoist(t) : t;
    case 'array':
    case 'set': {
      const items = t.items.map((x) => operand(x, hoist));
      return items.every((x, i) => x === t.items[i]) ? t : { ...t, items };
    }
    case 'object': {
      const entries = t.entries.map(([k, v]) => [operand(k, hoist), operand(v, hoist)] as [Term, Term]);
      return entries.every(([k, v], i) => k === t.entries[i]?.[0] && v === t.entries[i]?.[1]) ? t : { ...t, entries };
    }
    default:
      return t;
  }
}

/** A term that stays in place: only the dynamic parts of a ref move (and calls, as operands). */
function dynamicParts(t: Term, hoist: (t: Term) => Term): Term {
  switch (t.type) {
    case 'ref': {
      const head = t.head.type === 'var' ? t.head : operand(t.head, hoist);
      const path = t.path.map((p) => operand(p, hoist));
      return head === t.head && path.every((p, i) => p === t.path[i]) ? t : { ...t, head, path };
    }
    case 'var':
    case 'comprehension':
    case 'template':
      return t;
    default:
      return operand(t, hoist);
  }
}

// Nested bodies (comprehensions, `every`) are rewritten in place.

function rewriteNestedInExpr(e: Expr, names: NameSource): void {
  switch (e.type) {
    case 'expr':
      for (const t of e.terms) rewriteNested(t, names);
      break;
    case 'some-in':
      if (e.key) rewriteNested(e.key, names);
      rewriteNested(e.value, names);
      rewriteNested(e.collection, names);
      break;
    case 'every':
      rewriteNested(e.domain, names);
      e.body = rewriteNegations(e.body, names);
      break;
    case 'some-decl':
      break;
  }
  for (const w of e.with) rewriteNested(w.value, names);
}

function rewriteNested(t: Term, names: NameSource): void {
  switch (t.type) {
    case 'ref':
      rewriteNested(t.head, names);
      for (const p of t.path) rewriteNested(p, names);
      return;
    case 'array':
    case 'set':
      for (const x of t.items) rewriteNested(x, names);
      return;
    case 'object':
      for (const [k, v] of t.entries) {
        rewriteNested(k, names);
        rewriteNested(v, names);
      }
      return;
    case 'call':
      for (const a of t.args) rewriteNested(a, names);
      return;
    case 'template':
      for (const p of t.parts) if (typeof p !== 'string') rewriteNested(p, names);
      return;
    case 'comprehension':
      rewriteNested(t.head, names);
      if (t.value) rewriteNested(t.value, names);
      t.body = rewriteNegations(t.body, names);
      return;
    default:
      return;
  }
}
