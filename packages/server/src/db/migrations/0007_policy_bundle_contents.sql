-- Every policy bundle a tenant's evidence cites, by its hash: the base bundle (which has no
-- version of its own and changes when the server is upgraded) as much as the tenant's versions.
-- A row is written in the transaction that first cites its hash, and never changes, so an
-- evidence pack can always show the policy its decisions and receipts name.
CREATE TABLE policy_bundle_contents (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  files jsonb NOT NULL,
  first_used_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, hash)
);

ALTER TABLE policy_bundle_contents ENABLE ROW LEVEL SECURITY;
ALTER TABLE policy_bundle_contents FORCE ROW LEVEL SECURITY;
CREATE POLICY policy_bundle_contents_tenant ON policy_bundle_contents TO companyos_app
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
CREATE POLICY policy_bundle_contents_platform_tenant ON policy_bundle_contents TO companyos_platform
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT ON policy_bundle_contents TO companyos_app, companyos_platform;
REVOKE UPDATE, DELETE, TRUNCATE ON policy_bundle_contents FROM companyos_app, companyos_platform;
CREATE TRIGGER policy_bundle_contents_append_only BEFORE UPDATE OR DELETE ON policy_bundle_contents FOR EACH ROW EXECUTE FUNCTION app_reject_mutation();
CREATE TRIGGER policy_bundle_contents_no_truncate BEFORE TRUNCATE ON policy_bundle_contents FOR EACH STATEMENT EXECUTE FUNCTION app_reject_mutation();

-- The versions stored so far are bundles the tenant may already cite.
INSERT INTO policy_bundle_contents (tenant_id, hash, files, first_used_at)
SELECT tenant_id, hash, files, created_at FROM policy_bundle_versions;
