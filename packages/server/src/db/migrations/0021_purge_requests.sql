-- Purge requests: deleting a subject's personal data or an entity, under dual control (ADR 0025).

CREATE TABLE purge_requests (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  purge_id uuid NOT NULL,
  scope text NOT NULL CHECK (scope IN ('subject', 'entity')),
  -- The subject id or entity id the purge names.
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
  requester text NOT NULL,
  rationale text NOT NULL,
  status text NOT NULL CHECK (status IN ('requested', 'approved', 'done', 'denied', 'cancelled', 'failed')),
  approver_roles jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- Set when the purge ran: what went, with counts and hashes.
  manifest jsonb,
  PRIMARY KEY (tenant_id, purge_id)
);
CREATE INDEX purge_requests_recent ON purge_requests (tenant_id, created_at DESC);

CREATE TABLE purge_history (
  tenant_id text NOT NULL,
  purge_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq >= 0),
  at timestamptz NOT NULL,
  actor text NOT NULL,
  transition text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  rationale text,
  details jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, purge_id, seq),
  FOREIGN KEY (tenant_id, purge_id) REFERENCES purge_requests (tenant_id, purge_id)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['purge_requests', 'purge_history'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_tenant', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_platform USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_platform_tenant', t);
  END LOOP;
  GRANT SELECT, INSERT, UPDATE ON purge_requests TO companyos_app, companyos_platform;
  GRANT SELECT, INSERT ON purge_history TO companyos_app, companyos_platform;
END
$$;

-- A purge deletes a subject's rows; nothing else deletes them (subjects are otherwise disabled).
GRANT DELETE ON subjects, api_keys TO companyos_app;
