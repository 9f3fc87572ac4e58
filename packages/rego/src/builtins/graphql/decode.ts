// Reading a document back from a Rego object (what graphql.parse_query / parse_schema returned,
// or one a policy built). OPA decodes it as Go's encoding/json fills its structs: missing or null
// fields take their zero value, unknown fields are ignored, field names match case-insensitively
// and a value of the wrong JSON type is an error.

import { BigNum, RObject, RSet, isInteger, type Value } from '../../value/value.ts';
import { GraphQLProblem } from './errors.ts';
import {
  SELECTION,
  type Argument,
  type ArgumentDefinition,
  type ChildValue,
  type Definition,
  type Directive,
  type DirectiveDefinition,
  type FieldDefinition,
  type FragmentDefinition,
  type GqlValue,
  type OperationDefinition,
  type QueryDocument,
  type SchemaDefinition,
  type SchemaDocument,
  type Selection,
  type TypeRef,
  type VariableDefinition,
} from './ir.ts';

export function decodeQueryDocument(v: RObject): QueryDocument {
  const r = new Fields(v, 'QueryDocument');
  return { Operations: r.list('Operations', operation), Fragments: r.list('Fragments', fragment) };
}

export function decodeSchemaDocument(v: RObject): SchemaDocument {
  const r = new Fields(v, 'SchemaDocument');
  return {
    Schema: r.list('Schema', schemaDefinition),
    SchemaExtension: r.list('SchemaExtension', schemaDefinition),
    Directives: r.list('Directives', directiveDefinition),
    Definitions: r.list('Definitions', definition),
    Extensions: r.list('Extensions', definition),
  };
}

/** The JSON type name Go's decoder uses in its errors. */
function jsonType(v: Value): string {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || v instanceof BigNum) return 'number';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v) || v instanceof RSet) return 'array';
  return 'object';
}

/** The fields of one JSON object being decoded into the Go struct `struct`. */
class Fields {
  constructor(
    private readonly o: RObject,
    private readonly struct: string,
  ) {}

  /** Exact name first, else the first key equal to it ignoring case (as encoding/json does). */
  private get(name: string): Value | undefined {
    const exact = this.o.getStr(name);
    if (exact !== undefined) return exact;
    const lower = name.toLowerCase();
    for (const [k, v] of this.o.entries()) {
      if (typeof k === 'string' && k.toLowerCase() === lower) return v;
    }
    return undefined;
  }

  private mismatch(name: string, v: Value, goType: string): GraphQLProblem {
    return new GraphQLProblem(`json: cannot unmarshal ${jsonType(v)} into Go struct field ${this.struct}.${name} of type ${goType}`);
  }

  str(name: string): string {
    const v = this.get(name);
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string') throw this.mismatch(name, v, 'string');
    return v;
  }

  bool(name: string): boolean {
    const v = this.get(name);
    if (v === undefined || v === null) return false;
    if (typeof v !== 'boolean') throw this.mismatch(name, v, 'bool');
    return v;
  }

  int(name: string): number {
    const v = this.get(name);
    if (v === undefined || v === null) return 0;
    if ((typeof v !== 'number' && !(v instanceof BigNum)) || !isInteger(v)) throw this.mismatch(name, v, 'int');
    return Number(v instanceof BigNum ? v.text : v);
  }

  strings(name: string): string[] {
    return this.items(name, '[]string').map((item) => {
      if (typeof item !== 'string') throw this.mismatch(name, item, 'string');
      return item;
    });
  }

  list<T>(name: string, decode: (o: RObject) => T): T[] {
    return this.items(name, 'list').map((item) => {
      if (!(item instanceof RObject)) throw this.mismatch(name, item, 'object');
      return decode(item);
    });
  }

  /** A pointer to a struct: null when absent. */
  ptr<T>(name: string, decode: (o: RObject) => T): T | null {
    const v = this.get(name);
    if (v === undefined || v === null) return null;
    if (!(v instanceof RObject)) throw this.mismatch(name, v, 'object');
    return decode(v);
  }

  /** A selection set: each member is read as the kind of selection its fields describe. */
  selections(name: string): Selection[] {
    return this.items(name, 'ast.SelectionSet').flatMap((item) => (item instanceof RObject ? [selection(item)] : []));
  }

  private items(name: string, goType: string): Value[] {
    const v = this.get(name);
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    if (v instanceof RSet) return [...v.values()];
    throw this.mismatch(name, v, goType);
  }

  has(name: string): boolean {
    const v = this.get(name);
    return v !== undefined && v !== null;
  }
}

function operation(o: RObject): OperationDefinition {
  const r = new Fields(o, 'OperationDefinition');
  return {
    Operation: r.str('Operation'),
    Name: r.str('Name'),
    VariableDefinitions: r.list('VariableDefinitions', variableDefinition),
    Directives: r.list('Directives', directive),
    SelectionSet: r.selections('SelectionSet'),
  };
}

