// The GraphQL document shapes the graphql.* builtins return. OPA hands policies the Go structs of
// its GraphQL library serialised as JSON, so these mirror them field for field (names included);
// `toValue` then prunes them the way OPA does: no `Position`, no nulls, no empty lists or objects.

import { RObject, type Value } from '../../value/value.ts';

/** Where a node starts in the source text (1-based), kept for error messages only. */
export interface Pos {
  line: number;
  column: number;
}

export interface QueryDocument {
  Operations: OperationDefinition[];
  Fragments: FragmentDefinition[];
}

export interface OperationDefinition {
  Operation: string;
  Name: string;
  VariableDefinitions: VariableDefinition[];
  Directives: Directive[];
  SelectionSet: Selection[];
  Position?: Pos;
}

export interface VariableDefinition {
  Variable: string;
  Type: TypeRef | null;
  DefaultValue: GqlValue | null;
  Directives: Directive[];
  Used: boolean;
  Position?: Pos;
}

/** Which kind of selection a node is; a symbol key, so it never shows in the returned value. */
export const SELECTION = Symbol('selection');

export interface Field {
  [SELECTION]: 'field';
  Alias: string;
  Name: string;
  Arguments: Argument[];
  Directives: Directive[];
  SelectionSet: Selection[];
  Position?: Pos;
}

export interface FragmentSpread {
  [SELECTION]: 'spread';
  Name: string;
  Directives: Directive[];
  Position?: Pos;
}

export interface InlineFragment {
  [SELECTION]: 'inline';
  TypeCondition: string;
  Directives: Directive[];
  SelectionSet: Selection[];
  Position?: Pos;
}

export type Selection = Field | FragmentSpread | InlineFragment;

export interface FragmentDefinition {
  Name: string;
  /** Fragment variables (an experimental syntax); the singular name is the library's. */
  VariableDefinition: VariableDefinition[];
  TypeCondition: string;
  Directives: Directive[];
  SelectionSet: Selection[];
  Position?: Pos;
}

export interface Directive {
  Name: string;
  Arguments: Argument[];
  /** Filled in by validation in the Go library; always empty here, as OPA returns it. */
  Location: string;
  Position?: Pos;
}

export interface Argument {
  Name: string;
  Value: GqlValue | null;
  Position?: Pos;
}

/** Value kinds, numbered as the Go library numbers them. */
export const ValueKind = {
  Variable: 0,
  Int: 1,
  Float: 2,
  String: 3,
  Block: 4,
  Boolean: 5,
  Null: 6,
  Enum: 7,
  List: 8,
  Object: 9,
} as const;

export interface GqlValue {
  Raw: string;
  Children: ChildValue[];
  Kind: number;
  ExpectedTypeHasDefault: boolean;
  Position?: Pos;
}

export interface ChildValue {
  Name: string;
  Value: GqlValue | null;
  Position?: Pos;
}

/** A type reference: a named type, or a list of `Elem` (then `NamedType` is empty). */
export interface TypeRef {
  NamedType: string;
  Elem: TypeRef | null;
  NonNull: boolean;
  Position?: Pos;
}

export interface SchemaDocument {
  Schema: SchemaDefinition[];
  SchemaExtension: SchemaDefinition[];
  Directives: DirectiveDefinition[];
  Definitions: Definition[];
  Extensions: Definition[];
}

export interface SchemaDefinition {
  Description: string;
  Directives: Directive[];
  OperationTypes: OperationTypeDefinition[];
  Position?: Pos;
}

export interface OperationTypeDefinition {
  Operation: string;
  Type: string;
  Position?: Pos;
}

export interface DirectiveDefinition {
  Description: string;
  Name: string;
  Arguments: ArgumentDefinition[];
  Locations: string[];
  IsRepeatable: boolean;
  Position?: Pos;
}

/** A type definition or extension; `Kind` is SCALAR, OBJECT, INTERFACE, UNION, ENUM or INPUT_OBJECT. */
export interface Definition {
  Kind: string;
  Description: string;
  Name: string;
  Directives: Directive[];
  Interfaces: string[];
  Fields: FieldDefinition[];
  Types: string[];
  EnumValues: EnumValueDefinition[];
  BuiltIn: boolean;
  Position?: Pos;
}

export interface FieldDefinition {
  Description: string;
  Name: string;
  Arguments: ArgumentDefinition[];
  DefaultValue: GqlValue | null;
  Type: TypeRef | null;
  Directives: Directive[];
  Position?: Pos;
}

export interface ArgumentDefinition {
  Description: string;
  Name: string;
  DefaultValue: GqlValue | null;
  Type: TypeRef | null;
  Directives: Directive[];
  Position?: Pos;
}

export interface EnumValueDefinition {
  Description: string;
  Name: string;
  Directives: Directive[];
  Position?: Pos;
}

/** The innermost named type of a reference. */
export function typeName(t: TypeRef | null): string {
  let cur = t;
  while (cur !== null && cur.NamedType === '' && cur.Elem !== null) cur = cur.Elem;
  return cur === null ? '' : cur.NamedType;
}

/** A type reference as GraphQL writes it: `[String!]!`. */
export function typeText(t: TypeRef | null): string {
  if (t === null) return '';
  const inner = t.NamedType !== '' || t.Elem === null ? t.NamedType : `[${typeText(t.Elem)}]`;
  return t.NonNull ? `${inner}!` : inner;
}

/**
 * A document as the Rego value OPA returns: every field of every node, minus positions, nulls
 * and lists or objects that end up empty.
 */
export function toValue(node: QueryDocument | SchemaDocument): RObject {
  return (prune(node) as RObject | undefined) ?? new RObject();
}

function prune(x: unknown): Value | undefined {
  if (x === null || x === undefined) return undefined;
  if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return x;
  if (Array.isArray(x)) {
    const items = x.map(prune).filter((v): v is Value => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  const out = new RObject();
  for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
    if (k === 'Position') continue;
    const pv = prune(v);
    if (pv !== undefined) out.set(k, pv);
  }
  return out.size > 0 ? out : undefined;
}
