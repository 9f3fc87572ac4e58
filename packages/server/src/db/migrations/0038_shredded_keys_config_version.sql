-- Who a pseudonym names is kept in memory per tenant under its configuration version
-- (identity/shown-actors-cache.ts). Destroying a data key (a purge) is the one change to that, so
-- it moves the version and notifies every server, like a policy activation: no server shows a
-- purged person's id from memory once a request has seen the new version. Once per statement and
-- tenant, however many keys the statement destroys (a tenant purge destroys them all at once).
CREATE FUNCTION app_keys_destroyed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT DISTINCT n.tenant_id FROM keys_after n JOIN keys_before o ON o.tenant_id = n.tenant_id AND o.key_id = n.key_id
    WHERE o.shredded_at IS DISTINCT FROM n.shredded_at
  LOOP
    UPDATE tenants SET config_version = config_version + 1 WHERE tenant_id = t;
    PERFORM pg_notify('companyos_config', t);
  END LOOP;
  RETURN NULL;
END
$$;

CREATE TRIGGER subject_data_keys_destroyed_config_version AFTER UPDATE ON subject_data_keys
  REFERENCING OLD TABLE AS keys_before NEW TABLE AS keys_after FOR EACH STATEMENT EXECUTE FUNCTION app_keys_destroyed();
