// The default builtin registry: every family registers itself here, one import per family.

import { BuiltinRegistry } from './registry.ts';

type Family = { register(registry: BuiltinRegistry): void };

// Families: data and text.
const dataFamilies: Family[] = [
  // (data families are listed here)
];

// Families: encodings, time, network, crypto and tokens.
const systemFamilies: Family[] = [
  // (system families are listed here)
];

export function defaultRegistry(): BuiltinRegistry {
  const registry = new BuiltinRegistry();
  for (const family of [...dataFamilies, ...systemFamilies]) family.register(registry);
  return registry;
}

export { BuiltinRegistry } from './registry.ts';
export type { BuiltinContext, BuiltinDef, BuiltinFn, RelationFn } from './registry.ts';
export { BuiltinError, OperandTypeError } from './errors.ts';
