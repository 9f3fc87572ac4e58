# Purges of personal data (a subject's) or of an entity: who may ask, and whose approvals a purge
# needs before it runs. The purge workflow queries:
#   data.companyos.purge.request_decision   {allow, reasons, approver_roles}
#   data.companyos.purge.approval_satisfied true once the approvals suffice
#   data.companyos.purge.missing_approvals  the roles still to approve
# with input {"requester": {"id", "roles"}, "scope", "approvals": [{"approver": {"id", "roles"}}]}.
# The platform's part (asked of the server's base bundle, which no tenant's bundle can lower):
#   data.companyos.purge.platform_approver_roles     roles of platform operators a scope also needs
#   data.companyos.purge.platform_missing_approvals  those no operator's approval covers yet
# with input {"scope", "platform_approvals": [{"approver": {"id", "roles", "tenant_id"}}]}.
package companyos.purge

import data.companyos.lib.approvals

scope := data.purge.scopes[input.scope]

default approver_roles := []

approver_roles := scope.approver_roles

request_reasons contains msg if {
	not scope
	msg := sprintf("%v is not a purge scope", [input.scope])
}

request_reasons contains msg if {
	scope
	not eligible
	msg := sprintf("only a subject with role %s may request a %s purge", [concat(" or ", scope.requester_roles), input.scope])
}

eligible if {
	some role in input.requester.roles
	role in scope.requester_roles
}

request_decision := {
	"allow": count(request_reasons) == 0,
	"reasons": request_reasons,
	"approver_roles": approver_roles,
}

# Roles still to approve (the requester's own approval never counts).
missing_approvals := approvals.missing(object.get(input, "approvals", []), input.requester.id, approver_roles)

default approval_satisfied := false

# Two different people, neither the requester, one per required role.
approval_satisfied if {
	count(request_reasons) == 0
	count(approver_roles) >= 2
	approvals.satisfied(object.get(input, "approvals", []), input.requester.id, approver_roles)
}

# An operator's approval counts only from a tenant the platform names as its own: a tenant's
# people never approve for the platform, whatever roles their own tenant gives them.
default platform_approver_roles := []

platform_approver_roles := scope.platform_approver_roles

platform_covered contains role if {
	some a in object.get(input, "platform_approvals", [])
	a.approver.tenant_id in data.platform_tenants
	some role in a.approver.roles
	role in platform_approver_roles
}

platform_missing_approvals := {role |
	some role in platform_approver_roles
	not platform_covered[role]
}

# Retention: the server's own purge of a subject kept past the tenant's retention period for its
# data class, approved by this rule rather than by people. Input adds
# "retention": {"data_class", "period_days", "age_days"}.
default retention_approved := false

retention_approved if {
	input.requester.id == "system:retention"
	input.scope == "subject"
	input.retention.data_class in {"former_subjects"}
	input.retention.period_days >= 1
	input.retention.age_days >= input.retention.period_days
}
