// A minimal client for the CompanyOS HTTP API used by the CLI: bearer auth from
// COMPANYOS_TOKEN (or --token), base URL from COMPANYOS_URL (or --url), and problem+json errors
// turned into readable messages.

export interface ApiOptions {
  url?: string | undefined;
  token?: string | undefined;
  tenant?: string | undefined;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: Record<string, unknown>,
  ) {
    const reasons = Array.isArray(problem.reasons) ? `\n  reasons: ${problem.reasons.join('; ')}` : '';
    const errors = Array.isArray(problem.errors) ? `\n${(problem.errors as unknown[]).map(fieldError).join('\n')}` : '';
    super(`${status} ${String(problem.title ?? 'error')}: ${String(problem.detail ?? '')}${reasons}${errors}${stepUpHint(problem)}`);
  }
}

/** One invalid field of a request: "  - body.operation: must be one of: A, B". */
function fieldError(e: unknown): string {
  const { in: where, field, message } = e as { in?: unknown; field?: unknown; message?: unknown };
  return typeof field === 'string' && typeof message === 'string' ? `  - ${typeof where === 'string' ? `${where}.` : ''}${field}: ${message}` : `  - ${JSON.stringify(e)}`;
}

/** A refusal for want of a recent strong authentication says how the CLI user gets one. */
function stepUpHint(problem: Record<string, unknown>): string {
  const stepUp = String(problem.type ?? '').endsWith('/step-up-required') || (Array.isArray(problem.reasons) && problem.reasons.some((r) => /step-up/i.test(String(r))));
  return stepUp ? '\n  mint a token with a step-up: companyos token --tenant T --subject S --step-up' : '';
}

/** The server the CLI talks to: --url, else COMPANYOS_URL, else the default local address. */
export function serverUrl(url?: string | undefined): string {
  return url ?? process.env.COMPANYOS_URL ?? 'http://127.0.0.1:8080';
}

/** fetch, with a refused or failed connection reported as `cannot reach <URL>`. */
export async function reach(url: URL | string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
    const why = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : String(err);
    throw new Error(`cannot reach ${String(url)} (${why}): is the server running? (set COMPANYOS_URL or --url)`);
  }
}

export async function callApi(
  method: string,
  path: string,
  options: ApiOptions,
  body?: unknown,
): Promise<unknown> {
  const res = await apiFetch(method, path, options, body);
  const text = await res.text();
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  if (!res.ok) throw new ApiError(res.status, (parsed ?? {}) as Record<string, unknown>);
  return parsed;
}

/** The raw response of an authenticated request (for downloads); the caller checks its status. */
export async function apiFetch(method: string, path: string, options: ApiOptions, body?: unknown): Promise<Response> {
  const base = serverUrl(options.url);
  const token = options.token ?? process.env.COMPANYOS_TOKEN;
  if (token === undefined || token === '') {
    throw new Error('no credential: set COMPANYOS_TOKEN (see `companyos token`) or pass --token');
  }
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (options.tenant !== undefined) headers['x-tenant-id'] = options.tenant;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return reach(new URL(path, base), {
    method,
    headers,
    body: body === undefined ? null : JSON.stringify(body),
  });
}
