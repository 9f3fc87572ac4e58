-- Trust portal viewers: a tenant invites an external viewer (auditor or partner) by email. The
-- invitation's token is single use; accepting it binds the invitation to the viewer's sign-in,
-- whose secret only the accepted invitations hold (as a SHA-256). A viewer invited by several
-- tenants signs in once: each tenant's accepted invitation holds the same sign-in.
CREATE TABLE portal_invitations (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  invitation_id uuid NOT NULL,
  email text NOT NULL CHECK (length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
  role text NOT NULL CHECK (role IN ('auditor', 'partner')),
  purpose text NOT NULL,
  legal_basis text NOT NULL,
  token_sha256 text NOT NULL,
  invited_by text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  session_id text,
  session_sha256 text,
  revoked_at timestamptz,
  revoked_by text,
  PRIMARY KEY (tenant_id, invitation_id),
  CHECK (expires_at > created_at),
  CHECK ((accepted_at IS NULL) = (session_id IS NULL) AND (session_id IS NULL) = (session_sha256 IS NULL)),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
-- A presented sign-in is resolved to its tenants before any tenant is chosen.
CREATE INDEX portal_invitations_session ON portal_invitations (session_id) WHERE session_id IS NOT NULL;

ALTER TABLE portal_invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE portal_invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY portal_invitations_tenant ON portal_invitations TO companyos_app
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
-- The sign-in lookup reads across tenants in platform scope, read-only (as for API keys).
CREATE POLICY portal_invitations_platform_lookup ON portal_invitations FOR SELECT TO companyos_platform USING (true);
GRANT SELECT, INSERT, UPDATE ON portal_invitations TO companyos_app;
GRANT SELECT ON portal_invitations TO companyos_platform;
