// graphql-js syntax trees → the document shapes OPA returns (see ir.ts).

import type {
  ArgumentNode,
  ConstDirectiveNode,
  DirectiveNode,
  DocumentNode,
  EnumValueDefinitionNode,
  FieldDefinitionNode,
  InputValueDefinitionNode,
  Location,
  SelectionNode,
  TypeDefinitionNode,
  TypeExtensionNode,
  TypeNode,
  ValueNode,
  VariableDefinitionNode,
} from 'graphql';
import { Kind } from 'graphql/language/kinds.js';
import {
  SELECTION,
  ValueKind,
  type Argument,
  type ArgumentDefinition,
  type Definition,
  type Directive,
  type EnumValueDefinition,
  type FieldDefinition,
  type GqlValue,
  type Pos,
  type QueryDocument,
  type SchemaDefinition,
  type SchemaDocument,
  type Selection,
  type TypeRef,
  type VariableDefinition,
} from './ir.ts';

export function queryDocument(doc: DocumentNode): QueryDocument {
  const out: QueryDocument = { Operations: [], Fragments: [] };
  for (const def of doc.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION) {
      out.Operations.push({
        Operation: def.operation,
        Name: def.name?.value ?? '',
        VariableDefinitions: (def.variableDefinitions ?? []).map(variableDefinition),
        Directives: directives(def.directives),
        SelectionSet: def.selectionSet.selections.map(selection),
        Position: pos(def.loc),
      });
    } else if (def.kind === Kind.FRAGMENT_DEFINITION) {
      out.Fragments.push({
        Name: def.name.value,
        VariableDefinition: (def.variableDefinitions ?? []).map(variableDefinition),
        TypeCondition: def.typeCondition.name.value,
        Directives: directives(def.directives),
        SelectionSet: def.selectionSet.selections.map(selection),
        Position: pos(def.loc),
      });
    }
  }
  return out;
}

export function schemaDocument(doc: DocumentNode): SchemaDocument {
  const out: SchemaDocument = { Schema: [], SchemaExtension: [], Directives: [], Definitions: [], Extensions: [] };
  for (const def of doc.definitions) {
    switch (def.kind) {
      case Kind.SCHEMA_DEFINITION:
      case Kind.SCHEMA_EXTENSION: {
        const schema: SchemaDefinition = {
          Description: def.kind === Kind.SCHEMA_DEFINITION ? (def.description?.value ?? '') : '',
          Directives: directives(def.directives),
          OperationTypes: (def.operationTypes ?? []).map((t) => ({
            Operation: t.operation,
            Type: t.type.name.value,
            Position: pos(t.loc),
          })),
          Position: pos(def.loc),
        };
        (def.kind === Kind.SCHEMA_DEFINITION ? out.Schema : out.SchemaExtension).push(schema);
        break;
      }
      case Kind.DIRECTIVE_DEFINITION:
        out.Directives.push({
          Description: def.description?.value ?? '',
          Name: def.name.value,
          Arguments: (def.arguments ?? []).map(argumentDefinition),
          Locations: def.locations.map((l) => l.value),
          IsRepeatable: def.repeatable,
          Position: pos(def.loc),
        });
        break;
      case Kind.OPERATION_DEFINITION:
      case Kind.FRAGMENT_DEFINITION:
      case Kind.DIRECTIVE_EXTENSION: // experimental syntax the parser is not asked to accept
        break;
      default:
        if (isExtension(def)) out.Extensions.push(typeDefinition(def));
        else out.Definitions.push(typeDefinition(def));
    }
  }
  return out;
}

function isExtension(def: TypeDefinitionNode | TypeExtensionNode): def is TypeExtensionNode {
  return def.kind.endsWith('Extension');
}

const DEFINITION_KINDS: Record<string, string> = {
  [Kind.SCALAR_TYPE_DEFINITION]: 'SCALAR',
  [Kind.SCALAR_TYPE_EXTENSION]: 'SCALAR',
  [Kind.OBJECT_TYPE_DEFINITION]: 'OBJECT',
  [Kind.OBJECT_TYPE_EXTENSION]: 'OBJECT',
  [Kind.INTERFACE_TYPE_DEFINITION]: 'INTERFACE',
  [Kind.INTERFACE_TYPE_EXTENSION]: 'INTERFACE',
  [Kind.UNION_TYPE_DEFINITION]: 'UNION',
  [Kind.UNION_TYPE_EXTENSION]: 'UNION',
  [Kind.ENUM_TYPE_DEFINITION]: 'ENUM',
  [Kind.ENUM_TYPE_EXTENSION]: 'ENUM',
  [Kind.INPUT_OBJECT_TYPE_DEFINITION]: 'INPUT_OBJECT',
  [Kind.INPUT_OBJECT_TYPE_EXTENSION]: 'INPUT_OBJECT',
};

function typeDefinition(def: TypeDefinitionNode | TypeExtensionNode): Definition {
  const out: Definition = {
    Kind: DEFINITION_KINDS[def.kind] as string,
    Description: 'description' in def ? (def.description?.value ?? '') : '',
    Name: def.name.value,
    Directives: directives(def.directives),
    Interfaces: [],
    Fields: [],
    Types: [],
    EnumValues: [],
    BuiltIn: false,
    Position: pos(def.loc),
  };
  switch (def.kind) {
    case Kind.OBJECT_TYPE_DEFINITION:
    case Kind.OBJECT_TYPE_EXTENSION:
    case Kind.INTERFACE_TYPE_DEFINITION:
    case Kind.INTERFACE_TYPE_EXTENSION:
      out.Interfaces = (def.interfaces ?? []).map((i) => i.name.value);
      out.Fields = (def.fields ?? []).map(fieldDefinition);
      break;
    case Kind.UNION_TYPE_DEFINITION:
    case Kind.UNION_TYPE_EXTENSION:
      out.Types = (def.types ?? []).map((t) => t.name.value);
      break;
    case Kind.ENUM_TYPE_DEFINITION:
    case Kind.ENUM_TYPE_EXTENSION:
      out.EnumValues = (def.values ?? []).map(enumValue);
      break;
    case Kind.INPUT_OBJECT_TYPE_DEFINITION:
    case Kind.INPUT_OBJECT_TYPE_EXTENSION:
      out.Fields = (def.fields ?? []).map(inputField);
      break;
    default:
      break;
  }
  return out;
}