function fragment(o: RObject): FragmentDefinition {
  const r = new Fields(o, 'FragmentDefinition');
  return {
    Name: r.str('Name'),
    VariableDefinition: r.list('VariableDefinition', variableDefinition),
    TypeCondition: r.str('TypeCondition'),
    Directives: r.list('Directives', directive),
    SelectionSet: r.selections('SelectionSet'),
  };
}

function variableDefinition(o: RObject): VariableDefinition {
  const r = new Fields(o, 'VariableDefinition');
  return {
    Variable: r.str('Variable'),
    Type: r.ptr('Type', typeRef),
    DefaultValue: r.ptr('DefaultValue', value),
    Directives: r.list('Directives', directive),
    Used: r.bool('Used'),
  };
}

/**
 * Fields carry an alias (parse_query always sets it) or arguments; inline fragments a type
 * condition or a selection set without a name; anything else with a name is a fragment spread.
 */
function selection(o: RObject): Selection {
  const r = new Fields(o, 'Selection');
  if (r.has('TypeCondition') || (!r.has('Name') && r.has('SelectionSet'))) {
    return {
      [SELECTION]: 'inline',
      TypeCondition: r.str('TypeCondition'),
      Directives: r.list('Directives', directive),
      SelectionSet: r.selections('SelectionSet'),
    };
  }
  if (r.has('Alias') || r.has('Arguments') || r.has('SelectionSet')) {
    return {
      [SELECTION]: 'field',
      Alias: r.str('Alias'),
      Name: r.str('Name'),
      Arguments: r.list('Arguments', argument),
      Directives: r.list('Directives', directive),
      SelectionSet: r.selections('SelectionSet'),
    };
  }
  return { [SELECTION]: 'spread', Name: r.str('Name'), Directives: r.list('Directives', directive) };
}

function directive(o: RObject): Directive {
  const r = new Fields(o, 'Directive');
  return { Name: r.str('Name'), Arguments: r.list('Arguments', argument), Location: r.str('Location') };
}

function argument(o: RObject): Argument {
  const r = new Fields(o, 'Argument');
  return { Name: r.str('Name'), Value: r.ptr('Value', value) };
}

function value(o: RObject): GqlValue {
  const r = new Fields(o, 'Value');
  return {
    Raw: r.str('Raw'),
    Children: r.list('Children', childValue),
    Kind: r.int('Kind'),
    ExpectedTypeHasDefault: r.bool('ExpectedTypeHasDefault'),
  };
}

function childValue(o: RObject): ChildValue {
  const r = new Fields(o, 'ChildValue');
  return { Name: r.str('Name'), Value: r.ptr('Value', value) };
}

function typeRef(o: RObject): TypeRef {
  const r = new Fields(o, 'Type');
  return { NamedType: r.str('NamedType'), Elem: r.ptr('Elem', typeRef), NonNull: r.bool('NonNull') };
}

function schemaDefinition(o: RObject): SchemaDefinition {
  const r = new Fields(o, 'SchemaDefinition');
  return {
    Description: r.str('Description'),
    Directives: r.list('Directives', directive),
    OperationTypes: r.list('OperationTypes', (t) => {
      const tr = new Fields(t, 'OperationTypeDefinition');
      return { Operation: tr.str('Operation'), Type: tr.str('Type') };
    }),
  };
}

function directiveDefinition(o: RObject): DirectiveDefinition {
  const r = new Fields(o, 'DirectiveDefinition');
  return {
    Description: r.str('Description'),
    Name: r.str('Name'),
    Arguments: r.list('Arguments', argumentDefinition),
    Locations: r.strings('Locations'),
    IsRepeatable: r.bool('IsRepeatable'),
  };
}

function definition(o: RObject): Definition {
  const r = new Fields(o, 'Definition');
  return {
    Kind: r.str('Kind'),
    Description: r.str('Description'),
    Name: r.str('Name'),
    Directives: r.list('Directives', directive),
    Interfaces: r.strings('Interfaces'),
    Fields: r.list('Fields', fieldDefinition),
    Types: r.strings('Types'),
    EnumValues: r.list('EnumValues', (e) => {
      const er = new Fields(e, 'EnumValueDefinition');
      return { Description: er.str('Description'), Name: er.str('Name'), Directives: er.list('Directives', directive) };
    }),
    BuiltIn: r.bool('BuiltIn'),
  };
}

function fieldDefinition(o: RObject): FieldDefinition {
  const r = new Fields(o, 'FieldDefinition');
  return {
    Description: r.str('Description'),
    Name: r.str('Name'),
    Arguments: r.list('Arguments', argumentDefinition),
    DefaultValue: r.ptr('DefaultValue', value),
    Type: r.ptr('Type', typeRef),
    Directives: r.list('Directives', directive),
  };
}

function argumentDefinition(o: RObject): ArgumentDefinition {
  const r = new Fields(o, 'ArgumentDefinition');
  return {
    Description: r.str('Description'),
    Name: r.str('Name'),
    DefaultValue: r.ptr('DefaultValue', value),
    Type: r.ptr('Type', typeRef),
    Directives: r.list('Directives', directive),
  };
}
