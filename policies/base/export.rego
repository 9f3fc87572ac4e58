# Evidence exports: only tenant admins, only within minutes of a step-up sign-in, and only towards
# a user in the tenant's data region unless the bundle lets exports cross to another region. This
# package is the one decider of where evidence may go; the authorization decision
# (data.companyos.authz.decision) includes these reasons.
package companyos.export

export_action if input.action in data.export_actions

admin if {
	some role in input.subject.roles
	role in data.export.admin_roles
}

# Seconds since the step-up sign-in (context.auth_time is in seconds since the epoch).
step_up_age_s := (time.parse_rfc3339_ns(input.context.time) / 1000000000) - input.context.auth_time

recent_step_up if {
	input.context.step_up == true
	step_up_age_s <= data.export.step_up_max_age_s
}

# Where the exporting user is, against where the tenant's data lives. A subject without a region
# is in none (a rule, since `not` over an undefined operand is undefined, as in OPA).
export_region_allowed if input.subject.attributes.region == input.tenant.data_region

# Regions the bundle lets evidence cross to (data.export.cross_region_allowed, absent: none).
export_region_allowed if input.subject.attributes.region in data.export.cross_region_allowed

reasons contains msg if {
	export_action
	not export_region_allowed
	msg := sprintf("exports are allowed only to users in the tenant's data region %s", [input.tenant.data_region])
}

reasons contains "only a tenant admin may export evidence" if {
	export_action
	not admin
}

reasons contains msg if {
	export_action
	not recent_step_up
	msg := sprintf("an export needs a step-up sign-in with a second factor within the last %d minutes: sign in again and retry", [data.export.step_up_max_age_s / 60])
}
