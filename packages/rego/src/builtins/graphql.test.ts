import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RObject, equal, toJS, type Value } from '../value/value.ts';
import { BuiltinError, OperandTypeError } from './errors.ts';
import { callBuiltin } from './testing.ts';

const SCHEMA = `
  type Query { hero(episode: Episode): Character, search(text: String!): [SearchResult] }
  enum Episode { NEWHOPE, EMPIRE }
  interface Character { id: ID!, name: String }
  type Droid implements Character { id: ID!, name: String, primaryFunction: String }
  type Human implements Character { id: ID!, name: String, height(unit: Unit = METER): Float }
  enum Unit { METER, FOOT }
  union SearchResult = Droid | Human
`;

const QUERY = `
  query Hero($ep: Episode = EMPIRE, $tall: Boolean!) {
    hero(episode: $ep) {
      name
      ... on Droid { primaryFunction }
      ...HumanParts @include(if: $tall)
    }
  }
  fragment HumanParts on Human { tall: height(unit: FOOT) }
`;

function js(name: string, ...args: unknown[]): unknown {
  return toJS(callBuiltin(name, args) as Value);
}

function builtinError(name: string, args: unknown[]): string {
  try {
    callBuiltin(name, args);
  } catch (e) {
    assert.ok(e instanceof BuiltinError, `${name} threw ${String(e)}`);
    return e.message;
  }
  assert.fail(`${name} did not fail`);
}

test('parse_query returns the syntax tree OPA returns, pruned of positions and empty fields', () => {
  const value = (kind: number, raw: string) => ({ ExpectedTypeHasDefault: false, Kind: kind, Raw: raw });
  assert.deepEqual(js('graphql.parse_query', QUERY), {
    Operations: [
      {
        Name: 'Hero',
        Operation: 'query',
        VariableDefinitions: [
          { Variable: 'ep', Type: { NamedType: 'Episode', NonNull: false }, DefaultValue: value(7, 'EMPIRE'), Used: false },
          { Variable: 'tall', Type: { NamedType: 'Boolean', NonNull: true }, Used: false },
        ],
        SelectionSet: [
          {
            Alias: 'hero',
            Name: 'hero',
            Arguments: [{ Name: 'episode', Value: value(0, 'ep') }],
            SelectionSet: [
              { Alias: 'name', Name: 'name' },
              { TypeCondition: 'Droid', SelectionSet: [{ Alias: 'primaryFunction', Name: 'primaryFunction' }] },
              {
                Name: 'HumanParts',
                Directives: [{ Name: 'include', Location: '', Arguments: [{ Name: 'if', Value: value(0, 'tall') }] }],
              },
            ],
          },
        ],
      },
    ],
    Fragments: [
      {
        Name: 'HumanParts',
        TypeCondition: 'Human',
        SelectionSet: [{ Alias: 'tall', Name: 'height', Arguments: [{ Name: 'unit', Value: value(7, 'FOOT') }] }],
      },
    ],
  });
});

test('values keep their kind and raw text; lists and objects list their children', () => {
  const ast = js('graphql.parse_query', '{ f(a: [1, 2.5], b: {c: "s", d: """ block """}, e: null, t: true) }') as {
    Operations: { SelectionSet: { Arguments: { Name: string; Value: unknown }[] }[] }[];
  };
  const args = ast.Operations[0]?.SelectionSet[0]?.Arguments ?? [];
  const leaf = (kind: number, raw: string) => ({ ExpectedTypeHasDefault: false, Kind: kind, Raw: raw });
  assert.deepEqual(args, [
    { Name: 'a', Value: { ...leaf(8, ''), Children: [{ Name: '', Value: leaf(1, '1') }, { Name: '', Value: leaf(2, '2.5') }] } },
    { Name: 'b', Value: { ...leaf(9, ''), Children: [{ Name: 'c', Value: leaf(3, 's') }, { Name: 'd', Value: leaf(4, ' block ') }] } },
    { Name: 'e', Value: leaf(6, 'null') },
    { Name: 't', Value: leaf(5, 'true') },
  ]);
  assert.deepEqual(js('graphql.parse_query', '  # nothing but a comment\n'), {});
});

