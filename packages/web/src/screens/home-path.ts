import type { Session } from '../session/session-store.ts';

/** Where a session lands after sign-in: the home, which opens the first screen the policy offers it. */
export function homePath(session: Session | undefined): string {
  return session === undefined ? '/sign-in' : '/';
}
