import { Type } from '@sinclair/typebox';
import { Problem } from '../http/problem.ts';
import { Nullable, StringEnum } from '../http/schema.ts';
import { defineAction } from '../pipeline/define-action.ts';
import { policyRuntime } from '../policy/policy-runtime.ts';
import type { BundleData } from '../policy/bundle-schema.ts';
import { uuidv7 } from '../util/ids.ts';
import { acceptInvitation, getInvitation, insertInvitation, invitationStatus, listInvitations, revokeInvitation, type Invitation, type ViewerRole } from './invitation-store.ts';
import { acceptPath, queueInvitationMail } from './invitation-mail.ts';
import { getMail, mailStatuses, settleMail, statusOf, type MailStatus } from './invitation-mail-store.ts';
import { refuse, viewerOf } from './presentation.ts';
import { newInvitationToken, newSignInToken, parseSignInToken, SIGN_IN_PATTERN } from './viewer-tokens.ts';

/** Why each role views the portal unless the invitation says otherwise. */
export const DEFAULT_GROUNDS: Record<ViewerRole, { purpose: string; legal_basis: string }> = {
  auditor: { purpose: 'audit', legal_basis: 'legal_obligation' },
  partner: { purpose: 'support', legal_basis: 'contract' },
};
/** The longest an invitation (and the viewer access it grants) may last. */
export const MAX_INVITATION_DAYS = 366;

const Role = StringEnum(['auditor', 'partner']);
const Ground = Type.String({ pattern: '^[a-z_]{1,64}$' });

const InvitationView = Type.Object({
  invitation_id: Type.String({ format: 'uuid' }),
  tenant_id: Type.String(),
  email: Type.String(),
  role: Role,
  purpose: Type.String(),
  legal_basis: Type.String(),
  status: StringEnum(['pending', 'accepted', 'revoked', 'expired']),
  invited_by: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  expires_at: Type.String({ format: 'date-time' }),
  accepted_at: Nullable(Type.String({ format: 'date-time' })),
  revoked_at: Nullable(Type.String({ format: 'date-time' })),
  revoked_by: Nullable(Type.String()),
  mail: Type.Object(
    {
      state: StringEnum(['queued', 'sent', 'failed', 'cancelled', 'not_configured'], { description: 'not_configured: the server sends no mail; the admin hands the accept link on' }),
      attempts: Type.Integer(),
      last_error: Nullable(Type.String()),
      sent_at: Nullable(Type.String({ format: 'date-time' })),
    },
    { description: 'the delivery of the invitation mail' },
  ),
});

/** Invitations made before invitations were mailed have no mail row: nothing was sent for them. */
const UNSENT: MailStatus = { state: 'not_configured', attempts: 0, last_error: null, sent_at: null };

const view = (i: Invitation, now: Date, mail: MailStatus | undefined) => ({ ...i, status: invitationStatus(i, now), mail: mail ?? UNSENT });

const invalid = (field: string, detail: string, message: string) => new Problem('invalid-request', detail, { errors: [{ in: 'body', field, message }] });

/** The purpose and legal basis must be ones the tenant's presentation policy knows, the basis accepted for the purpose. */
function grounds(tenantId: string, role: ViewerRole, purpose: string | undefined, legalBasis: string | undefined): { purpose: string; legal_basis: string } {
  const chosen = { purpose: purpose ?? DEFAULT_GROUNDS[role].purpose, legal_basis: legalBasis ?? DEFAULT_GROUNDS[role].legal_basis };
  const purposes = (policyRuntime().engine.bundleFor(tenantId).data as Partial<BundleData>).presentation?.purposes ?? {};
  const known = purposes[chosen.purpose];
  if (known === undefined) throw invalid('purpose', `the presentation policy knows no purpose "${chosen.purpose}" (known: ${Object.keys(purposes).join(', ')})`, 'must be a purpose of the presentation policy');
  if (!known.legal_bases.includes(chosen.legal_basis)) {
    throw invalid('legal_basis', `the purpose "${chosen.purpose}" accepts the legal bases ${known.legal_bases.join(', ')}, not "${chosen.legal_basis}"`, 'must be accepted for the purpose');
  }
  return chosen;
}

export const createInvitation = defineAction({
  name: 'portal.invitation.create',
  method: 'POST',
  path: '/portal/invitations',
  summary: "Invite an external viewer (auditor or partner) to the tenant's trust portal; the answer carries the single-use token once",
  scope: 'tenant',
  status: 201,
  input: Type.Object(
    {
      email: Type.String({ format: 'email', maxLength: 254 }),
      role: Role,
      expires_at: Type.String({ format: 'date-time', description: `when the viewer's access ends (at most ${MAX_INVITATION_DAYS} days ahead)` }),
      purpose: Type.Optional(Ground),
      legal_basis: Type.Optional(Ground),
    },
    { additionalProperties: false },
  ),
  response: Type.Object({
    invitation: InvitationView,
    token: Type.String({ description: 'the invitation token, shown once; accepting it signs the viewer in' }),
    accept_url: Type.String({ description: 'the portal page that accepts it (the token travels in the fragment)' }),
  }),
  target: (_ctx, _input, _r, result) => `portal-invitation:${(result as { invitation: Invitation }).invitation.invitation_id}`,
  run: async (ctx, input) => {
    const expires = new Date(input.expires_at);
    if (Number.isNaN(expires.getTime()) || expires <= ctx.now) throw invalid('expires_at', 'the invitation must expire in the future', 'must be a future date-time');
    if (expires.getTime() - ctx.now.getTime() > MAX_INVITATION_DAYS * 86_400_000) {
      throw invalid('expires_at', `an invitation lasts at most ${MAX_INVITATION_DAYS} days`, `must be within ${MAX_INVITATION_DAYS} days`);
    }
    const invitationId = uuidv7(ctx.now.getTime());
    const { token, secretSha256 } = newInvitationToken(ctx.tenantId, invitationId);
    const invitation = await insertInvitation(
      {
        invitation_id: invitationId,
        email: input.email.toLowerCase(),
        role: input.role,
        ...grounds(ctx.tenantId, input.role, input.purpose, input.legal_basis),
        invited_by: ctx.principal.subjectId,
        created_at: ctx.now.toISOString(),
        expires_at: expires.toISOString(),
      },
      secretSha256,
    );
    const mail = await queueInvitationMail(invitation, token, ctx.tenant.config.display_name, ctx.now);
    return { invitation: view(invitation, ctx.now, mail), token, accept_url: acceptPath(token) };
  },
});

