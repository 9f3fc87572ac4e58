import { useSyncExternalStore } from 'react';
import { apiRequest } from '../api/client.ts';
import { ApiError } from '../api/problem.ts';

// The portal viewer's sign-in (a bearer token from an accepted invitation), kept in this browser
// apart from the console's sessions. A 401 from the portal means the sign-in ended: it is dropped.

const KEY = 'companyos.portal.sign-in';
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export function currentSignIn(): string | undefined {
  return localStorage.getItem(KEY) ?? undefined;
}

export function saveSignIn(signIn: string): void {
  localStorage.setItem(KEY, signIn);
  notify();
}

export function signOutOfPortal(): void {
  localStorage.removeItem(KEY);
  notify();
}

export function useSignIn(): string | undefined {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    currentSignIn,
  );
}

/** Headers that view one tenant with the sign-in. */
export const viewing = (tenantId: string | undefined): Record<string, string> => (tenantId === undefined ? {} : { 'x-tenant-id': tenantId });

/** A portal GET as the sign-in, viewing `tenantId`; a 401 signs the viewer out. */
export async function portalGet<T>(signIn: string, tenantId: string | undefined, path: string): Promise<T> {
  try {
    return await apiRequest<T>('GET', `/portal/${path}`, { token: signIn, headers: viewing(tenantId) });
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 401) signOutOfPortal();
    throw error;
  }
}
