# Discount approvals. An account executive approves a discount up to the tenant's threshold
# (20% by default) alone; above it a sales manager and finance must approve, neither the requester.
# Query data.companyos.revops.discount_decision with input
#   {"requester": {"id", "roles"}, "deal": {"id", "discount_pct"}, "approvals": [{"approver": {"id", "roles"}}]}.
package companyos.revops

import data.companyos.lib.approvals

limits := data.revops.discount

above_threshold if input.deal.discount_pct > limits.self_approve_max_pct

required_approvals contains role if {
	above_threshold
	some role in limits.approver_roles
}

missing_approvals := approvals.missing(object.get(input, "approvals", []), input.requester.id, required_approvals)

# Reasons the quote may not go forward at all, whatever the approvals.
request_reasons contains msg if {
	not requester_eligible
	msg := sprintf("only a subject with role %s may request a discount", [concat(" or ", limits.requester_roles)])
}

requester_eligible if {
	some role in input.requester.roles
	role in limits.requester_roles
}

request_reasons contains "a discount must be between 0 and 100 percent" if {
	not valid_discount
}

valid_discount if {
	input.deal.discount_pct >= 0
	input.deal.discount_pct <= 100
}

reasons contains msg if some msg in request_reasons

reasons contains msg if {
	some role in missing_approvals
	msg := sprintf("a discount of %v percent is above the %v percent an account executive may approve alone: it needs the approval of a %s other than the requester", [input.deal.discount_pct, limits.self_approve_max_pct, role])
}

reasons contains "the approvals above the threshold must come from different people" if {
	above_threshold
	count(missing_approvals) == 0
	not approvals.satisfied(object.get(input, "approvals", []), input.requester.id, required_approvals)
}

discount_decision := {
	"allow": count(reasons) == 0,
	"reasons": reasons,
	"request_allowed": count(request_reasons) == 0,
	"required_approvals": required_approvals,
	"missing_approvals": missing_approvals,
	"self_approved": self_approved,
}

default self_approved := false

self_approved if {
	not above_threshold
	count(reasons) == 0
}
