package companyos.ledger_test

import data.companyos.authz

pilot := {"id": "pilot-a", "status": "active", "data_region": "eu", "redaction_preset": "strict"}

ctx := {"request_id": "r1", "time": "2026-01-01T00:00:00Z", "step_up": false}

stepped := {"request_id": "r2", "time": "2026-01-01T00:00:00Z", "step_up": true}

who(roles) := {"id": "user-x", "tenant_id": "pilot-a", "roles": roles, "attributes": {}}

test_security_reads_proofs_and_checkpoints if {
	every action in ["provenance.receipt.get", "provenance.checkpoint.get", "provenance.consistency.get", "provenance.evidence.create"] {
		authz.allow with input as {"subject": who(["security"]), "action": action, "resource": {}, "tenant": pilot, "context": ctx}
	}
}

test_engineer_gets_presentations_but_not_proofs if {
	authz.allow with input as {"subject": who(["engineer"]), "action": "provenance.receipt.disclose", "resource": {}, "tenant": pilot, "context": ctx}
	d := authz.decision with input as {"subject": who(["engineer"]), "action": "provenance.receipt.get", "resource": {}, "tenant": pilot, "context": ctx}
	not d.allow
	"no role of subject user-x grants action provenance.receipt.get" in d.reasons
}

test_key_rotation_is_for_admins_with_step_up if {
	d := authz.decision with input as {"subject": who(["CompanyAdmin"]), "action": "tenant.keys.rotate", "resource": {}, "tenant": pilot, "context": ctx}
	not d.allow
	"the action requires a recent step-up authentication" in d.reasons
	authz.allow with input as {"subject": who(["CompanyAdmin"]), "action": "tenant.keys.rotate", "resource": {}, "tenant": pilot, "context": stepped}
	not authz.allow with input as {"subject": who(["security"]), "action": "tenant.keys.rotate", "resource": {}, "tenant": pilot, "context": stepped}
}

test_tenant_kek_use_is_for_admins_and_changes_need_step_up if {
	every action in ["keys.kek.import", "keys.kek.rotate", "keys.kek.revoke"] {
		not authz.allow with input as {"subject": who(["CompanyAdmin"]), "action": action, "resource": {}, "tenant": pilot, "context": ctx}
		authz.allow with input as {"subject": who(["CompanyAdmin"]), "action": action, "resource": {}, "tenant": pilot, "context": stepped}
		not authz.allow with input as {"subject": who(["security"]), "action": action, "resource": {}, "tenant": pilot, "context": stepped}
	}
	every action in ["keys.kek.status", "keys.wrapping_key.create"] {
		authz.allow with input as {"subject": who(["CompanyAdmin"]), "action": action, "resource": {}, "tenant": pilot, "context": ctx}
		not authz.allow with input as {"subject": who(["engineer"]), "action": action, "resource": {}, "tenant": pilot, "context": ctx}
	}
}
