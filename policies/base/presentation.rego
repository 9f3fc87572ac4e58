# Which fields of a record a viewer sees. Query data.companyos.presentation.visible_fields (a set
# of field names) with input
#   {"viewer": {"id", "tenant_id", "roles"}, "record_type", "purpose", "legal_basis", "tenant"}
# where tenant is the record's tenant id (or {"id": ...}). A viewer of another tenant sees nothing;
# otherwise the record type's "always" fields, plus, when the legal basis is accepted for the
# purpose, the purpose's fields and those the viewer's roles add.
package companyos.presentation

tenant_id := input.tenant.id if is_object(input.tenant)

tenant_id := input.tenant if is_string(input.tenant)

same_tenant if input.viewer.tenant_id == tenant_id

record := data.presentation.record_types[input.record_type]

purpose_accepted if input.legal_basis in data.presentation.purposes[input.purpose].legal_bases

visible_fields contains field if {
	same_tenant
	some field in record.always
}

visible_fields contains field if {
	same_tenant
	purpose_accepted
	some field in record.purposes[input.purpose]
}

visible_fields contains field if {
	same_tenant
	purpose_accepted
	some role in input.viewer.roles
	some field in record.roles[role]
}

hidden_fields contains field if {
	some field in record.fields
	not field in visible_fields
}
