import type { Row } from '../db/database.ts';
import { toSubject, type Subject, type SubjectRow } from '../identity/subjects.ts';
import type { KeyRow } from '../keys/data-keys.ts';
import { toTenant, type Tenant, type TenantRow } from '../tenancy/tenants.ts';

// What every governed request reads before it decides: its tenant (with the configuration version
// the fleet follows) and the subject its credential names. One statement, made in the round trip
// that opens the request's transaction, after the settings it reads: the tenant's for row-level
// security, and the subject's own. The subject's live data key comes with it: its id is the
// caller's pseudonym in what the request records (ADR 0029), and its wrapped form (with its tenant
// KEK's) is what sealing the caller's rationale needs, so that is not read again.

/** The transaction setting that names the credential's subject for the opening read. */
export const SUBJECT_SETTING = 'app.subject_id';

export const REQUEST_STATE_READ = `SELECT t.tenant_id, t.status, t.config, t.created_at, t.updated_at, t.config_version::text AS config_version,
    s.subject_id, s.display_name AS subject_display_name, s.roles AS subject_roles, s.attributes AS subject_attributes,
    s.status AS subject_status, s.created_at AS subject_created_at, s.updated_at AS subject_updated_at, k.key_id AS subject_actor_key_id,
    k.wrapped_key AS subject_key_wrapped, k.kek_version AS subject_key_kek_version, kek.wrapped_kek AS subject_key_wrapped_kek
  FROM tenants t LEFT JOIN subjects s ON s.tenant_id = t.tenant_id AND s.subject_id = current_setting('${SUBJECT_SETTING}')
  LEFT JOIN subject_data_keys k ON k.tenant_id = s.tenant_id AND k.subject_id = s.subject_id AND k.shredded_at IS NULL
  LEFT JOIN tenant_keks kek ON kek.tenant_id = k.tenant_id AND kek.version = k.kek_version
  WHERE t.tenant_id = current_setting('app.tenant_id')`;

export interface RequestState {
  /** Undefined when no such tenant is visible. */
  tenant: { tenant: Tenant; configVersion: string } | undefined;
  /** Undefined when the tenant has no such subject. */
  subject: Subject | undefined;
  /** The subject's live data key row, when it has one (its id is the subject's pseudonym). */
  actorKey: KeyRow | undefined;
}

/** The tenant and subject from the rows of REQUEST_STATE_READ. */
export function requestState(rows: Row[]): RequestState {
  const row = rows[0] as (TenantRow & Record<`subject_${string}`, unknown> & { config_version: string }) | undefined;
  if (row === undefined) return { tenant: undefined, subject: undefined, actorKey: undefined };
  const subject =
    row.subject_id === null
      ? undefined
      : toSubject({
          subject_id: row.subject_id as string,
          tenant_id: row.tenant_id,
          display_name: row.subject_display_name as string,
          roles: row.subject_roles as SubjectRow['roles'],
          attributes: row.subject_attributes as SubjectRow['attributes'],
          status: row.subject_status as SubjectRow['status'],
          created_at: row.subject_created_at as Date,
          updated_at: row.subject_updated_at as Date,
        });
  const actorKey: KeyRow | undefined =
    subject === undefined || row.subject_actor_key_id === null || row.subject_actor_key_id === undefined
      ? undefined
      : {
          key_id: String(row.subject_actor_key_id),
          subject_id: subject.subject_id,
          wrapped_key: row.subject_key_wrapped as Uint8Array,
          shredded_at: null,
          purge_id: null,
          kek_version: row.subject_key_kek_version === null ? null : Number(row.subject_key_kek_version),
          wrapped_kek: (row.subject_key_wrapped_kek as Uint8Array | null) ?? null,
        };
  return { tenant: { tenant: toTenant(row), configVersion: row.config_version }, subject, actorKey };
}
