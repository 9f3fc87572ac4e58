// Errors as OPA reports them: a stable code, a message and a location.
// Parse errors use `rego_parse_error`, compile errors `rego_compile_error`,
// `rego_type_error`, `rego_unsafe_var_error`, `rego_recursion_error`; evaluation errors
// `eval_conflict_error`, `eval_type_error`, `eval_builtin_error`, `eval_cancel_error`.

import type { Location } from './ast/types.ts';
import { MAX_NESTING_DEPTH } from './limits.ts';

export type ErrorCode =
  | 'rego_parse_error'
  | 'rego_compile_error'
  | 'rego_type_error'
  | 'rego_unsafe_var_error'
  | 'rego_recursion_error'
  | 'eval_conflict_error'
  | 'eval_type_error'
  | 'eval_builtin_error'
  | 'eval_cancel_error'
  | 'eval_internal_error';

export class RegoError extends Error {
  override name = 'RegoError';
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly location?: Location,
    /** Further lines of explanation (a type error's `have:` and `want:`), printed tab-indented. */
    readonly lines: readonly string[] = [],
  ) {
    super(formatError(code, detail, location) + lines.map((l) => `\n\t${l}`).join(''));
  }
}

/** Several errors reported together (a parse or compile run collects all it finds). */
export class RegoErrors extends Error {
  override name = 'RegoErrors';
  constructor(readonly errors: RegoError[]) {
    super(
      errors.length === 1
        ? (errors[0] as RegoError).message
        : `${errors.length} errors occurred:\n${errors.map((e) => e.message).join('\n')}`,
    );
  }
  get code(): ErrorCode {
    return (this.errors[0] as RegoError).code;
  }
}

/** `file:line: code: detail`, as OPA prints errors. */
export function formatError(code: ErrorCode, detail: string, loc?: Location): string {
  return loc ? `${loc.file}:${loc.line}: ${code}: ${detail}` : `${code}: ${detail}`;
}


/** A parse refused because it nests deeper than MAX_NESTING_DEPTH; never retried as another reading. */
export class NestingLimitError extends RegoError {
  override name = 'NestingLimitError';
  constructor(location?: Location) {
    super('rego_parse_error', `nesting deeper than ${MAX_NESTING_DEPTH} levels`, location);
  }
}
