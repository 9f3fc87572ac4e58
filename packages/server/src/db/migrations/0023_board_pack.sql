-- The board pack: service samples (the stored request counts and latencies that uptime and API
-- p95 are computed from) and the record of every board pack generated.

-- Each server sums the governed requests it answered per tenant over a window and writes one row
-- when the window closes. Latency is kept as a histogram: bucket_counts[i] requests took at most
-- bucket_bounds_ms[i] (and more than the bound before); the one extra last count is the slower rest.
CREATE TABLE service_samples (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  sample_id uuid NOT NULL,
  instance_id text NOT NULL,
  window_from timestamptz NOT NULL,
  window_to timestamptz NOT NULL CHECK (window_to > window_from),
  requests bigint NOT NULL CHECK (requests >= 0),
  errors bigint NOT NULL CHECK (errors >= 0 AND errors <= requests),
  bucket_bounds_ms double precision[] NOT NULL,
  bucket_counts bigint[] NOT NULL CHECK (cardinality(bucket_counts) = cardinality(bucket_bounds_ms) + 1),
  PRIMARY KEY (tenant_id, sample_id)
);
CREATE INDEX service_samples_by_window ON service_samples (tenant_id, window_from);

-- A board pack as generated: its period, the PDF's SHA-256, the digests of the inputs it was
-- computed from, and how long it took. Written in the operator's tenant with the receipt.
CREATE TABLE board_packs (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  pack_id uuid NOT NULL,
  period text NOT NULL,
  period_from timestamptz NOT NULL,
  period_to timestamptz NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  inputs jsonb NOT NULL,
  duration_ms integer NOT NULL CHECK (duration_ms >= 0),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, pack_id)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['service_samples', 'board_packs'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_tenant', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_platform USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_platform_tenant', t);
    -- Both are written once and never changed.
    EXECUTE format('GRANT SELECT, INSERT ON %I TO companyos_app, companyos_platform', t);
  END LOOP;
END
$$;
