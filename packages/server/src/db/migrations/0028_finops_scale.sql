-- Usage events are written far more often than they are read, so they keep only the indexes a
-- query needs (ADR 0024):
--   primary key (tenant_id, idempotency_key)  one event per key and tenant (ON CONFLICT DO NOTHING)
--   usage_events_by_recording                 aggregation: the events recorded since its watermark
--   usage_events_by_occurrence                aggregation, listing and the invoice pack: a period's events
--   usage_events_by_quota (partial)           quota checks; only governed actions carry a quota
-- No query looks an event up by its id, so the idempotency key becomes the primary key (one index
-- fewer; event ids stay UUIDv7s made unique by their random bits). No query needs the meter
-- leading an index, so the meter index becomes the occurrence index. The quota index leaves out
-- the bulk of events (decisions, reported usage), which carry no quota.
ALTER TABLE usage_events DROP CONSTRAINT usage_events_pkey;
ALTER TABLE usage_events ADD CONSTRAINT usage_events_pkey PRIMARY KEY USING INDEX usage_events_idempotency;
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
