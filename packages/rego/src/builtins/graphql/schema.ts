// Checking a schema document the way OPA's Go GraphQL library does before it validates queries
// against it. Its rules differ from graphql-js's own schema validation: extending a type that is
// never declared declares it, a schema needs no query type, and some checks graphql-js makes
// (argument values of directives, input object cycles) are not made. So the rules are applied
// here, and graphql-js is only given the merged, checked result to validate queries with.

import { GraphQLProblem } from './errors.ts';
import { REDECLARABLE_DIRECTIVES, preludeDocument } from './prelude.ts';
import {
  typeName,
  typeText,
  type ArgumentDefinition,
  type Definition,
  type Directive,
  type DirectiveDefinition,
  type Pos,
  type SchemaDocument,
  type TypeRef,
} from './ir.ts';

/** A checked schema: every type with its extensions merged in, and the root operation types. */
export interface LoadedSchema {
  types: Map<string, Definition>;
  directives: Map<string, DirectiveDefinition>;
  roots: { query?: string; mutation?: string; subscription?: string };
}

const OUTPUT_KINDS = ['SCALAR', 'OBJECT', 'INTERFACE', 'UNION', 'ENUM'];
const INPUT_KINDS = ['SCALAR', 'ENUM', 'INPUT_OBJECT'];

/** Merges the schema with the prelude and checks it; throws the first problem found. */
export function loadSchema(doc: SchemaDocument): LoadedSchema {
  const prelude = preludeDocument();
  const types = new Map<string, Definition>();
  const defs: Definition[] = [];
  for (const def of [...prelude.Definitions, ...doc.Definitions]) {
    if (types.has(def.Name)) throw new GraphQLProblem(`Cannot redeclare type ${def.Name}.`, def.Position);
    const copy = copyDefinition(def);
    types.set(def.Name, copy);
    defs.push(copy);
  }
  for (const ext of doc.Extensions) {
    let def = types.get(ext.Name);
    if (def === undefined) {
      // Extending an undeclared type declares it (schemas split across services rely on this).
      def = copyDefinition({ ...ext, Description: '', Directives: [], Interfaces: [], Fields: [], Types: [], EnumValues: [], BuiltIn: false });
      types.set(ext.Name, def);
      defs.push(def);
    }
    if (def.Kind !== ext.Kind) {
      throw new GraphQLProblem(`Cannot extend type ${ext.Name} because the base type is a ${def.Kind}, not ${ext.Kind}.`, ext.Position);
    }
    def.Directives.push(...ext.Directives);
    def.Interfaces.push(...ext.Interfaces);
    def.Fields.push(...ext.Fields);
    def.Types.push(...ext.Types);
    def.EnumValues.push(...ext.EnumValues);
  }

  const directives = new Map<string, DirectiveDefinition>();
  for (const dir of [...prelude.Directives, ...doc.Directives]) {
    if (directives.has(dir.Name)) {
      if (REDECLARABLE_DIRECTIVES.has(dir.Name)) continue;
      throw new GraphQLProblem(`Cannot redeclare directive ${dir.Name}.`, dir.Position);
    }
    directives.set(dir.Name, dir);
  }

  const schema: LoadedSchema = { types, directives, roots: {} };
  if (doc.Schema.length > 1) {
    throw new GraphQLProblem('Cannot have multiple schema entry points, consider schema extensions instead.', doc.Schema[1]?.Position);
  }
  for (const entry of [...doc.Schema, ...doc.SchemaExtension]) {
    for (const op of entry.OperationTypes) {
      if (!types.has(op.Type)) {
        throw new GraphQLProblem(`Schema root ${op.Operation} refers to a type ${op.Type} that does not exist.`, op.Position);
      }
      if (op.Operation === 'query' || op.Operation === 'mutation' || op.Operation === 'subscription') schema.roots[op.Operation] = op.Type;
    }
  }

  const checker = new Checker(schema, possibleTypes(defs, types));
  for (const name of [...types.keys()].sort()) checker.definition(types.get(name) as Definition);
  for (const name of [...directives.keys()].sort()) {
    const dir = directives.get(name) as DirectiveDefinition;
    checker.name(dir.Position, dir.Name);
    checker.args(dir.Arguments, dir);
  }

  // Without a schema definition, types named Query, Mutation and Subscription are the roots.
  if (doc.Schema.length === 0) {
    for (const [op, name] of [['query', 'Query'], ['mutation', 'Mutation'], ['subscription', 'Subscription']] as const) {
      if (schema.roots[op] === undefined && types.has(name)) schema.roots[op] = name;
    }
  }
  return schema;
}

