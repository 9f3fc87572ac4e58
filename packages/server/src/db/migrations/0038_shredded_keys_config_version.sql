-- Who a pseudonym names is kept in memory per tenant under its configuration version
-- (identity/shown-actors.ts). Destroying a data key (a purge) is the one change to that, so it moves
-- the version and notifies every server, like a policy activation: no server shows a purged
-- person's id from memory once a request has seen the new version.
CREATE TRIGGER subject_data_keys_shredded_config_version AFTER UPDATE ON subject_data_keys FOR EACH ROW
  WHEN (OLD.shredded_at IS DISTINCT FROM NEW.shredded_at) EXECUTE FUNCTION app_config_changed();
