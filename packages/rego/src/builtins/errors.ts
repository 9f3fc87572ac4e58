// Errors a builtin raises. The evaluator turns them into OPA's error codes:
// OperandTypeError → eval_type_error, BuiltinError → eval_builtin_error, each message prefixed
// with the builtin's name ("count: operand 1 must be ...").

import { typeName, type TypeName, type Value } from '../value/value.ts';

export class BuiltinError extends Error {
  override name = 'BuiltinError';
}

/**
 * OPA's operand type error text: `operand 1 must be string but got number`, or with several
 * allowed types `operand 1 must be one of {array, set} but got object`.
 */
export class OperandTypeError extends Error {
  override name = 'OperandTypeError';
  constructor(
    readonly position: number,
    readonly got: Value,
    readonly expected: readonly (TypeName | string)[],
  ) {
    super(
      `operand ${position} must be ${
        expected.length === 1 ? expected[0] : `one of {${expected.join(', ')}}`
      } but got ${typeName(got)}`,
    );
  }
}
