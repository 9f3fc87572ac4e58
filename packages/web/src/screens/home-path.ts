import { isOperator, type Session } from '../session/session-store.ts';

/** Where a session lands after sign-in: operators on the tenant list, everyone else on their tenant. */
export function homePath(session: Session | undefined): string {
  if (session === undefined) return '/sign-in';
  return isOperator(session) ? '/operator/tenants' : `/tenants/${encodeURIComponent(session.tenant_id)}/config`;
}
