-- Partner cohort onboarding: each step of onboarding a tenant is an event of that tenant, so a
-- re-run skips what is done and the cohort's progress is read from the events.
CREATE TABLE onboarding_events (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  event_id uuid NOT NULL,
  cohort text NOT NULL CHECK (cohort ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  step text NOT NULL CHECK (step IN ('tenant', 'admin', 'template', 'webhook', 'evidence')),
  -- pending: started and waited on (the first evidence pack being written).
  outcome text NOT NULL CHECK (outcome IN ('done', 'failed', 'pending')),
  detail jsonb NOT NULL DEFAULT '{}',
  duration_ms integer NOT NULL CHECK (duration_ms >= 0),
  occurred_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, event_id)
);
-- A step is done once.
CREATE UNIQUE INDEX onboarding_events_done ON onboarding_events (tenant_id, step) WHERE outcome = 'done';
CREATE INDEX onboarding_events_by_cohort ON onboarding_events (cohort, tenant_id);

ALTER TABLE onboarding_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE onboarding_events FORCE ROW LEVEL SECURITY;
CREATE POLICY onboarding_events_tenant ON onboarding_events TO companyos_app
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
CREATE POLICY onboarding_events_platform_tenant ON onboarding_events TO companyos_platform
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
-- The cohort dashboard reads every tenant's steps, outcomes and timings in platform scope.
CREATE POLICY onboarding_events_platform_scan ON onboarding_events FOR SELECT TO companyos_platform USING (true);
GRANT SELECT, INSERT ON onboarding_events TO companyos_app, companyos_platform;
