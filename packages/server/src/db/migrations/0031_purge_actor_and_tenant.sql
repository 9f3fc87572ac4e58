-- A person acts in receipts and audit events under a pseudonym: the id of their live data key
-- (ADR 0029). The key's row is the one link from that id to the person, so destroying a key also
-- replaces its subject id with '[purged]' (done here, whoever destroys it); nothing else about a
-- key row may change.

CREATE OR REPLACE FUNCTION app_shred_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR OLD.shredded_at IS NOT NULL OR NEW.shredded_at IS NULL OR NEW.wrapped_key IS NOT NULL
     OR NEW.tenant_id <> OLD.tenant_id OR NEW.key_id <> OLD.key_id OR NEW.subject_id <> OLD.subject_id OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION '% rows can only be shredded', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  NEW.subject_id := '[purged]';
  RETURN NEW;
END
$$;

-- Keys destroyed before this migration lose their link too.
ALTER TABLE subject_data_keys DISABLE TRIGGER subject_data_keys_shred_only;
UPDATE subject_data_keys SET subject_id = '[purged]' WHERE shredded_at IS NOT NULL;
ALTER TABLE subject_data_keys ENABLE TRIGGER subject_data_keys_shred_only;

-- A whole-tenant purge (ADR 0029) is a purge request of scope 'tenant'; the tenant it ran on ends
-- 'purged': refused like a disabled one, never enabled again, and its row stays so that its id is
-- never given to another tenant.
ALTER TABLE purge_requests DROP CONSTRAINT purge_requests_scope_check;
ALTER TABLE purge_requests ADD CONSTRAINT purge_requests_scope_check CHECK (scope IN ('subject', 'entity', 'tenant'));
ALTER TABLE tenants DROP CONSTRAINT tenants_status_check;
ALTER TABLE tenants ADD CONSTRAINT tenants_status_check CHECK (status IN ('active', 'disabled', 'purged'));

CREATE FUNCTION app_purged_stays_purged() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'purged' AND NEW.status <> 'purged' THEN
    RAISE EXCEPTION 'tenant % was purged', OLD.tenant_id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER tenants_purged_stays_purged BEFORE UPDATE ON tenants FOR EACH ROW EXECUTE FUNCTION app_purged_stays_purged();
