import { ApiError, type Problem } from './problem.ts';

export const API_BASE = '/api/v1';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Calls the API; any non-2xx answer becomes an ApiError carrying the problem. */
export async function apiRequest<T>(method: Method, path: string, options: { token?: string | undefined; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    // no-store: a screen reloads after a change and must not be answered from the HTTP cache.
    response = await fetch(`${API_BASE}${path}`, { method, headers, cache: 'no-store', ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: 'The server could not be reached. Check your connection and try again.' });
  }
  const text = await response.text();
  const data: unknown = text === '' ? null : safeJson(text);
  if (!response.ok) {
    const problem = isProblem(data) ? data : { type: 'about:blank', title: response.statusText, status: response.status, detail: `The server answered ${response.status}.` };
    throw new ApiError(problem);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).detail === 'string' && typeof (value as Problem).status === 'number';
}

/** A client bound to one credential, as screens use it. */
export interface Api {
  get<T>(path: string): Promise<T>;
  send<T>(method: Exclude<Method, 'GET'>, path: string, body?: unknown): Promise<T>;
}

export function apiFor(token: string | undefined): Api {
  return {
    get: (path) => apiRequest('GET', path, { token }),
    send: (method, path, body) => apiRequest(method, path, { token, body }),
  };
}