test('parse_schema returns definitions, extensions, directives and schema entry points', () => {
  const ast = js(
    'graphql.parse_schema',
    `"The root" type Query implements Node { id: ID!, list(first: Int = 10): [String!]! }
     extend type Query { more: Int }
     directive @auth(role: String) repeatable on FIELD_DEFINITION | OBJECT
     schema { query: Query }`,
  ) as Record<string, unknown>;
  assert.deepEqual(ast.Definitions, [
    {
      Kind: 'OBJECT',
      Name: 'Query',
      Description: 'The root',
      BuiltIn: false,
      Interfaces: ['Node'],
      Fields: [
        { Description: '', Name: 'id', Type: { NamedType: 'ID', NonNull: true } },
        {
          Description: '',
          Name: 'list',
          Arguments: [
            {
              Description: '',
              Name: 'first',
              Type: { NamedType: 'Int', NonNull: false },
              DefaultValue: { ExpectedTypeHasDefault: false, Kind: 1, Raw: '10' },
            },
          ],
          Type: { NamedType: '', NonNull: true, Elem: { NamedType: 'String', NonNull: true } },
        },
      ],
    },
  ]);
  assert.deepEqual(ast.Extensions, [
    { Kind: 'OBJECT', Name: 'Query', Description: '', BuiltIn: false, Fields: [{ Description: '', Name: 'more', Type: { NamedType: 'Int', NonNull: false } }] },
  ]);
  assert.deepEqual(ast.Directives, [
    {
      Description: '',
      Name: 'auth',
      IsRepeatable: true,
      Locations: ['FIELD_DEFINITION', 'OBJECT'],
      Arguments: [{ Description: '', Name: 'role', Type: { NamedType: 'String', NonNull: false } }],
    },
  ]);
  assert.deepEqual(ast.Schema, [{ Description: '', OperationTypes: [{ Operation: 'query', Type: 'Query' }] }]);
});

test('syntax errors are worded and located as OPA reports them', () => {
  const cases: [string, string][] = [
    ['{', 'Expected Name, found <EOF> in GraphQL string at location 1:2'],
    ['{ field: {} }', 'Expected Name, found { in GraphQL string at location 1:10'],
    ['\n{ ...A }\nfragment A Type { a }', 'Expected "on", found Name "Type" in GraphQL string at location 3:12'],
    ['...', 'Unexpected ... in GraphQL string at location 1:1'],
    ['{ a { } }', 'expected at least one definition, found } in GraphQL string at location 1:7'],
    ['query Q() { a }', 'expected at least one definition, found ) in GraphQL string at location 1:9'],
    ['query Q($x: In = { a: [$v] }) { a }', 'Unexpected $ in GraphQL string at location 1:24'],
    ['type T { a: Int }', 'Unexpected Name "type" in GraphQL string at location 1:1'],
  ];
  for (const [query, message] of cases) {
    assert.equal(builtinError('graphql.parse_query', [query]), message, query);
  }
  assert.equal(builtinError('graphql.parse_schema', ['query { a }']), 'Unexpected Name "query" in GraphQL string at location 1:1');
  assert.equal(builtinError('graphql.parse_schema', ['type T {}']), 'expected at least one definition, found } in GraphQL string at location 1:9');
});

test('graphql.parse validates the query and returns both trees', () => {
  const out = callBuiltin('graphql.parse', [QUERY, SCHEMA]);
  assert.ok(Array.isArray(out) && out.length === 2);
  assert.ok(equal(out[0] as Value, callBuiltin('graphql.parse_query', [QUERY]) as Value));
  assert.ok(equal(out[1] as Value, callBuiltin('graphql.parse_schema', [SCHEMA]) as Value));

  assert.equal(
    builtinError('graphql.parse', ['{\n  search { ... on Droid { id } }\n}', SCHEMA]),
    'Field "search" argument "text" of type "String!" is required, but it was not provided in GraphQL string at location 2:3',
  );
  assert.equal(
    builtinError('graphql.parse', ['mutation { hero { name } }', SCHEMA]),
    'Schema does not support operation type "mutation" in GraphQL string at location 1:1',
  );
  assert.match(builtinError('graphql.parse', ['{ hero { nickname } }', SCHEMA]), /^Cannot query field "nickname" on type "Character"/);
  assert.equal(builtinError('graphql.parse', ['{ a }', 'type Query { a: Missing }']), 'Undefined type Missing in GraphQL string at location 1:17');
});

test('trees from parse_query and parse_schema can be passed back in place of text', () => {
  const query = callBuiltin('graphql.parse_query', [QUERY]);
  const schema = callBuiltin('graphql.parse_schema', [SCHEMA]);
  const out = callBuiltin('graphql.parse', [query, schema]);
  assert.ok(Array.isArray(out));
  assert.ok(equal(out[0] as Value, query as Value), 'the query tree comes back unchanged');
  assert.ok(equal(out[1] as Value, schema as Value), 'the schema tree comes back unchanged');
  assert.equal(callBuiltin('graphql.is_valid', [query, schema]), true);
  assert.equal(callBuiltin('graphql.is_valid', [callBuiltin('graphql.parse_query', ['{ hero { nickname } }']), schema]), false);
});

