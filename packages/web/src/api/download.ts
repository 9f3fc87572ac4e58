import { API_BASE } from './client.ts';
import { ApiError } from './problem.ts';

/**
 * Fetches a file (or POSTs for one made on request) that needs the bearer token (a plain link cannot carry it) and hands it to the
 * browser as a download. Returns the bytes' SHA-256 (hex) so the caller can compare it with the
 * digest the server recorded; null where the page has no Web Crypto (plain http to a remote host).
 */
export async function downloadFile(path: string, token: string | undefined, filename: string, post?: { body: unknown }, extraHeaders: Record<string, string> = {}): Promise<string | null> {
  const headers: Record<string, string> = { ...extraHeaders, ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) };
  const init: RequestInit = post === undefined ? {} : { method: 'POST', body: JSON.stringify(post.body), headers: { ...headers, 'content-type': 'application/json' } };
  const response = await fetch(`${API_BASE}${path}`, { headers, cache: 'no-store', ...init });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(problem ?? { type: 'about:blank', title: response.statusText, status: response.status, detail: `The server answered ${response.status}.` });
  }
  const blob = await response.blob();
  const digest = globalThis.crypto?.subtle === undefined ? null : await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  if (digest === null) return null;
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
