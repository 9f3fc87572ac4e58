-- FinOps: usage events with meters and idempotency keys, daily meter readings, plan assignments,
-- rated usage and invoices, invoice webhooks with their deliveries, and attributed cost.

-- Usage events gain a meter, a quantity, an idempotency key (one event per key and tenant, so a
-- retried write is never counted twice), the acting subject, where the event came from, free
-- properties, and when it was recorded (a late event re-opens the day it belongs to).
ALTER TABLE usage_events ADD COLUMN meter text NOT NULL DEFAULT 'api_request' CHECK (meter ~ '^[a-z][a-z0-9_]{0,62}$');
ALTER TABLE usage_events ADD COLUMN quantity bigint NOT NULL DEFAULT 1 CHECK (quantity >= 0);
-- Rows without a key (written before this migration) get one of their own.
ALTER TABLE usage_events ADD COLUMN idempotency_key text NOT NULL DEFAULT ('event:' || gen_random_uuid()::text)
  CHECK (length(idempotency_key) BETWEEN 1 AND 300);
ALTER TABLE usage_events ADD COLUMN subject text;
ALTER TABLE usage_events ADD COLUMN source text NOT NULL DEFAULT 'pipeline';
ALTER TABLE usage_events ADD COLUMN properties jsonb NOT NULL DEFAULT '{}';
ALTER TABLE usage_events ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now();
CREATE UNIQUE INDEX usage_events_idempotency ON usage_events (tenant_id, idempotency_key);
CREATE INDEX usage_events_by_recording ON usage_events (tenant_id, recorded_at);
CREATE INDEX usage_events_by_meter ON usage_events (tenant_id, meter, occurred_at);

-- One reading per tenant, meter and UTC day: the sum of that day's events, recomputed whole
-- whenever an event of the day is recorded after the last aggregation.
CREATE TABLE meter_readings (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  meter text NOT NULL,
  day date NOT NULL,
  quantity bigint NOT NULL CHECK (quantity >= 0),
  events bigint NOT NULL CHECK (events >= 0),
  aggregated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, meter, day)
);

-- How far aggregation has read the tenant's usage events (by recording time).
CREATE TABLE meter_aggregation_state (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  watermark timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id)
);

-- The plan (a versioned document of the plan catalog) a tenant is on from a day on.
CREATE TABLE plan_assignments (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  effective_from date NOT NULL,
  plan_id text NOT NULL,
  plan_version integer NOT NULL CHECK (plan_version > 0),
  -- An internal tenant pays the plan's internal base fee.
  internal boolean NOT NULL DEFAULT false,
  assigned_by text NOT NULL,
  assigned_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, effective_from)
);

-- One invoice per tenant and month. A draft is re-rated in place; a finalised one never changes.
CREATE TABLE invoices (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  invoice_id uuid NOT NULL,
  number text NOT NULL,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  status text NOT NULL CHECK (status IN ('draft', 'finalized')),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  subtotal bigint NOT NULL,
  tax bigint NOT NULL,
  total bigint NOT NULL,
  document jsonb NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  rated_at timestamptz NOT NULL,
  finalized_at timestamptz,
  receipt_id uuid,
  PRIMARY KEY (tenant_id, invoice_id),
  CHECK (total = subtotal + tax)
);
CREATE UNIQUE INDEX invoices_period ON invoices (tenant_id, period);
CREATE UNIQUE INDEX invoices_number ON invoices (tenant_id, number);

-- The priced lines behind an invoice, rewritten with it while it is a draft.
CREATE TABLE rated_usage (
  tenant_id text NOT NULL,
  invoice_id uuid NOT NULL,
  line_no integer NOT NULL CHECK (line_no > 0),
  kind text NOT NULL CHECK (kind IN ('base_fee', 'usage', 'minimum')),
  meter text,
  plan_id text NOT NULL,
  plan_version integer NOT NULL,
  segment_from date NOT NULL,
  segment_to date NOT NULL,
  quantity bigint NOT NULL CHECK (quantity >= 0),
  billable bigint NOT NULL CHECK (billable >= 0),
  amount bigint NOT NULL CHECK (amount >= 0),
  description text NOT NULL,
  PRIMARY KEY (tenant_id, invoice_id, line_no),
  FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, invoice_id)
);

-- Where a tenant wants its finalised invoices POSTed; the HMAC key is stored wrapped.
CREATE TABLE invoice_webhooks (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  webhook_id uuid NOT NULL,
  url text NOT NULL CHECK (url ~ '^https?://'),
  secret_wrapped text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  disabled_at timestamptz,
  PRIMARY KEY (tenant_id, webhook_id)
);

-- One delivery per webhook and invoice; `dead` once its job has used up its attempts.
CREATE TABLE webhook_deliveries (
  tenant_id text NOT NULL,
  delivery_id uuid NOT NULL,
  webhook_id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  job_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  last_status integer,
  last_error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, delivery_id),
  FOREIGN KEY (tenant_id, webhook_id) REFERENCES invoice_webhooks (tenant_id, webhook_id),
  FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, invoice_id),
  FOREIGN KEY (tenant_id, job_id) REFERENCES jobs (tenant_id, job_id)
);
CREATE UNIQUE INDEX webhook_deliveries_once ON webhook_deliveries (tenant_id, webhook_id, invoice_id);

-- Infrastructure cost attributed to a tenant: one row per cost line of an imported bill and the
-- usage key that split it. Written by a platform operator's import into each tenant's rows.
CREATE TABLE cost_allocations (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  service text NOT NULL,
  import_id uuid NOT NULL,
  driver text NOT NULL,
  share numeric NOT NULL CHECK (share >= 0 AND share <= 1),
  amount bigint NOT NULL CHECK (amount >= 0),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, period, service)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['meter_readings', 'meter_aggregation_state', 'plan_assignments', 'invoices', 'rated_usage', 'invoice_webhooks', 'webhook_deliveries', 'cost_allocations'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_tenant', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_platform USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_platform_tenant', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO companyos_app, companyos_platform', t);
  END LOOP;
END
$$;
GRANT DELETE ON rated_usage, cost_allocations TO companyos_app, companyos_platform;
