import { timingSafeEqual } from 'node:crypto';
import { currentTenantId, currentTx } from '../context.ts';

export type ViewerRole = 'auditor' | 'partner';
export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface Invitation {
  invitation_id: string;
  tenant_id: string;
  email: string;
  role: ViewerRole;
  purpose: string;
  legal_basis: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

/** A stored invitation as the driver returns it: times as dates or text, and the secrets' digests. */
type Row = Omit<Invitation, 'created_at' | 'expires_at' | 'accepted_at' | 'revoked_at'> & {
  [key: string]: unknown;
  created_at: Date | string;
  expires_at: Date | string;
  accepted_at: Date | string | null;
  revoked_at: Date | string | null;
  token_sha256?: string;
  session_sha256?: string | null;
};

const columns = 'invitation_id, tenant_id, email, role, purpose, legal_basis, invited_by, created_at, expires_at, accepted_at, revoked_at, revoked_by';
const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

function toInvitation(r: Row): Invitation {
  return {
    invitation_id: r.invitation_id,
    tenant_id: r.tenant_id,
    email: r.email,
    role: r.role,
    purpose: r.purpose,
    legal_basis: r.legal_basis,
    invited_by: r.invited_by,
    created_at: iso(r.created_at)!,
    expires_at: iso(r.expires_at)!,
    accepted_at: iso(r.accepted_at),
    revoked_at: iso(r.revoked_at),
    revoked_by: r.revoked_by,
  };
}

export function invitationStatus(i: Invitation, now: Date): InvitationStatus {
  if (i.revoked_at !== null) return 'revoked';
  if (new Date(i.expires_at) <= now) return 'expired';
  return i.accepted_at === null ? 'pending' : 'accepted';
}

export const sameDigest = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function insertInvitation(i: Omit<Invitation, 'tenant_id' | 'accepted_at' | 'revoked_at' | 'revoked_by'>, tokenSha256: string): Promise<Invitation> {
  const rows = await currentTx().query<Row>(
    `INSERT INTO portal_invitations (tenant_id, invitation_id, email, role, purpose, legal_basis, token_sha256, invited_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${columns}`,
    [currentTenantId(), i.invitation_id, i.email, i.role, i.purpose, i.legal_basis, tokenSha256, i.invited_by, i.created_at, i.expires_at],
  );
  return toInvitation(rows[0]!);
}

export async function listInvitations(): Promise<Invitation[]> {
  const rows = await currentTx().query<Row>(`SELECT ${columns} FROM portal_invitations WHERE tenant_id = $1 ORDER BY created_at DESC, invitation_id`, [currentTenantId()]);
  return rows.map(toInvitation);
}

export async function getInvitation(invitationId: string, lock = false): Promise<Invitation | undefined> {
  const rows = await currentTx().query<Row>(
    `SELECT ${columns} FROM portal_invitations WHERE tenant_id = $1 AND invitation_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [currentTenantId(), invitationId],
  );
  return rows[0] === undefined ? undefined : toInvitation(rows[0]);
}

/** The invitation an invitation token names, if its secret matches (any state). */
export async function invitationByToken(invitationId: string, tokenSha256: string): Promise<Invitation | undefined> {
  const rows = await currentTx().query<Row>(`SELECT ${columns}, token_sha256 FROM portal_invitations WHERE tenant_id = $1 AND invitation_id = $2`, [
    currentTenantId(),
    invitationId,
  ]);
  const row = rows[0];
  return row !== undefined && sameDigest(row.token_sha256!, tokenSha256) ? toInvitation(row) : undefined;
}

/** Marks a pending invitation accepted under a sign-in; false when it was accepted (or revoked) meanwhile. */
export async function acceptInvitation(invitationId: string, session: { sessionId: string; secretSha256: string }, at: Date): Promise<boolean> {
  const rows = await currentTx().query(
    `UPDATE portal_invitations SET accepted_at = $3, session_id = $4, session_sha256 = $5
     WHERE tenant_id = $1 AND invitation_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $3 RETURNING 1`,
    [currentTenantId(), invitationId, at.toISOString(), session.sessionId, session.secretSha256],
  );
  return rows.length === 1;
}

export async function revokeInvitation(invitationId: string, by: string, at: Date): Promise<Invitation | undefined> {
  const rows = await currentTx().query<Row>(
    `UPDATE portal_invitations SET revoked_at = $3, revoked_by = $4 WHERE tenant_id = $1 AND invitation_id = $2 AND revoked_at IS NULL RETURNING ${columns}`,
    [currentTenantId(), invitationId, at.toISOString(), by],
  );
  return rows[0] === undefined ? undefined : toInvitation(rows[0]);
}

/**
 * The accepted, unrevoked, unexpired invitations of a sign-in, across tenants, oldest first. Runs
 * in platform scope: the sign-in chooses among its tenants before any tenant transaction opens.
 */
export async function activeInvitationsOfSignIn(sessionId: string, secretSha256: string, now: Date): Promise<(Invitation & { tenant_name: string })[]> {
  const rows = await currentTx().query<Row & { tenant_name: string }>(
    `SELECT ${columns.split(', ').map((c) => `i.${c}`).join(', ')}, i.session_sha256, t.display_name AS tenant_name
     FROM portal_invitations i JOIN tenants t ON t.tenant_id = i.tenant_id
     WHERE i.session_id = $1 AND i.revoked_at IS NULL AND i.expires_at > $2 ORDER BY i.accepted_at, i.tenant_id`,
    [sessionId, now.toISOString()],
  );
  return rows.filter((r) => sameDigest(r.session_sha256!, secretSha256)).map((r) => ({ ...toInvitation(r), tenant_name: r.tenant_name }));
}

/** The current tenant's invitation held by a sign-in, if it is still in force. */
export async function activeInvitationOfSignIn(invitationId: string, sessionId: string, secretSha256: string, now: Date): Promise<Invitation | undefined> {
  const rows = await currentTx().query<Row>(
    `SELECT ${columns}, session_sha256 FROM portal_invitations
     WHERE tenant_id = $1 AND invitation_id = $2 AND session_id = $3 AND revoked_at IS NULL AND expires_at > $4`,
    [currentTenantId(), invitationId, sessionId, now.toISOString()],
  );
  const row = rows[0];
  return row !== undefined && sameDigest(row.session_sha256!, secretSha256) ? toInvitation(row) : undefined;
}
