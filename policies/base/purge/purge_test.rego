package companyos.purge_test

import data.companyos.purge

security := {"id": "sam", "roles": ["security", "security_officer"]}

admin := {"approver": {"id": "ada", "roles": ["CompanyAdmin"]}}

officer := {"approver": {"id": "dana", "roles": ["security_officer"]}}

req(requester, scope, approvals) := {"requester": requester, "scope": scope, "approvals": approvals}

test_security_may_request_a_subject_purge_needing_an_admin_and_an_officer if {
	d := purge.request_decision with input as req(security, "subject", [])
	d.allow
	{r | some r in d.approver_roles} == {"CompanyAdmin", "security_officer"}
}

test_an_engineer_may_not_request_a_purge if {
	d := purge.request_decision with input as req({"id": "eli", "roles": ["engineer"]}, "subject", [])
	not d.allow
	"only a subject with role CompanyAdmin or security may request a subject purge" in d.reasons
}

test_an_unknown_scope_is_refused if {
	d := purge.request_decision with input as req(security, "galaxy", [])
	not d.allow
	"galaxy is not a purge scope" in d.reasons
}

test_only_an_admin_may_request_a_tenant_purge_needing_an_admin_and_an_officer if {
	not purge.request_decision.allow with input as req(security, "tenant", [])
	d := purge.request_decision with input as req({"id": "olu", "roles": ["CompanyAdmin"]}, "tenant", [])
	d.allow
	{r | some r in d.approver_roles} == {"CompanyAdmin", "security_officer"}
	purge.approval_satisfied with input as req({"id": "olu", "roles": ["CompanyAdmin"]}, "tenant", [admin, officer])
}

test_one_approval_is_not_enough if {
	not purge.approval_satisfied with input as req(security, "subject", [admin])
	purge.missing_approvals == {"security_officer"} with input as req(security, "subject", [admin])
}

test_two_people_with_the_two_roles_suffice if {
	purge.approval_satisfied with input as req(security, "subject", [admin, officer])
}

test_the_requester_approving_does_not_count if {
	own := {"approver": security}
	not purge.approval_satisfied with input as req(security, "subject", [admin, own])
}

test_one_person_with_both_roles_is_not_two_people if {
	both := {"approver": {"id": "ada", "roles": ["CompanyAdmin", "security_officer"]}}
	not purge.approval_satisfied with input as req(security, "subject", [both])
}

retention(requester, data_class, period, age) := {
	"requester": {"id": requester, "roles": []},
	"scope": "subject",
	"approvals": [],
	"retention": {"data_class": data_class, "period_days": period, "age_days": age},
}

test_retention_approves_a_former_subject_past_its_period if {
	purge.retention_approved with input as retention("system:retention", "former_subjects", 30, 31)
	purge.retention_approved with input as retention("system:retention", "former_subjects", 30, 30)
}

test_retention_does_not_approve_early_or_for_a_person_or_an_unknown_class if {
	not purge.retention_approved with input as retention("system:retention", "former_subjects", 30, 29)
	not purge.retention_approved with input as retention("user-admin", "former_subjects", 30, 31)
	not purge.retention_approved with input as retention("system:retention", "invoices", 30, 31)
	not purge.retention_approved with input as object.union(retention("system:retention", "former_subjects", 30, 31), {"scope": "entity"})
}

operator := {"approver": {"id": "operator:internal:opal", "roles": ["platform_operator"], "tenant_id": "internal"}}

test_a_tenant_purge_also_needs_a_platform_operator if {
	purge.platform_approver_roles == ["platform_operator"] with input as {"scope": "tenant"}
	purge.platform_missing_approvals == {"platform_operator"} with input as {"scope": "tenant", "platform_approvals": []}
	count(purge.platform_missing_approvals) == 0 with input as {"scope": "tenant", "platform_approvals": [operator]}
}

test_subject_and_entity_purges_need_no_platform_operator if {
	purge.platform_approver_roles == [] with input as {"scope": "subject"}
	count(purge.platform_missing_approvals) == 0 with input as {"scope": "entity", "platform_approvals": []}
}

test_an_operator_role_from_a_customer_tenant_does_not_count if {
	posing := {"approver": {"id": "mallory", "roles": ["platform_operator"], "tenant_id": "pilot-b"}}
	purge.platform_missing_approvals == {"platform_operator"} with input as {"scope": "tenant", "platform_approvals": [posing]}
}
