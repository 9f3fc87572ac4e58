// The document shapes of ir.ts → graphql-js syntax trees, so graphql-js can validate queries
// given as objects, and build a schema from one checked by schema.ts.

import type {
  ArgumentNode,
  ConstArgumentNode,
  ConstDirectiveNode,
  ConstValueNode,
  DefinitionNode,
  DirectiveDefinitionNode,
  DirectiveNode,
  DocumentNode,
  FieldDefinitionNode,
  InputValueDefinitionNode,
  NameNode,
  NamedTypeNode,
  SelectionNode,
  SelectionSetNode,
  TypeDefinitionNode,
  TypeNode,
  ValueNode,
  VariableDefinitionNode,
} from 'graphql';
import { OperationTypeNode } from 'graphql/language/ast.js';
import { Kind } from 'graphql/language/kinds.js';
import { GraphQLProblem } from './errors.ts';
import {
  SELECTION,
  ValueKind,
  type Argument,
  type ArgumentDefinition,
  type Definition,
  type Directive,
  type DirectiveDefinition,
  type FieldDefinition,
  type GqlValue,
  type QueryDocument,
  type Selection,
  type TypeRef,
  type VariableDefinition,
} from './ir.ts';
import type { LoadedSchema } from './schema.ts';

const OPERATIONS: Record<string, OperationTypeNode> = {
  query: OperationTypeNode.QUERY,
  mutation: OperationTypeNode.MUTATION,
  subscription: OperationTypeNode.SUBSCRIPTION,
};

export function queryAST(doc: QueryDocument): DocumentNode {
  const definitions: DefinitionNode[] = [];
  for (const op of doc.Operations) {
    const operation = OPERATIONS[op.Operation];
    if (operation === undefined) throw new GraphQLProblem(`Unexpected operation type ${JSON.stringify(op.Operation)}`);
    definitions.push({
      kind: Kind.OPERATION_DEFINITION,
      operation,
      ...(op.Name !== '' ? { name: name(op.Name) } : {}),
      variableDefinitions: op.VariableDefinitions.map(variableDefinition),
      directives: op.Directives.map(directive),
      selectionSet: selectionSet(op.SelectionSet),
    });
  }
  for (const frag of doc.Fragments) {
    definitions.push({
      kind: Kind.FRAGMENT_DEFINITION,
      name: name(frag.Name),
      variableDefinitions: frag.VariableDefinition.map(variableDefinition),
      typeCondition: namedType(frag.TypeCondition),
      directives: frag.Directives.map(directive),
      selectionSet: selectionSet(frag.SelectionSet),
    });
  }
  return { kind: Kind.DOCUMENT, definitions };
}

/** The user's part of a checked schema (merged types, directives, roots) as SDL for graphql-js. */
export function schemaAST(schema: LoadedSchema): DocumentNode {
  const definitions: DefinitionNode[] = [];
  for (const def of schema.types.values()) {
    if (!def.BuiltIn) definitions.push(typeDefinition(def));
  }
  for (const dir of schema.directives.values()) definitions.push(directiveDefinition(dir));
  const roots = Object.entries(schema.roots).filter((e): e is [string, string] => e[1] !== undefined);
  if (roots.length > 0) {
    definitions.push({
      kind: Kind.SCHEMA_DEFINITION,
      operationTypes: roots.map(([op, type]) => ({
        kind: Kind.OPERATION_TYPE_DEFINITION,
        operation: OPERATIONS[op] as OperationTypeNode,
        type: namedType(type),
      })),
    });
  }
  return { kind: Kind.DOCUMENT, definitions };
}

function typeDefinition(def: Definition): TypeDefinitionNode {
  const common = {
    ...(def.Description !== '' ? { description: stringValue(def.Description) } : {}),
    name: name(def.Name),
    directives: def.Directives.map(constDirective),
  };
  switch (def.Kind) {
    case 'SCALAR':
      return { kind: Kind.SCALAR_TYPE_DEFINITION, ...common };
    case 'OBJECT':
      return {
        kind: Kind.OBJECT_TYPE_DEFINITION,
        ...common,
        interfaces: def.Interfaces.map(namedType),
        fields: def.Fields.map(fieldDefinition),
      };
    case 'INTERFACE':
      return {
        kind: Kind.INTERFACE_TYPE_DEFINITION,
        ...common,
        interfaces: def.Interfaces.map(namedType),
        fields: def.Fields.map(fieldDefinition),
      };
    case 'UNION':
      return { kind: Kind.UNION_TYPE_DEFINITION, ...common, types: def.Types.map(namedType) };
    case 'ENUM':
      return {
        kind: Kind.ENUM_TYPE_DEFINITION,
        ...common,
        values: def.EnumValues.map((v) => ({
          kind: Kind.ENUM_VALUE_DEFINITION,
          name: name(v.Name),
          directives: v.Directives.map(constDirective),
        })),
      };
    case 'INPUT_OBJECT':
      return { kind: Kind.INPUT_OBJECT_TYPE_DEFINITION, ...common, fields: def.Fields.map(inputValueDefinition) };
    default:
      throw new GraphQLProblem(`Unknown type kind ${JSON.stringify(def.Kind)} of type ${def.Name}`, def.Position);
  }
}

