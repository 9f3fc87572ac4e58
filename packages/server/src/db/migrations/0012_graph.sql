-- The entity graph: tenant-defined types, entities and the relationships between them, and the
-- backfill of the domain objects that existed before the graph did.

-- A tenant's own entity and relationship types; the built-in ones live in the server's code.
-- `schema` is the JSON Schema an entity's (or relationship's) properties must satisfy.
CREATE TABLE graph_types (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  kind text NOT NULL CHECK (kind IN ('entity', 'relationship')),
  type_name text NOT NULL CHECK (type_name ~ '^[A-Z][A-Za-z0-9_]{0,63}$'),
  description text NOT NULL DEFAULT '',
  schema jsonb NOT NULL CHECK (jsonb_typeof(schema) = 'object'),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, kind, type_name)
);

-- Ids of mirrored domain objects are their audit names (`subject:alice`, `receipt:<uuid>`), so a
-- receipt's target is also the id of the entity it concerns; entities made through the API get a
-- UUIDv7. `source` names the domain that owns a mirrored entity ('api' for the graph's own).
CREATE TABLE entities (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  entity_id text NOT NULL CHECK (entity_id ~ '^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$'),
  type text NOT NULL CHECK (type ~ '^[A-Z][A-Za-z0-9_]{0,63}$'),
  properties jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(properties) = 'object'),
  owner text,
  source text NOT NULL DEFAULT 'api',
  -- The client's idempotency key of the create (or batch item) that made it.
  client_key text CHECK (length(client_key) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, entity_id)
);
CREATE INDEX entities_by_type ON entities (tenant_id, type, entity_id);
CREATE UNIQUE INDEX entities_client_key ON entities (tenant_id, client_key) WHERE client_key IS NOT NULL;
CREATE INDEX entities_properties ON entities USING gin (properties jsonb_path_ops);

-- Both ends are entities of the relationship's own tenant: the foreign keys carry tenant_id, so
-- the database refuses an edge between two tenants. Deleting an entity deletes its edges.
CREATE TABLE relationships (
  tenant_id text NOT NULL,
  relationship_id uuid NOT NULL,
  from_id text NOT NULL,
  to_id text NOT NULL,
  type text NOT NULL CHECK (type ~ '^[A-Z][A-Z0-9_]{0,63}$'),
  properties jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(properties) = 'object'),
  source text NOT NULL DEFAULT 'api',
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, relationship_id),
  UNIQUE (tenant_id, from_id, type, to_id),
  FOREIGN KEY (tenant_id, from_id) REFERENCES entities (tenant_id, entity_id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, to_id) REFERENCES entities (tenant_id, entity_id) ON DELETE CASCADE
);
CREATE INDEX relationships_inbound ON relationships (tenant_id, to_id, type);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['graph_types', 'entities', 'relationships'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_tenant', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_platform USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_platform_tenant', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO companyos_app, companyos_platform', t);
  END LOOP;
END
$$;

-- Backfill: every domain object already stored becomes an entity, with the edges between them.
-- (From here on each domain writes its entities in the same transaction as the object.)
INSERT INTO entities (tenant_id, entity_id, type, properties, owner, source, created_at, updated_at)
SELECT tenant_id, 'subject:' || subject_id, 'User',
       jsonb_build_object('subject_id', subject_id, 'name', display_name, 'roles', to_jsonb(roles), 'status', status),
       NULL, 'identity', created_at, updated_at
FROM subjects;

-- A subject's department is its team; the team's id is the department's slug (as identity/subjects.ts makes it).
CREATE TEMPORARY TABLE subject_teams ON COMMIT DROP AS
SELECT tenant_id, subject_id, created_at, updated_at, attributes ->> 'department' AS name,
       left(regexp_replace(regexp_replace(lower(attributes ->> 'department'), '[^a-z0-9._@-]+', '-', 'g'), '^[^a-z0-9]+', ''), 100) AS slug
FROM subjects WHERE attributes ->> 'department' IS NOT NULL;

INSERT INTO entities (tenant_id, entity_id, type, properties, owner, source, created_at, updated_at)
SELECT tenant_id, 'team:' || slug, 'Team', jsonb_build_object('name', min(name)), NULL, 'identity', min(created_at), max(updated_at)
FROM subject_teams WHERE slug <> '' GROUP BY tenant_id, slug;

INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, source, created_at)
SELECT tenant_id, gen_random_uuid(), 'subject:' || subject_id, 'team:' || slug, 'MEMBER_OF', 'identity', created_at
FROM subject_teams WHERE slug <> '';