function copyDefinition(def: Definition): Definition {
  return {
    ...def,
    Directives: [...def.Directives],
    Interfaces: [...def.Interfaces],
    Fields: [...def.Fields],
    Types: [...def.Types],
    EnumValues: [...def.EnumValues],
  };
}

/** For each union and interface, the types that may stand in for it; each object stands for itself. */
function possibleTypes(defs: Definition[], types: Map<string, Definition>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (name: string, member: string) => {
    let set = out.get(name);
    if (set === undefined) out.set(name, (set = new Set()));
    set.add(member);
  };
  for (const def of defs) {
    if (def.Kind === 'UNION') {
      for (const t of def.Types) if (types.has(t)) add(def.Name, t);
    } else if (def.Kind === 'OBJECT' || def.Kind === 'INPUT_OBJECT' || def.Kind === 'INTERFACE') {
      for (const intf of def.Interfaces) add(intf, def.Name);
      if (def.Kind !== 'INTERFACE') add(def.Name, def.Name);
    }
  }
  return out;
}

class Checker {
  constructor(
    private readonly schema: LoadedSchema,
    private readonly possible: Map<string, Set<string>>,
  ) {}

  private type(name: string): Definition | undefined {
    return this.schema.types.get(name);
  }

  definition(def: Definition): void {
    for (const field of def.Fields) {
      this.name(field.Position, field.Name);
      this.typeRef(field.Type, field.Position);
      this.args(field.Arguments, undefined);
      this.directives(field.Directives, def.Kind === 'INPUT_OBJECT' ? 'INPUT_FIELD_DEFINITION' : 'FIELD_DEFINITION', undefined);
    }
    for (const member of def.Types) {
      const t = this.type(member);
      if (t === undefined) throw new GraphQLProblem(`Undefined type ${JSON.stringify(member)}.`, def.Position);
      if (t.Kind !== 'OBJECT') throw new GraphQLProblem(`${def.Kind} type ${JSON.stringify(member)} must be OBJECT.`, def.Position);
    }
    for (const intf of def.Interfaces) this.implements(def, intf);

    switch (def.Kind) {
      case 'OBJECT':
      case 'INTERFACE':
        if (def.Fields.length === 0) throw new GraphQLProblem(`${def.Kind} ${def.Name}: must define one or more fields.`, def.Position);
        for (const field of def.Fields) {
          const t = this.type(typeName(field.Type));
          if (t !== undefined && !OUTPUT_KINDS.includes(t.Kind)) {
            throw new GraphQLProblem(`${def.Kind} ${def.Name}: field must be one of ${OUTPUT_KINDS.join(', ')}.`, field.Position);
          }
        }
        break;
      case 'ENUM':
        if (def.EnumValues.length === 0) {
          throw new GraphQLProblem(`${def.Kind} ${def.Name}: must define one or more unique enum values.`, def.Position);
        }
        for (const v of def.EnumValues) {
          if (v.Name === 'true' || v.Name === 'false' || v.Name === 'null') {
            throw new GraphQLProblem(`${def.Kind} ${def.Name}: non-enum value ${v.Name}.`, def.Position);
          }
        }
        break;
      case 'INPUT_OBJECT':
        if (def.Fields.length === 0) throw new GraphQLProblem(`${def.Kind} ${def.Name}: must define one or more input fields.`, def.Position);
        for (const field of def.Fields) {
          const t = this.type(typeName(field.Type));
          if (t !== undefined && !INPUT_KINDS.includes(t.Kind)) {
            throw new GraphQLProblem(`${t.Kind} ${field.Name}: field must be one of ${INPUT_KINDS.join(', ')}.`, field.Position);
          }
        }
        break;
      default:
        break;
    }

    const seen = new Set<string>();
    for (const field of def.Fields) {
      if (seen.has(field.Name)) throw new GraphQLProblem(`Field ${def.Name}.${field.Name} can only be defined once.`, field.Position);
      seen.add(field.Name);
    }
    if (!def.BuiltIn) this.name(def.Position, def.Name);
    this.directives(def.Directives, def.Kind, undefined);
  }

  name(pos: Pos | undefined, name: string): void {
    if (name.startsWith('__')) {
      throw new GraphQLProblem(`Name "${name}" must not begin with "__", which is reserved by GraphQL introspection.`, pos);
    }
  }

  private typeRef(t: TypeRef | null, pos: Pos | undefined): Definition {
    const def = this.type(typeName(t));
    if (def === undefined) throw new GraphQLProblem(`Undefined type ${typeName(t)}.`, t?.Position ?? pos);
    return def;
  }

