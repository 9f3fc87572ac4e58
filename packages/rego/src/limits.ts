// Limits that keep hostile input from exhausting the engine.

/**
 * How deeply terms, expressions and JSON values may nest. Everything that walks them recurses,
 * so deeper input is refused up front rather than overflowing the stack.
 */
export const MAX_NESTING_DEPTH = 256;
