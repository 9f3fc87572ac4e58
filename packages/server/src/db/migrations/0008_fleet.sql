-- Several server processes on one database: a per-tenant configuration version with change
-- notifications, ledger integrator leases, and blobs stored in the database.

-- A tenant's configuration version moves on every change a server keeps in memory (its active
-- policy bundle, flag settings, branding) and on every change of its status or
-- settings. Each change also sends NOTIFY companyos_config '<tenant>' (delivered on commit); the
-- version is read with the tenant row at the start of every governed request, so a server that
-- missed the notification still catches up before it decides.
ALTER TABLE tenants ADD COLUMN config_version bigint NOT NULL DEFAULT 0;
GRANT UPDATE (config_version) ON tenants TO companyos_app;

CREATE OR REPLACE FUNCTION app_config_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  t text := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
BEGIN
  UPDATE tenants SET config_version = config_version + 1 WHERE tenant_id = t;
  PERFORM pg_notify('companyos_config', t);
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION app_tenant_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.status, NEW.config, NEW.display_name, NEW.data_region) IS DISTINCT FROM (OLD.status, OLD.config, OLD.display_name, OLD.data_region) THEN
    NEW.config_version := OLD.config_version + 1;
    PERFORM pg_notify('companyos_config', NEW.tenant_id);
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER tenants_config_version BEFORE UPDATE ON tenants FOR EACH ROW EXECUTE FUNCTION app_tenant_changed();
CREATE TRIGGER policy_activations_config_version AFTER INSERT ON policy_activations FOR EACH ROW EXECUTE FUNCTION app_config_changed();
CREATE TRIGGER flag_settings_config_version AFTER INSERT OR UPDATE OR DELETE ON flag_settings FOR EACH ROW EXECUTE FUNCTION app_config_changed();
CREATE TRIGGER tenant_branding_config_version AFTER INSERT OR UPDATE ON tenant_branding FOR EACH ROW EXECUTE FUNCTION app_config_changed();

-- One integrator per tenant across the fleet. The holder renews its lease in every integration
-- transaction (which locks this row first, so integrations never overlap); another server takes
-- over only once the lease has expired, and doing so raises the fencing token, which tells a
-- paused former holder that its lease (and anything it cached) is gone. Times are the database's.
CREATE TABLE ledger_leases (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  holder text NOT NULL,
  fencing_token bigint NOT NULL CHECK (fencing_token > 0),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id)
);

-- Blobs (evidence packs, ...) shared by every server: written in chunks, each in a short
-- transaction of its own, so a large pack never sits whole in memory or holds a connection; a
-- blob becomes readable under its key only when its last chunk is written and it is marked stored.
CREATE TABLE blobs (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  blob_id uuid NOT NULL,
  key text NOT NULL CHECK (key ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,255}$'),
  media_type text NOT NULL,
  status text NOT NULL CHECK (status IN ('writing', 'stored')),
  size bigint CHECK (size >= 0),
  sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  chunks integer CHECK (chunks >= 0),
  created_at timestamptz NOT NULL,
  stored_at timestamptz,
  PRIMARY KEY (tenant_id, blob_id),
  CHECK ((status = 'stored') = (sha256 IS NOT NULL AND size IS NOT NULL AND chunks IS NOT NULL AND stored_at IS NOT NULL))
);
CREATE UNIQUE INDEX blobs_stored_key ON blobs (tenant_id, key) WHERE status = 'stored';

CREATE TABLE blob_chunks (
  tenant_id text NOT NULL,
  blob_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq >= 0),
  data bytea NOT NULL,
  PRIMARY KEY (tenant_id, blob_id, seq),
  FOREIGN KEY (tenant_id, blob_id) REFERENCES blobs (tenant_id, blob_id) ON DELETE CASCADE
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['ledger_leases', 'blobs', 'blob_chunks'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_tenant', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_platform USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_platform_tenant', t);
  END LOOP;
END
$$;
GRANT SELECT, INSERT, UPDATE ON ledger_leases TO companyos_app, companyos_platform;
-- Every server looks for leases whose holder died with work left (tenant ids and times only).
CREATE POLICY ledger_leases_platform_scan ON ledger_leases FOR SELECT TO companyos_platform USING (true);
-- Replaced and abandoned blobs are deleted (their chunks with them); nothing else is.
GRANT SELECT, INSERT, UPDATE, DELETE ON blobs, blob_chunks TO companyos_app, companyos_platform;

-- API key ids are random (80 bits) and resolved before the tenant is known. A unique index on the
-- id alone cannot exist on a table distributed by tenant_id; the (tenant_id, key_id) primary key
-- stays, and resolving compares the secret of every row with the presented id.
DROP INDEX api_keys_key_id;
CREATE INDEX api_keys_by_key_id ON api_keys (key_id);
