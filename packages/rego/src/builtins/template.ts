// `strings.render_template`: the part of Go's text/template that policies use — field and
// variable references, pipelines with the builtin functions (len, index, eq, ne, lt, le, gt, ge,
// and, or, not, print, printf), if/else, range (with index and element variables), with, and
// `{{-`/`-}}` trimming. A missing key prints `<undefined>` as OPA does.

import { BigNum, RObject, RSet, compare, equal, numberText, type Value } from '../value/value.ts';
import { BuiltinError } from './errors.ts';
import { sprintf } from './sprintf.ts';

/** A template value: a Rego value, or the marker for a missing key. */
type TValue = Value | typeof MISSING;
const MISSING = Symbol('missing');

type Node =
  | { t: 'text'; text: string }
  | { t: 'action'; pipe: Pipeline }
  | { t: 'if' | 'with'; pipe: Pipeline; then: Node[]; else: Node[] }
  | { t: 'range'; pipe: Pipeline; vars: string[]; body: Node[]; else: Node[] };

interface Pipeline {
  decl: string[];
  assign: boolean;
  cmds: Arg[][];
}

type Arg =
  | { t: 'field'; base: string | undefined; path: string[] } // base: undefined for `.`, else `$var`
  | { t: 'lit'; v: Value }
  | { t: 'ident'; name: string }
  | { t: 'sub'; pipe: Pipeline };

function fail(msg: string): never {
  throw new BuiltinError(`template: ${msg}`);
}

// ---------------------------------------------------------------------------------------------
// Lexing: text and actions, with trim markers applied.

function splitActions(src: string): ({ text: string } | { action: string })[] {
  const out: ({ text: string } | { action: string })[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open === -1) {
      out.push({ text: src.slice(i) });
      break;
    }
    let text = src.slice(i, open);
    let start = open + 2;
    if (src.startsWith('- ', start) || src.startsWith('-\t', start) || src.startsWith('-\n', start)) {
      text = text.replace(/\s+$/, '');
      start += 1;
    }
    out.push({ text });
    const close = findClose(src, start);
    let end = close;
    let next = close + 2;
    if (src[close - 1] === '-' && /\s/.test(src[close - 2] ?? '')) {
      end = close - 1;
      const m = /^\s*/.exec(src.slice(next)) as RegExpExecArray;
      next += m[0].length;
    }
    out.push({ action: src.slice(start, end).trim() });
    i = next;
  }
  return out;
}

/** The `}}` closing an action, skipping quoted strings. */
function findClose(src: string, from: number): number {
  let i = from;
  while (i < src.length) {
    const c = src[i];
    if (c === '"' || c === '`') {
      const q = c;
      i++;
      while (i < src.length && src[i] !== q) i += src[i] === '\\' && q === '"' ? 2 : 1;
      i++;
      continue;
    }
    if (src.startsWith('}}', i)) return i;
    i++;
  }
  return fail('unclosed action');
}

function tokenize(action: string): string[] {
  const re = /\s*("(?:[^"\\]|\\.)*"|`[^`]*`|:=|=|\||\(|\)|[^\s|()]+)/gy;
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(action)) !== null) out.push(m[1] as string);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parsing.

function parsePipeline(tokens: string[]): Pipeline {
  let decl: string[] = [];
  let assign = false;
  const declEnd = tokens.findIndex((t) => t === ':=' || t === '=');
  if (declEnd > 0 && tokens.slice(0, declEnd).every((t) => /^\$\w*,?$/.test(t) || t === ',')) {
    decl = tokens
      .slice(0, declEnd)
      .join(' ')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    assign = tokens[declEnd] === '=';
    tokens = tokens.slice(declEnd + 1);
  }
  const cmds: Arg[][] = [[]];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as string;
    if (tok === '|') {
      cmds.push([]);
      continue;
    }
    let arg: Arg;
    if (tok === '(') {
      let depth = 1;
      let j = i + 1;
      for (; j < tokens.length && depth > 0; j++) {
        if (tokens[j] === '(') depth++;
        else if (tokens[j] === ')') depth--;
      }
      arg = { t: 'sub', pipe: parsePipeline(tokens.slice(i + 1, j - 1)) };
      i = j - 1;
    } else arg = parseOperand(tok);
    (cmds[cmds.length - 1] as Arg[]).push(arg);
  }
  if (cmds.some((c) => c.length === 0)) fail('missing value for command');
  return { decl, assign, cmds };
}

