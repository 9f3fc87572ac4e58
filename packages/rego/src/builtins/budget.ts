// The evaluation budget's cap on the size of values (elements of an array, set or object,
// characters of a string). Every builtin's result is checked after it ran; builtins that can
// build far more than their operands (ranges, padding, replacing) check before building, and
// comprehensions and the sets and objects rules build check as they grow.

import type { Location } from '../ast/types.ts';
import { RegoError } from '../errors.ts';
import { RObject, RSet, type Value } from '../value/value.ts';
import type { BuiltinContext } from './registry.ts';

/** The cancellation of an evaluation that built (or was about to build) too large a value. */
export function overBudget(name: string, size: number | bigint, max: number, loc?: Location): RegoError {
  return new RegoError('eval_cancel_error', `${name}: a value of ${size} elements exceeds the evaluation budget of ${max}`, loc);
}

/** Refuses, with `eval_cancel_error`, a value of `size` elements past the evaluation's budget. */
export function checkValueSize(ctx: BuiltinContext, name: string, size: number | bigint): void {
  const max = ctx.maxValueSize;
  if (max === undefined || size <= max) return;
  throw overBudget(name, size, max);
}

/** The size the budget counts: characters of a string, elements of a collection, else 0. */
export function valueSize(v: Value): number {
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  return v instanceof RSet || v instanceof RObject ? v.size : 0;
}

/** A builtin's result, refused when it is past the evaluation's budget. */
export function checkResult(ctx: BuiltinContext, name: string, v: Value | undefined): Value | undefined {
  if (ctx.maxValueSize !== undefined && v !== undefined) checkValueSize(ctx, name, valueSize(v));
  return v;
}

/**
 * Refuses a value whose text would be past the budget: its parts counted as a tree (a part it
 * holds twice counts twice, as rendering writes it twice), characters of strings included.
 * Counting stops once past the budget, so a value built by repeated doubling costs no more.
 */
export function checkRenderedSize(ctx: BuiltinContext, name: string, v: Value): void {
  const max = ctx.maxValueSize;
  if (max === undefined) return;
  let n = 0;
  const pending: Value[] = [v];
  while (pending.length > 0) {
    const x = pending.pop() as Value;
    n += typeof x === 'string' ? x.length + 1 : 1;
    if (n > max) throw overBudget(name, n, max);
    if (Array.isArray(x)) pending.push(...x);
    else if (x instanceof RSet) pending.push(...x.values());
    else if (x instanceof RObject) for (const [key, val] of x.entries()) pending.push(key, val);
  }
}
