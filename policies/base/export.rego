# Evidence exports: only tenant admins, and only within minutes of a step-up sign-in. The
# authorization decision (data.companyos.authz.decision) includes these reasons.
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

reasons contains "only a tenant admin may export evidence" if {
	export_action
	not admin
}

reasons contains msg if {
	export_action
	not recent_step_up
	msg := sprintf("an export needs a step-up sign-in with a second factor within the last %d minutes: sign in again and retry", [data.export.step_up_max_age_s / 60])
}