  args(args: ArgumentDefinition[], current: DirectiveDefinition | undefined): void {
    for (const arg of args) {
      this.name(arg.Position, arg.Name);
      const def = this.typeRef(arg.Type, arg.Position);
      if (!INPUT_KINDS.includes(def.Kind)) {
        throw new GraphQLProblem(
          `cannot use ${typeText(arg.Type)} as argument ${arg.Name} because ${def.Kind} is not a valid input type`,
          arg.Position,
        );
      }
      this.directives(arg.Directives, 'ARGUMENT_DEFINITION', current);
    }
  }

  private directives(dirs: Directive[], location: string, current: DirectiveDefinition | undefined): void {
    for (const dir of dirs) {
      this.name(dir.Position, dir.Name);
      if (current !== undefined && dir.Name === current.Name) {
        throw new GraphQLProblem(`Directive ${current.Name} cannot refer to itself.`, dir.Position);
      }
      const def = this.schema.directives.get(dir.Name);
      if (def === undefined) throw new GraphQLProblem(`Undefined directive ${dir.Name}.`, dir.Position);
      if (!def.Locations.includes(location)) {
        throw new GraphQLProblem(`Directive ${dir.Name} is not applicable on ${location}.`, dir.Position);
      }
    }
  }

  /** An object or interface implementing `intfName`: its fields, their types and arguments. */
  private implements(def: Definition, intfName: string): void {
    const intf = this.type(intfName);
    if (intf === undefined) throw new GraphQLProblem(`Undefined type ${JSON.stringify(intfName)}.`, def.Position);
    if (intf.Kind !== 'INTERFACE') {
      throw new GraphQLProblem(`${JSON.stringify(intfName)} is a non interface type ${intf.Kind}.`, def.Position);
    }
    const prefix = `For ${def.Name} to implement ${intf.Name}`;
    for (const required of intf.Fields) {
      const found = def.Fields.find((f) => f.Name === required.Name);
      if (found === undefined) throw new GraphQLProblem(`${prefix} it must have a field called ${required.Name}.`, def.Position);
      if (!this.covariant(required.Type, found.Type)) {
        throw new GraphQLProblem(`${prefix} the field ${required.Name} must have type ${typeText(required.Type)}.`, found.Position);
      }
      for (const arg of required.Arguments) {
        const foundArg = found.Arguments.find((a) => a.Name === arg.Name);
        if (foundArg === undefined) {
          throw new GraphQLProblem(
            `${prefix} the field ${required.Name} must have the same arguments but it is missing ${arg.Name}.`,
            found.Position,
          );
        }
        if (!compatible(arg.Type, foundArg.Type)) {
          throw new GraphQLProblem(
            `${prefix} the field ${required.Name} must have the same arguments but ${arg.Name} has the wrong type.`,
            foundArg.Position,
          );
        }
      }
      for (const extra of found.Arguments) {
        if (!required.Arguments.some((a) => a.Name === extra.Name) && extra.Type?.NonNull && extra.DefaultValue === null) {
          throw new GraphQLProblem(
            `${prefix} any additional arguments on ${found.Name} must be optional or have a default value but ${extra.Name} is required.`,
            extra.Position,
          );
        }
      }
    }
    for (const transitive of intf.Interfaces) {
      if (def.Interfaces.includes(transitive)) continue;
      if (transitive === def.Name) {
        throw new GraphQLProblem(`Type ${def.Name} cannot implement ${intfName} because it would create a circular reference.`, def.Position);
      }
      throw new GraphQLProblem(`Type ${def.Name} must implement ${transitive} because it is implemented by ${intfName}.`, def.Position);
    }
  }

  /** Whether a field of type `actual` may implement one of type `required`. */
  private covariant(required: TypeRef | null, actual: TypeRef | null): boolean {
    if (required === null || actual === null) return false;
    if (required.NonNull && !actual.NonNull) return false;
    if (required.NamedType !== '') {
      return required.NamedType === actual.NamedType || (this.possible.get(required.NamedType)?.has(actual.NamedType) ?? false);
    }
    if (required.Elem !== null && actual.Elem === null) return false;
    return this.covariant(required.Elem, actual.Elem);
  }
}

/** Whether an implementing field's argument type matches the interface's. */
function compatible(required: TypeRef | null, actual: TypeRef | null): boolean {
  if (required === null || actual === null) return required === actual;
  if (required.NamedType !== actual.NamedType) return false;
  if (required.Elem !== null && (actual.Elem === null || !compatible(required.Elem, actual.Elem))) return false;
  return !actual.NonNull || required.NonNull;
}