INSERT INTO entities (tenant_id, entity_id, type, properties, owner, source, created_at, updated_at)
SELECT tenant_id, 'high-risk-request:' || request_id, 'HighRiskOperationRequest',
       jsonb_build_object('request_id', request_id, 'operation', operation, 'status', status, 'requester', requester),
       requester, 'high_risk', created_at, updated_at
FROM high_risk_requests;

INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, source, created_at)
SELECT r.tenant_id, gen_random_uuid(), 'subject:' || r.requester, 'high-risk-request:' || r.request_id, 'REQUESTED', 'high_risk', r.created_at
FROM high_risk_requests r
WHERE EXISTS (SELECT 1 FROM subjects s WHERE s.tenant_id = r.tenant_id AND s.subject_id = r.requester);

INSERT INTO entities (tenant_id, entity_id, type, properties, owner, source, created_at, updated_at)
SELECT tenant_id, 'approval:' || request_id || ':' || seq, 'Approval',
       jsonb_build_object('request_id', request_id, 'approver', actor, 'rationale', rationale), actor, 'high_risk', at, at
FROM high_risk_history WHERE transition = 'approve';

INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, source, created_at)
SELECT tenant_id, gen_random_uuid(), 'approval:' || request_id || ':' || seq, 'high-risk-request:' || request_id, 'APPROVED', 'high_risk', at
FROM high_risk_history WHERE transition = 'approve';

INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, source, created_at)
SELECT h.tenant_id, gen_random_uuid(), 'approval:' || h.request_id || ':' || h.seq, 'subject:' || h.actor, 'DECIDED_BY', 'high_risk', h.at
FROM high_risk_history h
WHERE h.transition = 'approve' AND EXISTS (SELECT 1 FROM subjects s WHERE s.tenant_id = h.tenant_id AND s.subject_id = h.actor);

INSERT INTO entities (tenant_id, entity_id, type, properties, owner, source, created_at, updated_at)
SELECT tenant_id, 'export:' || export_id, 'EvidenceBundle',
       jsonb_build_object('export_id', export_id, 'status', status, 'window_from', window_from, 'window_to', window_to),
       requested_by, 'audit', created_at, coalesce(finished_at, created_at)
FROM audit_exports;

INSERT INTO entities (tenant_id, entity_id, type, properties, owner, source, created_at, updated_at)
SELECT tenant_id, 'receipt:' || receipt_id, 'Receipt', jsonb_build_object('receipt_id', receipt_id, 'action', action, 'actor', actor, 'target', target),
       NULL, 'ledger', issued_at, issued_at
FROM receipts;

INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, source, created_at)
SELECT r.tenant_id, gen_random_uuid(), r.target, 'receipt:' || r.receipt_id, 'RECEIPTED_BY', 'ledger', r.issued_at
FROM receipts r
WHERE EXISTS (SELECT 1 FROM entities e WHERE e.tenant_id = r.tenant_id AND e.entity_id = r.target);

INSERT INTO entities (tenant_id, entity_id, type, properties, owner, source, created_at, updated_at)
SELECT tenant_id, 'decision:' || decision_id, 'PolicyDecision',
       jsonb_build_object('decision_id', decision_id, 'action', action, 'actor', actor, 'allow', allow, 'bundle_hash', bundle_hash),
       NULL, 'policy', "timestamp", "timestamp"
FROM policy_decisions;
