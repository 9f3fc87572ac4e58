import { currentTenantId, currentTx } from '../../context.ts';
import { recordKey } from './tenant-purge.ts';

// A subject purge deletes the subject's own rows, but other mutable records name the person as
// who made, owns or asked for them (a runbook's author, a lead's owner, a routing rule's members).
// They stay, naming the person by the same pseudonym the append-only records use (ADR 0029), whose
// key the purge then destroys: the record keeps saying "one person did this", and nothing says who.

/**
 * Where a mutable record may hold a person's subject id: `id` columns hold it whole (or as a
 * `subject:<id>` reference), `json` columns anywhere in the document as a JSON string.
 * `purge-people.test.ts` checks every text, JSON or array column of a mutable table is here or
 * in `NAMES_NO_PERSON`.
 */
export const SUBJECT_COLUMNS: ReadonlyArray<{ table: string; column: string; kind: 'id' | 'json' }> = [
  { table: 'flag_settings', column: 'updated_by', kind: 'id' },
  { table: 'flag_settings', column: 'setting', kind: 'json' },
  { table: 'runbooks', column: 'created_by', kind: 'id' },
  { table: 'runbooks', column: 'updated_by', kind: 'id' },
  { table: 'revops_leads', column: 'owner', kind: 'id' },
  { table: 'revops_leads', column: 'created_by', kind: 'id' },
  { table: 'revops_leads', column: 'contact', kind: 'json' },
  { table: 'revops_opportunities', column: 'owner', kind: 'id' },
  { table: 'revops_quotes', column: 'owner', kind: 'id' },
  { table: 'revops_quotes', column: 'terms', kind: 'json' },
  { table: 'revops_contracts', column: 'created_by', kind: 'id' },
  { table: 'revops_routing_rules', column: 'members', kind: 'json' },
  { table: 'high_risk_requests', column: 'requester', kind: 'id' },
  { table: 'high_risk_requests', column: 'target', kind: 'json' },
  { table: 'audit_exports', column: 'requested_by', kind: 'id' },
  { table: 'audit_exports', column: 'filters', kind: 'json' },
  { table: 'portal_invitations', column: 'invited_by', kind: 'id' },
  { table: 'portal_invitations', column: 'revoked_by', kind: 'id' },
  { table: 'purge_requests', column: 'requester', kind: 'id' },
  { table: 'purge_requests', column: 'subject', kind: 'id' },
  { table: 'purge_requests', column: 'manifest', kind: 'json' },
  { table: 'invoice_webhooks', column: 'created_by', kind: 'id' },
  { table: 'plan_assignments', column: 'assigned_by', kind: 'id' },
  { table: 'incidents', column: 'opened_by', kind: 'id' },
  { table: 'incidents', column: 'alert', kind: 'json' },
  { table: 'jobs', column: 'payload', kind: 'json' },
  { table: 'jobs', column: 'errors', kind: 'json' },
  { table: 'entities', column: 'owner', kind: 'id' },
  { table: 'entities', column: 'properties', kind: 'json' },
  { table: 'relationships', column: 'properties', kind: 'json' },
];

/** Text, JSON and array columns of mutable tables that never hold a person's subject id, and why. */
export const NAMES_NO_PERSON: Readonly<Record<string, string>> = {
  'api_keys.subject_id': 'the subject purge deletes its API keys',
  'subjects.subject_id': 'the subject purge deletes its row',
  'subjects.display_name': 'the subject purge deletes its row',
  'subjects.attributes': 'the subject purge deletes its row',
  'entities.entity_id': "an entity's id names its object; the subject's own entity is deleted with its relationships",
  'relationships.from_id': 'entity ids; a relationship to the subject goes with its entity',
  'relationships.to_id': 'entity ids; a relationship to the subject goes with its entity',
  'jobs.lease_owner': 'the server instance holding the lease',
  'portal_invitations.email': "an outside viewer's address, not a subject of the tenant",
  'portal_invitations.session_id': "an outside viewer's session",
  'portal_invitation_mail.accept_url': "the invitation's link, naming its token",
  'revops_leads.company': "a prospect's company",
  'revops_opportunities.name': "the deal's name",
  'runbooks.title': "the tenant's own text, sealed in its versions",
  'incidents.title': 'the alert or the opener’s summary of the incident',
  'incidents.resolution': 'how the incident was resolved',
  'high_risk_requests.rationale': 'sealed under its author’s key, destroyed by the purge',
  'purge_requests.rationale': 'sealed under its author’s key, destroyed by the purge',
  'invoices.document': 'the invoice: usage and money',
  'graph_types.schema': "a tenant type's JSON schema",
  'tenant_branding.colors': 'colours',
};

