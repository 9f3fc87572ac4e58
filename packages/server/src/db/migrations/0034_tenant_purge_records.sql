-- A whole-tenant purge (ADR 0029) deletes every mutable record of the tenant, not only its people
-- and graph: workflow requests, deals, incidents, runbooks, billing rows, settings, invitations,
-- webhook targets, jobs. The app role may delete those rows only once its tenant is purged.

CREATE FUNCTION app_delete_only_when_purged() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM tenants WHERE tenant_id = app_current_tenant() AND status = 'purged') THEN
    RAISE EXCEPTION '% rows are deleted only with their tenant, by a whole-tenant purge', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'portal_invitation_mail', 'portal_invitations', 'webhook_deliveries', 'invoice_webhooks', 'invoices', 'meter_readings',
    'meter_aggregation_state', 'plan_assignments', 'audit_exports', 'revops_contracts', 'revops_quotes', 'revops_opportunities',
    'revops_leads', 'revops_routing_rules', 'high_risk_requests', 'incidents', 'runbooks', 'purge_requests', 'flag_usage',
    'tenant_branding', 'jobs', 'kek_wrapping_keys'
  ] LOOP
    EXECUTE format('GRANT DELETE ON %I TO companyos_app', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION app_delete_only_when_purged()', t || '_delete_only_when_purged', t);
  END LOOP;
END
$$;

-- An append-only history outlives its request once the tenant is purged, so it can no longer
-- hold a foreign key to it. A constraint trigger keeps the half of the key that still holds: a
-- history row is written only for a request that exists (TG_ARGV: the request's table and id
-- column). Like the foreign key it replaces, it checks at the end of the statement, so a request
-- and its first history row may still be written by one statement.
CREATE FUNCTION app_history_of_existing() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  found boolean;
BEGIN
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I p WHERE p.tenant_id = ($1).tenant_id AND p.%I = ($1).%I)', TG_ARGV[0], TG_ARGV[1], TG_ARGV[1])
    INTO found USING NEW;
  IF NOT found THEN
    RAISE EXCEPTION 'insert into % violates foreign key: no such row of %', TG_TABLE_NAME, TG_ARGV[0] USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$$;

ALTER TABLE high_risk_history DROP CONSTRAINT high_risk_history_tenant_id_request_id_fkey;
CREATE CONSTRAINT TRIGGER high_risk_history_of_request AFTER INSERT ON high_risk_history FOR EACH ROW EXECUTE FUNCTION app_history_of_existing('high_risk_requests', 'request_id');
ALTER TABLE revops_quote_history DROP CONSTRAINT revops_quote_history_tenant_id_quote_id_fkey;
CREATE CONSTRAINT TRIGGER revops_quote_history_of_quote AFTER INSERT ON revops_quote_history FOR EACH ROW EXECUTE FUNCTION app_history_of_existing('revops_quotes', 'quote_id');
ALTER TABLE incident_history DROP CONSTRAINT incident_history_tenant_id_incident_id_fkey;
CREATE CONSTRAINT TRIGGER incident_history_of_incident AFTER INSERT ON incident_history FOR EACH ROW EXECUTE FUNCTION app_history_of_existing('incidents', 'incident_id');
ALTER TABLE purge_history DROP CONSTRAINT purge_history_tenant_id_purge_id_fkey;
CREATE CONSTRAINT TRIGGER purge_history_of_request AFTER INSERT ON purge_history FOR EACH ROW EXECUTE FUNCTION app_history_of_existing('purge_requests', 'purge_id');
ALTER TABLE runbook_versions DROP CONSTRAINT runbook_versions_tenant_id_slug_fkey;
CREATE CONSTRAINT TRIGGER runbook_versions_of_runbook AFTER INSERT ON runbook_versions FOR EACH ROW EXECUTE FUNCTION app_history_of_existing('runbooks', 'slug');
