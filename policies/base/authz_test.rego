package companyos.authz_test

import data.companyos.authz

admin := {"id": "user-admin", "tenant_id": "pilot-a", "roles": ["CompanyAdmin"], "attributes": {}}

engineer := {"id": "user-engineer", "tenant_id": "pilot-a", "roles": ["engineer"], "attributes": {}}

operator := {"id": "user-platform-operator", "tenant_id": "internal", "roles": ["platform_operator"], "attributes": {}}

pilot_a := {"id": "pilot-a", "status": "active", "data_region": "eu", "redaction_preset": "strict"}

platform_home := {"id": "internal", "status": "active", "data_region": "eu", "redaction_preset": "strict"}

ctx := {"request_id": "r1", "time": "2026-01-01T00:00:00Z", "step_up": false}

test_admin_updates_tenant_config if {
	d := authz.decision with input as {"subject": admin, "action": "tenant.config.update", "resource": {}, "tenant": pilot_a, "context": ctx}
	d.allow
	count(d.reasons) == 0
	d.obligations.redaction == "strict"
}

test_engineer_cannot_update_tenant_config if {
	d := authz.decision with input as {"subject": engineer, "action": "tenant.config.update", "resource": {}, "tenant": pilot_a, "context": ctx}
	not d.allow
	"no role of subject user-engineer grants action tenant.config.update" in d.reasons
}

test_engineer_reads_tenant_config if {
	authz.allow with input as {"subject": engineer, "action": "tenant.config.get", "resource": {}, "tenant": pilot_a, "context": ctx}
}

test_operator_creates_tenants if {
	authz.allow with input as {"subject": operator, "action": "tenant.create", "resource": {}, "tenant": platform_home, "context": ctx}
}

test_admin_cannot_create_tenants if {
	not authz.allow with input as {"subject": admin, "action": "tenant.create", "resource": {}, "tenant": pilot_a, "context": ctx}
}

test_operator_role_outside_platform_tenant_is_denied if {
	rogue := {"id": "rogue", "tenant_id": "pilot-a", "roles": ["platform_operator"], "attributes": {}}
	d := authz.decision with input as {"subject": rogue, "action": "tenant.list", "resource": {}, "tenant": pilot_a, "context": ctx}
	not d.allow
	"platform actions are reserved to operators of a platform tenant" in d.reasons
}

test_disable_requires_step_up if {
	d := authz.decision with input as {"subject": operator, "action": "tenant.disable", "resource": {}, "tenant": platform_home, "context": ctx}
	not d.allow
	"the action requires a recent step-up authentication" in d.reasons
	stepped := {"request_id": "r2", "time": "2026-01-01T00:00:00Z", "step_up": true}
	authz.allow with input as {"subject": operator, "action": "tenant.disable", "resource": {}, "tenant": platform_home, "context": stepped}
}

test_subject_of_another_tenant_is_denied if {
	d := authz.decision with input as {"subject": admin, "action": "subject.list", "resource": {}, "tenant": platform_home, "context": ctx}
	not d.allow
	"the subject does not belong to the tenant" in d.reasons
}

test_disabled_tenant_is_denied if {
	disabled := {"id": "pilot-a", "status": "disabled", "data_region": "eu", "redaction_preset": "strict"}
	not authz.allow with input as {"subject": admin, "action": "subject.list", "resource": {}, "tenant": disabled, "context": ctx}
}

traveller := {"id": "user-traveller", "tenant_id": "pilot-a", "roles": ["engineer"], "attributes": {"region": "us"}}

test_subject_in_a_region_the_bundle_does_not_allow_is_denied if {
	d := authz.decision with input as {"subject": traveller, "action": "tenant.config.get", "resource": {}, "tenant": pilot_a, "context": ctx}
		with data.allowed_regions as ["eu"]
	not d.allow
	"requests from region us are not allowed for tenant pilot-a (allowed: eu)" in d.reasons
}

test_bundle_data_regions_allow_more_than_the_home_region if {
	authz.allow with input as {"subject": traveller, "action": "tenant.config.get", "resource": {}, "tenant": pilot_a, "context": ctx}
		with data.allowed_regions as ["eu", "us"]
}

