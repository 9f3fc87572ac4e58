import { API_BASE } from './client.ts';
import { ApiError } from './problem.ts';

/** Fetches a file that needs the bearer token (a plain link cannot carry it), or POSTs for one made on request. */
export async function fetchFile(path: string, token: string | undefined, post?: { body: unknown }, extraHeaders: Record<string, string> = {}): Promise<Blob> {
  const headers: Record<string, string> = { ...extraHeaders, ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) };
  const init: RequestInit = post === undefined ? {} : { method: 'POST', body: JSON.stringify(post.body), headers: { ...headers, 'content-type': 'application/json' } };
  const response = await fetch(`${API_BASE}${path}`, { headers, cache: 'no-store', ...init });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(problem ?? { type: 'about:blank', title: response.statusText, status: response.status, detail: `The server answered ${response.status}.` });
  }
  return response.blob();
}

/**
 * Hands fetched bytes to the browser as a download. Returns their SHA-256 (hex) so the caller can
 * compare it with the digest the server recorded; null where the page has no Web Crypto (plain
 * http to a remote host).
 */
export async function saveFile(blob: Blob, filename: string): Promise<string | null> {
  const digest = globalThis.crypto?.subtle === undefined ? null : await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  if (digest === null) return null;
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Fetches a file with the bearer token and saves it; answers its SHA-256 as `saveFile` does. */
export async function downloadFile(path: string, token: string | undefined, filename: string, post?: { body: unknown }, extraHeaders: Record<string, string> = {}): Promise<string | null> {
  return saveFile(await fetchFile(path, token, post, extraHeaders), filename);
}