test('objects are read as Go reads JSON: zero values for what is missing, names in any case', () => {
  const schema = { definitions: [{ KIND: 'OBJECT', Name: 'Query', Fields: [{ name: 'a', type: { NamedType: 'Int' } }] }] };
  assert.equal(callBuiltin('graphql.schema_is_valid', [schema]), true);
  const query = { Operations: [{ Operation: 'query', SelectionSet: [{ Alias: 'a', Name: 'a' }] }] };
  assert.equal(callBuiltin('graphql.is_valid', [query, schema]), true);
  assert.equal(
    builtinError('graphql.parse', [query, { Definitions: [{ Kind: 'OBJECT', Name: 5 }] }]),
    'json: cannot unmarshal number into Go struct field Definition.Name of type string',
  );
});

test('schemas are checked by the rules OPA applies, with the standard types built in', () => {
  const valid = (s: unknown) => callBuiltin('graphql.schema_is_valid', [s]);
  assert.equal(valid('extend type Query { a: Thing } extend type Thing { b: Int }'), true, 'extending declares the type');
  assert.equal(valid('type Hello { world: String }'), true, 'no query type is needed');
  assert.equal(valid('directive @skip(if: Boolean!) on FIELD'), true, 'standard directives can be declared again');
  assert.equal(valid(''), true);
  assert.equal(valid(42), false);

  // Schema problems come before query validation, so graphql.parse reports them.
  const problem = (schema: string) => builtinError('graphql.parse', ['{ __typename }', schema]);
  const cases: [string, string][] = [
    ['scalar String', 'Cannot redeclare type String in GraphQL string at location 1:1'],
    ['scalar S @deprecated', 'Directive deprecated is not applicable on SCALAR in GraphQL string at location 1:10'],
    ['type Droid { id: ID }  union U = Droid  union V = U', 'UNION type "U" must be OBJECT in GraphQL string at location 1:41'],
    [
      'interface A { id: ID }  interface B implements A { id: ID }  type T implements B { id: ID }',
      'Type T must implement A because it is implemented by B in GraphQL string at location 1:62',
    ],
    [
      'interface A { id: ID }  type T implements A { id: String }',
      'For T to implement A the field id must have type ID in GraphQL string at location 1:47',
    ],
    [
      'input I { a: Query }  type Query { a(i: I): Int }',
      'OBJECT a: field must be one of SCALAR, ENUM, INPUT_OBJECT in GraphQL string at location 1:11',
    ],
    [
      'type __Hidden { a: Int }',
      'Name "__Hidden" must not begin with "__", which is reserved by GraphQL introspection in GraphQL string at location 1:1',
    ],
    [
      'scalar X  extend type X { a: Int }',
      'Cannot extend type X because the base type is a SCALAR, not OBJECT in GraphQL string at location 1:11',
    ],
    ['schema { query: Nope }', 'Schema root query refers to a type Nope that does not exist in GraphQL string at location 1:10'],
    ['type Query { a(x: Query): Int }', 'cannot use Query as argument x because OBJECT is not a valid input type in GraphQL string at location 1:16'],
  ];
  for (const [schema, message] of cases) {
    assert.equal(problem(schema), message, schema);
    assert.equal(valid(schema), false, schema);
  }
});

test('is_valid and parse_and_verify answer instead of raising errors', () => {
  assert.equal(callBuiltin('graphql.is_valid', [QUERY, SCHEMA]), true);
  assert.equal(callBuiltin('graphql.is_valid', ['{ hero { nickname } }', SCHEMA]), false);
  assert.equal(callBuiltin('graphql.is_valid', ['{', SCHEMA]), false);
  assert.equal(callBuiltin('graphql.is_valid', [QUERY, 'type Query {']), false);
  assert.equal(callBuiltin('graphql.is_valid', [1, SCHEMA]), false);

  const ok = callBuiltin('graphql.parse_and_verify', [QUERY, SCHEMA]);
  assert.ok(Array.isArray(ok));
  assert.equal(ok[0], true);
  assert.ok(equal(ok[1] as Value, callBuiltin('graphql.parse_query', [QUERY]) as Value));
  const bad = callBuiltin('graphql.parse_and_verify', ['{ nope }', SCHEMA]);
  assert.ok(equal(bad as Value, [false, new RObject(), new RObject()]));
});

test('operands of the wrong type are type errors where OPA raises them', () => {
  assert.throws(() => callBuiltin('graphql.parse', [1, SCHEMA]), (e: Error) => {
    assert.ok(e instanceof OperandTypeError);
    assert.equal(e.message, 'operand 1 must be one of {string, object} but got number');
    return true;
  });
  assert.throws(() => callBuiltin('graphql.parse', [QUERY, [SCHEMA]]), {
    message: 'operand 2 must be one of {string, object} but got array',
  });
  assert.throws(() => callBuiltin('graphql.parse_query', [{}]), { message: 'operand 1 must be string but got object' });
});