function parseOperand(tok: string): Arg {
  if (tok.startsWith('"')) return { t: 'lit', v: JSON.parse(tok) as string };
  if (tok.startsWith('`')) return { t: 'lit', v: tok.slice(1, -1) };
  if (tok === 'true' || tok === 'false') return { t: 'lit', v: tok === 'true' };
  if (tok === 'nil') return { t: 'lit', v: null };
  if (/^[-+]?\d/.test(tok)) return { t: 'lit', v: Number(tok) };
  if (tok === '.') return { t: 'field', base: undefined, path: [] };
  if (tok.startsWith('.')) return { t: 'field', base: undefined, path: tok.slice(1).split('.') };
  if (tok.startsWith('$')) {
    const [base, ...path] = tok.split('.');
    return { t: 'field', base: base as string, path };
  }
  return { t: 'ident', name: tok };
}

function parse(src: string): Node[] {
  const parts = splitActions(src);
  let pos = 0;
  // Parses nodes up to one of the given keywords; returns them and the keyword met.
  const block = (stops: string[]): [Node[], string, string[]] => {
    const nodes: Node[] = [];
    while (pos < parts.length) {
      const part = parts[pos++] as { text: string } | { action: string };
      if ('text' in part) {
        if (part.text) nodes.push({ t: 'text', text: part.text });
        continue;
      }
      const action = part.action;
      if (action.startsWith('/*')) continue;
      const tokens = tokenize(action);
      const kw = tokens[0] ?? '';
      if (stops.includes(kw)) return [nodes, kw, tokens.slice(1)];
      if (kw === 'if' || kw === 'with') {
        nodes.push(conditional(kw, tokens.slice(1)));
      } else if (kw === 'range') {
        const pipe = parsePipeline(tokens.slice(1));
        const [body, end] = block(['else', 'end']);
        const [otherwise] = end === 'else' ? block(['end']) : [[]];
        nodes.push({ t: 'range', pipe: { ...pipe, decl: [] }, vars: pipe.decl, body, else: otherwise });
      } else if (kw === 'end' || kw === 'else') {
        fail(`unexpected {{${kw}}}`);
      } else nodes.push({ t: 'action', pipe: parsePipeline(tokens) });
    }
    if (stops.length > 0) fail('unexpected EOF');
    return [nodes, '', []];
  };
  const conditional = (kw: 'if' | 'with', tokens: string[]): Node => {
    const pipe = parsePipeline(tokens);
    const [then, end, rest] = block(['else', 'end']);
    let otherwise: Node[] = [];
    if (end === 'else') {
      if (rest[0] === 'if' || rest[0] === 'with') otherwise = [conditional(rest[0], rest.slice(1))];
      else [otherwise] = block(['end']);
    }
    return { t: kw, pipe, then, else: otherwise };
  };
  return block([])[0];
}

// ---------------------------------------------------------------------------------------------
// Evaluation.

function truthy(v: TValue): boolean {
  if (v === MISSING || v === null || v === false) return false;
  if (typeof v === 'number') return v !== 0;
  if (v instanceof BigNum) return v.text !== '0';
  if (typeof v === 'string' || Array.isArray(v)) return v.length > 0;
  if (v instanceof RObject || v instanceof RSet) return v.size > 0;
  return true;
}

/** Go's default printing of the value the template produces. */
function show(v: TValue): string {
  if (v === MISSING) return '<undefined>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number' || v instanceof BigNum) return numberText(v);
  if (Array.isArray(v)) return '[' + v.map(show).join(' ') + ']';
  if (v instanceof RSet) return '[' + v.values().map(show).join(' ') + ']';
  return 'map[' + v.entries().map(([k, x]) => `${show(k)}:${show(x)}`).join(' ') + ']';
}

function select(v: TValue, key: string): TValue {
  if (v instanceof RObject) return v.get(key) ?? MISSING;
  return MISSING;
}

type Scope = Map<string, TValue>[];

function lookupVar(scope: Scope, name: string): TValue {
  for (let i = scope.length - 1; i >= 0; i--) {
    const frame = scope[i] as Map<string, TValue>;
    if (frame.has(name)) return frame.get(name) as TValue;
  }
  return fail(`undefined variable: ${name}`);
}