function fieldDefinition(f: FieldDefinition): FieldDefinitionNode {
  return {
    kind: Kind.FIELD_DEFINITION,
    name: name(f.Name),
    arguments: f.Arguments.map(inputValueDefinition),
    type: typeNode(f.Type),
    directives: f.Directives.map(constDirective),
  };
}

function inputValueDefinition(a: ArgumentDefinition | FieldDefinition): InputValueDefinitionNode {
  return {
    kind: Kind.INPUT_VALUE_DEFINITION,
    name: name(a.Name),
    type: typeNode(a.Type),
    ...(a.DefaultValue !== null ? { defaultValue: value(a.DefaultValue) as ConstValueNode } : {}),
    directives: a.Directives.map(constDirective),
  };
}

function directiveDefinition(d: DirectiveDefinition): DirectiveDefinitionNode {
  return {
    kind: Kind.DIRECTIVE_DEFINITION,
    name: name(d.Name),
    arguments: d.Arguments.map(inputValueDefinition),
    repeatable: d.IsRepeatable,
    locations: d.Locations.map(name),
  };
}

function variableDefinition(v: VariableDefinition): VariableDefinitionNode {
  return {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: name(v.Variable) },
    type: typeNode(v.Type),
    ...(v.DefaultValue !== null ? { defaultValue: value(v.DefaultValue) as ConstValueNode } : {}),
    directives: v.Directives.map(constDirective),
  };
}

function selectionSet(selections: Selection[]): SelectionSetNode {
  return { kind: Kind.SELECTION_SET, selections: selections.map(selection) };
}

function selection(s: Selection): SelectionNode {
  switch (s[SELECTION]) {
    case 'field':
      return {
        kind: Kind.FIELD,
        ...(s.Alias !== s.Name ? { alias: name(s.Alias) } : {}),
        name: name(s.Name),
        arguments: s.Arguments.map(argument),
        directives: s.Directives.map(directive),
        ...(s.SelectionSet.length > 0 ? { selectionSet: selectionSet(s.SelectionSet) } : {}),
      };
    case 'spread':
      return { kind: Kind.FRAGMENT_SPREAD, name: name(s.Name), directives: s.Directives.map(directive) };
    case 'inline':
      return {
        kind: Kind.INLINE_FRAGMENT,
        ...(s.TypeCondition !== '' ? { typeCondition: namedType(s.TypeCondition) } : {}),
        directives: s.Directives.map(directive),
        selectionSet: selectionSet(s.SelectionSet),
      };
  }
}

function directive(d: Directive): DirectiveNode {
  return { kind: Kind.DIRECTIVE, name: name(d.Name), arguments: d.Arguments.map(argument) };
}

function constDirective(d: Directive): ConstDirectiveNode {
  return directive(d) as ConstDirectiveNode;
}

function argument(a: Argument): ArgumentNode & ConstArgumentNode {
  return { kind: Kind.ARGUMENT, name: name(a.Name), value: value(a.Value) as ConstValueNode };
}

function value(v: GqlValue | null): ValueNode {
  if (v === null) return { kind: Kind.NULL };
  switch (v.Kind) {
    case ValueKind.Variable:
      return { kind: Kind.VARIABLE, name: name(v.Raw) };
    case ValueKind.Int:
      return { kind: Kind.INT, value: v.Raw };
    case ValueKind.Float:
      return { kind: Kind.FLOAT, value: v.Raw };
    case ValueKind.String:
    case ValueKind.Block:
      return { kind: Kind.STRING, value: v.Raw, block: v.Kind === ValueKind.Block };
    case ValueKind.Boolean:
      return { kind: Kind.BOOLEAN, value: v.Raw === 'true' };
    case ValueKind.Null:
      return { kind: Kind.NULL };
    case ValueKind.Enum:
      return { kind: Kind.ENUM, value: v.Raw };
    case ValueKind.List:
      return { kind: Kind.LIST, values: v.Children.map((c) => value(c.Value)) };
    case ValueKind.Object:
      return {
        kind: Kind.OBJECT,
        fields: v.Children.map((c) => ({ kind: Kind.OBJECT_FIELD, name: name(c.Name), value: value(c.Value) })),
      };
    default:
      throw new GraphQLProblem(`Unknown value kind ${v.Kind}`);
  }
}

function typeNode(t: TypeRef | null): TypeNode {
  if (t === null) throw new GraphQLProblem('Missing type');
  const inner: NamedTypeNode | TypeNode =
    t.NamedType !== '' || t.Elem === null ? namedType(t.NamedType) : { kind: Kind.LIST_TYPE, type: typeNode(t.Elem) };
  return t.NonNull ? { kind: Kind.NON_NULL_TYPE, type: inner as NamedTypeNode } : inner;
}

function namedType(n: string): NamedTypeNode {
  return { kind: Kind.NAMED_TYPE, name: name(n) };
}

function name(value: string): NameNode {
  return { kind: Kind.NAME, value };
}

function stringValue(value: string) {
  return { kind: Kind.STRING, value } as const;
}
