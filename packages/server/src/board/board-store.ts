import { currentTenantId, currentTx } from '../context.ts';
import { prepareActors, shownActors, storedActor } from '../identity/actor-pseudonyms.ts';

// A board pack's record is written once: its creator is stored by pseudonym (ADR 0029), shown as
// the subject id while the key lives.

export interface BoardPackRecord {
  pack_id: string;
  period: string;
  period_from: string;
  period_to: string;
  sha256: string;
  inputs: Record<string, string>;
  duration_ms: number;
  created_by: string;
  created_at: string;
}

export async function insertBoardPack(p: BoardPackRecord): Promise<void> {
  await prepareActors([p.created_by], new Date(p.created_at));
  await currentTx().query(
    `INSERT INTO board_packs (tenant_id, pack_id, period, period_from, period_to, sha256, inputs, duration_ms, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [currentTenantId(), p.pack_id, p.period, p.period_from, p.period_to, p.sha256, JSON.stringify(p.inputs), p.duration_ms, storedActor(p.created_by), p.created_at],
  );
}

/** The current tenant's board packs, newest first. */
export async function listBoardPacks(limit: number): Promise<BoardPackRecord[]> {
  const rows = await currentTx().query<Omit<BoardPackRecord, 'period_from' | 'period_to' | 'created_at'> & { period_from: Date | string; period_to: Date | string; created_at: Date | string }>(
    `SELECT pack_id::text AS pack_id, period, period_from, period_to, sha256, inputs, duration_ms, created_by, created_at FROM board_packs
     WHERE tenant_id = $1 ORDER BY created_at DESC, pack_id DESC LIMIT $2`,
    [currentTenantId(), limit],
  );
  const creators = await shownActors(rows.map((r) => r.created_by));
  return rows.map((r) => ({ ...r, created_by: creators.get(r.created_by) ?? r.created_by, period_from: new Date(r.period_from).toISOString(), period_to: new Date(r.period_to).toISOString(), created_at: new Date(r.created_at).toISOString() }));
}
