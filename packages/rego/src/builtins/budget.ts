// Builtins that build values much larger than their operands check the evaluation's size budget
// before building them.

import { RegoError } from '../errors.ts';
import type { BuiltinContext } from './registry.ts';

/** Refuses, with `eval_cancel_error`, a value of `size` elements past the evaluation's budget. */
export function checkValueSize(ctx: BuiltinContext, name: string, size: number | bigint): void {
  const max = ctx.maxValueSize;
  if (max === undefined || size <= max) return;
  throw new RegoError('eval_cancel_error', `${name}: a value of ${size} elements exceeds the evaluation budget of ${max}`);
}
