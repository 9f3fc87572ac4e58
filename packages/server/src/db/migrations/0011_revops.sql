-- RevOps deal desk: routing rules, leads, opportunities, quotes with their append-only history,
-- and the contracts activated quotes record. Money is integer minor units with an ISO 4217 code.

-- Which team (and which of its account executives) owns an inbound lead. A rule matches a segment
-- and a region (NULL: any); the lowest priority number that matches wins. Inside the team, members
-- take turns (round_robin) or turns in proportion to their weight (weighted); `turns` counts the
-- leads the rule has routed, so the next pick is deterministic.
CREATE TABLE revops_routing_rules (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  rule_id text NOT NULL CHECK (rule_id ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
  priority integer NOT NULL,
  segment text,
  region text,
  team text NOT NULL,
  strategy text NOT NULL CHECK (strategy IN ('round_robin', 'weighted')),
  -- [{"subject_id": "...", "weight": 1}, ...]
  members jsonb NOT NULL CHECK (jsonb_typeof(members) = 'array' AND jsonb_array_length(members) > 0),
  turns bigint NOT NULL DEFAULT 0 CHECK (turns >= 0),
  PRIMARY KEY (tenant_id, rule_id)
);

CREATE TABLE revops_leads (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  lead_id uuid NOT NULL,
  company text NOT NULL,
  contact jsonb NOT NULL,
  segment text NOT NULL,
  region text NOT NULL,
  estimated_value_minor bigint NOT NULL CHECK (estimated_value_minor >= 0),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  team text NOT NULL,
  owner text NOT NULL,
  rule_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('routed', 'promoted')),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, lead_id),
  FOREIGN KEY (tenant_id, rule_id) REFERENCES revops_routing_rules (tenant_id, rule_id)
);
CREATE INDEX revops_leads_recent ON revops_leads (tenant_id, created_at DESC);

CREATE TABLE revops_opportunities (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  opportunity_id uuid NOT NULL,
  lead_id uuid NOT NULL,
  name text NOT NULL,
  segment text NOT NULL,
  region text NOT NULL,
  team text NOT NULL,
  owner text NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  stage text NOT NULL CHECK (stage IN ('open', 'won', 'lost')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, opportunity_id),
  UNIQUE (tenant_id, lead_id),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES revops_leads (tenant_id, lead_id)
);
CREATE INDEX revops_opportunities_recent ON revops_opportunities (tenant_id, created_at DESC);

CREATE TABLE revops_quotes (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  quote_id uuid NOT NULL,
  opportunity_id uuid NOT NULL,
  owner text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'active', 'rejected', 'cancelled', 'expired')),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  -- [{"product", "quantity", "unit_price_minor", "amount_minor"}]
  lines jsonb NOT NULL,
  discount_bp integer NOT NULL CHECK (discount_bp BETWEEN 0 AND 10000),
  terms jsonb NOT NULL,
  subtotal_minor bigint NOT NULL CHECK (subtotal_minor >= 0),
  discount_minor bigint NOT NULL CHECK (discount_minor >= 0 AND discount_minor <= subtotal_minor),
  total_minor bigint NOT NULL CHECK (total_minor = subtotal_minor - discount_minor),
  -- The roles whose approval the discount needs, as the policy said at the last submit.
  required_roles jsonb NOT NULL DEFAULT '[]',
  valid_until timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, quote_id),
  FOREIGN KEY (tenant_id, opportunity_id) REFERENCES revops_opportunities (tenant_id, opportunity_id)
);
CREATE INDEX revops_quotes_recent ON revops_quotes (tenant_id, created_at DESC);
CREATE INDEX revops_quotes_opportunity ON revops_quotes (tenant_id, opportunity_id);

-- One row per step of a quote (edits with the version they made, approvals with their rationale).
CREATE TABLE revops_quote_history (
  tenant_id text NOT NULL,
  quote_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq >= 0),
  at timestamptz NOT NULL,
  actor text NOT NULL,
  transition text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  rationale text,
  details jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, quote_id, seq),
  FOREIGN KEY (tenant_id, quote_id) REFERENCES revops_quotes (tenant_id, quote_id)
);

-- What an activated quote records: a contract stub.
CREATE TABLE revops_contracts (
  tenant_id text NOT NULL REFERENCES tenants (tenant_id),
  contract_id uuid NOT NULL,
  quote_id uuid NOT NULL,
  opportunity_id uuid NOT NULL,
  quote_version integer NOT NULL,
  effective_date date NOT NULL,
  term_months integer NOT NULL CHECK (term_months > 0),
  amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, contract_id),
  UNIQUE (tenant_id, quote_id),
  FOREIGN KEY (tenant_id, quote_id) REFERENCES revops_quotes (tenant_id, quote_id),
  FOREIGN KEY (tenant_id, opportunity_id) REFERENCES revops_opportunities (tenant_id, opportunity_id)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['revops_routing_rules', 'revops_leads', 'revops_opportunities', 'revops_quotes', 'revops_quote_history', 'revops_contracts'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_tenant', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I TO companyos_platform USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
      t || '_platform_tenant', t);
  END LOOP;
  GRANT SELECT, INSERT, UPDATE ON revops_routing_rules, revops_leads, revops_opportunities, revops_quotes TO companyos_app, companyos_platform;
  GRANT SELECT, INSERT ON revops_quote_history, revops_contracts TO companyos_app, companyos_platform;
  REVOKE UPDATE, DELETE, TRUNCATE ON revops_quote_history, revops_contracts FROM companyos_app, companyos_platform;
END
$$;
CREATE TRIGGER revops_quote_history_append_only BEFORE UPDATE OR DELETE ON revops_quote_history FOR EACH ROW EXECUTE FUNCTION app_reject_mutation();
CREATE TRIGGER revops_quote_history_no_truncate BEFORE TRUNCATE ON revops_quote_history FOR EACH STATEMENT EXECUTE FUNCTION app_reject_mutation();