/** Column names that are never a person: keys, states, codes, money, digests, urls, error texts. */
const NEVER_PERSON = new Set([
  'tenant_id', 'key_id', 'name', 'secret_sha256', 'roles', 'request_id', 'status', 'progress', 'counts', 'pack_sha256', 'error', 'key', 'media_type', 'sha256',
  'period', 'service', 'driver', 'currency', 'type', 'source', 'client_key', 'flag_id', 'kind', 'type_name', 'description', 'operation', 'approver_roles', 'role_name',
  'severity', 'alert_key', 'runbook_slug', 'url', 'secret_wrapped', 'number', 'idempotency_key', 'public_key_pem', 'meter', 'plan_id', 'state', 'last_error', 'message_id',
  'role', 'purpose', 'legal_basis', 'token_sha256', 'session_sha256', 'scope', 'segment', 'region', 'team', 'rule_id', 'stage', 'lines', 'required_roles', 'strategy',
  'slug', 'product_name', 'logo_url', 'logo_type',
]);

/** Whether a column is known not to hold a person's subject id (for the inventory test). */
export const namesNoPerson = (table: string, column: string): boolean => NEVER_PERSON.has(column) || `${table}.${column}` in NAMES_NO_PERSON;

/** The statement renaming `$2` (the subject id) as `$3` (its pseudonym) in one column, returning the keys of the rows changed. */
function rewriteSql(table: string, column: string, kind: 'id' | 'json'): string {
  const key = recordKey(table);
  if (kind === 'id') {
    return `UPDATE ${table} SET ${column} = CASE WHEN ${column} = $2 THEN $3 ELSE 'subject:' || $3 END
            WHERE tenant_id = $1 AND ${column} IN ($2, 'subject:' || $2) RETURNING ${key} AS key`;
  }
  // The JSON text holds a string equal to the id (or its reference) only as `"<id>"`, quotes and
  // escapes as `to_jsonb` writes them; a longer string containing the id does not match.
  const id = `to_jsonb($2::text)::text`;
  const ref = `to_jsonb('subject:' || $2::text)::text`;
  return `UPDATE ${table} SET ${column} = replace(replace(${column}::text, ${id}, to_jsonb($3::text)::text), ${ref}, to_jsonb('subject:' || $3::text)::text)::jsonb
          WHERE tenant_id = $1 AND (strpos(${column}::text, ${id}) > 0 OR strpos(${column}::text, ${ref}) > 0) RETURNING ${key} AS key`;
}

/**
 * Renames the subject as its pseudonym in every mutable record of the current tenant naming it;
 * returns per column the keys of the rows changed, for the purge manifest.
 */
export async function rewriteSubject(subjectId: string, pseudonym: string): Promise<Array<{ table: string; column: string; keys: string[] }>> {
  const out: Array<{ table: string; column: string; keys: string[] }> = [];
  for (const c of SUBJECT_COLUMNS) {
    const rows = await currentTx().query<{ key: string }>(rewriteSql(c.table, c.column, c.kind), [currentTenantId(), subjectId, pseudonym]);
    out.push({ table: c.table, column: c.column, keys: rows.map((r) => String(r.key)) });
  }
  return out;
}
