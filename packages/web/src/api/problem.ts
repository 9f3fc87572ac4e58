/** An RFC 9457 problem as the API returns it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  reasons?: string[];
  errors?: { in?: string; field?: string; message: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
  }
}

const STEP_UP_REASON = /step-up/i;

/** A denial the caller can overcome by authenticating again, strongly. */
export function needsStepUp(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  // Exports ask with their own problem type (401) rather than a policy denial (403).
  if (error.problem.type.endsWith('/step-up-required')) return true;
  return error.problem.status === 403 && (error.problem.reasons ?? []).some((r) => STEP_UP_REASON.test(r));
}

/** Whatever was thrown, as a problem to show. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return { type: 'about:blank', title: 'Unexpected error', status: 0, detail: error instanceof Error ? error.message : String(error) };
}
