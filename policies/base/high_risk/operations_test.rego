package companyos.high_risk_test

import data.companyos.high_risk

engineer := {"id": "eli", "roles": ["engineer"]}

lead := {"approver": {"id": "tara", "roles": ["team_lead"]}}

officer := {"approver": {"id": "sam", "roles": ["security_officer"]}}

req(requester, minutes, approvals) := {"requester": requester, "operation": "TEMP_DB_READ_ACCESS", "duration_minutes": minutes, "approvals": approvals}

test_engineer_may_request_for_up_to_two_hours if {
	d := high_risk.request_decision with input as req(engineer, 120, [])
	d.allow
	d.approver_roles == ["team_lead", "security_officer"]
}

test_longer_than_two_hours_is_refused if {
	d := high_risk.request_decision with input as req(engineer, 121, [])
	not d.allow
	"TEMP_DB_READ_ACCESS may last at most 120 minutes, not 121" in d.reasons
}

test_only_engineers_may_request if {
	d := high_risk.request_decision with input as req({"id": "ava", "roles": ["account_executive"]}, 30, [])
	not d.allow
	"only a subject with role engineer may request TEMP_DB_READ_ACCESS" in d.reasons
}

test_unknown_operations_are_refused if {
	d := high_risk.request_decision with input as {"requester": engineer, "operation": "DROP_PROD", "duration_minutes": 5}
	not d.allow
	"DROP_PROD is not a known high-risk operation" in d.reasons
}

test_lead_and_officer_approvals_satisfy if {
	high_risk.approval_satisfied with input as req(engineer, 60, [lead, officer])
}

test_one_approval_is_not_enough if {
	not high_risk.approval_satisfied with input as req(engineer, 60, [lead])
	high_risk.missing_approvals == {"security_officer"} with input as req(engineer, 60, [lead])
}

test_the_requester_cannot_approve_their_own_request if {
	self := {"approver": {"id": "eli", "roles": ["team_lead", "security_officer"]}}
	not high_risk.approval_satisfied with input as req(engineer, 60, [self, officer])
}

test_one_person_cannot_approve_under_both_roles if {
	both := {"approver": {"id": "tara", "roles": ["team_lead", "security_officer"]}}
	not high_risk.approval_satisfied with input as req(engineer, 60, [both])
	high_risk.approval_satisfied with input as req(engineer, 60, [both, officer])
}

test_approvals_do_not_rescue_a_refused_request if {
	not high_risk.approval_satisfied with input as req(engineer, 240, [lead, officer])
}

test_a_request_without_a_duration_is_refused if {
	d := high_risk.request_decision with input as {"requester": engineer, "operation": "TEMP_DB_READ_ACCESS", "approvals": []}
	not d.allow
	"the duration must be a positive number of minutes" in d.reasons
}
