-- Evidence packs exported before the graph existed: 0012 made their entities but not the edge
-- from the subject who asked for each, nor the pack's digest, both of which the live mirror
-- writes with every export. Both are added here; running on a graph that has them changes nothing.

INSERT INTO relationships (tenant_id, relationship_id, from_id, to_id, type, source, created_at)
SELECT x.tenant_id, gen_random_uuid(), 'subject:' || x.requested_by, 'export:' || x.export_id, 'REQUESTED', 'audit', x.created_at
FROM audit_exports x
WHERE EXISTS (SELECT 1 FROM entities e WHERE e.tenant_id = x.tenant_id AND e.entity_id = 'subject:' || x.requested_by)
  AND EXISTS (SELECT 1 FROM entities e WHERE e.tenant_id = x.tenant_id AND e.entity_id = 'export:' || x.export_id)
ON CONFLICT (tenant_id, from_id, type, to_id) DO NOTHING;

UPDATE entities e
SET properties = e.properties || jsonb_build_object('pack_sha256', x.pack_sha256)
FROM audit_exports x
WHERE e.tenant_id = x.tenant_id AND e.entity_id = 'export:' || x.export_id AND NOT (e.properties ? 'pack_sha256');