export const listInvitationsAction = defineAction({
  name: 'portal.invitation.list',
  method: 'GET',
  path: '/portal/invitations',
  summary: "The tenant's portal invitations, newest first, with their status",
  scope: 'tenant',
  response: Type.Object({ invitations: Type.Array(InvitationView) }),
  run: async (ctx) => {
    const mail = await mailStatuses();
    return { invitations: (await listInvitations()).map((i) => view(i, ctx.now, mail.get(i.invitation_id))) };
  },
});

const InvitationParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' }) });

export const revokeInvitationAction = defineAction({
  name: 'portal.invitation.revoke',
  method: 'POST',
  path: '/portal/invitations/:id/revoke',
  summary: "Revoke a portal invitation: its token, and the viewer's access to the tenant, end at once",
  scope: 'tenant',
  params: InvitationParams,
  response: Type.Object({ invitation: InvitationView }),
  resource: (ctx) => getInvitation(ctx.params.id, true),
  target: (ctx) => `portal-invitation:${ctx.params.id}`,
  // Revoking twice leaves the first revocation as it was. A mail not yet sent is not sent at all.
  run: async (ctx, _input, existing) => {
    const revoked = await revokeInvitation(ctx.params.id, ctx.principal.subjectId, ctx.now);
    await settleMail(ctx.params.id, { state: 'cancelled', reason: 'the invitation was revoked' }, ctx.now);
    const mail = await getMail(ctx.params.id);
    return { invitation: view(revoked ?? existing, ctx.now, mail === undefined ? undefined : statusOf(mail)) };
  },
});

export const acceptInvitationAction = defineAction({
  name: 'portal.invitation.accept',
  method: 'POST',
  path: '/portal/invitations/accept',
  summary: 'Accept a portal invitation (authenticated by its token): the answer is the sign-in for the tenant, or the given sign-in now also views it',
  scope: 'tenant',
  input: Type.Object(
    { sign_in: Type.Optional(Type.String({ pattern: SIGN_IN_PATTERN, description: 'a portal sign-in the viewer already holds, to view this tenant with it too' })) },
    { additionalProperties: false },
  ),
  response: Type.Object({ sign_in: Type.String(), tenant_id: Type.String(), role: Role, expires_at: Type.String({ format: 'date-time' }) }),
  target: (ctx) => `portal-invitation:${ctx.principal.viewer?.invitationId ?? 'unknown'}`,
  run: async (ctx, input) => {
    const invitee = ctx.principal.viewer;
    if (invitee === undefined || ctx.principal.credential !== 'portal_invitation') throw refuse(ctx, 'an invitation is accepted with its own token');
    const existing = input.sign_in === undefined ? undefined : { token: input.sign_in, ...parseSignInToken(input.sign_in)! };
    const signIn = existing ?? newSignInToken();
    if (!(await acceptInvitation(invitee.invitationId, signIn, ctx.now))) throw new Problem('conflict', 'the invitation was accepted or revoked meanwhile');
    return { sign_in: signIn.token, tenant_id: ctx.tenantId, role: invitee.role, expires_at: invitee.expiresAt };
  },
});

export const getSession = defineAction({
  name: 'portal.session.get',
  method: 'GET',
  path: '/portal/session',
  summary: 'Who the portal viewer is, the tenant viewed (X-Tenant-Id chooses) and every tenant the sign-in may view',
  scope: 'tenant',
  response: Type.Object({
    viewer: Type.Object({ email: Type.String(), role: Role, purpose: Type.String(), legal_basis: Type.String(), expires_at: Type.String({ format: 'date-time' }) }),
    tenant_id: Type.String(),
    tenants: Type.Array(Type.Object({ tenant_id: Type.String(), name: Type.String(), role: Role, expires_at: Type.String({ format: 'date-time' }) })),
  }),
  run: async (ctx) => {
    const v = viewerOf(ctx);
    return { viewer: { email: v.email, role: v.role, purpose: v.purpose, legal_basis: v.legalBasis, expires_at: v.expiresAt }, tenant_id: ctx.tenantId, tenants: v.tenants };
  },
});

export const invitationActions = [createInvitation, listInvitationsAction, revokeInvitationAction, acceptInvitationAction, getSession];
