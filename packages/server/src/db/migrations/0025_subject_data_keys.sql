-- Data keys for crypto-shredding (ADR 0025): one live AES-256 key per tenant and subject (subject
-- '*' is the tenant-wide key), wrapped by the key provider. Personal fields of append-only records
-- are sealed under these keys; a purge destroys a key by clearing its wrapped form. The row stays,
-- so a subject id that returns gets a new key and never revives what the old one sealed.

CREATE TABLE subject_data_keys (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  key_id uuid NOT NULL,
  subject_id text NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 300),
  wrapped_key bytea,
  created_at timestamptz NOT NULL,
  shredded_at timestamptz,
  -- The purge that destroyed the key, shown where its content used to be.
  purge_id uuid,
  PRIMARY KEY (tenant_id, key_id),
  CHECK ((wrapped_key IS NULL) = (shredded_at IS NOT NULL)),
  CHECK (shredded_at IS NOT NULL OR purge_id IS NULL)
);
CREATE UNIQUE INDEX subject_data_keys_live ON subject_data_keys (tenant_id, subject_id) WHERE shredded_at IS NULL;

-- The one change allowed: destroying a live key.
CREATE OR REPLACE FUNCTION app_shred_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR OLD.shredded_at IS NOT NULL OR NEW.shredded_at IS NULL OR NEW.wrapped_key IS NOT NULL
     OR NEW.tenant_id <> OLD.tenant_id OR NEW.key_id <> OLD.key_id OR NEW.subject_id <> OLD.subject_id OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION '% rows can only be shredded', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER subject_data_keys_shred_only BEFORE UPDATE OR DELETE ON subject_data_keys FOR EACH ROW EXECUTE FUNCTION app_shred_only();
CREATE TRIGGER subject_data_keys_no_truncate BEFORE TRUNCATE ON subject_data_keys FOR EACH STATEMENT EXECUTE FUNCTION app_reject_mutation();

ALTER TABLE subject_data_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE subject_data_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY subject_data_keys_tenant ON subject_data_keys TO companyos_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
CREATE POLICY subject_data_keys_platform_tenant ON subject_data_keys TO companyos_platform USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON subject_data_keys TO companyos_app, companyos_platform;
