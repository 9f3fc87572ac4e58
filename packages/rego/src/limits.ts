// Limits that keep hostile input from exhausting the engine.

/**
 * How deeply terms, expressions and JSON values may nest. Everything that walks them recurses,
 * so deeper input is refused up front rather than overflowing the stack.
 */
export const MAX_NESTING_DEPTH = 256;

/**
 * What one evaluation may spend: wall time, and the size (elements of an array, set or object,
 * characters of a string) of a value a builtin builds. Past either, evaluation stops with
 * `eval_cancel_error`, which no mode turns into an undefined result.
 */
export interface EvalBudget {
  timeMs?: number;
  maxValueSize?: number;
}