const FUNCS: Record<string, (args: TValue[]) => TValue> = {
  len: ([x]) => {
    if (typeof x === 'string') return Buffer.byteLength(x);
    if (Array.isArray(x)) return x.length;
    if (x instanceof RObject || x instanceof RSet) return x.size;
    return fail('len of unsupported type');
  },
  index: ([x, ...keys]) => {
    let v: TValue = x as TValue;
    for (const k of keys) {
      if (Array.isArray(v) && typeof k === 'number') v = v[k] ?? fail('index out of range');
      else if (v instanceof RObject && k !== MISSING) v = v.get(k as Value) ?? MISSING;
      else return fail("can't index item");
    }
    return v;
  },
  eq: ([a, ...rest]) => rest.some((b) => a !== MISSING && b !== MISSING && equal(a as Value, b as Value)),
  ne: ([a, b]) => !(a !== MISSING && b !== MISSING && equal(a as Value, b as Value)),
  lt: ([a, b]) => compare(a as Value, b as Value) < 0,
  le: ([a, b]) => compare(a as Value, b as Value) <= 0,
  gt: ([a, b]) => compare(a as Value, b as Value) > 0,
  ge: ([a, b]) => compare(a as Value, b as Value) >= 0,
  and: (args) => args.find((a) => !truthy(a)) ?? (args[args.length - 1] as TValue),
  or: (args) => args.find((a) => truthy(a)) ?? (args[args.length - 1] as TValue),
  not: ([a]) => !truthy(a as TValue),
  print: (args) => args.map(show).join(''),
  println: (args) => args.map(show).join(' ') + '\n',
  printf: ([f, ...args]) => sprintf(String(f), args.map((a) => (a === MISSING ? null : a))),
};

function evalArg(arg: Arg, dot: TValue, scope: Scope): TValue {
  switch (arg.t) {
    case 'lit':
      return arg.v;
    case 'sub':
      return evalPipeline(arg.pipe, dot, scope);
    case 'field': {
      let v = arg.base === undefined ? dot : lookupVar(scope, arg.base);
      for (const k of arg.path) v = select(v, k);
      return v;
    }
    case 'ident':
      return fail(`function "${arg.name}" not defined`);
  }
}

function evalPipeline(pipe: Pipeline, dot: TValue, scope: Scope): TValue {
  let result: TValue | undefined;
  for (const cmd of pipe.cmds) {
    const [head, ...rest] = cmd as [Arg, ...Arg[]];
    if (head.t === 'ident') {
      const fn = FUNCS[head.name] ?? fail(`function "${head.name}" not defined`);
      const args = rest.map((a) => evalArg(a, dot, scope));
      if (result !== undefined) args.push(result);
      result = fn(args);
    } else {
      if (rest.length > 0 || result !== undefined) fail("can't give argument to non-function");
      result = evalArg(head, dot, scope);
    }
  }
  const value = result as TValue;
  const frame = scope[scope.length - 1] as Map<string, TValue>;
  for (const name of pipe.decl) {
    if (pipe.assign) {
      const owner = [...scope].reverse().find((f) => f.has(name)) ?? fail(`undefined variable: ${name}`);
      owner.set(name, value);
    } else frame.set(name, value);
  }
  return value;
}

function run(nodes: Node[], dot: TValue, scope: Scope): string {
  let out = '';
  for (const node of nodes) {
    switch (node.t) {
      case 'text':
        out += node.text;
        break;
      case 'action': {
        const v = evalPipeline(node.pipe, dot, scope);
        if (node.pipe.decl.length === 0) out += show(v);
        break;
      }
      case 'if':
      case 'with': {
        const v = evalPipeline(node.pipe, dot, scope);
        scope.push(new Map());
        if (truthy(v)) out += run(node.then, node.t === 'with' ? v : dot, scope);
        else out += run(node.else, dot, scope);
        scope.pop();
        break;
      }
      case 'range': {
        const v = evalPipeline(node.pipe, dot, scope);
        let items: [Value, Value][] = [];
        if (Array.isArray(v)) items = v.map((x, i) => [i, x]);
        else if (v instanceof RSet) items = v.values().map((x, i) => [i, x]);
        else if (v instanceof RObject) items = [...v.entries()];
        else if (typeof v === 'number') items = Array.from({ length: v }, (_, i) => [i, i]);
        else if (truthy(v)) fail(`range can't iterate over ${show(v)}`);
        if (items.length === 0) {
          out += run(node.else, dot, scope);
          break;
        }
        for (const [k, x] of items) {
          const frame = new Map<string, TValue>();
          if (node.vars.length === 1) frame.set(node.vars[0] as string, x);
          else if (node.vars.length === 2) {
            frame.set(node.vars[0] as string, k);
            frame.set(node.vars[1] as string, x);
          }
          scope.push(frame);
          out += run(node.body, x, scope);
          scope.pop();
        }
        break;
      }
    }
  }
  return out;
}

export function renderTemplate(src: string, vars: RObject): string {
  const nodes = parse(src);
  return run(nodes, vars, [new Map<string, TValue>([['$', vars]])]);
}
