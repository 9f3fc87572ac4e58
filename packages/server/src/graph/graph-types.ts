import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { currentTenantId, currentTx } from '../context.ts';
import { Problem } from '../http/problem.ts';
import { canonicalJson, sha256Hex } from '../util/canonical-json.ts';

// The graph's type catalog: the built-in entity and relationship types, and the types a tenant
// adds as data, each with a JSON Schema its properties must satisfy.

export type TypeKind = 'entity' | 'relationship';

export const BUILTIN_ENTITY_TYPES = [
  'Person', 'User', 'Team', 'Company', 'Asset', 'Workflow', 'Policy', 'Receipt', 'EvidenceBundle', 'Tenant', 'Invoice', 'Runbook',
  'Incident', 'HighRiskOperationRequest', 'Approval', 'PolicyDecision', 'Lead', 'Opportunity', 'Quote', 'ContractStub',
] as const;

export const BUILTIN_RELATIONSHIP_TYPES = [
  'OWNS', 'MEMBER_OF', 'ENTITLED_TO', 'TRIGGERS', 'EMITS', 'GOVERNS', 'BILLS_TO', 'APPROVED', 'REQUESTED', 'DECIDED_BY', 'RECEIPTED_BY', 'AFFECTS', 'FOLLOWS',
] as const;

const builtins: Record<TypeKind, ReadonlySet<string>> = { entity: new Set(BUILTIN_ENTITY_TYPES), relationship: new Set(BUILTIN_RELATIONSHIP_TYPES) };

/** Built-in types take any object of properties; `name`, when given, is a short string. */
const BUILTIN_SCHEMA = { type: 'object', properties: { name: { type: 'string', maxLength: 500 } } };

export const TYPE_NAME_PATTERN: Record<TypeKind, string> = { entity: '^[A-Z][A-Za-z0-9_]{0,63}$', relationship: '^[A-Z][A-Z0-9_]{0,63}$' };

export interface GraphType {
  kind: TypeKind;
  type_name: string;
  description: string;
  schema: Record<string, unknown>;
  builtin: boolean;
  created_at: string | null;
  updated_at: string | null;
}

// Tenant schemas are hostile input: JavaScript regular expressions are not linear-time, so schemas
// may not use them, nor fetch anything (references stay inside the schema).
const FORBIDDEN_KEYWORDS = new Set(['pattern', 'patternProperties', '$dynamicRef', '$recursiveRef']);
const MAX_SCHEMA_BYTES = 16_384;

const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: true });
addFormats.default(ajv, { mode: 'fast' });

const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 1000;

function compile(schema: Record<string, unknown>): ValidateFunction {
  const key = sha256Hex(canonicalJson(schema));
  let v = compiled.get(key);
  if (v === undefined) {
    v = ajv.compile(schema);
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, v);
  }
  return v;
}

