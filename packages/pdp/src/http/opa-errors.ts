import { RegoError } from '@companyos/rego';

/** OPA's REST API error codes. */
export type OpaErrorCode = 'internal_error' | 'invalid_parameter' | 'undefined_document' | 'resource_not_found';

/** An error the data API answers with, in OPA's shape: `{code, message, errors?}`. */
export class OpaError extends Error {
  constructor(
    readonly status: number,
    readonly code: OpaErrorCode,
    message: string,
    readonly errors?: unknown[],
  ) {
    super(message);
  }

  body(): { code: string; message: string; errors?: unknown[] } {
    return { code: this.code, message: this.message, ...(this.errors !== undefined ? { errors: this.errors } : {}) };
  }
}

/** An evaluation error as OPA reports it inside `errors`: code, message and location. */
export function evalErrorJson(error: RegoError): { code: string; message: string; location?: { file: string; row: number; col: number } } {
  const loc = error.location;
  return { code: error.code, message: error.detail, ...(loc !== undefined ? { location: { file: loc.file, row: loc.line, col: loc.col } } : {}) };
}

/** What OPA answers when evaluating a query fails: 500 with the evaluation error inside. */
export function evaluationFailed(error: RegoError): OpaError {
  return new OpaError(500, 'internal_error', 'error(s) occurred while evaluating query', [evalErrorJson(error)]);
}
