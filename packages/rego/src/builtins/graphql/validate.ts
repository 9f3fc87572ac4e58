// Validating a query against a checked schema with graphql-js's standard rules, plus the one
// OPA's library adds: an operation needs its root type in the schema.

import type { DocumentNode, GraphQLSchema, ValidationRule } from 'graphql';
import { GraphQLProblem } from './errors.ts';
import { graphqlJs } from '../../lazy-libraries.ts';
import type { LoadedSchema } from './schema.ts';
import { schemaAST } from './to-ast.ts';

/** graphql-js's schema for a checked schema (its own schema checks are skipped: ours apply). */
export function buildSchema(schema: LoadedSchema): GraphQLSchema {
  try {
    return graphqlJs().buildASTSchema(schemaAST(schema), { assumeValid: true, assumeValidSDL: true });
  } catch (e) {
    // graphql-js refuses what the Go library's checks let through (a type of unknown kind).
    if (e instanceof GraphQLProblem || !(e instanceof Error)) throw e;
    throw new GraphQLProblem(e.message);
  }
}

const knownRootType: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation) === undefined) {
      context.reportError(new (graphqlJs().GraphQLError)(`Schema does not support operation type "${node.operation}"`, { nodes: node }));
    }
  },
});

let rules: ValidationRule[] | undefined;

/** Throws the first validation error, located in the query text when the query came as text. */
export function validateQuery(schema: GraphQLSchema, query: DocumentNode): void {
  const { specifiedRules, validate } = graphqlJs();
  rules ??= [knownRootType, ...specifiedRules];
  const [first] = validate(schema, query, rules, { maxErrors: 1 });
  if (first !== undefined) throw new GraphQLProblem(first.message, first.locations?.[0]);
}
