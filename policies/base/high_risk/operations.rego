# High-risk operations (temporary database access and the like): who may request them, for how
# long, and whose approvals they need. The high-risk workflow queries:
#   data.companyos.high_risk.request_decision   {allow, reasons, approver_roles, max_duration_minutes}
#   data.companyos.high_risk.approval_satisfied true once the approvals suffice
# with input {"requester": {"id", "roles"}, "operation", "duration_minutes",
#             "approvals": [{"approver": {"id", "roles"}}]}.
package companyos.high_risk

import data.companyos.lib.approvals

operation := data.high_risk.operations[input.operation]

default approver_roles := []

approver_roles := operation.approver_roles

request_reasons contains msg if {
	not operation
	msg := sprintf("%v is not a known high-risk operation", [input.operation])
}

request_reasons contains msg if {
	operation
	not eligible
	msg := sprintf("only a subject with role %s may request %s", [concat(" or ", operation.requester_roles), input.operation])
}

eligible if {
	some role in input.requester.roles
	role in operation.requester_roles
}

# A missing duration is not positive (a rule, since `not` over an undefined operand is undefined).
positive_duration if input.duration_minutes > 0

request_reasons contains "the duration must be a positive number of minutes" if {
	operation
	not positive_duration
}

request_reasons contains msg if {
	input.duration_minutes > operation.max_duration_minutes
	msg := sprintf("%s may last at most %d minutes, not %v", [input.operation, operation.max_duration_minutes, input.duration_minutes])
}

request_decision := {
	"allow": count(request_reasons) == 0,
	"reasons": request_reasons,
	"approver_roles": approver_roles,
	"max_duration_minutes": max_duration_minutes,
}

default max_duration_minutes := 0

max_duration_minutes := operation.max_duration_minutes

# Roles still to approve (approvals by the requester never count).
missing_approvals := approvals.missing(object.get(input, "approvals", []), input.requester.id, approver_roles)

default approval_satisfied := false

approval_satisfied if {
	count(request_reasons) == 0
	count(approver_roles) > 0
	approvals.satisfied(object.get(input, "approvals", []), input.requester.id, approver_roles)
}
