// Stages "check functions" (undefined functions, wrong arity) and "check recursion".

import type { Body, CallTerm, Expr, Term } from '../ast/types.ts';
import type { BuiltinRegistry } from '../builtins/registry.ts';
import { builtinSignature } from '../builtins/signatures.ts';
import { RegoError } from '../errors.ts';
import { argsText } from '../types/notation.ts';
import { literalType } from './typecheck/type-errors.ts';
import { intrinsicArity } from './intrinsics.ts';
import { nodeAt } from './rule-tree.ts';
import { staticName } from './terms.ts';
import { pathText, type CRule, type RuleNode } from './types.ts';

export function functionArity(root: RuleNode, registry: BuiltinRegistry, name: string): number | undefined {
  if (name.startsWith('data.')) {
    const node = nodeAt(root, name.split('.').slice(1), false);
    const f = node?.funcs[0] ?? node?.defaultFunc;
    return f?.args.length;
  }
  const def = registry.get(name);
  if (def !== undefined) return def.arity;
  return intrinsicArity(name);
}

/** Visits every term (nested bodies included) of a body. */
export function walkBody(body: Body, fn: (t: Term) => void): void {
  for (const e of body) walkExpr(e, fn);
}

function walkExpr(e: Expr, fn: (t: Term) => void): void {
  switch (e.type) {
    case 'expr':
      e.terms.forEach((t) => walkTerm(t, fn));
      break;
    case 'some-in':
      if (e.key) walkTerm(e.key, fn);
      walkTerm(e.value, fn);
      walkTerm(e.collection, fn);
      break;
    case 'every':
      walkTerm(e.domain, fn);
      walkBody(e.body, fn);
      break;
    case 'some-decl':
      break;
  }
  for (const w of e.with) walkTerm(w.value, fn);
}

export function walkTerm(t: Term, fn: (t: Term) => void): void {
  fn(t);
  switch (t.type) {
    case 'ref':
      walkTerm(t.head, fn);
      t.path.forEach((p) => walkTerm(p, fn));
      return;
    case 'array':
    case 'set':
      t.items.forEach((i) => walkTerm(i, fn));
      return;
    case 'object':
      for (const [k, v] of t.entries) {
        walkTerm(k, fn);
        walkTerm(v, fn);
      }
      return;
    case 'comprehension':
      walkTerm(t.head, fn);
      if (t.value) walkTerm(t.value, fn);
      walkBody(t.body, fn);
      return;
    case 'call':
      t.args.forEach((a) => walkTerm(a, fn));
      return;
    case 'template':
      for (const p of t.parts) if (typeof p !== 'string') walkTerm(p, fn);
      return;
    default:
      return;
  }
}

/**
 * Stage "check functions": every call names a builtin or function and passes it as many
 * arguments as it takes; a call standing alone as an expression may add one for the result.
 * `values` are terms (rule heads) whose calls are used for their results.
 */
export function checkCalls(body: Body, root: RuleNode, registry: BuiltinRegistry, errors: RegoError[], values: readonly Term[] = []): void {
  const alone = standaloneCalls(body, values);
  const check = (t: Term): void => {
    if (t.type !== 'call') return;
    const name = staticName(t.operator);
    if (name === undefined) {
      errors.push(new RegoError('rego_type_error', 'undefined function', t.loc));
      return;
    }
    const arity = functionArity(root, registry, name);
    if (arity === undefined) {
      errors.push(new RegoError('rego_type_error', `undefined function ${name}`, t.loc));
      return;
    }
    const n = t.args.length;
    if (arity < 0 || n === arity || (n === arity + 1 && alone.has(t))) return;
    errors.push(arityError(t, name, arity, registry, alone.has(t)));
  };
  walkBody(body, check);
  for (const v of values) walkTerm(v, check);
}

/** OPA's wording: argument types for builtins, counts for functions. */
function arityError(t: CallTerm, name: string, arity: number, registry: BuiltinRegistry, alone: boolean): RegoError {
  const decl = name.startsWith('data.') ? undefined : (registry.get(name)?.type ?? builtinSignature(name));
  if (decl === undefined) {
    return new RegoError('rego_type_error', `function ${name} has arity ${arity}, got ${t.args.length} argument${t.args.length === 1 ? '' : 's'}`, t.loc);
  }
  const have = [...t.args.map(literalType), ...(alone ? [] : [undefined])];
  return new RegoError('rego_type_error', `${name}: arity mismatch`, t.loc, [`have: ${argsText(have)}`, `want: ${argsText(decl.args, undefined, decl.variadic)}`]);
}

