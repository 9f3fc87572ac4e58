-- High-risk operation requests (temporary database access) and their append-only history.

CREATE TABLE high_risk_requests (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  request_id uuid NOT NULL,
  operation text NOT NULL,
  requester text NOT NULL,
  target jsonb NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
  rationale text NOT NULL,
  status text NOT NULL CHECK (status IN ('requested', 'approved', 'active', 'reverted', 'denied', 'cancelled', 'expired', 'failed')),
  approver_roles jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- A pending (requested or approved) request expires at this time.
  pending_until timestamptz NOT NULL,
  -- Set on execute: the granted role and when access ends.
  role_name text,
  active_until timestamptz,
  PRIMARY KEY (tenant_id, request_id)
);
CREATE INDEX high_risk_requests_recent ON high_risk_requests (tenant_id, created_at DESC);

-- One row per transition (approvals and denials included, with their rationale).
CREATE TABLE high_risk_history (
  tenant_id text NOT NULL,
  request_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq >= 0),
  at timestamptz NOT NULL,
  actor text NOT NULL,
  transition text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  rationale text,
  details jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, request_id, seq),
  FOREIGN KEY (tenant_id, request_id) REFERENCES high_risk_requests (tenant_id, request_id)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['high_risk_requests', 'high_risk_history'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_tenant', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_platform USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_platform_tenant', t);
  END LOOP;
  GRANT SELECT, INSERT, UPDATE ON high_risk_requests TO companyos_app, companyos_platform;
  GRANT SELECT, INSERT ON high_risk_history TO companyos_app, companyos_platform;
  REVOKE UPDATE, DELETE, TRUNCATE ON high_risk_history FROM companyos_app, companyos_platform;
END
$$;
CREATE TRIGGER high_risk_history_append_only BEFORE UPDATE OR DELETE ON high_risk_history FOR EACH ROW EXECUTE FUNCTION app_reject_mutation();
CREATE TRIGGER high_risk_history_no_truncate BEFORE TRUNCATE ON high_risk_history FOR EACH STATEMENT EXECUTE FUNCTION app_reject_mutation();
