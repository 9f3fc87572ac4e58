// Rule indexing: when many rules share a path, each is indexed on an equality between a ground
// `input` ref and a constant in its body (`input.action == "read"`), so a lookup evaluates the
// ref once and only visits rules whose constant matches, plus those without such a condition.

import type { Expr, RefTerm, Term } from '../ast/types.ts';
import type { CRule, RuleNode } from '../compile/types.ts';
import { keyOf, type Value } from '../value/value.ts';
import type { Evaluator } from './evaluator.ts';

const MIN_RULES = 8;

interface Index {
  ref: RefTerm;
  byValue: Map<string, CRule[]>;
  rest: CRule[];
}

const indices = new WeakMap<RuleNode, Index | null>();

/** The rules at a node worth evaluating for the current input, in definition order. */
export function candidateRules(ev: Evaluator, node: RuleNode): readonly CRule[] {
  if (node.rules.length < MIN_RULES) return node.rules;
  let index = indices.get(node);
  if (index === undefined) {
    index = buildIndex(node.rules);
    indices.set(node, index);
  }
  if (index === null) return node.rules;
  const v = ev.firstValue(index.ref);
  const hits = v === undefined ? undefined : index.byValue.get(keyOf(v));
  if (hits === undefined) return index.rest;
  if (index.rest.length === 0) return hits;
  return [...hits, ...index.rest].sort((a, b) => a.id - b.id);
}

function refKey(t: Term): string | undefined {
  if (t.type !== 'ref' || t.head.type !== 'var' || t.head.name !== 'input') return undefined;
  let key = 'input';
  for (const p of t.path) {
    if (p.type !== 'scalar' || typeof p.value !== 'string') return undefined;
    key += '.' + JSON.stringify(p.value);
  }
  return key;
}

/** The (ref, constant) of an indexable equality expression. */
function condition(e: Expr): [RefTerm, string, Value] | undefined {
  if (e.type !== 'expr' || e.negated || e.with.length > 0) return undefined;
  let a: Term | undefined;
  let b: Term | undefined;
  if (e.op === 'unify') [a, b] = e.terms as [Term, Term];
  else if (e.op === 'term') {
    const t = e.terms[0];
    if (t.type !== 'call' || t.args.length !== 2 || t.operator.type !== 'var' || t.operator.name !== 'equal') return undefined;
    [a, b] = t.args as [Term, Term];
  }
  if (a === undefined || b === undefined) return undefined;
  if (b.type === 'ref' && a.type === 'scalar') [a, b] = [b, a];
  const key = refKey(a);
  if (key === undefined || b.type !== 'scalar') return undefined;
  return [a as RefTerm, key, b.value];
}

function buildIndex(rules: CRule[]): Index | null {
  const counts = new Map<string, number>();
  const refs = new Map<string, RefTerm>();
  for (const r of rules) {
    if (r.elses.length > 0) return null;
    const seen = new Set<string>();
    for (const e of r.body) {
      const c = condition(e);
      if (c === undefined || seen.has(c[1])) continue;
      seen.add(c[1]);
      counts.set(c[1], (counts.get(c[1]) ?? 0) + 1);
      refs.set(c[1], c[0]);
    }
  }
  let best: string | undefined;
  for (const [key, n] of counts) if (best === undefined || n > (counts.get(best) as number)) best = key;
  if (best === undefined || (counts.get(best) as number) < MIN_RULES / 2) return null;
  const byValue = new Map<string, CRule[]>();
  const rest: CRule[] = [];
  for (const r of rules) {
    let value: Value | undefined;
    for (const e of r.body) {
      const c = condition(e);
      if (c !== undefined && c[1] === best) {
        value = c[2];
        break;
      }
    }
    if (value === undefined) rest.push(r);
    else {
      const k = keyOf(value);
      const list = byValue.get(k);
      if (list) list.push(r);
      else byValue.set(k, [r]);
    }
  }
  return { ref: refs.get(best) as RefTerm, byValue, rest };
}
