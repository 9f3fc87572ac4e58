// Stage "check types": rules are checked in dependency order, each body in a scope over the
// types inferred so far, and each rule's type (its value's, a set of its elements', an object
// of its generated keys', or a function signature from how the body uses the arguments) is
// added at its path, so that whatever refers to the rule is checked against it. A rule whose
// body has type errors counts as `any`, so the errors are reported once, where they are.

import type { Body, Module, Term } from '../../ast/types.ts';
import type { BuiltinRegistry } from '../../builtins/registry.ts';
import { builtinSignature } from '../../builtins/signatures.ts';
import type { RegoError } from '../../errors.ts';
import { ANY, dictOf, fnType, setOf, typeOfValue, type FunctionType, type MaybeType, type Type } from '../../types/types.ts';
import { dependencies } from '../checks.ts';
import { nodeAt } from '../rule-tree.ts';
import { forEachVar } from '../terms.ts';
import type { CRule, RuleNode } from '../types.ts';
import { BodyChecker, type CheckContext } from './check-body.ts';
import { TypeEnv } from './env.ts';
import { applySchemas, schemaEntries, schemaScopes, type SchemaSet } from './schema-annotations.ts';

export type { SchemaSet };

/** The types a compiled policy's rules were found to have, for checking queries against. */
export interface PolicyTypes {
  env: TypeEnv;
  ctx: CheckContext;
}

export function checkRuleTypes(
  root: RuleNode,
  rules: readonly CRule[],
  modules: readonly Module[],
  registry: BuiltinRegistry,
  schemas: SchemaSet | undefined,
  errors: RegoError[],
): PolicyTypes {
  const env = new TypeEnv();
  if (schemas?.input !== undefined) applySchemas(env, [{ root: 'input', path: [], definition: schemas.input }], undefined, undefined, errors);
  const ctx = checkContext(registry);
  const annotationErrors: RegoError[] = [];
  const annotationsOf = schemaScopes(modules, rules);
  for (const rule of dependencyOrder(root, rules)) {
    const scope = env.wrap();
    for (const a of annotationsOf(rule)) applySchemas(scope, schemaEntries(a, annotationErrors), schemas, rule.loc, errors);
    const clauses = [{ value: rule.value, body: rule.body }, ...rule.elses];
    clauses.forEach((clause, i) => {
      const checker = BodyChecker.check(ctx, scope, clause.body);
      const head = i === 0 ? [...rule.tail, ...(rule.key ? [rule.key] : [])].map((t) => checker.headTerm(t)) : [];
      const value = checker.headTerm(clause.value);
      const path = ['data', ...rule.path];
      if (checker.errors.length > 0) {
        errors.push(...checker.errors);
        env.tree.put(path, ANY);
        return;
      }
      const type = ruleType(rule, checker, head, value, clause.value);
      if (type !== undefined) env.tree.insert(path, type, typeOfValue);
    });
  }
  // Malformed schema entries are reported once each, however many rules they apply to.
  const seen = new Set<string>();
  for (const e of annotationErrors) if (!seen.has(e.message) && seen.add(e.message)) errors.push(e);
  return { env, ctx };
}

/** Checks a query against the policy's types. */
export function checkQueryTypes(body: Body, types: PolicyTypes): RegoError[] {
  return BodyChecker.check(types.ctx, types.env, body).errors;
}

function ruleType(rule: CRule, checker: BodyChecker, head: MaybeType[], value: MaybeType, valueTerm: Term): Type | undefined {
  switch (rule.kind) {
    case 'function': {
      // Arguments the body never constrains take any value (and so does what the head builds of them).
      for (const a of rule.args) forEachVar(a, (v) => {
        if (checker.env.varType(v.name) === undefined) checker.env.bindVar(v.name, ANY);
      });
      return fnType(rule.args.map((a) => checker.typeOf(a)), checker.typeOf(valueTerm) ?? ANY);
    }
    case 'set':
      return rule.tail.length === 0 && head[0] !== undefined ? setOf(head[0]) : undefined;
    case 'complete':
      return value;
    case 'object': {
      // `p[k].q := v`: objects keyed by the types of the generated keys, innermost holding v.
      let t: MaybeType = value;
      for (let i = rule.tail.length - 1; i >= 0 && t !== undefined; i--) {
        const key = head[i];
        t = key === undefined ? undefined : dictOf(key, t);
      }
      return t;
    }
  }
}

/** Rules ordered so that every rule comes after the rules and functions it refers to. */
function dependencyOrder(root: RuleNode, rules: readonly CRule[]): CRule[] {
  const byNode = new Map<RuleNode, CRule[]>();
  for (const r of rules) {
    const node = nodeAt(root, r.path, false) as RuleNode;
    const list = byNode.get(node);
    if (list) list.push(r);
    else byNode.set(node, [r]);
  }
  // Depth-first, deps before dependents, with an explicit stack (rule chains may be long).
  const out: CRule[] = [];
  const seen = new Set<RuleNode>();
  for (const r of rules) {
    const start = nodeAt(root, r.path, false) as RuleNode;
    if (seen.has(start)) continue;
    seen.add(start);
    const stack: { node: RuleNode; deps: RuleNode[] }[] = [{ node: start, deps: depsOf(start) }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: RuleNode; deps: RuleNode[] };
      const next = top.deps.pop();
      if (next === undefined) {
        stack.pop();
        out.push(...(byNode.get(top.node) ?? []));
      } else if (!seen.has(next)) {
        seen.add(next);
        stack.push({ node: next, deps: depsOf(next) });
      }
    }
  }
  return out;

  function depsOf(node: RuleNode): RuleNode[] {
    const deps = new Set<RuleNode>();
    for (const r of byNode.get(node) ?? []) for (const d of dependencies(r, root)) deps.add(d);
    return [...deps].reverse();
  }
}

/** Signatures of builtins and evaluator functions; builtins declared without one take any values. */
function checkContext(registry: BuiltinRegistry): CheckContext {
  const cache = new Map<string, FunctionType | undefined>();
  return {
    builtinType(name) {
      if (cache.has(name)) return cache.get(name);
      const def = name === 'print' || name === 'internal.print' ? undefined : registry.get(name);
      const type = def ? (def.type ?? fnType(new Array<Type>(def.arity).fill(ANY), ANY)) : builtinSignature(name);
      cache.set(name, type);
      return type;
    },
    closures: new WeakMap(),
  };
}
