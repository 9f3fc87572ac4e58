import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../util/canonical-json.ts';

// The two bearer tokens of the trust portal. An invitation token names its tenant and invitation,
// so it is checked in that tenant's transaction; a sign-in names no tenant (it may view several).
// Only SHA-256 digests of the secrets are stored: 256 random bits need no slow hash.
const INVITATION = /^cosinv\.([a-z][a-z0-9-]{1,62})\.([0-9a-f]{32})\.([A-Za-z0-9_-]{43})$/;
const SIGN_IN = /^cosview\.([0-9a-f]{24})\.([A-Za-z0-9_-]{43})$/;

export interface InvitationToken {
  tenantId: string;
  invitationId: string;
  secretSha256: string;
}

export interface SignInToken {
  sessionId: string;
  secretSha256: string;
}

const secret = () => randomBytes(32).toString('base64url');
const uuidHex = (uuid: string) => uuid.replaceAll('-', '');
const hexUuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

export const isPortalToken = (token: string): boolean => token.startsWith('cosinv.') || token.startsWith('cosview.');

export function newInvitationToken(tenantId: string, invitationId: string): { token: string; secretSha256: string } {
  const s = secret();
  return { token: `cosinv.${tenantId}.${uuidHex(invitationId)}.${s}`, secretSha256: sha256Hex(s) };
}

export function parseInvitationToken(token: string): InvitationToken | undefined {
  const m = INVITATION.exec(token);
  return m === null ? undefined : { tenantId: m[1]!, invitationId: hexUuid(m[2]!), secretSha256: sha256Hex(m[3]!) };
}

export function newSignInToken(): { token: string } & SignInToken {
  const sessionId = randomBytes(12).toString('hex');
  const s = secret();
  return { token: `cosview.${sessionId}.${s}`, sessionId, secretSha256: sha256Hex(s) };
}

export function parseSignInToken(token: string): SignInToken | undefined {
  const m = SIGN_IN.exec(token);
  return m === null ? undefined : { sessionId: m[1]!, secretSha256: sha256Hex(m[2]!) };
}

export const SIGN_IN_PATTERN = SIGN_IN.source;
