-- The deal desk's objects in the entity graph: the backfill of what existed before the RevOps
-- storage functions wrote their objects into the graph (workflows/revops/deal-graph.ts), with
-- the same ids, types, properties and edges.

INSERT INTO entities (tenant_id, entity_id, type, properties, owner, source, created_at, updated_at)
SELECT tenant_id, 'revops-lead:' || lead_id, 'Lead',
       jsonb_build_object('lead_id', lead_id, 'company', company, 'segment', segment, 'region', region, 'team', team, 'status', status,
                          'estimated_value_minor', estimated_value_minor, 'currency', currency),
       owner, 'revops', created_at, created_at
FROM revops_leads
ON CONFLICT (tenant_id, entity_id) DO NOTHING;

INSERT INTO entities (tenant_id, entity_id, type, properties, owner, source, created_at, updated_at)
SELECT tenant_id, 'revops-opportunity:' || opportunity_id, 'Opportunity',
       jsonb_build_object('opportunity_id', opportunity_id, 'name', name, 'team', team, 'stage', stage, 'amount_minor', amount_minor, 'currency', currency),
       owner, 'revops', created_at, updated_at
FROM revops_opportunities
ON CONFLICT (tenant_id, entity_id) DO NOTHING;

INSERT INTO entities (tenant_id, entity_id, type, properties, owner, source, created_at, updated_at)
SELECT tenant_id, 'revops-quote:' || quote_id, 'Quote',
       jsonb_build_object('quote_id', quote_id, 'status', status, 'version', version, 'discount_bp', discount_bp, 'total_minor', total_minor, 'currency', currency,
                          'valid_until', to_char(valid_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
       owner, 'revops', created_at, updated_at
FROM revops_quotes
ON CONFLICT (tenant_id, entity_id) DO NOTHING;

INSERT INTO entities (tenant_id, entity_id, type, properties, owner, source, created_at, updated_at)
SELECT tenant_id, 'revops-contract:' || contract_id, 'ContractStub',
       jsonb_build_object('contract_id', contract_id, 'quote_id', quote_id, 'effective_date', effective_date::text, 'term_months', term_months,
                          'amount_minor', amount_minor, 'currency', currency),
       created_by, 'revops', created_at, created_at
FROM revops_contracts
ON CONFLICT (tenant_id, entity_id) DO NOTHING;

INSERT INTO entities (tenant_id, entity_id, type, properties, owner, source, created_at, updated_at)
SELECT tenant_id, 'revops-approval:' || quote_id || ':' || seq, 'Approval',
       jsonb_build_object('quote_id', quote_id, 'approver', actor, 'rationale', rationale), actor, 'revops', at, at
FROM revops_quote_history WHERE transition = 'approve'
ON CONFLICT (tenant_id, entity_id) DO NOTHING;

-- Edges, each only where both ends are entities (an owner may not be a subject of the tenant).
CREATE TEMPORARY TABLE revops_edges ON COMMIT DROP AS
SELECT tenant_id, 'subject:' || owner AS from_id, 'revops-lead:' || lead_id AS to_id, 'OWNS' AS type, created_at FROM revops_leads
UNION ALL
SELECT tenant_id, 'revops-lead:' || lead_id, 'revops-opportunity:' || opportunity_id, 'TRIGGERS', created_at FROM revops_opportunities
UNION ALL
SELECT tenant_id, 'subject:' || owner, 'revops-opportunity:' || opportunity_id, 'OWNS', created_at FROM revops_opportunities
UNION ALL
SELECT tenant_id, 'revops-opportunity:' || opportunity_id, 'revops-quote:' || quote_id, 'OWNS', created_at FROM revops_quotes
UNION ALL
SELECT tenant_id, 'revops-quote:' || quote_id, 'revops-contract:' || contract_id, 'TRIGGERS', created_at FROM revops_contracts
UNION ALL
SELECT tenant_id, 'revops-approval:' || quote_id || ':' || seq, 'revops-quote:' || quote_id, 'APPROVED', at FROM revops_quote_history WHERE transition = 'approve'
UNION ALL
SELECT tenant_id, 'revops-approval:' || quote_id || ':' || seq, 'subject:' || actor, 'DECIDED_BY', at FROM revops_quote_history WHERE transition = 'approve';

INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, source, created_at)
SELECT e.tenant_id, gen_random_uuid(), e.from_id, e.to_id, e.type, 'revops', e.created_at
FROM revops_edges e
WHERE EXISTS (SELECT 1 FROM entities f WHERE f.tenant_id = e.tenant_id AND f.entity_id = e.from_id)
  AND EXISTS (SELECT 1 FROM entities t WHERE t.tenant_id = e.tenant_id AND t.entity_id = e.to_id)
ON CONFLICT (tenant_id, from_id, type, to_id) DO NOTHING;

-- The receipts of RevOps changes, which the graph could not link before their targets were in it.
INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, source, created_at)
SELECT r.tenant_id, gen_random_uuid(), r.target, 'receipt:' || r.receipt_id, 'RECEIPTED_BY', 'ledger', r.issued_at
FROM receipts r
WHERE r.target LIKE 'revops-%' AND r.action NOT IN ('revops.quote.get', 'revops.opportunity.get', 'revops.evidence.get')
  AND EXISTS (SELECT 1 FROM entities e WHERE e.tenant_id = r.tenant_id AND e.entity_id = r.target)
  AND EXISTS (SELECT 1 FROM entities e WHERE e.tenant_id = r.tenant_id AND e.entity_id = 'receipt:' || r.receipt_id)
ON CONFLICT (tenant_id, from_id, type, to_id) DO NOTHING;
