// Implementations of the evaluator's own functions (names and arities in compile/intrinsics.ts).

import type { Annotation, Module, Rule } from '../ast/types.ts';
import { fromJS, RObject, type Value } from '../value/value.ts';
import { BuiltinError, OperandTypeError } from '../builtins/errors.ts';
import { RegoErrors } from '../errors.ts';
import { parseModule } from '../parser/index.ts';
import { moduleValue } from './ast-json.ts';
import type { Evaluator } from './evaluator.ts';

export function callIntrinsic(ev: Evaluator, name: string, args: Value[]): Value[] {
  switch (name) {
    case 'rego.parse_module': {
      const [file, source] = args;
      if (typeof file !== 'string') throw new OperandTypeError(1, file as Value, ['string']);
      if (typeof source !== 'string') throw new OperandTypeError(2, source as Value, ['string']);
      try {
        return [moduleValue(parseModule(source, file))];
      } catch (err) {
        if (err instanceof RegoErrors) throw new BuiltinError(err.message);
        throw err;
      }
    }
    case 'rego.metadata.rule': {
      const rule = ev.ruleStack[ev.ruleStack.length - 1];
      const ann = rule?.source.annotations.find((a) => (a.scope ?? 'rule') === 'rule');
      return [ann ? annotationValue(ann, 'rule') : new RObject()];
    }
    case 'rego.metadata.chain': {
      const rule = ev.ruleStack[ev.ruleStack.length - 1];
      return [rule ? chain(rule.source, rule.path, ev.s.policy.modules) : []];
    }
    case 'trace':
      return [true];
  }
  return [];
}

/** An annotation as OPA returns it: its fields, authors as {name, email}, and its scope. */
function annotationValue(a: Annotation, defaultScope: string): Value {
  const raw: Record<string, unknown> = { ...a.raw };
  if (Array.isArray(raw['authors'])) {
    raw['authors'] = (raw['authors'] as unknown[]).map((x) => (typeof x === 'string' ? parseAuthor(x) : x));
  }
  raw['scope'] = a.scope ?? defaultScope;
  return fromJS(raw);
}

function parseAuthor(text: string): Record<string, string> {
  const m = /^(.*?)\s*<([^>]+)>\s*$/.exec(text);
  if (!m) return text.includes('@') ? { email: text.trim() } : { name: text.trim() };
  return m[1] ? { name: m[1] as string, email: m[2] as string } : { email: m[2] as string };
}

function chain(rule: Rule, path: string[], modules: readonly Module[]): Value {
  const out: Value[] = [];
  const entry = (p: string[], ann: Value | undefined): Value => {
    const o = new RObject();
    if (ann !== undefined) o.set('annotations', ann);
    o.set('path', p);
    return o;
  };
  const ruleAnn = rule.annotations.find((a) => (a.scope ?? 'rule') === 'rule');
  out.push(entry(path, ruleAnn ? annotationValue(ruleAnn, 'rule') : undefined));
  for (const other of rule.module.rules) {
    for (const a of other.annotations) if (a.scope === 'document') out.push(entry(path, annotationValue(a, 'document')));
  }
  const pkg = rule.module.pkg.join('.');
  const pkgAnn = modules.filter((m) => m.pkg.join('.') === pkg).flatMap((m) => m.annotations).find((a) => (a.scope ?? 'package') === 'package');
  if (pkgAnn) out.push(entry(rule.module.pkg, annotationValue(pkgAnn, 'package')));
  return out;
}
