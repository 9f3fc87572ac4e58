// Stage "build rule tree": every rule is placed at the node of its ground path (package plus the
// leading string parts of its head ref); the remaining head parts are keys the rule generates.

import type { Rule, Term } from '../ast/types.ts';
import { RegoError } from '../errors.ts';
import { newNode, pathText, type CRule, type CRuleKind, type RuleNode } from './types.ts';

export function splitHead(pkg: string[], rule: Rule): { path: string[]; tail: Term[] } {
  const path = [...pkg];
  const ref = rule.head.ref;
  let i = 0;
  for (; i < ref.length; i++) {
    const t = ref[i] as Term;
    if (t.type !== 'scalar' || typeof t.value !== 'string') break;
    path.push(t.value);
  }
  return { path, tail: ref.slice(i) };
}

export function ruleKind(rule: Rule, tail: Term[]): CRuleKind {
  switch (rule.kind) {
    case 'function':
      return 'function';
    case 'partial-set':
      return 'set';
    case 'partial-object':
      return 'object';
    default:
      return tail.length > 0 ? 'object' : 'complete';
  }
}

/** How many nodes each rule tree has, by its root (numbering the nodes). */
const nodeCounts = new WeakMap<RuleNode, number>();

export function nodeAt(root: RuleNode, path: readonly string[], create: boolean): RuleNode | undefined {
  let node = root;
  for (const key of path) {
    let child = node.children.get(key);
    if (child === undefined) {
      if (!create) return undefined;
      const slot = nodeCounts.get(root) ?? 1;
      nodeCounts.set(root, slot + 1);
      child = newNode([...node.path, key], slot);
      node.children.set(key, child);
    }
    node = child;
  }
  return node;
}

export function insertRule(root: RuleNode, rule: CRule): void {
  const node = nodeAt(root, rule.path, true) as RuleNode;
  if (rule.kind === 'function') {
    if (rule.isDefault) node.defaultFunc = rule;
    else node.funcs.push(rule);
  } else if (rule.isDefault) node.defaultRule = rule;
  else node.rules.push(rule);
  let n: RuleNode | undefined = root;
  n.hasRules = true;
  for (const key of rule.path) {
    n = n.children.get(key) as RuleNode;
    n.hasRules = true;
  }
}

/** Packages are documents even without rules (`data.a.b` is `{}` for an empty package a.b). */
export function insertPackage(root: RuleNode, pkg: string[]): void {
  let n = root;
  n.hasRules = true;
  for (const key of pkg) {
    n = nodeAt(n, [key], true) as RuleNode;
    n.hasRules = true;
  }
}

/** Stage "check rule conflicts": mixed kinds at one path and repeated defaults. */
export function checkConflicts(root: RuleNode, all: CRule[], errors: RegoError[]): void {
  const defaults = new Map<string, CRule[]>();
  for (const r of all) {
    if (!r.isDefault) continue;
    const key = pathText(r.path);
    const list = defaults.get(key);
    if (list) list.push(r);
    else defaults.set(key, [r]);
  }
  for (const [path, rules] of defaults) {
    if (rules.length > 1) {
      errors.push(new RegoError('rego_type_error', `multiple default rules ${path} found`, (rules[1] as CRule).loc));
    }
  }
  const visit = (node: RuleNode): void => {
    const kinds = new Set<string>();
    for (const r of node.rules) kinds.add(r.kind === 'object' && r.tail.length === 0 ? 'object' : r.kind);
    if (node.defaultRule) kinds.add(node.defaultRule.kind);
    if (node.funcs.length > 0 || node.defaultFunc) kinds.add('function');
    if (kinds.size > 1) {
      const first = node.rules[0] ?? node.funcs[0] ?? node.defaultRule;
      errors.push(new RegoError('rego_type_error', `conflicting rules ${pathText(node.path)} found`, first?.loc));
    }
    const arities = new Set(node.funcs.map((f) => f.args.length));
    if (node.defaultFunc) arities.add(node.defaultFunc.args.length);
    if (arities.size > 1) {
      errors.push(new RegoError('rego_type_error', `conflicting rules ${pathText(node.path)} found`, node.funcs[0]?.loc));
    }
    for (const child of node.children.values()) visit(child);
  };
  visit(root);
}
