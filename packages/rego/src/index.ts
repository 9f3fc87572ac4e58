// Public API of @companyos/rego.
export * from './value/value.ts';
export type * from './ast/types.ts';
export * from './builtins/index.ts';
