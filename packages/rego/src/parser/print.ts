// Renders AST nodes back to compact Rego-like text, for messages and for checking parse trees.
// Infix operators print in call form (`plus(1, 2)`), so the tree's shape is visible.

import { canonicalText } from '../value/value.ts';
import type { Body, Expr, Rule, Term, WithModifier } from '../ast/types.ts';

export function termText(t: Term): string {
  switch (t.type) {
    case 'scalar':
      return canonicalText(t.value);
    case 'var':
      return t.name;
    case 'ref':
      return termText(t.head) + t.path.map(pathText).join('');
    case 'array':
      return `[${t.items.map(termText).join(', ')}]`;
    case 'set':
      return t.items.length === 0 ? 'set()' : `{${t.items.map(termText).join(', ')}}`;
    case 'object':
      return `{${t.entries.map(([k, v]) => `${termText(k)}: ${termText(v)}`).join(', ')}}`;
    case 'comprehension': {
      const head = t.kind === 'object' ? `${termText(t.head)}: ${termText(t.value as Term)}` : termText(t.head);
      const [open, close] = t.kind === 'array' ? ['[', ']'] : ['{', '}'];
      return `${open}${head} | ${bodyText(t.body)}${close}`;
    }
    case 'call':
      return `${termText(t.operator)}(${t.args.map(termText).join(', ')})`;
    case 'template': {
      const parts = t.parts.map((p, i) => {
        if (typeof p === 'string') return p.replace(/[{"\\]/g, (c) => '\\' + c);
        const withs = t.withs?.[i] ?? [];
        return `{${termText(p)}${withs.map(withText).join('')}}`;
      });
      return `$"${parts.join('')}"`;
    }
  }
}

function pathText(p: Term): string {
  if (p.type === 'scalar' && typeof p.value === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(p.value)) return `.${p.value}`;
  return `[${termText(p)}]`;
}

function withText(w: WithModifier): string {
  return ` with ${termText(w.target)} as ${termText(w.value)}`;
}

export function exprText(e: Expr): string {
  let s: string;
  switch (e.type) {
    case 'expr':
      s = e.op === 'term' ? termText(e.terms[0]) : `${termText(e.terms[0])} ${e.op === 'unify' ? '=' : ':='} ${termText(e.terms[1] as Term)}`;
      break;
    case 'some-decl':
      s = `some ${e.vars.map(termText).join(', ')}`;
      break;
    case 'some-in':
      s = `some ${e.key ? termText(e.key) + ', ' : ''}${termText(e.value)} in ${termText(e.collection)}`;
      break;
    case 'every':
      s = `every ${e.key ? termText(e.key) + ', ' : ''}${termText(e.value)} in ${termText(e.domain)} { ${bodyText(e.body)} }`;
      break;
  }
  return (e.negated ? 'not ' : '') + s + e.with.map(withText).join('');
}

export function bodyText(b: Body): string {
  return b.map(exprText).join('; ');
}

export function ruleText(r: Rule): string {
  const h = r.head;
  let s = (r.isDefault ? 'default ' : '') + termText(headRefTerm(h.ref));
  if (h.args) s += `(${h.args.map(termText).join(', ')})`;
  if (h.key) s += ` contains ${termText(h.key)}`;
  if (h.value) s += ` ${h.assign ? ':=' : '='} ${termText(h.value)}`;
  if (r.body.length > 0) s += ` if { ${bodyText(r.body)} }`;
  for (const e of r.elses) {
    s += ' else';
    if (e.value) s += ` := ${termText(e.value)}`;
    if (e.body.length > 0) s += ` if { ${bodyText(e.body)} }`;
  }
  return s;
}

/** A rule head's path as a single ref term (`["p", "q", x]` → `p.q[x]`). */
export function headRefTerm(ref: Term[]): Term {
  const [first, ...rest] = ref as [Term, ...Term[]];
  const head: Term = first.type === 'scalar' ? { type: 'var', name: String(first.value), loc: first.loc } : first;
  return rest.length === 0 ? head : { type: 'ref', head, path: rest, loc: first.loc };
}
