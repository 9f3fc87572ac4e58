-- Runbooks (Markdown documents per tenant, every save a new version) and incidents (opened by
-- hand or from an alert, moved open -> mitigated -> resolved, with a timeline of events).

CREATE TABLE runbooks (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  title text NOT NULL,
  current_version integer NOT NULL CHECK (current_version >= 1),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, slug)
);

-- Every saved version, never changed afterwards.
CREATE TABLE runbook_versions (
  tenant_id text NOT NULL,
  slug text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  title text NOT NULL,
  body text NOT NULL,
  message text,
  author text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, slug, version),
  FOREIGN KEY (tenant_id, slug) REFERENCES runbooks (tenant_id, slug)
);

CREATE TABLE incidents (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  incident_id uuid NOT NULL,
  title text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
  status text NOT NULL CHECK (status IN ('open', 'mitigated', 'resolved')),
  source text NOT NULL CHECK (source IN ('manual', 'alert')),
  -- The alert that opened it (name, labels, annotations), so a repeat of it joins this incident.
  alert jsonb,
  alert_key text,
  runbook_slug text,
  opened_by text NOT NULL,
  opened_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  resolved_at timestamptz,
  resolution text,
  PRIMARY KEY (tenant_id, incident_id),
  FOREIGN KEY (tenant_id, runbook_slug) REFERENCES runbooks (tenant_id, slug),
  CHECK ((status = 'resolved') = (resolution IS NOT NULL AND resolved_at IS NOT NULL))
);

CREATE INDEX incidents_alert ON incidents (tenant_id, alert_key) WHERE status <> 'resolved';

-- The timeline: one row per event (opening, notes, status changes, links, repeats of the alert).
CREATE TABLE incident_history (
  tenant_id text NOT NULL,
  incident_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq >= 0),
  at timestamptz NOT NULL,
  actor text NOT NULL,
  transition text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  rationale text,
  details jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, incident_id, seq),
  FOREIGN KEY (tenant_id, incident_id) REFERENCES incidents (tenant_id, incident_id)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['runbooks', 'runbook_versions', 'incidents', 'incident_history'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_tenant', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_platform USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_platform_tenant', t);
  END LOOP;
  GRANT SELECT, INSERT, UPDATE ON runbooks, incidents TO companyos_app, companyos_platform;
  GRANT SELECT, INSERT ON runbook_versions, incident_history TO companyos_app, companyos_platform;
  REVOKE UPDATE, DELETE, TRUNCATE ON runbook_versions, incident_history FROM companyos_app, companyos_platform;
END
$$;
CREATE TRIGGER runbook_versions_append_only BEFORE UPDATE OR DELETE ON runbook_versions FOR EACH ROW EXECUTE FUNCTION app_reject_mutation();
CREATE TRIGGER runbook_versions_no_truncate BEFORE TRUNCATE ON runbook_versions FOR EACH STATEMENT EXECUTE FUNCTION app_reject_mutation();
CREATE TRIGGER incident_history_append_only BEFORE UPDATE OR DELETE ON incident_history FOR EACH ROW EXECUTE FUNCTION app_reject_mutation();
CREATE TRIGGER incident_history_no_truncate BEFORE TRUNCATE ON incident_history FOR EACH STATEMENT EXECUTE FUNCTION app_reject_mutation();
