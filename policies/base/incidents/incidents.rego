# Incidents: who may resolve one. Roles grant opening, noting and resolving (data.roles); a
# critical incident is resolved only by someone holding a role of
# data.incidents.critical_resolver_roles, whatever else grants the action.
#   data.companyos.incidents.reasons   why an action on an incident is refused, with input as the
#                                      authorization input (input.resource: the incident)
package companyos.incidents

critical_resolver if {
	some role in input.subject.roles
	role in data.incidents.critical_resolver_roles
}

reasons contains msg if {
	input.action == "incident.resolve"
	input.resource.severity == "critical"
	not critical_resolver
	msg := sprintf("resolving a critical incident needs one of the roles %s", [concat(", ", data.incidents.critical_resolver_roles)])
}
