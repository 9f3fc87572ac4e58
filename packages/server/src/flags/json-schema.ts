import type { TSchema, Static } from '@sinclair/typebox';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

// Documents that arrive outside a request body (definition files, imported kits) are checked with
// the same JSON Schema validator and options the HTTP layer uses, so the rules cannot differ.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);

export interface SchemaCheck<T> {
  (value: unknown): value is T;
  /** One line per problem of the last value checked: `path message`. */
  problems(): string[];
}

export function schemaCheck<S extends TSchema>(schema: S): SchemaCheck<Static<S>> {
  const validate = ajv.compile<Static<S>>(schema);
  const check = ((value: unknown) => validate(value)) as SchemaCheck<Static<S>>;
  check.problems = () => (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
  return check;
}
