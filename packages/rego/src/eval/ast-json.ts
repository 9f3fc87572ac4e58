// A parsed module as the JSON document `rego.parse_module` returns, in OPA's AST shape:
// terms are {type, value}, refs and calls are arrays of terms, expressions carry an index.

import type { Body, Expr, Module, Rule, Term } from '../ast/types.ts';
import { fromJS, typeName, type Value } from '../value/value.ts';

type Json = unknown;

const term = (type: string, value: Json): Json => ({ type, value });
const varTerm = (name: string): Json => term('var', name);
const operatorRef = (name: string): Json => {
  const [head, ...rest] = name.split('.');
  return term('ref', [varTerm(head as string), ...rest.map((p) => term('string', p))]);
};

function termJson(t: Term): Json {
  switch (t.type) {
    case 'scalar':
      return term(typeName(t.value), t.value as Json);
    case 'var':
      return varTerm(t.name);
    case 'ref':
      return term('ref', [termJson(t.head), ...t.path.map(termJson)]);
    case 'array':
      return term('array', t.items.map(termJson));
    case 'set':
      return term('set', t.items.map(termJson));
    case 'object':
      return term('object', t.entries.map(([k, v]) => [termJson(k), termJson(v)]));
    case 'comprehension':
      if (t.kind === 'object') {
        return term('objectcomprehension', { key: termJson(t.head), value: termJson(t.value as Term), body: bodyJson(t.body) });
      }
      return term(`${t.kind}comprehension`, { term: termJson(t.head), body: bodyJson(t.body) });
    case 'call':
      return term('call', [termJson(t.operator), ...t.args.map(termJson)]);
    case 'template':
      return term('templatestring', t.parts.map((p) => (typeof p === 'string' ? term('string', p) : termJson(p))));
  }
}

function exprTerms(e: Expr): Json {
  switch (e.type) {
    case 'expr': {
      if (e.op !== 'term') return [operatorRef(e.op === 'unify' ? 'eq' : 'assign'), ...e.terms.map(termJson)];
      const t = e.terms[0];
      return t.type === 'call' ? [termJson(t.operator), ...t.args.map(termJson)] : termJson(t);
    }
    case 'some-decl':
      return term('somedecl', e.vars.map(termJson));
    case 'some-in':
      return term('somedecl', [term('call', [operatorRef(e.key ? 'internal.member_3' : 'internal.member_2'), ...(e.key ? [termJson(e.key)] : []), termJson(e.value), termJson(e.collection)])]);
    case 'every':
      return term('every', {
        ...(e.key ? { key: termJson(e.key) } : {}),
        value: termJson(e.value),
        domain: termJson(e.domain),
        body: bodyJson(e.body),
      });
  }
}

function bodyJson(body: Body): Json[] {
  return body.map((e, index) => ({
    index,
    terms: exprTerms(e),
    ...(e.negated ? { negated: true } : {}),
    ...(e.with.length > 0 ? { with: e.with.map((w) => ({ target: termJson(w.target), value: termJson(w.value) })) } : {}),
  }));
}

function ruleJson(r: Rule): Json {
  const first = r.head.ref[0];
  const name = first?.type === 'scalar' ? String(first.value) : first?.type === 'var' ? first.name : '';
  const head: Record<string, Json> = {
    name,
    ref: r.head.ref.map((t, i) => (i === 0 ? varTerm(name) : termJson(t))),
  };
  if (r.head.args) head['args'] = r.head.args.map(termJson);
  if (r.head.key) head['key'] = termJson(r.head.key);
  if (r.head.value) head['value'] = termJson(r.head.value);
  else if (!r.head.key) head['value'] = term('boolean', true);
  if (r.head.assign) head['assign'] = true;
  const out: Record<string, Json> = {
    head,
    body: r.body.length > 0 ? bodyJson(r.body) : [{ index: 0, terms: term('boolean', true) }],
  };
  if (r.isDefault) out['default'] = true;
  return out;
}

export function moduleValue(m: Module): Value {
  return fromJS({
    package: { path: [varTerm('data'), ...m.pkg.map((p) => term('string', p))] },
    ...(m.imports.length > 0 ? { imports: m.imports.map((i) => ({ path: termJson(i.path), ...(i.alias ? { alias: i.alias } : {}) })) } : {}),
    ...(m.rules.length > 0 ? { rules: m.rules.map(ruleJson) } : {}),
  });
}
