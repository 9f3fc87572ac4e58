package companyos.export_test

import data.companyos.authz

admin := {"id": "user-admin", "tenant_id": "pilot-a", "roles": ["CompanyAdmin"], "attributes": {"region": "eu"}}

engineer := {"id": "user-engineer", "tenant_id": "pilot-a", "roles": ["engineer"], "attributes": {"region": "eu"}}

pilot_a := {"id": "pilot-a", "status": "active", "data_region": "eu", "allowed_regions": ["eu"], "redaction_preset": "strict"}

# 2026-01-01T00:10:00Z is 1767226200 seconds after the epoch.
now := "2026-01-01T00:10:00Z"

stepped(age_s) := {"request_id": "r1", "time": now, "step_up": true, "auth_time": 1767226200 - age_s}

request(subject, context) := {"subject": subject, "action": "audit.export.create", "resource": {}, "tenant": pilot_a, "context": context}

step_up_reason := "an export needs a step-up sign-in with a second factor within the last 10 minutes: sign in again and retry"

test_admin_with_fresh_step_up_exports if {
	d := authz.decision with input as request(admin, stepped(60))
	d.allow
}

test_admin_without_step_up_is_told_to_step_up if {
	d := authz.decision with input as request(admin, {"request_id": "r1", "time": now, "step_up": false})
	not d.allow
	step_up_reason in d.reasons
}

test_step_up_older_than_ten_minutes_is_refused if {
	d := authz.decision with input as request(admin, stepped(601))
	not d.allow
	step_up_reason in d.reasons
}

test_step_up_of_exactly_ten_minutes_is_accepted if {
	authz.allow with input as request(admin, stepped(600))
}

test_non_admin_cannot_export_even_stepped_up if {
	d := authz.decision with input as request(engineer, stepped(30))
	not d.allow
	"only a tenant admin may export evidence" in d.reasons
}

test_export_outside_the_data_region_is_refused if {
	traveller := object.union(admin, {"attributes": {"region": "us"}})
	d := authz.decision with input as request(traveller, stepped(30)) with data.allowed_regions as ["eu", "us"]
	not d.allow
	"exports are allowed only to users in the tenant's data region eu" in d.reasons
}

test_export_to_a_region_the_bundle_allows_is_accepted if {
	traveller := object.union(admin, {"attributes": {"region": "us"}})
	authz.allow with input as request(traveller, stepped(30)) with data.allowed_regions as ["eu", "us"] with data.export.cross_region_allowed as ["us"]
}

test_export_to_a_region_the_bundle_does_not_list_is_refused if {
	traveller := object.union(admin, {"attributes": {"region": "uk"}})
	d := authz.decision with input as request(traveller, stepped(30)) with data.allowed_regions as ["eu", "uk"] with data.export.cross_region_allowed as ["us"]
	not d.allow
	"exports are allowed only to users in the tenant's data region eu" in d.reasons
}

test_export_by_a_subject_without_a_region_is_refused if {
	unplaced := {"id": "user-admin", "tenant_id": "pilot-a", "roles": ["CompanyAdmin"], "attributes": {}}
	d := authz.decision with input as request(unplaced, stepped(30))
	not d.allow
	"exports are allowed only to users in the tenant's data region eu" in d.reasons
}

test_other_actions_need_no_step_up if {
	authz.allow with input as {"subject": admin, "action": "audit.list", "resource": {}, "tenant": pilot_a, "context": {"request_id": "r1", "time": now, "step_up": false}}
}

test_admin_follows_downloads_and_verifies_exports_without_a_new_step_up if {
	every action in ["audit.export.get", "audit.export.list", "audit.export.download", "audit.export.verify"] {
		authz.allow with input as {"subject": admin, "action": action, "resource": {}, "tenant": pilot_a, "context": {"request_id": "r1", "time": now, "step_up": false}}
	}
}

test_non_admin_cannot_read_download_or_verify_exports if {
	every action in ["audit.export.get", "audit.export.list", "audit.export.download", "audit.export.verify"] {
		d := authz.decision with input as {"subject": engineer, "action": action, "resource": {}, "tenant": pilot_a, "context": {"request_id": "r1", "time": now, "step_up": true}}
		not d.allow
		sprintf("no role of subject user-engineer grants action %s", [action]) in d.reasons
	}
}
