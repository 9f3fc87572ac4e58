// Public API of @companyos/rego.
export * from './value/value.ts';
export type * from './ast/types.ts';
export * from './builtins/index.ts';
export { compile, Policy } from './policy.ts';
export { PreparedQuery } from './prepared.ts';
export type { CompileOptions, QueryCoverage, EvalOptions, ExplainEntry, ModuleSource, QueryResult, Row } from './policy.ts';
export type { TestOptions, TestReport, TestResult } from './testing/run-tests.ts';
export { MAX_NESTING_DEPTH, type EvalBudget } from './limits.ts';
export { NestingLimitError, RegoError, RegoErrors, formatError } from './errors.ts';
export { parseSignature, parseType, typeText } from './types/notation.ts';
export type { FunctionType, Type } from './types/types.ts';
export type { ErrorCode } from './errors.ts';
