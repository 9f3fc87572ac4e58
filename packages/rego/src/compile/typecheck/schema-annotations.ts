// `schemas` in METADATA annotations: each entry gives a document path (`input`, `input.user`,
// `data.roles`) the type a JSON Schema describes, either written inline or named from the schema
// set the caller compiled with (`schema.input`, `schema["role-catalog"]`). The schemas of the
// subpackages, package, document and rule annotations that apply to a rule are laid over the
// types of its scope in that order, so the most specific one wins.

import type { Annotation, Location, Module, Term } from '../../ast/types.ts';
import { RegoError, RegoErrors } from '../../errors.ts';
import { parseTerm } from '../../parser/index.ts';
import { SchemaError, schemaType } from '../../types/from-schema.ts';
import { ANY, objectType, type DynamicProperty, type MaybeType, type ObjectType, type StaticProperty, type Type } from '../../types/types.ts';
import { compare, type Value } from '../../value/value.ts';
import type { CRule } from '../types.ts';
import type { TypeEnv } from './env.ts';

/** Schemas given to the compiler. */
export interface SchemaSet {
  /** The schema of `input` for every rule and query. */
  input?: unknown;
  /** Schemas annotations may name as `schema.<id>`; an id's parts are separated by `/` or `.`. */
  byId?: Record<string, unknown>;
}

export interface SchemaEntry {
  /** `input` or `data` followed by constant keys. */
  root: string;
  path: Value[];
  /** The id of a schema of the set, or the schema itself. */
  id?: string;
  definition?: unknown;
}

/** The schema entries of one annotation; malformed ones are reported as parse errors. */
export function schemaEntries(a: Annotation, errors: RegoError[]): SchemaEntry[] {
  const raw = a.raw['schemas'];
  if (raw === undefined) return [];
  const fail = (msg: string): SchemaEntry[] => {
    errors.push(new RegoError('rego_parse_error', msg, a.loc));
    return [];
  };
  if (!Array.isArray(raw)) return fail('invalid schemas annotation: expected a list of path: schema pairs');
  const out: SchemaEntry[] = [];
  for (const item of raw) {
    const pair = item !== null && typeof item === 'object' && !Array.isArray(item) ? Object.entries(item as object) : [];
    if (pair.length !== 1) return fail('invalid schemas annotation: each entry is a single path: schema pair');
    const [key, value] = pair[0] as [string, unknown];
    const doc = refParts(key);
    if (doc === undefined || (doc.root !== 'input' && doc.root !== 'data')) return fail(`invalid document reference ${JSON.stringify(key)}`);
    if (typeof value === 'string') {
      const schema = refParts(value);
      if (schema === undefined || schema.root !== 'schema') return fail(`invalid schema reference ${JSON.stringify(value)}`);
      out.push({ ...doc, id: schema.path.map(String).join('/') });
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      out.push({ ...doc, definition: value });
    } else return fail(`invalid schema declaration for path ${JSON.stringify(key)}`);
  }
  return out;
}

/** `input.a["b-c"]` as its root name and constant keys, or undefined when it is not such a ref. */
function refParts(text: string): { root: string; path: Value[] } | undefined {
  let t: Term;
  try {
    t = parseTerm(text);
  } catch (e) {
    if (e instanceof RegoErrors) return undefined;
    throw e;
  }
  if (t.type === 'var') return { root: t.name, path: [] };
  if (t.type !== 'ref' || t.head.type !== 'var' || !t.path.every((p) => p.type === 'scalar')) return undefined;
  return { root: t.head.name, path: t.path.map((p) => (p as { value: Value }).value) };
}

/**
 * For each rule, the annotations with schemas that apply to it, least specific first: those of
 * enclosing packages (subpackages scope), of its package, of its path (document scope) and its own.
 */
