-- Tenant-held key-encryption keys (ADR 0030). A tenant imports its own AES-256 KEK wrapped to a
-- one-time RSA-OAEP wrapping key the server publishes; its data keys (subject_data_keys) are then
-- wrapped under that KEK, which the server keeps wrapped by the platform key provider. Rotation
-- re-wraps every live data key under the new version and erases the old one; revocation erases the
-- active one, after which the tenant's data keys cannot be unwrapped. Rows are never deleted.

CREATE TABLE kek_wrapping_keys (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  wrapping_key_id uuid NOT NULL,
  public_key_pem text NOT NULL,
  -- PKCS#8 of the RSA private key, wrapped by the platform key provider; erased once used or expired.
  wrapped_private_key bytea,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (tenant_id, wrapping_key_id),
  CHECK (expires_at > created_at),
  CHECK (used_at IS NULL OR wrapped_private_key IS NULL)
);

CREATE TABLE tenant_keks (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  version integer NOT NULL CHECK (version > 0),
  -- The KEK wrapped by the platform key provider while active; NULL once retired or revoked.
  wrapped_kek bytea,
  -- The first 16 hex digits of the KEK's SHA-256, for the tenant to check what it imported.
  fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{16}$'),
  status text NOT NULL CHECK (status IN ('active', 'retired', 'revoked')),
  imported_by text NOT NULL,
  imported_at timestamptz NOT NULL,
  retired_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (tenant_id, version),
  CHECK ((wrapped_kek IS NOT NULL) = (status = 'active')),
  CHECK ((retired_at IS NOT NULL) = (status = 'retired')),
  CHECK ((revoked_at IS NOT NULL) = (status = 'revoked'))
);
CREATE UNIQUE INDEX tenant_keks_active ON tenant_keks (tenant_id) WHERE status = 'active';

-- Which KEK wraps a data key: NULL for the platform key provider.
ALTER TABLE subject_data_keys ADD COLUMN kek_version integer;
ALTER TABLE subject_data_keys ADD CONSTRAINT subject_data_keys_kek FOREIGN KEY (tenant_id, kek_version) REFERENCES tenant_keks (tenant_id, version);

-- Besides destroying a live key (which unlinks its pseudonym from the person, as 0031 made it), a
-- live key may be re-wrapped under a newer KEK version.
CREATE OR REPLACE FUNCTION app_shred_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.tenant_id = OLD.tenant_id AND NEW.key_id = OLD.key_id AND NEW.subject_id = OLD.subject_id AND NEW.created_at = OLD.created_at THEN
    IF OLD.shredded_at IS NULL AND NEW.shredded_at IS NOT NULL AND NEW.wrapped_key IS NULL THEN
      NEW.subject_id := '[purged]';
      RETURN NEW;
    END IF;
    IF OLD.shredded_at IS NULL AND NEW.shredded_at IS NULL AND NEW.wrapped_key IS NOT NULL
       AND NEW.kek_version IS NOT NULL AND NEW.kek_version IS DISTINCT FROM OLD.kek_version THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION '% rows can only be shredded, or re-wrapped under a new key-encryption key', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;

-- KEK rows only move forward: active → retired or revoked, the material erased on the way.
CREATE OR REPLACE FUNCTION app_kek_forward_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR OLD.status <> 'active' OR NEW.status = 'active' OR NEW.wrapped_kek IS NOT NULL
     OR NEW.tenant_id <> OLD.tenant_id OR NEW.version <> OLD.version OR NEW.fingerprint <> OLD.fingerprint
     OR NEW.imported_by <> OLD.imported_by OR NEW.imported_at <> OLD.imported_at THEN
    RAISE EXCEPTION 'tenant_keks rows can only be retired or revoked' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER tenant_keks_forward_only BEFORE UPDATE OR DELETE ON tenant_keks FOR EACH ROW EXECUTE FUNCTION app_kek_forward_only();
CREATE TRIGGER tenant_keks_no_truncate BEFORE TRUNCATE ON tenant_keks FOR EACH STATEMENT EXECUTE FUNCTION app_reject_mutation();

ALTER TABLE kek_wrapping_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE kek_wrapping_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY kek_wrapping_keys_tenant ON kek_wrapping_keys TO companyos_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
CREATE POLICY kek_wrapping_keys_platform_tenant ON kek_wrapping_keys TO companyos_platform USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON kek_wrapping_keys TO companyos_app, companyos_platform;

ALTER TABLE tenant_keks ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_keks FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_keks_tenant ON tenant_keks TO companyos_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
CREATE POLICY tenant_keks_platform_tenant ON tenant_keks TO companyos_platform USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON tenant_keks TO companyos_app, companyos_platform;
