import { apiRequest } from '../api/client.ts';
import { addSession, type Session } from './session-store.ts';

export interface DevIdentity {
  tenant_id: string;
  subject_id: string;
  display_name: string;
}

export interface SignInOptions {
  dev: { identities: DevIdentity[] } | null;
  oidc: { issuer: string; client_id: string } | null;
}

interface DevSignInResponse {
  token: string;
  expires_at: string;
  tenant_id: string;
  subject: { subject_id: string; display_name: string; roles: string[] };
}

export const loadSignInOptions = (): Promise<SignInOptions> => apiRequest('GET', '/sign-in/options');

/** Signs in through the development issuer; `stepUp` records a fresh strong authentication. */
export async function devSignIn(tenantId: string, subjectId: string, stepUp = false): Promise<Session> {
  const r = await apiRequest<DevSignInResponse>('POST', '/dev/sign-in', { body: { tenant_id: tenantId, subject_id: subjectId, step_up: stepUp } });
  const session: Session = {
    tenant_id: r.tenant_id,
    subject_id: r.subject.subject_id,
    display_name: r.subject.display_name,
    roles: r.subject.roles,
    token: r.token,
    expires_at: r.expires_at,
    method: 'dev',
  };
  addSession(session);
  return session;
}