export function schemaScopes(modules: readonly Module[], rules: readonly CRule[]): (rule: CRule) => Annotation[] {
  const withSchemas = (list: readonly Annotation[]) => list.filter((a) => a.raw['schemas'] !== undefined);
  const packages = modules.filter((m) => withSchemas(m.annotations).length > 0).sort((a, b) => a.pkg.length - b.pkg.length);
  const documents = new Map<string, Annotation[]>();
  for (const r of rules) {
    const docs = withSchemas(r.source.annotations).filter((a) => a.scope === 'document');
    if (docs.length > 0) documents.set(r.path.join('\u0000'), [...(documents.get(r.path.join('\u0000')) ?? []), ...docs]);
  }
  return (rule) => {
    const pkg = rule.source.module.pkg;
    const outer = packages.filter((m) => m.pkg.length <= pkg.length && m.pkg.every((x, i) => x === pkg[i]));
    return [
      ...outer.flatMap((m) => withSchemas(m.annotations).filter((a) => a.scope === 'subpackages')),
      ...outer.filter((m) => m.pkg.length === pkg.length).flatMap((m) => withSchemas(m.annotations).filter((a) => a.scope === 'package')),
      ...(documents.get(rule.path.join('\u0000')) ?? []),
      ...withSchemas(rule.source.annotations).filter((a) => a.scope === undefined || a.scope === 'rule'),
    ];
  };
}

/**
 * Lays the schemas of the annotations over `env` (a rule's scope): a path that has no type yet
 * gets the schema's; a path inside a typed document replaces that part of its type.
 */
export function applySchemas(env: TypeEnv, entries: readonly SchemaEntry[], set: SchemaSet | undefined, loc: Location | undefined, errors: RegoError[]): void {
  for (const e of entries) {
    let t: Type;
    try {
      if (e.definition !== undefined) t = schemaType(e.definition);
      else {
        if (set?.byId === undefined) continue;
        const schema = lookup(set.byId, e.id as string);
        if (schema === undefined) {
          errors.push(new RegoError('rego_type_error', `undefined schema: schema.${(e.id as string).replace(/\//g, '.')}`, loc));
          continue;
        }
        t = schemaType(schema);
      }
    } catch (err) {
      if (!(err instanceof SchemaError)) throw err;
      errors.push(new RegoError('rego_type_error', err.message, loc));
      continue;
    }
    if (e.path.length === 0) {
      env.tree.put([e.root], t);
      continue;
    }
    const [prefix, existing] = typedPrefix(env, e.root, e.path);
    env.tree.put([e.root, ...prefix], override(e.path.slice(prefix.length), existing, t));
  }
}

function lookup(byId: Record<string, unknown>, id: string): unknown {
  for (const [key, schema] of Object.entries(byId)) if (key.replace(/\./g, '/') === id) return schema;
  return undefined;
}

/** The shortest prefix of the path whose type is known (the root itself is always `any` at least). */
function typedPrefix(env: TypeEnv, root: string, path: readonly Value[]): [Value[], MaybeType] {
  for (let i = 0; i < path.length; i++) {
    const prefix = path.slice(0, i);
    const t = env.refType(root, prefix.map((value): Term => ({ type: 'scalar', value, loc: { file: '', line: 0, col: 0 } })));
    if (t !== undefined) return [prefix, t];
  }
  return [[], ANY];
}

/** `t` with the part at `path` replaced by `o` (an object shape is made up where `t` has none). */
function override(path: readonly Value[], t: MaybeType, o: Type): Type {
  if (t?.kind !== 'object') return nested(path, o, { key: ANY, value: ANY });
  let found = false;
  const props: StaticProperty[] = t.static.map((p) => {
    if (compare(p.key, path[0] as Value) !== 0) return p;
    found = true;
    return { key: p.key, value: path.length === 1 ? o : override(path.slice(1), p.value, o) };
  });
  if (!found) props.push(...nested(path, o, t.dynamic).static);
  return objectType(props, t.dynamic);
}

function nested(path: readonly Value[], o: Type, dynamic: DynamicProperty | undefined): ObjectType {
  const [key, ...rest] = path as [Value, ...Value[]];
  return objectType([{ key, value: rest.length === 0 ? o : nested(rest, o, dynamic) }], dynamic);
}
