# Approval helpers shared by the workflow policies. An approval is {"approver": {"id", "roles"}}.
package companyos.lib.approvals

# The required roles that approvals by anyone but the requester cover.
covered(approvals, requester_id, roles) := {role |
	some a in approvals
	a.approver.id != requester_id
	some role in a.approver.roles
	role in roles
}

# The people other than the requester whose approval counts towards a required role.
approvers(approvals, requester_id, roles) := {a.approver.id |
	some a in approvals
	a.approver.id != requester_id
	some role in a.approver.roles
	role in roles
}

# Roles no valid approval covers yet.
missing(approvals, requester_id, roles) := {role |
	some role in roles
	not role in covered(approvals, requester_id, roles)
}

# Every role is covered, by as many distinct people as there are roles (for two roles this is
# exactly "one person per role": nobody approves twice under two hats).
satisfied(approvals, requester_id, roles) if {
	count(missing(approvals, requester_id, roles)) == 0
	count(approvers(approvals, requester_id, roles)) >= count({r | some r in roles})
}
