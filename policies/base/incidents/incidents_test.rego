package companyos.incidents_test

import data.companyos.authz
import data.companyos.incidents


request(action, roles, resource) := {
	"subject": {"id": "u1", "tenant_id": "t1", "roles": roles, "attributes": {}},
	"action": action,
	"resource": resource,
	"tenant": {"id": "t1", "status": "active", "data_region": "eu", "redaction_preset": "standard"},
	"context": {"step_up": false},
}

critical := {"incident_id": "i1", "severity": "critical", "status": "open"}

minor := {"incident_id": "i2", "severity": "low", "status": "open"}

test_security_resolves_a_minor_incident if {
	d := authz.decision with input as request("incident.resolve", ["security"], minor)
	d.allow
}

test_a_critical_incident_needs_a_critical_resolver if {
	d := authz.decision with input as request("incident.resolve", ["security"], critical)
	not d.allow
	"resolving a critical incident needs one of the roles team_lead, security_officer, CompanyAdmin" in d.reasons
}

test_a_team_lead_resolves_a_critical_incident if {
	d := authz.decision with input as request("incident.resolve", ["team_lead"], critical)
	d.allow
}

test_engineers_open_and_mitigate_but_do_not_resolve if {
	authz.allow with input as request("incident.open", ["engineer"], null)
	authz.allow with input as request("incident.mitigate", ["engineer"], minor)
	not authz.allow with input as request("incident.resolve", ["engineer"], minor)
}

test_only_the_alert_receiver_and_admins_open_from_alerts if {
	authz.allow with input as request("incident.open_from_alert", ["alert_receiver"], null)
	not authz.allow with input as request("incident.list", ["alert_receiver"], null)
	not authz.allow with input as request("incident.open_from_alert", ["engineer"], null)
}

test_team_leads_edit_runbooks_and_engineers_read_them if {
	authz.allow with input as request("runbook.save", ["team_lead"], null)
	authz.allow with input as request("runbook.get", ["engineer"], null)
	not authz.allow with input as request("runbook.save", ["engineer"], null)
}

test_other_actions_are_not_concerned if {
	count(incidents.reasons) == 0 with input as request("incident.mitigate", ["engineer"], critical)
}
