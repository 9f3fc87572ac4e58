// The type a JSON Schema describes, for `input`/`data` schemas: `properties` give an object's
// known keys (an object with listed properties has no others unless `additionalProperties` says
// so), `items` an array's elements, `anyOf` a union and `allOf` a merge; local `$ref`s are
// followed (a cycle becomes `any`). Keywords that only constrain values (enum, pattern, minimum,
// ...) do not change the type.

import {
  ANY,
  BOOLEAN,
  NUMBER,
  STRING,
  arrayOf,
  dictOf,
  objectType,
  or,
  tuple,
  type MaybeType,
  type ObjectType,
  type StaticProperty,
  type Type,
} from './types.ts';

export class SchemaError extends Error {}

type Schema = Record<string, unknown>;

const TYPE_NAMES = new Set(['null', 'boolean', 'object', 'array', 'number', 'integer', 'string']);

/** The type of documents matching `schema`; throws SchemaError for a schema that is not one. */
export function schemaType(schema: unknown): Type {
  return new SchemaReader(schema).read(schema, new Set());
}

class SchemaReader {
  constructor(private readonly root: unknown) {}

  read(schema: unknown, visiting: Set<unknown>): Type {
    if (typeof schema === 'boolean') return ANY;
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
      throw new SchemaError(`unable to compile the schema: a schema must be an object or a boolean, got ${JSON.stringify(schema)}`);
    }
    const s = schema as Schema;
    if (visiting.has(s)) return ANY;
    const inner = new Set(visiting).add(s);
    if (typeof s['$ref'] === 'string') return this.read(this.resolve(s['$ref']), inner);
    const types = declaredTypes(s);
    if (Array.isArray(s['anyOf'])) return this.anyOf(s, types, inner);
    if (Array.isArray(s['allOf'])) return this.allOf(s, inner);
    if (types.has('boolean')) return BOOLEAN;
    if (types.has('string')) return STRING;
    if (types.has('integer') || types.has('number')) return NUMBER;
    if (types.has('object') || (types.size === 0 && isObjectSchema(s))) return this.object(s, inner);
    if (types.has('array') || (types.size === 0 && s['items'] !== undefined)) return this.array(s, inner);
    return ANY;
  }

  private resolve(ref: string): unknown {
    if (!ref.startsWith('#')) throw new SchemaError(`unable to compile the schema: only local references are supported, got $ref ${JSON.stringify(ref)}`);
    let node: unknown = this.root;
    for (const raw of ref.slice(1).split('/').slice(1)) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
      if (node === undefined) throw new SchemaError(`unable to compile the schema: $ref ${JSON.stringify(ref)} points at nothing`);
    }
    return node;
  }

  private object(s: Schema, visiting: Set<unknown>): ObjectType {
    const props = s['properties'];
    const additional = s['additionalProperties'];
    const extra = additional === true ? ANY : additional !== null && typeof additional === 'object' ? this.read(additional, visiting) : undefined;
    if (props === null || typeof props !== 'object' || Object.keys(props).length === 0) return extra === undefined ? dictOf(ANY, ANY) : dictOf(STRING, extra);
    const known: StaticProperty[] = Object.entries(props as Schema).map(([key, p]) => ({ key, value: this.read(p, visiting) }));
    return objectType(known, extra === undefined ? undefined : { key: STRING, value: extra });
  }

  private array(s: Schema, visiting: Set<unknown>): Type {
    const items = s['prefixItems'] ?? s['items'];
    if (Array.isArray(items)) return tuple(items.map((i) => this.read(i, visiting)));
    if (items !== undefined) return arrayOf(this.read(items, visiting));
    return arrayOf(ANY);
  }

  /** A union of the alternatives, with the schema's own object shape when it lists properties. */
  private anyOf(s: Schema, types: Set<string>, visiting: Set<unknown>): Type {
    let out: MaybeType;
    if (types.size > 0) {
      const core = this.read({ ...s, anyOf: undefined }, visiting);
      if (core.kind === 'object' && core.static.length > 0 && core.dynamic === undefined) out = core;
    }
    for (const alt of s['anyOf'] as unknown[]) out = or(this.read(alt, visiting), out);
    return out ?? ANY;
  }

  /** The conjunction of object schemas is one object with all their properties. */
  private allOf(s: Schema, visiting: Set<unknown>): Type {
    const parts = (s['allOf'] as unknown[]).map((p) => this.read(p, visiting));
    if (declaredTypes(s).size > 0 || isObjectSchema(s)) parts.push(this.read({ ...s, allOf: undefined }, visiting));
    const objects = parts.filter((p): p is ObjectType => p.kind === 'object');
    if (objects.length === parts.length && objects.length > 0) {
      const props = new Map<string, StaticProperty>();
      for (const o of objects) for (const p of o.static) if (!props.has(String(p.key))) props.set(String(p.key), p);
      return props.size === 0 ? dictOf(ANY, ANY) : objectType([...props.values()]);
    }
    const first = parts[0];
    if (first !== undefined && parts.every((p) => p.kind === first.kind)) return first;
    throw new SchemaError('type checking: unable to merge these schemas');
  }
}

function declaredTypes(s: Schema): Set<string> {
  const t = s['type'];
  const names = typeof t === 'string' ? [t] : Array.isArray(t) ? t : t === undefined ? [] : [undefined];
  for (const n of names) {
    if (typeof n !== 'string' || !TYPE_NAMES.has(n)) throw new SchemaError(`unable to compile the schema: invalid type ${JSON.stringify(t)}`);
  }
  return new Set(names as string[]);
}

const isObjectSchema = (s: Schema): boolean =>
  s['properties'] !== null && typeof s['properties'] === 'object' && Object.keys(s['properties'] as object).length > 0;
