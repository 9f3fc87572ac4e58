-- Feature flags (per-tenant settings, their history, last evaluation) and tenant branding.

-- A tenant's runtime setting of a flag; replaces the seeded per-tenant override while it exists.
CREATE TABLE flag_settings (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  flag_id text NOT NULL CHECK (flag_id ~ '^[a-z][a-z0-9_.-]{0,63}$'),
  setting jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  PRIMARY KEY (tenant_id, flag_id)
);

-- Every change of a flag setting, append-only: `before` is what a one-step revert restores.
CREATE TABLE flag_changes (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  change_id uuid NOT NULL,
  flag_id text NOT NULL,
  changed_at timestamptz NOT NULL,
  actor text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('set', 'clear', 'revert', 'import')),
  before jsonb,
  after jsonb,
  request_id text,
  PRIMARY KEY (tenant_id, change_id)
);
CREATE INDEX flag_changes_by_flag ON flag_changes (tenant_id, flag_id, changed_at);

-- When a flag was last evaluated for the tenant (written at most hourly per process), for hygiene.
CREATE TABLE flag_usage (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  flag_id text NOT NULL,
  last_evaluated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, flag_id)
);

-- White-label branding; the logo is either uploaded (bytes here) or a URL.
CREATE TABLE tenant_branding (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  product_name text NOT NULL,
  colors jsonb NOT NULL,
  logo_url text,
  logo_type text,
  logo bytea,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id),
  CHECK ((logo IS NULL) = (logo_type IS NULL)),
  CHECK (logo IS NULL OR logo_url IS NULL)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['flag_settings', 'flag_changes', 'flag_usage', 'tenant_branding'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_tenant', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON flag_settings TO companyos_app;
GRANT SELECT, INSERT, UPDATE ON flag_usage, tenant_branding TO companyos_app;
GRANT SELECT, INSERT ON flag_changes TO companyos_app;
REVOKE UPDATE, DELETE, TRUNCATE ON flag_changes FROM companyos_app, companyos_platform;
CREATE TRIGGER flag_changes_append_only BEFORE UPDATE OR DELETE ON flag_changes FOR EACH ROW EXECUTE FUNCTION app_reject_mutation();
CREATE TRIGGER flag_changes_no_truncate BEFORE TRUNCATE ON flag_changes FOR EACH STATEMENT EXECUTE FUNCTION app_reject_mutation();
