-- Durable jobs and audit exports.

-- A job is due when `due_at` has passed: for a queued job that is when it may (re)run, for a
-- running one when its lease expires (its process is presumed dead and the job is reclaimed).
CREATE TABLE jobs (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  job_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.]{0,63}$'),
  payload jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  idempotency_key text,
  due_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts integer NOT NULL CHECK (max_attempts > 0),
  lease_owner text,
  errors jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  finished_at timestamptz,
  PRIMARY KEY (tenant_id, job_id)
);
CREATE UNIQUE INDEX jobs_idempotency ON jobs (tenant_id, kind, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX jobs_due ON jobs (due_at) WHERE status IN ('queued', 'running');

-- One row per requested export; the pack itself is a file under the data dir.
CREATE TABLE audit_exports (
  tenant_id text NOT NULL,
  export_id uuid NOT NULL,
  job_id uuid NOT NULL,
  requested_by text NOT NULL,
  request_id text NOT NULL,
  created_at timestamptz NOT NULL,
  window_from timestamptz NOT NULL,
  window_to timestamptz NOT NULL,
  filters jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  progress jsonb NOT NULL DEFAULT '{}',
  checkpoint_size bigint,
  counts jsonb,
  pack_sha256 text CHECK (pack_sha256 ~ '^[0-9a-f]{64}$'),
  pack_size bigint,
  error text,
  finished_at timestamptz,
  PRIMARY KEY (tenant_id, export_id),
  FOREIGN KEY (tenant_id, job_id) REFERENCES jobs (tenant_id, job_id),
  CHECK (window_from < window_to)
);
CREATE INDEX audit_exports_recent ON audit_exports (tenant_id, created_at DESC);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['jobs', 'audit_exports'] LOOP
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

-- The runner finds due jobs of every tenant in platform scope (ids and times only are used);
-- claiming and running a job happen in that job's tenant context.
CREATE POLICY jobs_platform_scan ON jobs FOR SELECT TO companyos_platform USING (true);
