// The text form of types, as OPA prints them in type errors (`array[string]`,
// `object<a: number>[string: any]`, `any<number, set[any]>`, `(x: number) => number`), and a
// parser for the same notation so builtin signatures can be declared in it.

import { canonicalText, type Value } from '../value/value.ts';
import {
  ANY,
  BOOLEAN,
  NULL,
  NUMBER,
  STRING,
  anyOf,
  arrayOf,
  objectType,
  setOf,
  type DynamicProperty,
  type FunctionType,
  type MaybeType,
  type StaticProperty,
  type Type,
} from './types.ts';

export function typeText(t: MaybeType): string {
  if (t === undefined) return '???';
  switch (t.kind) {
    case 'null':
    case 'boolean':
    case 'number':
    case 'string':
      return t.kind;
    case 'array': {
      let s = 'array';
      if (t.static.length > 0) s += `<${t.static.map(typeText).join(', ')}>`;
      if (t.dynamic !== undefined) s += `[${typeText(t.dynamic)}]`;
      return s;
    }
    case 'object': {
      let s = 'object';
      if (t.static.length > 0) s += `<${t.static.map((p) => `${keyText(p.key)}: ${typeText(p.value)}`).join(', ')}>`;
      if (t.dynamic !== undefined) s += `[${typeText(t.dynamic.key)}: ${typeText(t.dynamic.value)}]`;
      return s;
    }
    case 'set':
      return `set[${typeText(t.of)}]`;
    case 'any':
      return t.of.length === 0 ? 'any' : `any<${t.of.map(typeText).join(', ')}>`;
    case 'function':
      return `${argsText(t.args, undefined, t.variadic)} => ${typeText(t.result)}`;
  }
}

const keyText = (k: Value): string => (typeof k === 'string' ? k : canonicalText(k));

/** `(a, b)`, with `name: type` where a name is given and `type...` for a variadic tail. */
export function argsText(args: readonly MaybeType[], names?: readonly (string | undefined)[], variadic?: Type): string {
  const parts = args.map((t, i) => (names?.[i] ? `${names[i]}: ${typeText(t)}` : typeText(t)));
  if (variadic !== undefined) parts.push(`${typeText(variadic)}...`);
  return `(${parts.join(', ')})`;
}

/** The arguments a function wants, its result counted as the last one (how OPA reports arity). */
export function wantedArgsText(f: FunctionType): string {
  if (f.result === undefined) return argsText(f.args, f.argNames, f.variadic);
  return argsText([...f.args, f.result], [...(f.argNames ?? f.args.map(() => undefined)), f.resultName], f.variadic);
}

// ---------------------------------------------------------------------------------------------
// Parsing

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  skip(): void {
    while (this.pos < this.text.length && this.text[this.pos] === ' ') this.pos++;
  }

  peek(s: string): boolean {
    this.skip();
    return this.text.startsWith(s, this.pos);
  }

  eat(s: string): boolean {
    if (!this.peek(s)) return false;
    this.pos += s.length;
    return true;
  }

  expect(s: string): void {
    if (!this.eat(s)) this.fail(`expected "${s}"`);
  }

  word(): string {
    this.skip();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    if (!m) this.fail('expected a name');
    this.pos += (m as RegExpExecArray)[0].length;
    return (m as RegExpExecArray)[0];
  }

  /** A `name:` label ahead (names may contain spaces, as in `formatted timestamp: string`). */
  label(): string | undefined {
    this.skip();
    const m = /^([A-Za-z_][A-Za-z0-9_ ]*?)\s*:(?!:)/.exec(this.text.slice(this.pos));
    if (!m) return undefined;
    this.pos += m[0].length;
    return (m[1] as string).trim();
  }

  fail(msg: string): never {
    throw new Error(`type notation: ${msg} at ${this.pos} in ${JSON.stringify(this.text)}`);
  }
}

function parseTypeAt(r: Reader): Type {
  const name = r.word();
  switch (name) {
    case 'null':
      return NULL;
    case 'boolean':
      return BOOLEAN;
    case 'number':
      return NUMBER;
    case 'string':
      return STRING;
    case 'any': {
      if (!r.eat('<')) return ANY;
      const members = list(r, '>', () => parseTypeAt(r));
      return anyOf(...members);
    }
    case 'set': {
      r.expect('[');
      const of = parseTypeAt(r);
      r.expect(']');
      return setOf(of);
    }
    case 'array': {
      const fixed = r.eat('<') ? list(r, '>', () => parseTypeAt(r)) : [];
      let dynamic: Type | undefined;
      if (r.eat('[')) {
        dynamic = parseTypeAt(r);
        r.expect(']');
      }
      return arrayOf(dynamic, fixed);
    }
    case 'object': {
      const props: StaticProperty[] = r.eat('<')
        ? list(r, '>', () => {
            const key = r.label();
            if (key === undefined) r.fail('expected "key:"');
            return { key, value: parseTypeAt(r) };
          })
        : [];
      let dynamic: DynamicProperty | undefined;
      if (r.eat('[')) {
        const key = parseTypeAt(r);
        r.expect(':');
        dynamic = { key, value: parseTypeAt(r) };
        r.expect(']');
      }
      return objectType(props, dynamic);
    }
    default:
      return r.fail(`unknown type ${name}`);
  }
}

function list<T>(r: Reader, close: string, item: () => T): T[] {
  const out: T[] = [];
  if (r.eat(close)) return out;
  do out.push(item());
  while (r.eat(','));
  r.expect(close);
  return out;
}

/** Parses a type such as `object[string: array[number]]`. */
export function parseType(text: string): Type {
  const r = new Reader(text);
  const t = parseTypeAt(r);
  r.skip();
  if (r.pos !== text.length) r.fail('unexpected text');
  return t;
}

/**
 * Parses a signature: `(name: type, ...) => name: type`; a last argument `type...` is variadic
 * and a `void` result means the function produces no value.
 */
export function parseSignature(text: string): FunctionType {
  const r = new Reader(text);
  r.expect('(');
  const args: Type[] = [];
  const names: (string | undefined)[] = [];
  let variadic: Type | undefined;
  list(r, ')', () => {
    const name = r.label();
    const t = parseTypeAt(r);
    if (r.eat('...')) variadic = t;
    else {
      args.push(t);
      names.push(name);
    }
  });
  r.expect('=>');
  const fn: FunctionType = { kind: 'function', args };
  if (names.some((n) => n !== undefined)) fn.argNames = names;
  if (variadic !== undefined) fn.variadic = variadic;
  if (!r.eat('void')) {
    const resultName = r.label();
    fn.result = parseTypeAt(r);
    if (resultName !== undefined) fn.resultName = resultName;
  }
  r.skip();
  if (r.pos !== text.length) r.fail('unexpected text');
  return fn;
}
