-- Which decision, under which bundle, allowed a change: each PolicyDecision is GOVERNED by the
-- Policy entity of its bundle (`policy:<bundle hash>`), and the receipt of each change is
-- DECIDED_BY the decision that allowed it. From here on the receipt's batch and the decision log
-- write these (graph/mirror.ts); this adds them for what is already stored. It also makes
-- entities of the receipts written outside the action pipeline (job steps, finished evidence
-- packs, finalised invoices, onboarding steps), which were not in the graph, linked from what
-- they concern. Running on a graph that has all of it changes nothing.

CREATE TEMPORARY TABLE unmirrored_receipts ON COMMIT DROP AS
SELECT r.tenant_id, r.receipt_id, r.issued_at, r.action, r.actor, r.target
FROM receipts r
WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.tenant_id = r.tenant_id AND e.entity_id = 'receipt:' || r.receipt_id);

INSERT INTO entities (tenant_id, entity_id, type, properties, owner, source, created_at, updated_at)
SELECT tenant_id, 'receipt:' || receipt_id, 'Receipt', jsonb_build_object('receipt_id', receipt_id, 'action', action, 'actor', actor, 'target', target),
       NULL, 'ledger', issued_at, issued_at
FROM unmirrored_receipts
ON CONFLICT (tenant_id, entity_id) DO NOTHING;

-- Those receipts are all of changes, so each is linked from its target when that is in the graph.
INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, source, created_at)
SELECT u.tenant_id, gen_random_uuid(), u.target, 'receipt:' || u.receipt_id, 'RECEIPTED_BY', 'ledger', u.issued_at
FROM unmirrored_receipts u
WHERE EXISTS (SELECT 1 FROM entities e WHERE e.tenant_id = u.tenant_id AND e.entity_id = u.target)
ON CONFLICT (tenant_id, from_id, type, to_id) DO NOTHING;

INSERT INTO entities (tenant_id, entity_id, type, properties, owner, source, created_at, updated_at)
SELECT tenant_id, 'decision:' || decision_id, 'PolicyDecision',
       jsonb_build_object('decision_id', decision_id, 'action', action, 'actor', actor, 'allow', allow, 'bundle_hash', bundle_hash),
       NULL, 'policy', "timestamp", "timestamp"
FROM policy_decisions
ON CONFLICT (tenant_id, entity_id) DO NOTHING;

INSERT INTO entities (tenant_id, entity_id, type, properties, owner, source, created_at, updated_at)
SELECT tenant_id, 'policy:' || bundle_hash, 'Policy', jsonb_build_object('bundle_hash', bundle_hash), NULL, 'policy', min("timestamp"), min("timestamp")
FROM policy_decisions
GROUP BY tenant_id, bundle_hash
ON CONFLICT (tenant_id, entity_id) DO NOTHING;

INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, source, created_at)
SELECT tenant_id, gen_random_uuid(), 'policy:' || bundle_hash, 'decision:' || decision_id, 'GOVERNS', 'policy', "timestamp"
FROM policy_decisions
ON CONFLICT (tenant_id, from_id, type, to_id) DO NOTHING;

-- A receipt's decision is the pipeline's allow for the same request, action and actor; only the
-- receipts of changes (those linked from what they concern) are linked, as the pipeline does.
INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, source, created_at)
SELECT DISTINCT ON (r.tenant_id, r.receipt_id)
       r.tenant_id, gen_random_uuid(), 'receipt:' || r.receipt_id, 'decision:' || d.decision_id, 'DECIDED_BY', 'ledger', r.issued_at
FROM receipts r
JOIN policy_decisions d
  ON d.tenant_id = r.tenant_id AND d.input -> 'context' ->> 'request_id' = r.body ->> 'request_id'
 AND d.action = r.action AND d.actor = r.actor AND d.allow AND d.path = 'companyos/authz/decision' AND d.source IS NULL
WHERE EXISTS (SELECT 1 FROM relationships x WHERE x.tenant_id = r.tenant_id AND x.to_id = 'receipt:' || r.receipt_id AND x.type = 'RECEIPTED_BY')
ORDER BY r.tenant_id, r.receipt_id, d."timestamp" DESC
ON CONFLICT (tenant_id, from_id, type, to_id) DO NOTHING;
