import { Type } from '@sinclair/typebox';

// RFC 9457 problem details. Every error the API returns is one of these, with a stable type URI.
export const PROBLEM_BASE = 'https://companyos.dev/problems/';

export const problemTypes = {
  'invalid-request': { status: 400, title: 'The request is invalid' },
  'nesting-too-deep': { status: 400, title: 'The request nests too deeply' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  'step-up-required': { status: 401, title: 'A recent step-up authentication is required' },
  'policy-denied': { status: 403, title: 'The policy denied this action' },
  'tenant-isolation': { status: 403, title: 'Cross-tenant access is not allowed' },
  'tenant-disabled': { status: 403, title: 'The tenant is disabled' },
  'feature-disabled': { status: 403, title: 'The feature is not enabled for this tenant' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'request-timeout': { status: 408, title: 'The request was not received in time' },
  conflict: { status: 409, title: 'Conflict' },
  'platform-tenant-protected': { status: 409, title: 'The platform tenant cannot be disabled' },
  'region-move-unsupported': { status: 409, title: "Moving a tenant's data to another region is an operator procedure" },
  'key-revoked': { status: 423, title: "The tenant's key-encryption key is revoked" },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'policy-bundle-invalid': { status: 422, title: 'The policy bundle does not pass its checks' },
  'policy-budget-exceeded': { status: 422, title: 'The policy exceeded its evaluation budget' },
  'outbound-target-refused': { status: 422, title: 'The URL is not an allowed outbound target' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'quota-exceeded': { status: 429, title: 'A tenant quota is exhausted' },
  overloaded: { status: 503, title: 'The server is past capacity' },
  'headers-too-large': { status: 431, title: 'The request headers are too large' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const;

export type ProblemSlug = keyof typeof problemTypes;

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  [extension: string]: unknown;
}

export class Problem extends Error {
  readonly status: number;
  constructor(
    readonly slug: ProblemSlug,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'Problem';
    this.status = problemTypes[slug].status;
  }

  body(instance?: string): ProblemBody {
    return {
      type: `${PROBLEM_BASE}${this.slug}`,
      title: problemTypes[this.slug].title,
      status: this.status,
      detail: this.detail,
      ...(instance !== undefined ? { instance } : {}),
      ...this.extensions,
    };
  }
}

/** A policy evaluation cancelled by its budget (OPA's eval_cancel_error): the policy's doing, never a 500. */
export function budgetProblem(detail: string, budget?: Record<string, number>): Problem {
  return new Problem('policy-budget-exceeded', detail, { code: 'eval_cancel_error', ...(budget !== undefined ? { budget } : {}) });
}

/** The problem+json shape, for the API description. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ format: 'uri' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    reasons: Type.Optional(Type.Array(Type.String(), { description: 'why the policy denied the action' })),
    errors: Type.Optional(
      Type.Array(Type.Object({ in: Type.String(), field: Type.String(), message: Type.String() }), { description: 'each invalid field' }),
    ),
  },
  { additionalProperties: true, description: 'RFC 9457 problem details' },
);
