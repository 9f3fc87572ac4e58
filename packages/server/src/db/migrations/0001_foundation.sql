-- Foundation: roles, the tenant guard, tenants, identity, audit, receipts and usage.

-- Roles are cluster-wide on PostgreSQL, so several databases may race to create them.
DO $$
BEGIN
  BEGIN
    CREATE ROLE companyos_app NOLOGIN NOBYPASSRLS;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  BEGIN
    CREATE ROLE companyos_platform NOLOGIN NOBYPASSRLS;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  -- A non-superuser owner must be a member to SET ROLE into them.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT companyos_app, companyos_platform TO %I', current_user);
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO companyos_app, companyos_platform;

-- Every tenant policy calls this. It raises instead of returning NULL/'' because a session that
-- once set app.tenant_id keeps it defined as '' afterwards, which would silently match no rows.
CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
  t text := current_setting('app.tenant_id', true);
BEGIN
  IF t IS NULL OR t = '' THEN
    RAISE EXCEPTION 'no tenant in context' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN t;
END
$$;

CREATE OR REPLACE FUNCTION app_reject_mutation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Platform scope: the tenant registry. A tenant may read (and edit its settings in) its own row;
-- only the platform role creates tenants or changes their status.
CREATE TABLE tenants (
  tenant_id text PRIMARY KEY CHECK (tenant_id ~ '^[a-z][a-z0-9-]{1,62}$'),
  display_name text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  data_region text NOT NULL,
  config jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenants_platform ON tenants TO companyos_platform USING (true) WITH CHECK (true);
CREATE POLICY tenants_self_read ON tenants FOR SELECT TO companyos_app USING (tenant_id = app_current_tenant());
CREATE POLICY tenants_self_update ON tenants FOR UPDATE TO companyos_app
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON tenants TO companyos_platform;
GRANT SELECT ON tenants TO companyos_app;
GRANT UPDATE (display_name, data_region, config, updated_at) ON tenants TO companyos_app;

CREATE TABLE subjects (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  subject_id text NOT NULL CHECK (subject_id ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$'),
  display_name text NOT NULL,
  roles text[] NOT NULL DEFAULT '{}',
  attributes jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, subject_id)
);

CREATE TABLE api_keys (
  tenant_id text NOT NULL,
  key_id text NOT NULL,
  subject_id text NOT NULL,
  name text NOT NULL,
  secret_sha256 text NOT NULL,
  roles text[] NOT NULL,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz,
  PRIMARY KEY (tenant_id, key_id),
  FOREIGN KEY (tenant_id, subject_id) REFERENCES subjects (tenant_id, subject_id)
);
-- Key ids are globally unique so a presented key can be resolved before its tenant is known.
CREATE UNIQUE INDEX api_keys_key_id ON api_keys (key_id);

CREATE TABLE audit_events (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  event_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  type text NOT NULL,
  actor text,
  action text,
  target text,
  decision text,
  reasons jsonb NOT NULL DEFAULT '[]',
  request_id text,
  details jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, event_id)
);
CREATE INDEX audit_events_by_time ON audit_events (tenant_id, occurred_at);

CREATE TABLE receipts (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  receipt_id uuid NOT NULL,
  issued_at timestamptz NOT NULL,
  action text NOT NULL,
  actor text NOT NULL,
  target text,
  body jsonb NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  PRIMARY KEY (tenant_id, receipt_id)
);

CREATE TABLE usage_events (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  event_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  action text NOT NULL,
  quota text,
  PRIMARY KEY (tenant_id, event_id)
);
CREATE INDEX usage_events_by_quota ON usage_events (tenant_id, quota, occurred_at);

-- Row-level security on every tenant table, for both the app and the platform role.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['subjects', 'api_keys', 'audit_events', 'receipts', 'usage_events'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_tenant', t);
    IF t <> 'api_keys' THEN
      EXECUTE format(
        'CREATE POLICY %I ON %I TO companyos_platform USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
        t || '_platform_tenant', t);
    END IF;
  END LOOP;
  FOREACH t IN ARRAY ARRAY['audit_events', 'receipts', 'usage_events'] LOOP
    EXECUTE format('GRANT SELECT, INSERT ON %I TO companyos_app, companyos_platform', t);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM companyos_app, companyos_platform', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION app_reject_mutation()', t || '_append_only', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION app_reject_mutation()', t || '_no_truncate', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON subjects, api_keys TO companyos_app;
GRANT SELECT, INSERT, UPDATE ON subjects TO companyos_platform;
-- Presented API keys are resolved in platform scope, before the tenant is known: read-only there.
GRANT SELECT ON api_keys TO companyos_platform;
CREATE POLICY api_keys_platform_lookup ON api_keys FOR SELECT TO companyos_platform USING (true);
