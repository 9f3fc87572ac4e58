// The authenticated caller, enriched from the subject store.
export interface Principal {
  subjectId: string;
  tenantId: string;
  roles: string[];
  attributes: SubjectAttributes;
  credential: 'jwt' | 'api_key' | 'portal_invitation' | 'portal_viewer';
  apiKeyId?: string | undefined;
  issuer?: string | undefined;
  /** Authentication strength claims, kept for step-up checks. */
  acr?: string | undefined;
  amr?: string[] | undefined;
  authTime?: number | undefined;
  /** A trust portal viewer (or invitee): who was invited, why, and every tenant the sign-in may view. */
  viewer?: PortalViewer | undefined;
}

export interface PortalViewer {
  email: string;
  invitationId: string;
  role: 'auditor' | 'partner';
  purpose: string;
  legalBasis: string;
  expiresAt: string;
  /** The sign-in's tenants in force, oldest invitation first (the tenant switcher). */
  tenants: { tenant_id: string; name: string; role: 'auditor' | 'partner'; expires_at: string }[];
}

export interface SubjectAttributes {
  department?: string;
  country?: string;
  region?: string;
  employment_type?: string;
  [key: string]: unknown;
}
