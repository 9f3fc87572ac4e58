-- The outbox of trust portal invitations: the mail of an invitation is written in the transaction
-- that creates it, and a durable job delivers it over SMTP. The accept link (which carries the
-- single-use token) is kept only while the mail is queued: it is cleared once the mail is sent,
-- has failed for good, or the invitation was revoked or accepted first.
CREATE TABLE portal_invitation_mail (
  tenant_id text NOT NULL,
  invitation_id uuid NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'sent', 'failed', 'cancelled', 'not_configured')),
  accept_url text,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  sent_at timestamptz,
  message_id text,
  PRIMARY KEY (tenant_id, invitation_id),
  FOREIGN KEY (tenant_id, invitation_id) REFERENCES portal_invitations (tenant_id, invitation_id),
  CHECK ((state = 'queued') = (accept_url IS NOT NULL)),
  CHECK ((state = 'sent') = (sent_at IS NOT NULL))
);

ALTER TABLE portal_invitation_mail ENABLE ROW LEVEL SECURITY;
ALTER TABLE portal_invitation_mail FORCE ROW LEVEL SECURITY;
CREATE POLICY portal_invitation_mail_tenant ON portal_invitation_mail TO companyos_app
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON portal_invitation_mail TO companyos_app;
