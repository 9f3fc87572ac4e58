// Type tests (`is_string`...) and `type_name`. The tests are true or false, never undefined.

import { typeName, type TypeName, type Value } from '../value/value.ts';
import type { BuiltinRegistry } from './registry.ts';

const TESTS: [string, TypeName][] = [
  ['is_number', 'number'],
  ['is_string', 'string'],
  ['is_boolean', 'boolean'],
  ['is_array', 'array'],
  ['is_set', 'set'],
  ['is_object', 'object'],
  ['is_null', 'null'],
];

export function register(registry: BuiltinRegistry): void {
  for (const [name, type] of TESTS) registry.fn(name, 1, (args) => typeName(args[0] as Value) === type);
  registry.fn('type_name', 1, (args) => typeName(args[0] as Value));
}
