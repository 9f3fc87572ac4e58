package companyos.revops_test

import data.companyos.revops

ae := {"id": "ava", "roles": ["account_executive"]}

manager := {"approver": {"id": "max", "roles": ["sales_manager"]}}

finance := {"approver": {"id": "fay", "roles": ["finance"]}}

# The base thresholds, pinned: a tenant's own data may move them (its bundle still passes these tests).
limits20 := {"self_approve_max_pct": 20, "requester_roles": ["account_executive"], "approver_roles": ["sales_manager", "finance"]}

deal(pct, approvals) := {"requester": ae, "deal": {"id": "d1", "discount_pct": pct}, "approvals": approvals}

test_twenty_percent_is_self_approved if {
	d := revops.discount_decision with input as deal(20, []) with data.revops.discount as limits20
	d.allow
	d.self_approved
	count(d.required_approvals) == 0
}

test_above_twenty_percent_needs_manager_and_finance if {
	d := revops.discount_decision with input as deal(21, []) with data.revops.discount as limits20
	not d.allow
	d.required_approvals == {"sales_manager", "finance"}
	"a discount of 21 percent is above the 20 percent an account executive may approve alone: it needs the approval of a finance other than the requester" in d.reasons
}

test_manager_and_finance_approve_a_large_discount if {
	d := revops.discount_decision with input as deal(35, [manager, finance])
	d.allow
	not d.self_approved
}

test_manager_alone_is_not_enough if {
	d := revops.discount_decision with input as deal(35, [manager])
	not d.allow
	count(d.reasons) == 1
}

test_the_requester_cannot_approve if {
	self := {"approver": {"id": "ava", "roles": ["sales_manager", "finance"]}}
	not revops.discount_decision.allow with input as deal(35, [self])
}

test_one_person_cannot_approve_as_both if {
	both := {"approver": {"id": "max", "roles": ["sales_manager", "finance"]}}
	d := revops.discount_decision with input as deal(35, [both])
	not d.allow
	"the approvals above the threshold must come from different people" in d.reasons
}

test_only_account_executives_request_discounts if {
	d := revops.discount_decision with input as {"requester": {"id": "eli", "roles": ["engineer"]}, "deal": {"id": "d1", "discount_pct": 5}, "approvals": []}
	not d.allow
	"only a subject with role account_executive may request a discount" in d.reasons
}

test_a_tenant_may_raise_the_threshold if {
	d := revops.discount_decision with input as deal(25, []) with data.revops.discount.self_approve_max_pct as 30
	d.allow
}

test_discounts_over_one_hundred_percent_are_refused if {
	d := revops.discount_decision with input as deal(120, [manager, finance])
	not d.allow
	"a discount must be between 0 and 100 percent" in d.reasons
}

test_an_ineligible_request_is_refused_whatever_the_approvals if {
	d := revops.discount_decision with input as {"requester": {"id": "eli", "roles": ["engineer"]}, "deal": {"id": "d1", "discount_pct": 30}, "approvals": [manager, finance]}
	not d.allow
	not d.request_allowed
}

test_a_large_discount_may_be_requested_and_names_what_is_missing if {
	d := revops.discount_decision with input as deal(30, [manager])
	d.request_allowed
	d.missing_approvals == {"finance"}
}

test_a_tenant_may_lower_the_threshold if {
	d := revops.discount_decision with input as deal(18, []) with data.revops.discount.self_approve_max_pct as 15
	not d.allow
	d.required_approvals == {"sales_manager", "finance"}
	d15 := revops.discount_decision with input as deal(15, []) with data.revops.discount.self_approve_max_pct as 15
	d15.self_approved
}

test_fractional_percentages_compare_exactly if {
	d := revops.discount_decision with input as deal(20.01, []) with data.revops.discount as limits20
	not d.self_approved
	count(d.required_approvals) == 2
}