function fieldDefinition(f: FieldDefinitionNode): FieldDefinition {
  return {
    Description: f.description?.value ?? '',
    Name: f.name.value,
    Arguments: (f.arguments ?? []).map(argumentDefinition),
    DefaultValue: null,
    Type: typeRef(f.type),
    Directives: directives(f.directives),
    Position: pos(f.loc),
  };
}

function inputField(f: InputValueDefinitionNode): FieldDefinition {
  return { ...argumentDefinition(f), Arguments: [] };
}

function argumentDefinition(a: InputValueDefinitionNode): ArgumentDefinition {
  return {
    Description: a.description?.value ?? '',
    Name: a.name.value,
    DefaultValue: a.defaultValue ? value(a.defaultValue) : null,
    Type: typeRef(a.type),
    Directives: directives(a.directives),
    Position: pos(a.loc),
  };
}

function enumValue(v: EnumValueDefinitionNode): EnumValueDefinition {
  return {
    Description: v.description?.value ?? '',
    Name: v.name.value,
    Directives: directives(v.directives),
    Position: pos(v.loc),
  };
}

function variableDefinition(v: VariableDefinitionNode): VariableDefinition {
  return {
    Variable: v.variable.name.value,
    Type: typeRef(v.type),
    DefaultValue: v.defaultValue ? value(v.defaultValue) : null,
    Directives: directives(v.directives),
    Used: false,
    Position: pos(v.loc),
  };
}

function selection(s: SelectionNode): Selection {
  switch (s.kind) {
    case Kind.FIELD:
      return {
        [SELECTION]: 'field',
        Alias: s.alias?.value ?? s.name.value,
        Name: s.name.value,
        Arguments: (s.arguments ?? []).map(argument),
        Directives: directives(s.directives),
        SelectionSet: s.selectionSet?.selections.map(selection) ?? [],
        Position: pos(s.loc),
      };
    case Kind.FRAGMENT_SPREAD:
      return { [SELECTION]: 'spread', Name: s.name.value, Directives: directives(s.directives), Position: pos(s.loc) };
    case Kind.INLINE_FRAGMENT:
      return {
        [SELECTION]: 'inline',
        TypeCondition: s.typeCondition?.name.value ?? '',
        Directives: directives(s.directives),
        SelectionSet: s.selectionSet.selections.map(selection),
        Position: pos(s.loc),
      };
  }
}

function directives(ds: readonly (DirectiveNode | ConstDirectiveNode)[] | undefined): Directive[] {
  return (ds ?? []).map((d) => ({
    Name: d.name.value,
    Arguments: (d.arguments ?? []).map(argument),
    Location: '',
    Position: pos(d.loc),
  }));
}

function argument(a: ArgumentNode): Argument {
  return { Name: a.name.value, Value: value(a.value), Position: pos(a.loc) };
}

function typeRef(t: TypeNode): TypeRef {
  switch (t.kind) {
    case Kind.NAMED_TYPE:
      return { NamedType: t.name.value, Elem: null, NonNull: false, Position: pos(t.loc) };
    case Kind.LIST_TYPE:
      return { NamedType: '', Elem: typeRef(t.type), NonNull: false, Position: pos(t.loc) };
    case Kind.NON_NULL_TYPE:
      return { ...typeRef(t.type), NonNull: true, Position: pos(t.loc) };
  }
}

function value(v: ValueNode): GqlValue {
  const base = { Children: [], ExpectedTypeHasDefault: false, Position: pos(v.loc) };
  switch (v.kind) {
    case Kind.VARIABLE:
      return { ...base, Raw: v.name.value, Kind: ValueKind.Variable };
    case Kind.INT:
      return { ...base, Raw: v.value, Kind: ValueKind.Int };
    case Kind.FLOAT:
      return { ...base, Raw: v.value, Kind: ValueKind.Float };
    case Kind.STRING:
      return { ...base, Raw: v.value, Kind: v.block ? ValueKind.Block : ValueKind.String };
    case Kind.BOOLEAN:
      return { ...base, Raw: String(v.value), Kind: ValueKind.Boolean };
    case Kind.NULL:
      return { ...base, Raw: 'null', Kind: ValueKind.Null };
    case Kind.ENUM:
      return { ...base, Raw: v.value, Kind: ValueKind.Enum };
    case Kind.LIST:
      return {
        ...base,
        Raw: '',
        Kind: ValueKind.List,
        Children: v.values.map((c) => ({ Name: '', Value: value(c), Position: pos(c.loc) })),
      };
    case Kind.OBJECT:
      return {
        ...base,
        Raw: '',
        Kind: ValueKind.Object,
        Children: v.fields.map((f) => ({ Name: f.name.value, Value: value(f.value), Position: pos(f.loc) })),
      };
  }
}

function pos(loc: Location | undefined): Pos | undefined {
  return loc === undefined ? undefined : { line: loc.startToken.line, column: loc.startToken.column };
}
