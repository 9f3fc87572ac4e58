-- Policy bundles: immutable versions per tenant, the activation history that names the active
-- one, and the decision log.

-- A version is immutable: its files (modules, tests and data.json) and their hash never change.
CREATE TABLE policy_bundle_versions (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  version integer NOT NULL CHECK (version > 0),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  parent_hash text CHECK (parent_hash ~ '^[0-9a-f]{64}$'),
  author text NOT NULL,
  message text NOT NULL,
  files jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, version),
  UNIQUE (tenant_id, hash)
);

-- Each activation or rollback is a row; the latest names the tenant's active version, so the
-- history of what was active when is kept.
CREATE TABLE policy_activations (
  tenant_id text NOT NULL,
  activation_id uuid NOT NULL,
  version integer NOT NULL,
  hash text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('activate', 'rollback')),
  actor text NOT NULL,
  activated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, activation_id),
  FOREIGN KEY (tenant_id, version) REFERENCES policy_bundle_versions (tenant_id, version)
);
CREATE INDEX policy_activations_latest ON policy_activations (tenant_id, activated_at DESC, activation_id DESC);

-- The decision log, in the shape of OPA's (input already masked by the tenant's rules).
CREATE TABLE policy_decisions (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  decision_id uuid NOT NULL,
  "timestamp" timestamptz NOT NULL,
  actor text,
  action text,
  allow boolean NOT NULL,
  reasons jsonb NOT NULL DEFAULT '[]',
  bundle_hash text NOT NULL,
  path text NOT NULL,
  input jsonb NOT NULL,
  result jsonb NOT NULL,
  latency_ns bigint NOT NULL,
  PRIMARY KEY (tenant_id, decision_id)
);
CREATE INDEX policy_decisions_by_time ON policy_decisions (tenant_id, "timestamp");

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['policy_bundle_versions', 'policy_activations', 'policy_decisions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_tenant', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_platform USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_platform_tenant', t);
    -- All three are append-only.
    EXECUTE format('GRANT SELECT, INSERT ON %I TO companyos_app, companyos_platform', t);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM companyos_app, companyos_platform', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION app_reject_mutation()', t || '_append_only', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION app_reject_mutation()', t || '_no_truncate', t);
  END LOOP;
END
$$;

-- Each server process follows every tenant's active bundle hash. The platform role may read the
-- activation history of all tenants (hashes and versions only; the files stay tenant-scoped).
CREATE POLICY policy_activations_platform_lookup ON policy_activations FOR SELECT TO companyos_platform USING (true);
