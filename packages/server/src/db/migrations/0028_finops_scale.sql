-- Usage events are written far more often than they are read, so they keep only the indexes a
-- query needs (ADR 0024):
--   primary key (tenant_id, event_id)        the event's identity
--   usage_events_idempotency                 one event per key and tenant (ON CONFLICT DO NOTHING)
--   usage_events_by_recording                aggregation: the days touched since its watermark
--   usage_events_by_occurrence               aggregation, listing and the invoice pack: a period's events
--   usage_events_by_quota (partial)          quota checks; only governed actions carry a quota
-- The meter index is replaced by the occurrence index (no query needs the meter leading), and the
-- quota index leaves out the bulk of events (decisions, reported usage), which have no quota.
DROP INDEX usage_events_by_meter;
CREATE INDEX usage_events_by_occurrence ON usage_events (tenant_id, occurred_at);
DROP INDEX usage_events_by_quota;
CREATE INDEX usage_events_by_quota ON usage_events (tenant_id, quota, occurred_at) WHERE quota IS NOT NULL;

-- Rating many tenants' months in one transaction (finops/rate-tenants.ts): the platform role may
-- reach the billing rows of the tenants a transaction names in `app.tenant_batch` (a comma-
-- separated list, set only by withTenantBatch), and no others. Every other table, and the app
-- role everywhere, still see only `app.tenant_id`.
CREATE FUNCTION app_tenant_batch() RETURNS text[]
LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_to_array(nullif(current_setting('app.tenant_batch', true), ''), ','), '{}')
$$;
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['meter_readings', 'plan_assignments', 'invoices', 'rated_usage'] LOOP
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_platform USING (tenant_id = ANY (app_tenant_batch())) WITH CHECK (tenant_id = ANY (app_tenant_batch()))',
      t || '_platform_batch', t);
  END LOOP;
END
$$;
