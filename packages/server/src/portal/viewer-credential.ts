import type { Database } from '../db/database.ts';
import { withPlatformTransaction, withTenantTransaction } from '../db/tenant-tx.ts';
import { Problem } from '../http/problem.ts';
import type { Credential } from '../identity/authenticate.ts';
import type { PortalViewer } from '../identity/principal.ts';
import type { Clock } from '../util/clock.ts';
import { activeInvitationOfSignIn, activeInvitationsOfSignIn, invitationByToken, invitationStatus, type Invitation } from './invitation-store.ts';
import { parseInvitationToken, parseSignInToken } from './viewer-tokens.ts';

const unauthenticated = (detail: string) => new Problem('unauthenticated', detail, {}, { 'www-authenticate': 'Bearer' });

/** Receipts and audit events name a viewer by the invitation that let them in (its email stays in the tenant's table). */
export const viewerSubject = (invitationId: string): string => `viewer:${invitationId}`;

export const VIEWER_ROLES = { auditor: 'portal_auditor', partner: 'portal_partner' } as const;
export const INVITEE_ROLE = 'portal_invitee';

function viewerOf(i: Invitation, tenants: PortalViewer['tenants']): PortalViewer {
  return { email: i.email, invitationId: i.invitation_id, role: i.role, purpose: i.purpose, legalBasis: i.legal_basis, expiresAt: i.expires_at, tenants };
}

/**
 * The credential of a trust portal token. An invitation token may only accept its invitation
 * (role `portal_invitee`) while it is pending. A sign-in views one of its tenants at a time: the
 * one the request names (X-Tenant-Id), else its oldest; it is checked again inside the request's
 * transaction, so a revocation or expiry takes effect on the next request.
 */
export async function portalCredential(db: Database, clock: Clock, token: string, requestedTenant: string | undefined): Promise<Credential> {
  const invitation = parseInvitationToken(token);
  if (invitation !== undefined) return invitationCredential(db, clock, invitation.tenantId, invitation.invitationId, invitation.secretSha256);
  const signIn = parseSignInToken(token);
  if (signIn === undefined) throw unauthenticated('the portal token is malformed');
  const active = await withPlatformTransaction(db, () => activeInvitationsOfSignIn(signIn.sessionId, signIn.secretSha256, clock.now()));
  if (active.length === 0) throw unauthenticated('the portal sign-in is unknown, revoked or expired');
  const chosen = active.find((i) => i.tenant_id === requestedTenant) ?? active[0]!;
  // One entry per tenant: its oldest invitation in force is the one viewed.
  const tenants = active
    .filter((i, at) => active.findIndex((j) => j.tenant_id === i.tenant_id) === at)
    .map((i) => ({ tenant_id: i.tenant_id, name: i.tenant_name, role: i.role, expires_at: i.expires_at }));
  return {
    tenantId: chosen.tenant_id,
    subjectId: viewerSubject(chosen.invitation_id),
    resolve: async () => {
      const current = await activeInvitationOfSignIn(chosen.invitation_id, signIn.sessionId, signIn.secretSha256, clock.now());
      if (current === undefined) throw unauthenticated('the portal sign-in is revoked or expired for this tenant');
      return {
        subjectId: viewerSubject(current.invitation_id),
        tenantId: current.tenant_id,
        roles: [VIEWER_ROLES[current.role]],
        attributes: {},
        credential: 'portal_viewer',
        viewer: viewerOf(current, tenants),
      };
    },
  };
}

async function invitationCredential(db: Database, clock: Clock, tenantId: string, invitationId: string, secretSha256: string): Promise<Credential> {
  const pending = async (): Promise<Invitation> => {
    const i = await invitationByToken(invitationId, secretSha256);
    if (i === undefined || invitationStatus(i, clock.now()) !== 'pending') throw unauthenticated('the invitation is unknown, already accepted, revoked or expired');
    return i;
  };
  await withTenantTransaction(db, tenantId, pending);
  return {
    tenantId,
    subjectId: viewerSubject(invitationId),
    resolve: async () => {
      const i = await pending();
      return { subjectId: viewerSubject(i.invitation_id), tenantId, roles: [INVITEE_ROLE], attributes: {}, credential: 'portal_invitation', viewer: viewerOf(i, []) };
    },
  };
}
