# The entity graph: which entities a subject may see, and reading an entity one is entitled to.
# The graph domain queries:
#   data.companyos.graph.visible        whether a node may appear in a graph read, with input
#                                       {"subject": {"id", "roles"}, "resource": {"entity_id", "type", "owner", "entitled_subjects"}}
#   data.companyos.graph.entitled_read  (through the authz decision) a read of an entity the subject
#                                       owns or is entitled to (ENTITLED_TO) needs no role granting it
#   data.companyos.graph.reasons        why an action on an entity of a restricted type is refused
# A type named in data.graph.restricted_types is seen only by the roles listed for it, and by
# the subjects entitled to (or owning) the entity.
package companyos.graph

entity_read_actions := {"graph.entity.get", "graph.neighbours.get", "graph.lineage.get"}

entitled if input.subject.id in input.resource.entitled_subjects

entitled if {
	input.resource.owner != null
	input.resource.owner == input.subject.id
}

restricted_roles := data.graph.restricted_types[input.resource.type]

role_clears_type if {
	some role in input.subject.roles
	role in restricted_roles
}

hidden_by_type if {
	restricted_roles
	not role_clears_type
}

default visible := false

visible if {
	"graph.entity.get" in data.companyos.authz.granted
	not hidden_by_type
}

visible if entitled

entitled_read if {
	input.action in entity_read_actions
	entitled
}

reasons contains msg if {
	startswith(input.action, "graph.")
	input.resource.entity_id
	hidden_by_type
	not entitled
	msg := sprintf("entities of type %s are restricted to the roles %s", [input.resource.type, concat(", ", restricted_roles)])
}
