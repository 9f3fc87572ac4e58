import { currentTenantId, currentTx } from '../context.ts';

// Erasing a subject for a purge: its API keys and its row (name, attributes, roles) are deleted,
// not disabled. Returns the keys of what went, per table, for the purge manifest.

export async function eraseSubject(subjectId: string): Promise<Array<{ table: string; keys: string[] }>> {
  const keys = await currentTx().query<{ key_id: string }>(`DELETE FROM api_keys WHERE tenant_id = $1 AND subject_id = $2 RETURNING key_id`, [currentTenantId(), subjectId]);
  const subjects = await currentTx().query<{ subject_id: string }>(`DELETE FROM subjects WHERE tenant_id = $1 AND subject_id = $2 RETURNING subject_id`, [currentTenantId(), subjectId]);
  return [
    { table: 'api_keys', keys: keys.map((k) => k.key_id) },
    { table: 'subjects', keys: subjects.map((s) => s.subject_id) },
  ];
}