function forbiddenKeyword(value: unknown, path: string): string | undefined {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = forbiddenKeyword(item, `${path}/${i}`);
      if (found !== undefined) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, item] of Object.entries(value)) {
      if (FORBIDDEN_KEYWORDS.has(k)) return `${path}/${k}`;
      if (k === '$ref' && typeof item === 'string' && !item.startsWith('#')) return `${path}/${k}`;
      const found = forbiddenKeyword(item, `${path}/${k}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Checks a tenant-supplied JSON Schema: small, self-contained, without regular expressions, and valid. */
export function checkTenantSchema(schema: Record<string, unknown>): void {
  const invalid = (message: string) => new Problem('invalid-request', `schema: ${message}`, { errors: [{ in: 'body', field: 'schema', message }] });
  if (Buffer.byteLength(JSON.stringify(schema)) > MAX_SCHEMA_BYTES) throw invalid(`must be at most ${MAX_SCHEMA_BYTES} bytes`);
  const forbidden = forbiddenKeyword(schema, '');
  if (forbidden !== undefined) throw invalid(`${forbidden} is not allowed (no regular expressions, no references outside the schema)`);
  try {
    compile(schema);
  } catch (error) {
    throw invalid(`is not a valid JSON Schema: ${(error as Error).message}`);
  }
}

interface TypeRow {
  kind: TypeKind;
  type_name: string;
  description: string;
  schema: Record<string, unknown>;
  created_at: Date | string;
  updated_at: Date | string;
}

const toType = (r: TypeRow): GraphType => ({ ...r, builtin: false, created_at: new Date(r.created_at).toISOString(), updated_at: new Date(r.updated_at).toISOString() });

const builtinType = (kind: TypeKind, type_name: string): GraphType => ({ kind, type_name, description: 'built-in', schema: BUILTIN_SCHEMA, builtin: true, created_at: null, updated_at: null });

export async function getTenantType(kind: TypeKind, name: string): Promise<GraphType | undefined> {
  const rows = await currentTx().query<TypeRow>(
    `SELECT kind, type_name, description, schema, created_at, updated_at FROM graph_types WHERE tenant_id = $1 AND kind = $2 AND type_name = $3`,
    [currentTenantId(), kind, name],
  );
  return rows[0] === undefined ? undefined : toType(rows[0]);
}

/** The type's definition: built-in, or the tenant's own. */
export async function getType(kind: TypeKind, name: string): Promise<GraphType | undefined> {
  return builtins[kind].has(name) ? builtinType(kind, name) : getTenantType(kind, name);
}

export async function listTypes(): Promise<GraphType[]> {
  const rows = await currentTx().query<TypeRow>(
    `SELECT kind, type_name, description, schema, created_at, updated_at FROM graph_types WHERE tenant_id = $1 ORDER BY kind, type_name`,
    [currentTenantId()],
  );
  const own = [...builtins.entity].map((n) => builtinType('entity', n)).concat([...builtins.relationship].map((n) => builtinType('relationship', n)));
  return [...own, ...rows.map(toType)];
}

export function isBuiltinType(kind: TypeKind, name: string): boolean {
  return builtins[kind].has(name);
}

export async function putTenantType(t: { kind: TypeKind; type_name: string; description: string; schema: Record<string, unknown> }, at: Date): Promise<GraphType> {
  const rows = await currentTx().query<TypeRow>(
    `INSERT INTO graph_types (tenant_id, kind, type_name, description, schema, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (tenant_id, kind, type_name) DO UPDATE SET description = EXCLUDED.description, schema = EXCLUDED.schema, updated_at = EXCLUDED.updated_at
     RETURNING kind, type_name, description, schema, created_at, updated_at`,
    [currentTenantId(), t.kind, t.type_name, t.description, JSON.stringify(t.schema), at.toISOString()],
  );
  return toType(rows[0]!);
}

/** The property problems of one value against a type's schema (empty when it is valid). */
export function propertyProblems(type: GraphType, properties: Record<string, unknown>): string[] {
  const validate = compile(type.schema);
  if (validate(properties)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
}

/**
 * Resolves each distinct type once and checks every item's properties, throwing one problem that
 * lists what is wrong (by item index when there are several).
 */
export async function checkProperties(kind: TypeKind, items: Array<{ type: string; properties: Record<string, unknown> }>): Promise<void> {
  const types = new Map<string, GraphType | undefined>();
  for (const name of new Set(items.map((i) => i.type))) types.set(name, await getType(kind, name));
  const errors: Array<{ in: string; field: string; message: string }> = [];
  for (const [index, item] of items.entries()) {
    const at = items.length === 1 ? '' : `${index}.`;
    const type = types.get(item.type);
    if (type === undefined) {
      errors.push({ in: 'body', field: `${at}type`, message: `unknown ${kind} type ${item.type}` });
    } else {
      for (const p of propertyProblems(type, item.properties)) errors.push({ in: 'body', field: `${at}properties`, message: p });
    }
    if (errors.length >= 20) break;
  }
  if (errors.length > 0) throw new Problem('invalid-request', `${errors[0]!.field}: ${errors[0]!.message}`, { errors });
}