test_operator_reads_the_platform_audit_trail if {
	authz.allow with input as {"subject": operator, "action": "audit.list", "resource": {}, "tenant": platform_home, "context": ctx}
	not authz.allow with input as {"subject": operator, "action": "audit.list", "resource": {}, "tenant": pilot_a, "context": ctx}
}

test_admin_changes_flags_and_branding if {
	every action in ["flag.set", "flag.revert", "branding.update", "branding.logo.upload", "tenant.kit.export"] {
		authz.allow with input as {"subject": admin, "action": action, "resource": {}, "tenant": pilot_a, "context": ctx}
	}
}

test_engineer_evaluates_flags_but_cannot_change_them if {
	authz.allow with input as {"subject": engineer, "action": "flag.evaluate", "resource": {}, "tenant": pilot_a, "context": ctx}
	d := authz.decision with input as {"subject": engineer, "action": "flag.set", "resource": {}, "tenant": pilot_a, "context": ctx}
	not d.allow
	"no role of subject user-engineer grants action flag.set" in d.reasons
}

test_kit_import_requires_step_up if {
	d := authz.decision with input as {"subject": admin, "action": "tenant.kit.import", "resource": {}, "tenant": pilot_a, "context": ctx}
	not d.allow
	"the action requires a recent step-up authentication" in d.reasons
	stepped := {"request_id": "r3", "time": "2026-01-01T00:00:00Z", "step_up": true}
	authz.allow with input as {"subject": admin, "action": "tenant.kit.import", "resource": {}, "tenant": pilot_a, "context": stepped}
}

test_engineer_requests_high_risk_access_but_cannot_approve if {
	authz.allow with input as {"subject": engineer, "action": "high_risk.request.create", "resource": null, "tenant": pilot_a, "context": ctx}
	d := authz.decision with input as {"subject": engineer, "action": "high_risk.request.approve", "resource": {}, "tenant": pilot_a, "context": ctx}
	not d.allow
	"no role of subject user-engineer grants action high_risk.request.approve" in d.reasons
}

test_high_risk_evidence_is_for_request_readers_not_requesters if {
	officer := {"id": "sam", "tenant_id": "pilot-a", "roles": ["security_officer"], "attributes": {}}
	authz.allow with input as {"subject": officer, "action": "high_risk.evidence.get", "resource": {}, "tenant": pilot_a, "context": ctx}
	authz.allow with input as {"subject": officer, "action": "high_risk.receipts.missing", "resource": null, "tenant": pilot_a, "context": ctx}
	not authz.allow with input as {"subject": engineer, "action": "high_risk.evidence.get", "resource": {}, "tenant": pilot_a, "context": ctx}
	not authz.allow with input as {"subject": engineer, "action": "high_risk.receipts.missing", "resource": null, "tenant": pilot_a, "context": ctx}
}

test_security_officer_approves_high_risk_requests if {
	officer := {"id": "sam", "tenant_id": "pilot-a", "roles": ["security_officer"], "attributes": {}}
	authz.allow with input as {"subject": officer, "action": "high_risk.request.approve", "resource": {}, "tenant": pilot_a, "context": ctx}
	not authz.allow with input as {"subject": officer, "action": "high_risk.request.execute", "resource": {}, "tenant": pilot_a, "context": ctx}
}

# A decision service's key fetches the tenant's bundle and uploads its decisions, and nothing else.
agent := {"id": "pdp-1", "tenant_id": "pilot-a", "roles": ["policy_agent"], "attributes": {}}

test_policy_agent_downloads_bundles_and_uploads_decisions if {
	authz.allow with input as {"subject": agent, "action": "policy.bundle.download", "resource": null, "tenant": pilot_a, "context": ctx}
	authz.allow with input as {"subject": agent, "action": "policy.decision.upload", "resource": null, "tenant": pilot_a, "context": ctx}
}

test_policy_agent_cannot_read_decisions_or_change_policy if {
	not authz.allow with input as {"subject": agent, "action": "policy.decision.list", "resource": null, "tenant": pilot_a, "context": ctx}
	not authz.allow with input as {"subject": agent, "action": "policy.bundle.propose", "resource": null, "tenant": pilot_a, "context": ctx}
}
