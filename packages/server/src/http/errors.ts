import { RegoError } from '@companyos/rego';
import type { FastifyError } from 'fastify';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_S } from '../db/unavailable.ts';
import { budgetProblem, Problem, type ProblemSlug } from './problem.ts';

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

const statusSlugs: Record<number, ProblemSlug> = {
  400: 'invalid-request',
  401: 'unauthenticated',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'quota-exceeded',
  503: 'unavailable',
};

/** Maps anything thrown while serving a request to a problem; unknown errors become a bare 500. */
export function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  // A policy evaluation cancelled by its budget: the bundle's doing, never a 500.
  if (error instanceof RegoError && error.code === 'eval_cancel_error') {
    return budgetProblem(error.message);
  }
  const e = error as Partial<FastifyError> & { validation?: AjvError[]; validationContext?: string };
  if (Array.isArray(e.validation)) {
    const where = e.validationContext ?? 'body';
    return new Problem('invalid-request', `the request ${where} is invalid`, { errors: fieldErrors(where, e.validation) });
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem('payload-too-large', 'the request body exceeds the size limit');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem('unsupported-media-type', 'send the request body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new Problem('invalid-request', 'the JSON body is empty');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new Problem('invalid-request', 'the body is not valid JSON');
    case 'FST_ERR_BAD_URL':
      return new Problem('invalid-request', 'the URL is not validly encoded');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new Problem('invalid-request', 'a path segment is too long');
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
      return new Problem('invalid-request', 'the gzip-encoded body cannot be decompressed');
  }
  if (isDatabaseUnavailable(error)) {
    return new Problem('unavailable', 'the database is unavailable right now; retry shortly', {}, { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_S) });
  }
  // SQLSTATE class 22 (data exception: a NUL byte, a lone surrogate, an out-of-range value) comes
  // from a value the client sent; the transaction is rolled back, so nothing was written.
  if (typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code)) return new Problem('invalid-request', 'a value in the request cannot be stored');
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) {
    const slug = statusSlugs[status] ?? 'invalid-request';
    return new Problem(slug, status === 400 && error instanceof SyntaxError ? 'the body is not valid JSON' : 'the request was rejected');
  }
  return new Problem('internal', 'an internal error occurred');
}

/** One entry per bad field, with the field named as a dotted path. */
function fieldErrors(where: string, errors: AjvError[]): { in: string; field: string; message: string }[] {
  const out = new Map<string, { in: string; field: string; message: string }>();
  // A union of literals fails once per literal: gather them into one list of allowed values.
  const allowed = new Map<string, unknown[]>();
  for (const err of errors) {
    let path = err.instancePath.split('/').filter(Boolean).join('.');
    const extra = err.keyword === 'required' ? err.params.missingProperty : err.keyword === 'additionalProperties' ? err.params.additionalProperty : undefined;
    if (typeof extra === 'string') path = path === '' ? extra : `${path}.${extra}`;
    const message = err.keyword === 'additionalProperties' ? 'is not a known field' : (err.message ?? 'is invalid');
    const field = path === '' ? '(root)' : path;
    if (err.keyword === 'const') allowed.set(field, [...(allowed.get(field) ?? []), err.params.allowedValue]);
    if (err.keyword === 'enum' && Array.isArray(err.params.allowedValues)) allowed.set(field, [...(allowed.get(field) ?? []), ...(err.params.allowedValues as unknown[])]);
    if (!out.has(field)) out.set(field, { in: where, field, message });
  }
  for (const [field, values] of allowed) {
    out.set(field, { in: where, field, message: `must be one of: ${values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}` });
  }
  return [...out.values()];
}
