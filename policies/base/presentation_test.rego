package companyos.presentation_test

import data.companyos.presentation

auditor := {"id": "user-security", "tenant_id": "pilot-a", "roles": ["security"]}

analyst := {"id": "user-analyst", "tenant_id": "pilot-a", "roles": ["engineer"]}

view(viewer, purpose, basis) := fields if {
	fields := presentation.visible_fields with input as {
		"viewer": viewer,
		"record_type": "receipt",
		"purpose": purpose,
		"legal_basis": basis,
		"tenant": "pilot-a",
	}
}

test_everyone_of_the_tenant_sees_the_always_fields if {
	view(analyst, "analytics", "none") == {"receipt_id", "issued_at", "action", "decision"}
}

test_audit_under_a_legal_obligation_sees_the_audit_fields if {
	fields := view(auditor, "audit", "legal_obligation")
	{"actor", "target", "bundle_hash", "evidence_refs", "request_id", "tenant_id"} & fields == {"actor", "target", "bundle_hash", "evidence_refs", "request_id", "tenant_id"}
}

test_a_legal_basis_not_accepted_for_the_purpose_reveals_nothing_more if {
	fields := view(auditor, "audit", "consent")
	not "actor" in fields
	not "bundle_hash" in fields
}

test_roles_add_fields_only_with_an_accepted_basis if {
	"actor" in view(auditor, "support", "contract")
	not "actor" in view(analyst, "support", "contract")
}

test_a_viewer_of_another_tenant_sees_nothing if {
	outsider := {"id": "x", "tenant_id": "pilot-b", "roles": ["security"]}
	count(view(outsider, "audit", "legal_obligation")) == 0
}

test_the_tenant_may_be_given_as_an_object if {
	fields := presentation.visible_fields with input as {"viewer": analyst, "record_type": "receipt", "purpose": "support", "legal_basis": "consent", "tenant": {"id": "pilot-a"}}
	"target" in fields
}

test_unknown_record_types_show_nothing if {
	count(presentation.visible_fields) == 0 with input as {"viewer": auditor, "record_type": "payroll", "purpose": "audit", "legal_basis": "legal_obligation", "tenant": "pilot-a"}
}

test_hidden_fields_are_the_rest if {
	hidden := presentation.hidden_fields with input as {"viewer": analyst, "record_type": "receipt", "purpose": "analytics", "legal_basis": "consent", "tenant": "pilot-a"}
	"actor" in hidden
	not "receipt_id" in hidden
}

portal_view(role, record_type, purpose, basis) := fields if {
	fields := presentation.visible_fields with input as {
		"viewer": {"id": "viewer:1", "tenant_id": "pilot-a", "roles": [role]},
		"record_type": record_type,
		"purpose": purpose,
		"legal_basis": basis,
		"tenant": "pilot-a",
	}
}

test_a_portal_partner_sees_less_of_the_posture_than_an_auditor if {
	auditor_fields := portal_view("portal_auditor", "portal_overview", "audit", "legal_obligation")
	partner_fields := portal_view("portal_partner", "portal_overview", "support", "contract")
	partner_fields - auditor_fields == set()
	"checkpoint_root" in auditor_fields
	not "checkpoint_root" in partner_fields
}

test_only_the_auditor_role_downloads_evidence_packs if {
	"download" in portal_view("portal_auditor", "evidence_pack", "audit", "legal_obligation")
	not "download" in portal_view("portal_partner", "evidence_pack", "audit", "legal_obligation")
	not "download" in portal_view("portal_auditor", "evidence_pack", "audit", "consent")
}
