// GraphQL builtins: parsing queries and schemas into the syntax trees OPA returns (see
// graphql/ir.ts), checking schemas and validating queries against them. Queries and schemas are
// GraphQL text or the objects graphql.parse_query / graphql.parse_schema return.

import type { DocumentNode, GraphQLSchema } from 'graphql';
import { RObject, type Value } from '../value/value.ts';
import { BuiltinError, OperandTypeError } from './errors.ts';
import { decodeQueryDocument, decodeSchemaDocument } from './graphql/decode.ts';
import { GraphQLProblem } from './graphql/errors.ts';
import { queryDocument, schemaDocument } from './graphql/from-ast.ts';
import { toValue, type QueryDocument, type SchemaDocument } from './graphql/ir.ts';
import { parseText } from './graphql/parse.ts';
import { loadSchema } from './graphql/schema.ts';
import { queryAST } from './graphql/to-ast.ts';
import { buildSchema, validateQuery } from './graphql/validate.ts';
import { str } from './operands.ts';
import type { BuiltinRegistry } from './registry.ts';

export function register(r: BuiltinRegistry): void {
  r.fn('graphql.parse_query', 1, (a) => reported(() => toValue(queryDocument(parseText(str(a, 0), true)))));
  r.fn('graphql.parse_schema', 1, (a) => reported(() => schemaText(str(a, 0)).value));
  r.fn('graphql.parse', 2, (a) =>
    reported(() => {
      const { query, schema } = verified(a);
      return [query.value(), schema.value];
    }),
  );
  r.fn('graphql.parse_and_verify', 2, (a) => {
    const result = quietly(() => {
      const { query, schema } = verified(a);
      return [true, query.value(), schema.value];
    });
    return result ?? [false, new RObject(), new RObject()];
  });
  r.fn('graphql.is_valid', 2, (a) => quietly(() => verified(a) !== undefined) ?? false);
  r.fn('graphql.schema_is_valid', 1, (a) => quietly(() => readSchema(a, 0).checked() !== undefined) ?? false);
}

/** The query and schema operands, once the schema is valid and the query valid against it. */
function verified(a: Value[]): { query: QueryOperand; schema: SchemaOperand } {
  const query = readQuery(a, 0);
  const schema = readSchema(a, 1);
  validateQuery(schema.checked(), query.ast());
  return { query, schema };
}

/** Problems with the GraphQL become builtin errors: `<message> in GraphQL string at location L:C`. */
function reported<T extends Value>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof GraphQLProblem) throw new BuiltinError(e.describe());
    throw e;
  }
}

/** The result, or undefined when the operands are not GraphQL or the GraphQL is not valid. */
function quietly<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (e instanceof GraphQLProblem || e instanceof OperandTypeError) return undefined;
    throw e;
  }
}

interface QueryOperand {
  ast(): DocumentNode;
  value(): RObject;
}

function readQuery(a: Value[], i: number): QueryOperand {
  const v = a[i] as Value;
  if (typeof v === 'string') {
    const ast = parseText(v, true);
    return { ast: () => ast, value: () => toValue(queryDocument(ast)) };
  }
  if (v instanceof RObject) {
    const doc: QueryDocument = decodeQueryDocument(v);
    return { ast: () => queryAST(doc), value: () => toValue(doc) };
  }
  throw new OperandTypeError(i + 1, v, ['string', 'object']);
}

interface SchemaOperand {
  value: RObject;
  /** graphql-js's schema; throws when the schema is not valid. */
  checked(): GraphQLSchema;
}

function readSchema(a: Value[], i: number): SchemaOperand {
  const v = a[i] as Value;
  if (typeof v === 'string') return schemaText(v);
  if (v instanceof RObject) return schemaOperand(decodeSchemaDocument(v));
  throw new OperandTypeError(i + 1, v, ['string', 'object']);
}

function schemaOperand(doc: SchemaDocument): SchemaOperand {
  let built: GraphQLSchema | GraphQLProblem | undefined;
  return {
    value: toValue(doc),
    checked() {
      if (built === undefined) {
        try {
          built = buildSchema(loadSchema(doc));
        } catch (e) {
          if (!(e instanceof GraphQLProblem)) throw e;
          built = e;
        }
      }
      if (built instanceof GraphQLProblem) throw built;
      return built;
    },
  };
}

// Policies check many queries against the same few schemas: keep the recently parsed ones.
const SCHEMA_CACHE_SIZE = 16;
const schemaCache = new Map<string, SchemaOperand>();

function schemaText(text: string): SchemaOperand {
  const hit = schemaCache.get(text);
  if (hit !== undefined) {
    schemaCache.delete(text);
    schemaCache.set(text, hit);
    return hit;
  }
  const operand = schemaOperand(schemaDocument(parseText(text, false)));
  schemaCache.set(text, operand);
  if (schemaCache.size > SCHEMA_CACHE_SIZE) schemaCache.delete(schemaCache.keys().next().value as string);
  return operand;
}