/** Calls that are a whole expression (in any nested body): their result is not used. */
function standaloneCalls(body: Body, values: readonly Term[]): Set<Term> {
  const out = new Set<Term>();
  const visit = (b: Body): void => {
    for (const e of b) {
      if (e.type === 'expr' && e.op === 'term' && e.terms[0].type === 'call') out.add(e.terms[0]);
      if (e.type === 'every') visit(e.body);
    }
  };
  visit(body);
  const inComprehensions = (t: Term): void => {
    if (t.type === 'comprehension') visit(t.body);
  };
  walkBody(body, inComprehensions);
  for (const v of values) walkTerm(v, inComprehensions);
  return out;
}

/** The rule nodes a rule depends on: data refs it reads and functions it calls. */
export function dependencies(rule: CRule, root: RuleNode): Set<RuleNode> {
  const out = new Set<RuleNode>();
  const addSubtree = (n: RuleNode): void => {
    if (n.rules.length > 0 || n.funcs.length > 0 || n.defaultRule || n.defaultFunc) out.add(n);
    for (const c of n.children.values()) if (c.hasRules) addSubtree(c);
  };
  const visitRef = (head: Term, path: Term[]): void => {
    if (head.type !== 'var' || head.name !== 'data') return;
    let node = root;
    for (const p of path) {
      if (node.rules.length > 0 || node.funcs.length > 0) {
        out.add(node);
        return;
      }
      if (p.type === 'scalar' && typeof p.value !== 'string') {
        const next = node.children.get(String(p.value));
        if (next === undefined) return;
        node = next;
        continue;
      }
      // A dynamic key could reach any rule; only static paths are followed.
      if (p.type !== 'scalar' || typeof p.value !== 'string') return;
      const next = node.children.get(p.value);
      if (next === undefined) return;
      node = next;
    }
    addSubtree(node);
  };
  const terms: Term[] = [rule.value, ...rule.tail, ...rule.args, ...(rule.key ? [rule.key] : [])];
  const bodies = [rule.body, ...rule.elses.map((e) => e.body)];
  for (const e of rule.elses) terms.push(e.value);
  const fn = (t: Term): void => {
    if (t.type === 'ref') visitRef(t.head, t.path);
    else if (t.type === 'call' && t.operator.type === 'ref') visitRef(t.operator.head, t.operator.path);
  };
  for (const t of terms) walkTerm(t, fn);
  for (const b of bodies) walkBody(b, fn);
  return out;
}

export function checkRecursion(root: RuleNode, rules: CRule[], errors: RegoError[]): void {
  const nodeRules = new Map<RuleNode, CRule[]>();
  for (const r of rules) {
    const n = nodeAt(root, r.path, false) as RuleNode;
    const list = nodeRules.get(n);
    if (list) list.push(r);
    else nodeRules.set(n, [r]);
  }
  const deps = new Map<RuleNode, Set<RuleNode>>();
  for (const [n, rs] of nodeRules) {
    const d = new Set<RuleNode>();
    for (const r of rs) for (const x of dependencies(r, root)) d.add(x);
    deps.set(n, d);
  }
  const state = new Map<RuleNode, 1 | 2>();
  const stack: RuleNode[] = [];
  const reported = new Set<RuleNode>();
  const visit = (n: RuleNode): void => {
    state.set(n, 1);
    stack.push(n);
    for (const d of deps.get(n) ?? []) {
      const s = state.get(d);
      if (s === 1) {
        const cycle = stack.slice(stack.indexOf(d));
        if (!reported.has(d)) {
          reported.add(d);
          const names = [...cycle, d].map((x) => pathText(x.path));
          const first = nodeRules.get(d)?.[0];
          errors.push(new RegoError('rego_recursion_error', `rule ${pathText(d.path)} is recursive: ${names.join(' -> ')}`, first?.loc));
        }
      } else if (s === undefined) visit(d);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of deps.keys()) if (!state.has(n)) visit(n);
}
