import { currentTenantId, currentTx } from '../context.ts';
import { prepareActors, shownActors, storedActor } from '../identity/actor-pseudonyms.ts';
import { uuidv7 } from '../util/ids.ts';
import type { FlagSetting } from './flag-model.ts';

// The current tenant's flag settings, their change history and last evaluations. A change is
// append-only, so it names its actor by pseudonym (ADR 0029), shown by subject id until a purge.

export type ChangeKind = 'set' | 'clear' | 'revert' | 'import';

export interface FlagChange {
  change_id: string;
  flag_id: string;
  changed_at: string;
  actor: string;
  kind: ChangeKind;
  before: FlagSetting | null;
  after: FlagSetting | null;
  request_id: string | null;
}

interface ChangeRow extends Omit<FlagChange, 'changed_at'> {
  changed_at: Date;
}

export async function flagSettings(): Promise<Map<string, FlagSetting>> {
  const rows = await currentTx().query<{ flag_id: string; setting: FlagSetting }>('SELECT flag_id, setting FROM flag_settings WHERE tenant_id = $1', [currentTenantId()]);
  return new Map(rows.map((r) => [r.flag_id, r.setting]));
}

/**
 * Sets (or, with null, clears) the tenant's setting of a flag and appends the change with what
 * it replaced, in the caller's transaction. The row lock serialises concurrent changes of one flag.
 */
export async function writeFlagSetting(
  flagId: string,
  setting: FlagSetting | null,
  change: { actor: string; kind: ChangeKind; requestId: string | null; at: Date },
): Promise<FlagChange> {
  const tenant = currentTenantId();
  const tx = currentTx();
  const prior = await tx.query<{ setting: FlagSetting }>('SELECT setting FROM flag_settings WHERE tenant_id = $1 AND flag_id = $2 FOR UPDATE', [tenant, flagId]);
  const before = prior[0]?.setting ?? null;
  if (setting === null) {
    await tx.query('DELETE FROM flag_settings WHERE tenant_id = $1 AND flag_id = $2', [tenant, flagId]);
  } else {
    await tx.query(
      `INSERT INTO flag_settings (tenant_id, flag_id, setting, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, flag_id) DO UPDATE SET setting = EXCLUDED.setting, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [tenant, flagId, JSON.stringify(setting), change.at.toISOString(), change.actor],
    );
  }
  const row: FlagChange = {
    change_id: uuidv7(change.at.getTime()),
    flag_id: flagId,
    changed_at: change.at.toISOString(),
    actor: change.actor,
    kind: change.kind,
    before,
    after: setting,
    request_id: change.requestId,
  };
  await prepareActors([change.actor], change.at);
  await tx.query(
    `INSERT INTO flag_changes (tenant_id, change_id, flag_id, changed_at, actor, kind, before, after, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [tenant, row.change_id, flagId, row.changed_at, storedActor(row.actor), row.kind, JSON.stringify(before), JSON.stringify(setting), row.request_id],
  );
  return row;
}

/** The flag's changes, newest first. */
export async function flagChanges(flagId: string, limit = 50): Promise<FlagChange[]> {
  const rows = await currentTx().query<ChangeRow>(
    `SELECT change_id, flag_id, changed_at, actor, kind, before, after, request_id FROM flag_changes
     WHERE tenant_id = $1 AND flag_id = $2 ORDER BY changed_at DESC, change_id DESC LIMIT $3`,
    [currentTenantId(), flagId, limit],
  );
  const shown = await shownActors(rows.map((r) => r.actor));
  return rows.map((r) => ({ ...r, actor: shown.get(r.actor) ?? r.actor, changed_at: new Date(r.changed_at).toISOString() }));
}

export async function flagUsage(): Promise<Map<string, string>> {
  const rows = await currentTx().query<{ flag_id: string; last_evaluated_at: Date }>('SELECT flag_id, last_evaluated_at FROM flag_usage WHERE tenant_id = $1', [currentTenantId()]);
  return new Map(rows.map((r) => [r.flag_id, new Date(r.last_evaluated_at).toISOString()]));
}

export async function recordFlagUsage(flagId: string, at: Date): Promise<void> {
  await currentTx().query(
    `INSERT INTO flag_usage (tenant_id, flag_id, last_evaluated_at) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, flag_id) DO UPDATE SET last_evaluated_at = GREATEST(flag_usage.last_evaluated_at, EXCLUDED.last_evaluated_at)`,
    [currentTenantId(), flagId, at.toISOString()],
  );
}
