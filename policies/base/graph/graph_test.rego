package companyos.graph_test

import data.companyos.authz
import data.companyos.graph

admin := {"id": "user-admin", "tenant_id": "pilot-a", "roles": ["CompanyAdmin"], "attributes": {}}

engineer := {"id": "user-engineer", "tenant_id": "pilot-a", "roles": ["engineer"], "attributes": {}}

lead := {"id": "user-team-lead", "tenant_id": "pilot-a", "roles": ["team_lead"], "attributes": {}}

pilot_a := {"id": "pilot-a", "status": "active", "data_region": "eu", "redaction_preset": "strict"}

ctx := {"request_id": "r1", "time": "2026-01-01T00:00:00Z", "step_up": false}

asset(entitled) := {"entity_id": "a1", "type": "Asset", "owner": "user-admin", "entitled_subjects": entitled}

invoice := {"entity_id": "i1", "type": "Invoice", "owner": "user-admin", "entitled_subjects": []}

read(subject, resource) := d if {
	d := authz.decision with input as {"subject": subject, "action": "graph.entity.get", "resource": resource, "tenant": pilot_a, "context": ctx}
}

test_engineer_reads_an_asset_only_when_entitled if {
	not read(engineer, asset([])).allow
	read(engineer, asset(["user-engineer"])).allow
}

test_owner_reads_its_own_entity if {
	read(engineer, object.union(asset([]), {"owner": "user-engineer"})).allow
}

test_entitlement_does_not_grant_writes if {
	d := authz.decision with input as {"subject": engineer, "action": "graph.entity.delete", "resource": asset(["user-engineer"]), "tenant": pilot_a, "context": ctx}
	not d.allow
}

test_restricted_type_is_refused_to_other_roles_with_a_reason if {
	d := read(lead, invoice)
	not d.allow
	"entities of type Invoice are restricted to the roles CompanyAdmin, finance" in d.reasons
	read(admin, invoice).allow
}

test_visibility_in_graph_reads if {
	graph.visible with input as {"subject": lead, "resource": asset([])}
	not graph.visible with input as {"subject": lead, "resource": invoice}
	not graph.visible with input as {"subject": engineer, "resource": asset([])}
	graph.visible with input as {"subject": engineer, "resource": object.union(invoice, {"entitled_subjects": ["user-engineer"]})}
}
