import { useSyncExternalStore } from 'react';

/** One signed-in identity; the console can hold one per tenant and switch between them. */
export interface Session {
  tenant_id: string;
  subject_id: string;
  display_name: string;
  /** Known for the development sign-in; empty when the issuer does not tell. */
  roles: string[];
  token: string;
  expires_at: string;
  method: 'dev' | 'oidc';
}

interface State {
  sessions: Session[];
  activeTenant: string | null;
}

// Kept for the browser tab only: closing it signs out.
const KEY = 'switchboard.sessions';
const listeners = new Set<() => void>();
let state: State = load();

function load(): State {
  try {
    const raw = sessionStorage.getItem(KEY);
    const parsed = raw === null ? null : (JSON.parse(raw) as State);
    if (parsed !== null && Array.isArray(parsed.sessions)) {
      const sessions = parsed.sessions.filter((s) => Date.parse(s.expires_at) > Date.now());
      const active = sessions.some((s) => s.tenant_id === parsed.activeTenant) ? parsed.activeTenant : (sessions[0]?.tenant_id ?? null);
      return { sessions, activeTenant: active };
    }
  } catch {
    // A corrupt entry is treated as signed out.
  }
  return { sessions: [], activeTenant: null };
}

function set(next: State): void {
  state = next;
  sessionStorage.setItem(KEY, JSON.stringify(state));
  for (const l of listeners) l();
}

/** Adds (or replaces) the session of its tenant and makes it the active one. */
export function addSession(session: Session): void {
  set({ sessions: [...state.sessions.filter((s) => s.tenant_id !== session.tenant_id), session], activeTenant: session.tenant_id });
}

export function switchTenant(tenantId: string): void {
  if (state.sessions.some((s) => s.tenant_id === tenantId)) set({ ...state, activeTenant: tenantId });
}

/** Signs out of the active tenant; another held session becomes active. */
export function signOut(): void {
  const sessions = state.sessions.filter((s) => s.tenant_id !== state.activeTenant);
  set({ sessions, activeTenant: sessions[0]?.tenant_id ?? null });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSessions(): { sessions: Session[]; active: Session | undefined } {
  const s = useSyncExternalStore(subscribe, () => state);
  return { sessions: s.sessions, active: s.sessions.find((x) => x.tenant_id === s.activeTenant) };
}

