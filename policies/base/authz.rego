# Base authorization for CompanyOS actions. The decision is an object
# {allow, reasons, obligations}; an action is allowed only when no reason to deny it exists.
package companyos.authz

default allow := false

# Actions any role of the subject grants, from the role catalog in data.roles.
granted contains action if {
	some role in input.subject.roles
	some action in data.roles[role]
}

action_granted if input.action in granted

# A subject may read an entity it owns or is entitled to without a role granting the read.
action_granted if data.companyos.graph.entitled_read

platform_action if input.action in data.platform_actions

platform_tenant if input.subject.tenant_id in data.platform_tenants

reasons contains msg if {
	not action_granted
	msg := sprintf("no role of subject %s grants action %s", [input.subject.id, input.action])
}

reasons contains "platform actions are reserved to operators of a platform tenant" if {
	platform_action
	not platform_tenant
}

reasons contains "the subject does not belong to the tenant" if {
	input.subject.tenant_id != input.tenant.id
}

reasons contains "the tenant is not active" if {
	input.tenant.status != "active"
}

reasons contains "the action requires a recent step-up authentication" if {
	input.action in data.step_up_actions
	not input.context.step_up
}

# ABAC: subjects act only from the tenant's allowed regions: the bundle data's list
# (data.allowed_regions), or else the tenant's home region alone. This rule is the one source of
# the list; the tenant's settings show what it yields.
allowed_regions := data.allowed_regions

allowed_regions := [input.tenant.data_region] if not data.allowed_regions

reasons contains msg if {
	region := input.subject.attributes.region
	not region in allowed_regions
	msg := sprintf("requests from region %s are not allowed for tenant %s (allowed: %s)", [region, input.tenant.id, concat(", ", allowed_regions)])
}

# Domain policies add their own reasons to deny.
reasons contains msg if some msg in data.companyos.export.reasons

reasons contains msg if some msg in data.companyos.graph.reasons

reasons contains msg if some msg in data.companyos.incidents.reasons

allow if count(reasons) == 0

obligations := {"redaction": input.tenant.redaction_preset}

decision := {
	"allow": allow,
	"reasons": reasons,
	"obligations": obligations,
}
