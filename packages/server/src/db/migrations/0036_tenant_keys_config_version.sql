-- A tenant's signing keys join the configuration a server keeps in memory: the public key set it
-- serves with receipts is cached per tenant (keys/tenant-keys.ts), so a key created, rotated or
-- retired moves the configuration version and notifies every server, like a policy activation.
CREATE TRIGGER tenant_keys_config_version AFTER INSERT OR UPDATE ON tenant_keys FOR EACH ROW EXECUTE FUNCTION app_config_changed();
